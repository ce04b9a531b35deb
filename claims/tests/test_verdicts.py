"""Verdicts: drafting, two-person publishing, reasons, stale edits, history, public ClaimReview, exports."""

import csv
import datetime
import io
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from claims import verdicts
from claims.ingest import extract_article_claims
from claims.models import Claim, ClaimLink, Note, Rating, Verdict

from .conftest import make_article, make_claim, make_outlet, make_user

pytestmark = pytest.mark.django_db


def rating(label):
    return Rating.objects.get(label=label)


def draft(client, claim, **data):
    fields = {
        "rating": rating("Mostly false").pk,
        "headline": "Russia massed 175,000 troops near Ukraine",
        "summary": "Two counts exist.",
        "sources": "The Post | https://washingtonpost.example/troops",
    }
    fields.update(data)
    return client.post(reverse("verdict_save", args=[claim.pk]), fields)


# --- Drafting ---------------------------------------------------------------------------


def test_an_editor_drafts_a_verdict(client, editor, troops):
    claim = troops[0]
    client.force_login(editor)
    response = draft(client, claim)
    assert response.status_code == 302
    verdict = Verdict.objects.get()
    assert (verdict.author, verdict.rating.label, verdict.is_published) == (editor, "Mostly false", False)
    assert verdict.sources == [{"label": "The Post", "url": "https://washingtonpost.example/troops"}]
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Draft" in page and "Russia massed 175,000 troops near Ukraine" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"headline": "x" * 76}, "at most 75 characters"),
        ({"headline": "Mostly false: Russia massed troops"}, "without the rating"),
        ({"headline": "The troop claim is TRUE"}, "without the rating"),
        ({"sources": "Post | javascript:alert(1)"}, "is not an http(s) URL"),
        ({"sources": "just words"}, "is not an http(s) URL"),
        ({"rating": "999"}, "Select a valid choice"),
    ],
)
def test_bad_verdicts_are_refused_clearly(client, editor, troops, data, message):
    client.force_login(editor)
    response = draft(client, troops[0], **data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert Verdict.objects.count() == 0


def test_viewers_cannot_draft_or_publish(client, viewer, editor, troops):
    client.force_login(viewer)
    assert draft(client, troops[0]).status_code == 403
    verdict = verdicts.save_verdict(troops[0], by=editor, rating=rating("False"))
    assert client.post(reverse("verdict_publish", args=[verdict.pk])).status_code == 403
    verdict.refresh_from_db()
    assert not verdict.is_published


# --- Two-person rule ------------------------------------------------------------------------


def test_the_author_cannot_publish_their_own_draft(client, chief, troops):
    verdict = verdicts.save_verdict(troops[0], by=chief, rating=rating("False"))
    client.force_login(chief)
    response = client.post(
        reverse("verdict_publish", args=[verdict.pk]), {"version": verdict.version}, follow=True
    )
    assert "Two-person rule" in response.content.decode()
    verdict.refresh_from_db()
    assert not verdict.is_published


def test_a_chief_who_edited_the_draft_cannot_publish_it_either(chief, editor, troops):
    verdict = verdicts.save_verdict(troops[0], by=editor, rating=rating("False"))
    verdicts.save_verdict(
        troops[0], by=chief, rating=rating("Mostly false"), expected_version=verdict.version
    )
    assert "Two-person rule" in verdicts.publish_refusal(Verdict.objects.get(), chief)


def test_another_chief_publishes(client, editor, chief, troops):
    verdict = verdicts.save_verdict(
        troops[0], by=editor, rating=rating("Mostly false"), headline="Russia massed troops"
    )
    client.force_login(chief)
    client.post(reverse("verdict_publish", args=[verdict.pk]), {"version": verdict.version})
    verdict.refresh_from_db()
    assert (verdict.is_published, verdict.published_by) == (True, chief)
    assert verdict.history.first().history_change_reason == "published"


def test_a_setting_lets_one_person_desks_self_publish(settings, chief, troops):
    settings.FACTCHECK_ALLOW_SELF_PUBLISH = True
    verdict = verdicts.save_verdict(troops[0], by=chief, rating=rating("True"))
    assert verdicts.publish(verdict, by=chief).is_published


def test_changing_a_published_verdict_needs_a_reason_and_records_it(editor, chief, troops):
    verdict = verdicts.save_verdict(troops[0], by=editor, rating=rating("Mostly false"))
    verdict = verdicts.publish(verdict, by=chief)
    with pytest.raises(Exception, match="say why"):
        verdicts.save_verdict(troops[0], by=editor, rating=rating("False"), expected_version=verdict.version)
    verdicts.save_verdict(
        troops[0],
        by=editor,
        rating=rating("False"),
        expected_version=verdict.version,
        reason="The Post corrected its figure",
    )
    record = Verdict.objects.get().history.first()
    assert (record.history_user, record.history_change_reason) == (
        editor,
        "edited after publishing: The Post corrected its figure",
    )
    with pytest.raises(Exception, match="Say why"):
        verdicts.unpublish(Verdict.objects.get(), by=chief, reason=" ")
    verdicts.unpublish(Verdict.objects.get(), by=chief, reason="Under review again")
    assert Verdict.objects.get().history.first().history_change_reason == "unpublished: Under review again"


def test_a_concurrent_verdict_edit_is_refused_showing_what_changed(client, editor, other_editor, troops):
    verdict = verdicts.save_verdict(
        troops[0], by=editor, rating=rating("Mostly false"), headline="Russia massed troops"
    )
    opened = verdict.version
    verdicts.save_verdict(
        troops[0],
        by=other_editor,
        rating=rating("Half true"),
        headline="Russia massed troops",
        expected_version=opened,
    )
    client.force_login(editor)
    response = draft(client, troops[0], rating=rating("False").pk, version=opened)
    page = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 409
    assert f"changed by {other_editor.username}" in page
    assert "rating: 2 Mostly false → 3 Half true" in page.replace("&gt;", ">")
    assert Verdict.objects.get().rating.label == "Half true"


def test_a_verdict_is_offered_to_agreeing_claims_never_silently(client, editor, troops):
    a, b = troops
    verdict = verdicts.save_verdict(
        a, by=editor, rating=rating("Mostly false"), headline="Russia massed troops"
    )
    assert Verdict.objects.filter(claim=b).count() == 0  # nothing happens by itself
    client.force_login(editor)
    page = client.get(a.get_absolute_url()).content.decode()
    assert "Draft this verdict there" in page and "Seed Outlet Two" in page
    client.post(reverse("verdict_apply", args=[verdict.pk]), {"claim": b.pk})
    copy = Verdict.objects.get(claim=b)
    assert (copy.based_on, copy.rating, copy.is_published, copy.author) == (
        verdict,
        verdict.rating,
        False,
        editor,
    )
    unrelated = make_claim(make_article(make_outlet("Other"), body="Unrelated claim about bridges."))
    client.post(reverse("verdict_apply", args=[verdict.pk]), {"claim": unrelated.pk})
    assert not Verdict.objects.filter(claim=unrelated).exists()


# --- History ------------------------------------------------------------------------------


def test_the_claim_page_shows_every_step_in_history(client, editor, chief, troops):
    a, b = troops
    client.force_login(editor)
    client.post(reverse("claim_review", args=[a.pk]), {"action": "in_review", "version": a.version})
    client.post(reverse("note_create", args=[a.pk]), {"text": "Asked the Post."})
    draft(client, a)
    verdict = Verdict.objects.get()
    client.force_login(chief)
    client.post(reverse("verdict_publish", args=[verdict.pk]), {"version": verdict.version})
    page = client.get(a.get_absolute_url()).content.decode()
    history = page[page.index('id="history"') :]
    for step in ("verdict published", "verdict drafted", "note added: Asked the Post.", "claim updated"):
        assert step in history
    assert (
        "status: <del>Flagged</del> → <ins>In review</ins>" in history
        or "status: <del>flagged</del> → <ins>in_review</ins>" in history
    )
    assert history.index("verdict published") < history.index("verdict drafted")  # newest first


def test_reextracting_never_loses_a_verdict(editor, chief):
    article = make_article(
        make_outlet(), body="About 1,200 residents were evacuated on Tuesday, according to the agency."
    )
    extract_article_claims(article)
    claim = Claim.objects.get()
    verdict = verdicts.publish(verdicts.save_verdict(claim, by=editor, rating=rating("True")), by=chief)
    extract_article_claims(article)
    assert Claim.objects.get().pk == claim.pk
    assert Verdict.objects.get().pk == verdict.pk


# --- Public pages and ClaimReview -------------------------------------------------------------


def published(troops, editor, chief, label="Mostly false"):
    verdict = verdicts.save_verdict(
        troops[0],
        by=editor,
        rating=rating(label),
        headline="Russia massed 175,000 troops near Ukraine",
        summary="Counts differ: 175,000 vs 70,000.",
        sources=[{"label": "Post", "url": "https://post.example/a"}],
    )
    return verdicts.publish(verdict, by=chief)


def jsonld_of(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def assert_valid_claimreview(data: dict):
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    for key in ("claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"):
        assert data[key], key
    assert data["url"].startswith(("http://", "https://"))
    assert data["author"]["@type"] == "Organization" and data["author"]["name"]
    assert data["author"]["url"].startswith(("http://", "https://"))
    datetime.date.fromisoformat(data["datePublished"])
    rating_ = data["reviewRating"]
    assert rating_["@type"] == "Rating" and isinstance(rating_["alternateName"], str)
    assert isinstance(rating_["bestRating"], int) and isinstance(rating_["worstRating"], int)
    assert rating_["bestRating"] > rating_["worstRating"]
    if "ratingValue" in rating_:
        assert rating_["worstRating"] <= rating_["ratingValue"] <= rating_["bestRating"]
    item = data["itemReviewed"]
    assert (
        item["@type"] == "Claim"
        and item["author"]["@type"] in {"Person", "Organization"}
        and item["author"]["name"]
    )
    assert item["appearance"]
    for appearance in item["appearance"]:
        assert appearance["@type"] in {"NewsArticle", "CreativeWork"}
        if "url" in appearance:
            assert appearance["url"].startswith(("http://", "https://"))


def test_the_public_page_embeds_valid_claimreview_listing_both_outlets(client, editor, chief, troops):
    verdict = published(troops, editor, chief)
    response = client.get(reverse("public_verdict", args=[verdict.pk]))  # anonymous
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mostly false" in html and "Seed Outlet One" in html and "Seed Outlet Two" in html
    data = jsonld_of(html)
    assert_valid_claimreview(data)
    assert data["reviewRating"]["ratingValue"] == 2
    assert data["reviewRating"]["alternateName"] == "Mostly false"
    assert data["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Washington Post"}
    assert {a["url"] for a in data["itemReviewed"]["appearance"]} == {
        "https://one.example/biden-putin",
        "https://two.example/kremlin-talks",
    }
    assert data["url"].endswith(f"/factchecks/{verdict.pk}/")


def test_unnumbered_ratings_keep_their_name_without_a_value(client, editor, chief, troops):
    verdict = published(troops, editor, chief, label="Misleading")
    data = jsonld_of(client.get(reverse("public_verdict", args=[verdict.pk])).content.decode())
    assert_valid_claimreview(data)
    assert "ratingValue" not in data["reviewRating"] and data["reviewRating"]["alternateName"] == "Misleading"


def test_json_ld_cannot_break_out_of_its_script(client, editor, chief, troops):
    a = troops[0]
    Claim.objects.filter(pk=a.pk).update(attribution="</script><script>alert(1)</script>")
    verdict = published(troops, editor, chief)
    html = client.get(reverse("public_verdict", args=[verdict.pk])).content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld_of(html)["itemReviewed"]["author"]["name"] == "</script><script>alert(1)</script>"


def test_drafts_and_unpublished_verdicts_never_appear_publicly(client, editor, chief, troops):
    draft_verdict = verdicts.save_verdict(troops[1], by=editor, rating=rating("False"))
    verdict = published(troops, editor, chief)
    verdicts.unpublish(verdict, by=chief, reason="Re-checking")
    for pk in (draft_verdict.pk, verdict.pk):
        assert client.get(reverse("public_verdict", args=[pk])).status_code == 404
    assert client.get(reverse("public_feed")).json()["items"] == []
    out = StringIO()
    call_command("export_claimreview", stdout=out)
    assert json.loads(out.getvalue()) == []
    with pytest.raises(CommandError, match="no published verdict"):
        call_command("export_claimreview", "--claim", str(troops[0].pk), stdout=StringIO())


def test_the_feed_is_paged_and_the_command_prints_the_same(
    client, editor, chief, django_assert_max_num_queries
):
    for n in range(23):
        claim = make_claim(
            make_article(make_outlet(f"Outlet {n}"), body=f"Claim number {n} says {n},000 people left.")
        )
        verdicts.publish(verdicts.save_verdict(claim, by=editor, rating=rating("True")), by=chief)
    with django_assert_max_num_queries(70):
        first = client.get(reverse("public_feed")).json()
    assert (first["count"], len(first["items"]), first["previous"]) == (23, 20, None)
    assert first["next"].endswith("/factchecks/feed.json?page=2")
    second = client.get(reverse("public_feed"), {"page": 2}).json()
    assert len(second["items"]) == 3 and second["next"] is None
    for item in first["items"] + second["items"]:
        assert_valid_claimreview(item)
    out = StringIO()
    call_command("export_claimreview", stdout=out)
    assert json.loads(out.getvalue()) == first["items"] + second["items"]
    one = Verdict.objects.first()
    out = StringIO()
    call_command("export_claimreview", "--claim", str(one.claim_id), stdout=out)
    assert json.loads(out.getvalue())["url"].endswith(f"/factchecks/{one.pk}/")


# --- Exports -------------------------------------------------------------------------------------


def test_chiefs_export_claims_with_links_notes_and_verdicts(client, editor, chief, troops):
    a, b = troops
    Note.objects.create(author=editor, claim=a, text='=HYPERLINK("http://evil")')
    published(troops, editor, chief)
    client.force_login(chief)
    data = client.get(reverse("export_claims_json")).json()
    row = next(item for item in data if item["id"] == a.pk)
    assert row["verdict"]["rating"] == "Mostly false" and row["verdict"]["published"] is True
    assert row["links"][0]["relation"] == "agrees" and row["links"][0]["other_claim"] == b.pk
    assert row["notes"][0]["author"] == editor.username
    # Publishing resolved the claim with the verdict (its status follows the verdict).
    response = client.get(reverse("export_claims_csv"), {"status": ["flagged", "resolved"]})
    assert response["Content-Disposition"].startswith('attachment; filename="claims-')
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {int(r["id"]) for r in rows} == {a.pk, b.pk}
    noted = next(r for r in rows if int(r["id"]) == a.pk)
    assert noted["notes"].startswith(f"{editor.username}: =HYPERLINK") and noted["verdict"] == "Mostly false"
    assert all(not value.startswith("=") for r in rows for value in r.values())


def test_exports_are_for_chiefs_only(client, editor, viewer):
    for user in (editor, viewer):
        client.force_login(user)
        assert client.get(reverse("export_claims_csv")).status_code == 403
        assert client.get(reverse("export_claims_json")).status_code == 403


def test_export_json_costs_a_fixed_number_of_queries(client, chief, editor, django_assert_max_num_queries):
    def add(n):
        a = make_claim(make_article(make_outlet(f"A{n}"), body=f"Figure {n} in outlet A."))
        b = make_claim(make_article(make_outlet(f"B{n}"), body=f"Figure {n} in outlet B."))
        link = ClaimLink.objects.create(claim_a=a, claim_b=b, relation="conflicts", score=0.5)
        Note.objects.create(author=editor, claim=a, text="n")
        Note.objects.create(author=editor, link=link, text="l")
        verdicts.save_verdict(a, by=editor, rating=rating("False"))

    add(0)
    client.force_login(chief)
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("export_claims_json"))
    for n in range(1, 15):
        add(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("export_claims_json"))


def test_export_claims_since_is_incremental(editor, troops):
    a, b = troops
    old = timezone.now() - datetime.timedelta(days=3)
    Claim.objects.update(updated_at=old, created_at=old)
    ClaimLink.objects.update(updated_at=old)
    cutoff = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    out = StringIO()
    call_command("export_claims", "--since", cutoff, stdout=out)
    assert json.loads(out.getvalue()) == []
    Note.objects.create(author=editor, claim=b, text="new note")
    out = StringIO()
    call_command("export_claims", "--since", cutoff, stdout=out)
    assert [row["id"] for row in json.loads(out.getvalue())] == [b.pk]
    out = StringIO()
    call_command("export_claims", "--since", cutoff, "--format", "csv", stdout=out)
    assert out.getvalue().splitlines()[0].startswith("id,outlet,article")
    with pytest.raises(CommandError, match="is not a date"):
        call_command("export_claims", "--since", "last week", stdout=StringIO())


def test_the_admin_cannot_bypass_the_two_person_rule(client, chief, troops):
    verdict = verdicts.save_verdict(
        troops[0], by=chief, rating=rating("False"), headline="Russia massed troops"
    )
    client.force_login(chief)
    url = reverse("admin:claims_verdict_change", args=[verdict.pk])
    page = client.get(url).content.decode()
    assert 'name="is_published"' not in page
    client.post(
        url,
        {
            "claim": verdict.claim_id,
            "rating": verdict.rating_id,
            "headline": "x",
            "summary": "",
            "sources": "[]",
            "author": chief.pk,
            "is_published": "on",
        },
    )
    verdict.refresh_from_db()
    assert not verdict.is_published
    published_verdict = verdicts.publish(
        verdicts.save_verdict(troops[1], by=make_user("ed2", "Editor"), rating=rating("True")), by=chief
    )
    page = client.get(reverse("admin:claims_verdict_change", args=[published_verdict.pk])).content.decode()
    assert 'name="summary"' not in page and 'name="headline"' not in page


# --- The claim's status follows its verdict (issue 14) ----------------------------------------


def test_the_claims_status_follows_its_verdict_and_says_why(editor, chief, troops, settings):
    settings.FACTCHECK_ALLOW_SELF_PUBLISH = False
    claim, partner = troops
    verdict = verdicts.save_verdict(
        claim, by=editor, rating=rating("Mostly false"), headline="Troops near Ukraine"
    )
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert claim.history.first().history_change_reason == "a verdict was drafted"
    verdicts.publish(verdict, by=chief)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.RESOLVED
    assert (claim.history.first().history_change_reason, claim.history.first().history_user) == (
        "its verdict was published",
        chief,
    )
    verdicts.unpublish(Verdict.objects.get(), by=chief, reason="new figures")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    partner.refresh_from_db()
    assert partner.status == Claim.Status.FLAGGED  # only offered, never changed behind an editor's back


def test_a_dismissed_claim_stays_dismissed_when_a_verdict_is_drafted(editor, troops):
    claim = troops[0]
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.DISMISSED)
    verdicts.save_verdict(claim, by=editor, rating=rating("False"), headline="Troops near Ukraine")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.DISMISSED


def test_publishing_offers_to_resolve_the_conflicting_claims_too(client, editor, chief, troops, settings):
    claim, partner = troops
    ClaimLink.objects.update(relation="conflicts", kind="quantity")
    verdict = verdicts.save_verdict(
        claim, by=editor, rating=rating("Mostly false"), headline="Troops near Ukraine"
    )
    client.force_login(chief)
    assert "Conflicting claims still open" not in client.get(claim.get_absolute_url()).content.decode()
    verdicts.publish(verdict, by=chief)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Conflicting claims still open" in page and "Resolve it too" in page
    partner.refresh_from_db()
    response = client.post(
        reverse("claim_set_status", args=[partner.pk]),
        {"status": "resolved", "version": partner.version, "next": claim.get_absolute_url()},
    )
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    partner.refresh_from_db()
    assert partner.status == Claim.Status.RESOLVED
    assert "Conflicting claims still open" not in client.get(claim.get_absolute_url()).content.decode()
    # A "next" to another site is ignored: back to the claim itself.
    response = client.post(
        reverse("claim_set_status", args=[partner.pk]),
        {"status": "in_review", "version": partner.version, "next": "https://evil.example/"},
    )
    assert response["Location"] == partner.get_absolute_url()


def test_a_long_headline_is_refused_with_its_count_never_cut(client, editor, troops):
    client.force_login(editor)
    page = client.get(troops[0].get_absolute_url()).content.decode()
    field = re.search(r'<input[^>]*name="headline"[^>]*>', page).group(0)
    assert 'data-max-length="75"' in field and "maxlength" not in field
    long = "Russia massed one hundred and seventy-five thousand troops along the Ukrainian border"
    response = draft(client, troops[0], headline=long)
    assert response.status_code in (200, 400)
    assert f"at most 75 characters (it has {len(long)})" in response.content.decode()
    assert not Verdict.objects.exists()


# --- The public page as a reader sees it (issue 14) ----------------------------------------------


def test_a_claim_without_a_source_is_the_outlets_an_organisation(client, editor, chief, troops):
    Claim.objects.filter(pk=troops[0].pk).update(attribution="")
    verdict = published(troops, editor, chief)
    data = jsonld_of(client.get(reverse("public_verdict", args=[verdict.pk])).content.decode())
    assert data["itemReviewed"]["author"] == {"@type": "Organization", "name": "Seed Outlet One"}


def test_the_public_page_is_branded_and_shows_the_rating_on_its_scale(
    client, editor, chief, troops, settings
):
    settings.FACTCHECK_ORGANIZATION_NAME = "Valley Verify"
    settings.FACTCHECK_ORGANIZATION_URL = "https://valleyverify.test/"
    settings.FACTCHECK_ORGANIZATION_LOGO = "img/favicon.svg"
    verdict = published(troops, editor, chief)
    html = client.get(reverse("public_verdict", args=[verdict.pk])).content.decode()
    assert '<a class="brand" href="https://valleyverify.test/"><img src="/static/img/favicon.svg"' in html
    assert "Fact-check by Valley Verify" in html and "Published by" in html
    assert '<span class="rating-badge rating-2">Mostly false</span>' in html
    assert 'class="current" aria-current="true">Mostly false</li>' in html
    assert "2 on a scale from 1 “False” to 5 “True”" in html
    assert 'type="application/atom+xml"' in html and 'type="application/rss+xml"' in html


def test_rss_and_atom_feeds_list_published_fact_checks_only(client, editor, chief, troops):
    verdict = published(troops, editor, chief)
    verdicts.save_verdict(troops[1], by=editor, rating=rating("False"), headline="A draft nobody may see")
    atom = client.get(reverse("public_feed_atom"))  # anonymous
    rss = client.get(reverse("public_feed_rss"))
    assert atom.status_code == rss.status_code == 200
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert rss["Content-Type"].startswith("application/rss+xml")
    for feed in (atom.content.decode(), rss.content.decode()):
        assert f"/factchecks/{verdict.pk}/" in feed and "Mostly false: " in feed
        assert "A draft nobody may see" not in feed


def test_production_refuses_the_placeholder_publisher(settings):
    from django.core.checks import run_checks

    settings.FACTCHECK_ORGANIZATION_URL = "https://factcheck.example.org/"
    settings.FACTCHECK_SITE_URL = "http://127.0.0.1:8000"
    ids = {error.id for error in run_checks(include_deployment_checks=True)}
    assert {"claims.E001", "claims.E002"} <= ids
    settings.FACTCHECK_ORGANIZATION_URL = "https://newsroom.test/"
    settings.FACTCHECK_SITE_URL = "https://factcheck.newsroom.test"
    ids = {error.id for error in run_checks(include_deployment_checks=True)}
    assert not ids & {"claims.E001", "claims.E002"}
