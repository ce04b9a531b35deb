"""Editors' choices on a story's fact sheet: pin, rename, merge, move; they survive re-extraction."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from claims import fact_edits, factsheet
from claims.ingest import import_article
from claims.models import Claim, FactRowChoice, Story

pytestmark = pytest.mark.django_db

ONE = """Five people died in the flooding and 41 were injured, the governor said.

About 1,200 residents were evacuated on Tuesday, the civil protection agency said.
"""
TWO = """Three people were killed in the floods and 38 were hurt, officials said.

Some 1,500 residents were evacuated on Tuesday, the civil protection agency said.
"""


@pytest.fixture
def story():
    import_article(text=ONE, outlet="Harbor Courier", published="2026-03-14")
    import_article(text=TWO, outlet="Estrava Daily", published="2026-03-14")
    assert Story.objects.count() == 1
    return Story.objects.get()


def sheet(client, story) -> dict:
    return {
        row["key"]: row for row in client.get(reverse("story_facts_json", args=[story.pk])).json()["rows"]
    }


def test_pin_rename_merge_and_move_through_the_page_and_the_json(client, editor, story):
    client.force_login(editor)
    before = sheet(client, story)
    assert {"deaths", "injured", "displaced"} <= set(before)
    url = reverse("story_fact_edit", args=[story.pk])

    response = client.post(
        url,
        {
            "action": "pin",
            "key": "deaths",
            "value": "at least 5 dead",
            "note": "The governor's later count.",
            "sources": "https://gov.example/statement\nRegional hospital",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#facts-h")
    client.post(url, {"action": "rename", "key": "injured", "label": "people hurt"})
    client.post(url, {"action": "merge", "key": "injured", "into": "deaths"})
    rows = sheet(client, story)
    assert "injured" not in rows
    deaths = rows["deaths"]
    assert deaths["pinned"]["value"] == "at least 5 dead" and deaths["pinned"]["sources"] == [
        "https://gov.example/statement",
        "Regional hospital",
    ]
    assert deaths["pinned"]["by"] == editor.username
    assert deaths["merged"] == ["injured"]
    assert len(deaths["cells"]) == len(before["deaths"]["cells"]) + len(before["injured"]["cells"])

    client.post(url, {"action": "unmerge", "key": "injured"})
    assert sheet(client, story)["injured"]["label"] == "people hurt"
    # Move one outlet's evacuation figure to a row of its own.
    moving = next(c for c in before["displaced"]["cells"] if c["outlet"] == "Estrava Daily")
    client.post(
        url, {"action": "move", "statement": f"{moving['claim_id']}|displaced", "to": "displaced:estimate"}
    )
    rows = sheet(client, story)
    assert [c["claim_id"] for c in rows["displaced:estimate"]["cells"]] == [moving["claim_id"]]
    assert rows["displaced"]["conflict"] is False  # one outlet left in the row: nothing to disagree with

    page = client.get(story.get_absolute_url()).text
    assert "Pinned:" in page and "at least 5 dead" in page and "(renamed)" in page

    # Re-extraction and re-matching keep every choice (claims found again keep their ids).
    call_command("reextract", stdout=__import__("io").StringIO())
    again = sheet(client, story)
    assert again["deaths"]["pinned"]["value"] == "at least 5 dead"
    assert again["injured"]["label"] == "people hurt"
    assert [c["claim_id"] for c in again["displaced:estimate"]["cells"]] == [moving["claim_id"]]


def test_refusals_change_nothing(client, editor, viewer, story):
    url = reverse("story_fact_edit", args=[story.pk])
    client.force_login(viewer)
    assert (
        client.post(url, {"action": "pin", "key": "deaths", "value": "5", "sources": "x"}).status_code == 403
    )
    client.force_login(editor)
    for data, message in [
        ({"action": "pin", "key": "deaths", "value": "5"}, "at least one source"),
        ({"action": "pin", "key": "deaths", "value": "", "sources": "x"}, "Say the value"),
        ({"action": "merge", "key": "deaths", "into": "deaths"}, "another row"),
        ({"action": "move", "statement": "999999|deaths", "to": "injured"}, "Choose the statement"),
        ({"action": "explode", "key": "deaths"}, "Unknown action"),
    ]:
        response = client.post(url, data, follow=True)
        assert message in response.text, data
    assert FactRowChoice.objects.filter(pinned_value__gt="").count() == 0
    other = Claim.objects.exclude(article__story=story).first()
    assert other is None or other.article.story_id != story.pk


def test_a_merge_that_would_loop_is_refused(story, editor):
    fact_edits.merge(story, "injured", by=editor, into="deaths")
    with pytest.raises(ValidationError, match="loop"):
        fact_edits.merge(story, "deaths", by=editor, into="injured")


def test_apply_choices_is_pure_and_follows_chained_merges():
    said = lambda claim, outlet, value: factsheet.Said(claim, outlet, None, str(value))  # noqa: E731
    rows = [
        factsheet.Row("a", "a", {"X": [said(1, "X", 1)]}),
        factsheet.Row("b", "b", {"Y": [said(2, "Y", 2)]}),
        factsheet.Row("c", "c", {"Z": [said(3, "Z", 3)]}),
    ]
    choices = [
        factsheet.RowChoice("a", merged_into="b"),
        factsheet.RowChoice("b", merged_into="c", label="all"),
    ]
    out = factsheet.apply_choices(rows, choices, [])
    assert [(row.key, sorted(row.cells), row.label) for row in out] == [("c", ["X", "Y", "Z"], "c")]


def test_publication_times_reach_the_fact_sheet_and_the_timeline_in_order(client, viewer):
    import_article(text=TWO, outlet="Estrava Daily", published="2026-03-14T18:00:00+00:00")
    import_article(text=ONE, outlet="Harbor Courier", published="2026-03-14T08:15:00+00:00")
    story = Story.objects.get()
    client.force_login(viewer)
    deaths = sheet(client, story)["deaths"]
    moments = {cell["outlet"]: cell["published_at"] for cell in deaths["cells"]}
    assert moments == {
        "Harbor Courier": "2026-03-14T08:15:00+00:00",
        "Estrava Daily": "2026-03-14T18:00:00+00:00",
    }
    page = client.get(story.get_absolute_url()).text
    # The chart's description puts the morning report first, each with its time.
    assert "Harbor Courier (14 Mar 2026 08:15" in page
    assert page.index("Harbor Courier (14 Mar 2026 08:15") < page.index("Estrava Daily (14 Mar 2026 18:00")
