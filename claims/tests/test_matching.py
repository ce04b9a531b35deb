"""Linking claims across outlets through the real import path, on the test database."""

import datetime
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from claims import conflicts, matching
from claims.extraction import extract_quantities
from claims.ingest import import_article
from claims.models import Claim, ClaimLink, Note
from claims.tests.conftest import make_article, make_outlet, seed_path

pytestmark = pytest.mark.django_db


def _import(outlet, body, published="2026-03-14"):
    result = import_article(text=body, outlet=outlet, published=published)
    assert result.status == "imported", result.message
    return result


def _link_with(text_part):
    return (
        ClaimLink.objects.select_related("claim_a", "claim_b").get(**{"claim_a__text__contains": text_part})
        if ClaimLink.objects.filter(claim_a__text__contains=text_part).exists()
        else ClaimLink.objects.get(claim_b__text__contains=text_part)
    )


@pytest.fixture
def seeds():
    results = []
    for name, outlet in (("000_", "Seed Outlet One"), ("003_", "Seed Outlet Two")):
        path = seed_path(name)
        result = import_article(data=path.read_bytes(), filename=path.name, outlet=outlet)
        assert result.status == "imported", result.message
        results.append(result)
    return results


def test_seed_troop_figures_conflict_across_outlets(seeds):
    assert seeds[1].link_count >= 4
    links = ClaimLink.objects.filter(kind="quantity").select_related("claim_a", "claim_b")
    by_figure = {}
    for link in links:
        texts = link.claim_a.text + link.claim_b.text
        for figure in ("70,000", "94,000"):
            if figure in texts and "175,000" in texts:
                by_figure[figure] = link
    assert set(by_figure) == {"70,000", "94,000"}
    washington = by_figure["70,000"]
    assert washington.relation == "conflicts"
    assert (
        washington.explanation
        == "about 175,000 troops vs about 70,000 troops, both attributed to The Washington Post"
    )
    assert "over 94,000 troops" in by_figure["94,000"].explanation
    for link in by_figure.values():
        assert {link.claim_a.status, link.claim_b.status} == {"flagged"}
        assert link.claim_a.article.outlet != link.claim_b.article.outlet


def test_seed_accounts_of_what_biden_will_stress_agree(seeds):
    link = ClaimLink.objects.get(claim_a__text__contains="will highlight U.S. concerns")
    assert link.claim_b.text.startswith("“President Biden will underscore U.S. concerns")
    assert link.relation == "agrees"
    assert link.status in {"suggested", "confirmed"}


def test_seed_video_conference_and_phone_call_are_a_wording_conflict(seeds):
    link = ClaimLink.objects.get(
        claim_a__text__contains="video conference", claim_b__text__contains="phone call"
    )
    assert (link.relation, link.kind) == ("conflicts", "wording")
    assert link.explanation == '"video conference" vs "phone call"'


def test_claims_of_one_outlet_are_never_linked_to_each_other(seeds):
    for link in ClaimLink.objects.select_related("claim_a__article", "claim_b__article"):
        assert link.claim_a.article.outlet_id != link.claim_b.article.outlet_id


def test_export_links_prints_the_documented_shape(seeds, editor):
    link = ClaimLink.objects.filter(kind="quantity").first()
    Note.objects.create(author=editor, link=link, text="Check <the> Post's two reports.")
    out = StringIO()
    call_command("export_links", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert len(data) == ClaimLink.objects.count()
    item = next(i for i in data if i["id"] == link.pk)
    assert set(item) == {
        "id",
        "relation",
        "status",
        "origin",
        "score",
        "kind",
        "explanation",
        "notes",
        "claims",
    }
    assert item["kind"] == "quantity" and item["origin"] == "auto"
    assert item["notes"] == [
        {
            "author": editor.username,
            "text": "Check <the> Post's two reports.",
            "created": item["notes"][0]["created"],
        }
    ]
    assert len(item["claims"]) == 2
    claim = item["claims"][0]
    assert set(claim) == {"id", "outlet", "article", "url", "text", "start", "end", "quantities"}
    stored = Claim.objects.get(pk=claim["id"])
    assert stored.article.body[claim["start"] : claim["end"]] == claim["text"]
    assert all(
        set(q)
        == {"value", "unit", "text", "measure", "qualifier", "base_value", "base_unit", "low", "high"}
        | {"attribution", "forecast"}
        for q in claim["quantities"]
    )
    assert any(i["kind"] is None for i in data)  # agreements have no kind


def test_browser_json_export_matches_the_command(seeds, client, viewer, django_assert_max_num_queries):
    out = StringIO()
    call_command("export_links", stdout=out)
    client.force_login(viewer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("links_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == json.loads(out.getvalue())


def test_links_export_needs_login(client):
    response = client.get(reverse("links_export"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_find_similar_ranks_the_same_fact_first(seeds):
    out = StringIO()
    call_command(
        "find_similar",
        "The Washington Post says 175,000 troops are near Ukraine",
        "--limit",
        "3",
        "--json",
        stdout=out,
    )
    results = json.loads(out.getvalue())["claims"]
    assert 1 <= len(results) <= 3
    assert "Washington Post" in results[0]["text"]
    assert results == sorted(results, key=lambda r: -r["score"])
    plain = StringIO()
    call_command("find_similar", "troops near the border", stdout=plain)
    assert "troops" in plain.getvalue()


def test_similar_page_in_the_browser(seeds, client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("similar_claims"), {"q": "175,000 troops according to The Washington Post"})
    assert response.status_code == 200
    assert "175,000" in response.content.decode()
    fragment = client.get(reverse("similar_claims"), {"q": "troops"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and "troops" in fragment.content.decode()


DEMO = {
    "Harbor Courier": "About 12,000 residents were moved to shelters overnight, according to the civil protection agency.\n\n"
    "Rescue teams reached the villages by helicopter, the civil protection agency confirmed.",
    "Estrava Daily": "Some 15,000 people were evacuated across the valley, according to the civil protection agency.\n\n"
    "Rescue teams reached the villages by boat, the civil protection agency said.",
}


def test_a_dismissed_link_is_never_suggested_again(editor):
    _import("Harbor Courier", DEMO["Harbor Courier"])
    _import("Estrava Daily", DEMO["Estrava Daily"])
    link = ClaimLink.objects.get(kind="quantity")
    link.dismiss(by=editor)
    claims = list(Claim.objects.all())
    assert matching.link_claims(claims) == 0
    link.refresh_from_db()
    assert link.status == "dismissed" and ClaimLink.objects.filter(kind="quantity").count() == 1


def test_thresholds_are_settings(settings):
    settings.FACTCHECK_SUGGEST_THRESHOLD = 1.01  # above any score
    settings.FACTCHECK_AUTO_CONFIRM_THRESHOLD = 1.01
    _import("Harbor Courier", DEMO["Harbor Courier"])
    assert _import("Estrava Daily", DEMO["Estrava Daily"]).link_count == 0
    settings.FACTCHECK_SUGGEST_THRESHOLD = 0.2
    settings.FACTCHECK_AUTO_CONFIRM_THRESHOLD = 0.21
    ClaimLink.objects.all().delete()
    assert matching.link_claims(list(Claim.objects.all())) >= 2
    assert set(ClaimLink.objects.values_list("status", flat=True)) == {"confirmed"}


def test_suggested_below_auto_confirm_and_confirmed_above(settings):
    settings.FACTCHECK_SUGGEST_THRESHOLD = 0.3
    settings.FACTCHECK_AUTO_CONFIRM_THRESHOLD = 0.95
    _import("Harbor Courier", DEMO["Harbor Courier"])
    _import("Estrava Daily", DEMO["Estrava Daily"])
    for link in ClaimLink.objects.all():
        assert link.status == ("confirmed" if link.score >= 0.95 else "suggested")
        assert link.score >= 0.3 and link.origin == "auto"
    assert ClaimLink.objects.filter(kind="wording", explanation='"by helicopter" vs "by boat"').exists()


def test_unrelated_stories_are_not_linked():
    _import("Harbor Courier", DEMO["Harbor Courier"])
    result = _import(
        "Estrava Daily",
        "The city orchestra sold 12,000 tickets for its spring season, the director said.\n\n"
        "The concert hall will reopen on Friday after repairs costing 3 million euros, the council said.",
    )
    assert result.link_count == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the text index exists on PostgreSQL only")
def test_candidate_retrieval_uses_the_text_index():
    outlet = make_outlet("Index Test")
    for n in range(30):
        make_article(
            outlet, body=f"Report {n}: about {n},000 troops were seen near the border, officials said."
        )
    query = matching.SearchQuery("troops | border", config="english", search_type="raw")
    queryset = Claim.objects.annotate(document=matching._tsvector()).filter(document=query)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "claim_search_document_idx" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index exists on PostgreSQL only")
def test_the_search_box_uses_the_trigram_index():
    outlet = make_outlet("Index Test")
    for n in range(30):
        make_article(
            outlet, body=f"Report {n}: about {n},000 troops were seen near the border, officials said."
        )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Claim.objects.filter(text__icontains="troops were").order_by("-score", "-pk").explain()
    assert "claim_text_trgm_idx" in plan, plan


def test_the_demo_outlets_disagree_as_written():
    """The same links on PostgreSQL (index retrieval) as on SQLite (term window)."""
    call_command("load_demo", stdout=StringIO())
    conflicts = set(ClaimLink.objects.filter(relation="conflicts").values_list("kind", "explanation"))
    for expected in [
        (
            "quantity",
            "2,000 troops vs about 1,200 troops, both attributed to the defence ministry"
            "; the later report, 1 day after, says about 1,200 troops",
        ),
        ("quantity", "2,000 troops vs about 1,200 soldiers, both attributed to the defence ministry"),
        (
            "quantity",
            "5 people vs 3 people, both attributed to Governor Lucia Ferrand"
            "; the later report, 1 day after, says 3 people",
        ),
        (
            "quantity",
            "about 12,000 residents vs about 15,000 people, both attributed to the provincial civil protection agency"
            "; updated: the later report, 1 day after, says about 15,000 people",
        ),
        (
            "quantity",
            "8,500 people vs about 15,000 people, both attributed to the provincial civil protection agency"
            "; updated: the later report, 1 day after, says about 15,000 people",
        ),
        ("wording", '"phone call" vs "video conference"'),
        ("wording", '"by boat" vs "by helicopter"'),
        ("date", "March 11, 2026 vs March 12, 2026"),
        # A floor is not another count: "at least three" dead and "five" dead are two tallies.
        ("quantity", "5 people vs at least 3 people, both attributed to Governor Lucia Ferrand"),
    ]:
        assert expected in conflicts
    agreements = set(ClaimLink.objects.filter(relation="agrees").values_list("explanation", flat=True))
    assert {"both give about 1,200 soldiers"} <= agreements
    # Different figures of one measure are never "agrees": 8,500 evacuated is not 15,000 evacuated.
    assert not any("8,500" in text for text in agreements)
    # Figures about different things are never weighed against each other.
    assert not any("41 people vs" in text or "vs 41 people" in text for _, text in conflicts)


def test_an_update_days_later_in_the_same_story_is_still_weighed():
    # One story's reports four days apart: the later hospital count must meet the earlier one,
    # though the two sentences share little but the measure.
    _import(
        "Harbour Daily",
        "Blast at Varro harbour\n\nA chemical warehouse exploded at Varro harbour late on Wednesday, "
        "officials said. On Thursday, the city government said that 701 people had been hospitalised "
        "with burns, cuts and other wounds.",
        published="2026-03-12",
    )
    _import(
        "Coastal Times",
        "Varro harbour blast: more bodies found\n\nFour days after the chemical warehouse exploded at "
        "Varro harbour, at least 60 people, mostly firefighters, are still missing while more than 720 "
        "people have been taken to hospital, according to state media.",
        published="2026-03-16",
    )
    link = _link_with("701 people")
    assert "720" in (link.claim_a.text + link.claim_b.text)
    assert link.relation == "conflicts"


def test_reports_giving_the_same_time_of_day_are_linked_as_agreeing():
    _import(
        "Harbour Daily",
        "Blast at Varro harbour\n\nA chemical warehouse exploded at Varro harbour, officials said. "
        "According to state media, the blasts began around 11:30 p.m. when a container of solvents "
        "caught fire in the warehouse.",
    )
    _import(
        "Coastal Times",
        "Varro harbour blast\n\nA chemical warehouse exploded at Varro harbour, officials said. "
        "The explosions at about 23:30 on Wednesday sent fireballs over the docks and shattered windows, "
        "local media reported.",
    )
    link = _link_with("11:30 p.m.")
    assert "23:30" in (link.claim_a.text + link.claim_b.text)
    assert link.relation == "agrees"


def test_two_short_claims_of_one_storys_toll_are_linked():
    # They share no words but the whole toll; in one story that is enough to propose the pair.
    day = datetime.date(2024, 4, 21)
    first = conflicts.facts_from(
        text="AFP put the death toll at 156.",
        quantities=extract_quantities("AFP put the death toll at 156."),
        published=day,
    )
    text = "A series of bombings across Elvania on Sunday have left at least 290 people dead."
    second = conflicts.facts_from(text=text, quantities=extract_quantities(text), published=day)
    score, signals = matching.score_pair(first, second, context=matching.SAME_STORY_CONTEXT, rules=True)
    assert signals["toll"] == 1.0
    assert score >= settings.FACTCHECK_SUGGEST_THRESHOLD
    # Not across stories: the toll alone does not make two events one.
    score, signals = matching.score_pair(first, second, context=0.0, rules=True)
    assert signals["toll"] == 0.0
    assert score < settings.FACTCHECK_SUGGEST_THRESHOLD


def test_one_storys_claims_of_the_same_named_places_population_are_linked():
    day = datetime.date(2024, 11, 13)

    def claim(text):
        return conflicts.facts_from(text=text, quantities=extract_quantities(text), published=day)

    first = claim("Residents of Paradise, a quiet town of around 26,000, begin contemplating the future.")
    second = claim(
        "The sheriff said 228 were unaccounted for since the fire destroyed Paradise, a town of 27,000."
    )
    score, signals = matching.score_pair(first, second, context=matching.SAME_STORY_CONTEXT, rules=True)
    assert signals["toll"] == 1.0 and score >= settings.FACTCHECK_SUGGEST_THRESHOLD
    other = claim("Chico, a city of 27,000 to the west, opened its shelters.")
    assert (
        matching.score_pair(first, other, context=matching.SAME_STORY_CONTEXT, rules=True)[1]["toll"] == 0.0
    )


def test_one_storys_claims_of_the_victims_nationalities_are_linked():
    day = datetime.date(2024, 3, 10)

    def claim(text):
        return conflicts.facts_from(text=text, quantities=extract_quantities(text), published=day)

    first = claim("An airline spokesman told reporters the victims were of 35 different nationalities.")
    second = claim("People from 35 countries were on board the flight, which came down in a field near Tarn.")
    score, signals = matching.score_pair(first, second, context=matching.SAME_STORY_CONTEXT, rules=True)
    assert signals["toll"] == 1.0 and score >= settings.FACTCHECK_SUGGEST_THRESHOLD
