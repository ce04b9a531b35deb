"""The archive of published fact-checks: formats, import, search, matching new claims, the pages."""

from __future__ import annotations

import datetime
import http.server
import json
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from claims import archive, verdicts
from claims.factcheck_formats import FormatError, normalise_rating, parse
from claims.ingest import import_article
from claims.models import ArchiveMatch, ArchiveTerm, FactCheck, Rating

from .conftest import make_article, make_claim, make_outlet

# Our own invented fact-checks (no real publisher's text).
CLAIM_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checkers.example/valdoria-bridge",
    "claimReviewed": "The Valdoria river bridge was closed after engineers found 14 cracked cables.",
    "datePublished": "2026-10-02",
    "author": {"@type": "Organization", "name": "Checkers Example"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Pants on Fire",
    },
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Mayor Ostrel"}},
    "inLanguage": "en",
}
SECOND = {
    **CLAIM_REVIEW,
    "url": "https://checkers.example/harbor-tax",
    "claimReviewed": "The harbor tax doubled the price of bread in Port Amsel.",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly True"},
}
CSV = (
    "claim_reviewed,publisher,rating,url,date,claimant\n"
    "Tram fares in Ostrel rose by 40 percent this year,Tram Truth,Half true,https://tram.example/fares,2026-09-30,Council\n"
    '"The Valdoria river bridge was closed after engineers found 14 cracked cables.",Second Desk,False,https://second.example/bridge,2026-10-03,\n'
)


@pytest.fixture
def files(tmp_path):
    paths = {
        "single.json": json.dumps(CLAIM_REVIEW),
        "list.json": json.dumps([CLAIM_REVIEW, SECOND]),
        "graph.json": json.dumps({"@context": "https://schema.org", "@graph": [SECOND]}),
        "page.html": f'<html><head><script type="application/ld+json">{json.dumps(SECOND)}</script></head><body>x</body></html>',
        "tools.json": json.dumps(
            {
                "claims": [
                    {
                        "text": "Ostrel banned bicycles on Sundays.",
                        "claimant": "a post",
                        "claimReview": [
                            {
                                "publisher": {"name": "Tools Desk"},
                                "url": "https://tools.example/bikes",
                                "textualRating": "Misleading",
                                "reviewDate": "2026-08-01T10:00:00Z",
                                "languageCode": "en",
                                "title": "Bicycles on Sundays",
                            }
                        ],
                    }
                ]
            }
        ),  # fmt: skip
        "records.json": json.dumps(
            [
                {
                    "claim_reviewed": "Port Amsel's lighthouse is 300 years old.",
                    "publisher": "Amsel Check",
                    "rating": "Unproven",
                }
            ]
        ),
        "sheet.csv": CSV,
    }
    for name, text in paths.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_every_format_is_read(files):
    single = parse((files / "single.json").read_bytes(), "single.json")
    assert len(single) == 1
    record = single[0]
    assert (record.publisher, record.rating, record.verdict_label, record.claimant, record.language) == (
        "Checkers Example", "Pants on Fire", "False", "Mayor Ostrel", "en",
    )  # fmt: skip
    assert record.reviewed_on == datetime.date(2026, 10, 2)
    assert [r.url for r in parse((files / "list.json").read_bytes())] == [CLAIM_REVIEW["url"], SECOND["url"]]
    assert parse((files / "graph.json").read_bytes())[0].verdict_label == "Mostly true"
    assert parse((files / "page.html").read_bytes())[0].url == SECOND["url"]
    tools = parse((files / "tools.json").read_bytes())[0]
    assert (tools.publisher, tools.verdict_label, tools.reviewed_on, tools.title) == (
        "Tools Desk", "Misleading", datetime.date(2026, 8, 1), "Bicycles on Sundays",
    )  # fmt: skip
    assert parse((files / "records.json").read_bytes())[0].verdict_label == "Unverifiable"
    rows = parse((files / "sheet.csv").read_bytes())
    assert [(r.publisher, r.verdict_label) for r in rows] == [
        ("Tram Truth", "Half true"),
        ("Second Desk", "False"),
    ]
    semicolons = parse(b"claim;publisher;rating\nBread is free on Mondays;Desk;Correct\n")
    assert (semicolons[0].claim_reviewed, semicolons[0].verdict_label) == ("Bread is free on Mondays", "True")


@pytest.mark.parametrize(
    "text,value,best,worst,label",
    [
        ("Four Pinocchios", None, None, None, "False"),
        ("Needs Context", None, None, None, "Misleading"),
        ("", 5, 5, 1, "True"),
        ("", 1, 5, 1, "False"),
        ("", 3, 5, 1, "Half true"),
        ("Our own word", None, None, None, ""),
        ("", 9, 5, 1, ""),
    ],
)
def test_ratings_map_to_our_scale_only_when_they_mean_one_step(text, value, best, worst, label):
    assert normalise_rating(text, value, best, worst) == label


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "is empty"),
        (b"{not json", "not valid JSON"),
        (b'{"hello": 1}', "holds no ClaimReview"),
        (b"<html><body>no data</body></html>", "no ClaimReview JSON-LD"),
        (b"name,age\nx,1\n", "needs a claim_reviewed column"),
    ],
)
def test_unreadable_files_say_what_was_expected(data, message):
    with pytest.raises(FormatError, match=message):
        parse(data, "upload")


@pytest.mark.django_db
def test_import_factchecks_stores_each_publishers_check_once(files):
    out = StringIO()
    call_command("import_factchecks", str(files / "list.json"), str(files / "sheet.csv"), stdout=out)
    assert FactCheck.objects.count() == 4
    # The same claim from two publishers is two records.
    bridge = FactCheck.objects.filter(claim_reviewed__startswith="The Valdoria river bridge")
    assert sorted(bridge.values_list("publisher", flat=True)) == ["Checkers Example", "Second Desk"]
    assert "4 fact-checks added" in out.getvalue()
    again = StringIO()
    call_command("import_factchecks", str(files / "single.json"), str(files / "sheet.csv"), stdout=again)
    assert FactCheck.objects.count() == 4
    assert "0 fact-checks added, 3 already there" in again.getvalue()
    # Rarity counts: every stored word counted once per fact-check holding it.
    assert ArchiveTerm.objects.get(term="valdoria").documents == 2
    FactCheck.objects.filter(publisher="Second Desk").delete()
    assert ArchiveTerm.objects.get(term="valdoria").documents == 1


@pytest.mark.django_db
def test_import_factchecks_refuses_bad_sources_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command(
            "import_factchecks", str(bad), str(tmp_path / "missing.csv"), "file:///etc/passwd", stderr=err
        )
    assert "not valid JSON" in err.getvalue() and "no such file" in err.getvalue()
    assert not FactCheck.objects.exists() and not ArchiveTerm.objects.exists()


@pytest.mark.django_db
def test_records_without_a_claim_or_publisher_are_left_out_with_a_reason(tmp_path):
    path = tmp_path / "partial.json"
    path.write_text(
        json.dumps([{"claim_reviewed": "", "publisher": "Desk"}, {"claim_reviewed": "Ostrel has 9 bridges."},
                    {"claim_reviewed": "Amsel has 3 ferries.", "publisher": "Desk", "url": "javascript:alert(1)"},
                    {"claim_reviewed": "Amsel has 4 ferries.", "publisher": "Desk"}]),
        encoding="utf-8",
    )  # fmt: skip
    err = StringIO()
    call_command("import_factchecks", str(path), stdout=StringIO(), stderr=err)
    assert list(FactCheck.objects.values_list("claim_reviewed", flat=True)) == ["Amsel has 4 ferries."]
    assert "no claim reviewed" in err.getvalue() and "no publisher" in err.getvalue()
    assert "not an http(s) URL" in err.getvalue()


@pytest.fixture
def served(files):
    """The test files on a real HTTP server on 127.0.0.1."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(files), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.django_db
def test_import_factchecks_by_url_and_the_private_address_guard(served, settings):
    settings.FACTCHECK_FETCH_ALLOW_PRIVATE = False
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_factchecks", f"{served}/page.html", stdout=StringIO(), stderr=err)
    assert "private or local address" in err.getvalue()
    assert not FactCheck.objects.exists()
    settings.FACTCHECK_FETCH_ALLOW_PRIVATE = True
    call_command("import_factchecks", f"{served}/page.html", f"{served}/tools.json", stdout=StringIO())
    assert set(FactCheck.objects.values_list("publisher", flat=True)) == {"Checkers Example", "Tools Desk"}
    err = StringIO()
    call_command(
        "import_factchecks", f"{served}/missing.json", f"{served}/page.html", stdout=StringIO(), stderr=err
    )
    assert "404" in err.getvalue()


@pytest.fixture
def stored(files):
    call_command("import_factchecks", str(files / "list.json"), str(files / "sheet.csv"), str(files / "tools.json"),
                 stdout=StringIO())  # fmt: skip
    return FactCheck.objects.all()


@pytest.mark.django_db
def test_search_reads_a_tweet_as_words(stored):
    tweet = (
        "BREAKING: #Valdoria bridge CLOSED, 14 cables cracked!!! https://t.co/abc123 pic.twitter.com/XyZ "
        "— Ostrel Watch (@OstrelWatch) October 1, 2026"
    )
    hits = archive.search(tweet, limit=3)
    assert hits and "Valdoria river bridge" in hits[0].factcheck.claim_reviewed
    assert hits == sorted(hits, key=lambda h: -h.rank_score)
    assert all(0 <= h.score <= 1 for h in hits)
    # Handles are split into words: "@TramTruthDesk" finds the tram fares.
    assert "Tram fares" in archive.search("@OstrelTramFares they rose again")[0].factcheck.claim_reviewed
    # Never empty when a word is shared; empty when none is.
    assert archive.search("anything about bicycles")
    assert archive.search("zebras quietly juggling") == []
    assert archive.search("the and of") == []


@pytest.mark.django_db
def test_new_claims_are_matched_against_the_archive_at_import(stored):
    result = import_article(
        text="Engineers found 14 cracked cables and the Valdoria river bridge was closed, the mayor said.",
        outlet="Harbor Courier",
        headline="Bridge closed",
        published="2026-10-04",
    )
    assert result.ok
    matches = ArchiveMatch.objects.filter(claim__article=result.article).select_related("factcheck")
    assert {m.factcheck.publisher for m in matches} >= {"Checkers Example"}
    assert all(m.status == ArchiveMatch.Status.SUGGESTED for m in matches)


@pytest.fixture
def matched(stored):
    article = make_article(body="Engineers found 14 cracked cables; the Valdoria river bridge was closed.",
                           headline="Bridge closed", published="2026-10-04")  # fmt: skip
    claim = make_claim(article, status="flagged")
    archive.match_claims([claim])
    return claim, ArchiveMatch.objects.filter(claim=claim).order_by("-score").first()


def test_the_claim_page_and_queue_say_already_checked(client, viewer, matched):
    claim, match = matched
    assert match is not None
    client.force_login(viewer)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Already checked" in page and match.factcheck.publisher in page
    assert match.factcheck.url in page and match.in_words in page
    assert "Not the same claim" not in page  # a viewer cannot decide
    queue = client.get(reverse("queue"), {"status": "flagged"}).content.decode()
    assert f"by {match.factcheck.publisher}" in queue
    desk = client.get(reverse("home")).content.decode()
    assert "New claims already checked" in desk and claim.text[:40] in desk


def test_deciding_a_match_needs_login_permission_and_csrf(client, viewer, editor, matched):
    claim, match = matched
    url = reverse("archive_match_decide", args=[match.pk])
    assert client.post(url, {"action": "dismiss"}).status_code == 302  # to the login page
    client.force_login(viewer)
    assert client.post(url, {"action": "dismiss"}).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(url, {"action": "dismiss"}).status_code == 403
    client.force_login(editor)
    assert client.post(url, {"action": "shred"}).status_code == 400
    match.refresh_from_db()
    assert match.status == ArchiveMatch.Status.SUGGESTED
    response = client.post(url, {"action": "dismiss"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="archive")
    assert response.status_code == 200 and "Dismissed" in response.content.decode()
    match.refresh_from_db()
    assert (match.status, match.decided_by) == (ArchiveMatch.Status.DISMISSED, editor)
    # Remembered: matching the claim again does not bring it back.
    archive.match_claims([claim])
    match.refresh_from_db()
    assert match.status == ArchiveMatch.Status.DISMISSED
    assert f'id="match-{match.pk}"' not in client.get(claim.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_our_published_verdicts_join_the_archive_and_leave_it(chief, editor, settings):
    settings.FACTCHECK_ALLOW_SELF_PUBLISH = True
    article = make_article(
        make_outlet("Ostrel Daily"), body="The mayor said the ferry carries 900 cars a day."
    )
    claim = make_claim(article, attribution="the mayor")
    verdict = verdicts.save_verdict(claim, by=chief, rating=Rating.objects.get(label="Mostly false"),
                                    headline="The Ostrel ferry carries 900 cars a day")  # fmt: skip
    assert not FactCheck.objects.exists()
    verdict = verdicts.publish(verdict, by=chief)
    own = FactCheck.objects.get()
    assert (own.verdict, own.rating, own.publisher, own.claimant) == (
        verdict, "Mostly false", settings.FACTCHECK_ORGANIZATION_NAME, "the mayor",
    )  # fmt: skip
    assert archive.search("ferry 900 cars")[0].factcheck == own
    verdicts.unpublish(verdict, by=chief, reason="wrong figure")
    assert not FactCheck.objects.exists()
    assert not ArchiveTerm.objects.filter(term="ferri", documents__gt=0).exists()


@pytest.mark.django_db
def test_find_similar_json_lists_the_fact_checks(stored):
    out = StringIO()
    call_command("find_similar", "Valdoria bridge cables", "--json", "--limit", "1", stdout=out)
    data = json.loads(out.getvalue())
    assert data["claims"] == []
    assert len(data["factchecks"]) == 1
    first = data["factchecks"][0]
    assert {"url", "claim_reviewed", "publisher", "rating", "score"} <= set(first)
    assert (first["publisher"], first["rating"]) in {
        ("Checkers Example", "Pants on Fire"),
        ("Second Desk", "False"),
    }
    plain = StringIO()
    call_command("find_similar", "Valdoria bridge cables", stdout=plain)
    assert "already checked:" in plain.getvalue()


def test_chiefs_add_fact_checks_in_the_admin_and_they_are_searchable(client, chief):
    client.force_login(chief)
    data = {"claim_reviewed": "Amsel's new pier is 2 km long.", "publisher": "Pier Desk", "rating": "False",
            "verdict_label": "False", "url": "https://pier.example/2km", "title": "", "reviewed_on": "2026-10-10",
            "language": "en", "claimant": ""}  # fmt: skip
    response = client.post(reverse("admin:claims_factcheck_add"), data)
    assert response.status_code == 302
    assert archive.search("Amsel pier length")[0].factcheck.publisher == "Pier Desk"
    again = client.post(reverse("admin:claims_factcheck_add"), data)
    assert "already stored" in again.content.decode()
    assert FactCheck.objects.count() == 1
