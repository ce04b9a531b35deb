"""A story's fact sheet: rows of facts, what each outlet said, where they differ."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.conflicts import facts_from
from claims.extraction import extract_quantities
from claims.factsheet import Statement, build
from claims.ingest import import_article
from claims.models import Story

from .conftest import seed_path


def statement(pk, outlet, text, attribution=""):
    quantities = extract_quantities(text)
    facts = facts_from(text=text, quantities=quantities)
    figures = tuple(zip(facts.figures, [q.attribution for q in quantities], strict=True))
    return Statement(pk, outlet, None, text, attribution, figures)


def test_rows_are_facts_and_disagreeing_cells_are_marked():
    rows = build(
        [
            statement(1, "Harbor Courier", "The flood killed 41 people, the agency said.", "the agency"),
            statement(
                2, "Estrava Daily", "At least 40 people died in the flood, officials said.", "officials"
            ),
            statement(3, "Northline Wire", "The flood killed 65 people, the governor said.", "the governor"),
            statement(4, "Estrava Daily", "Officials will meet the governor by video conference on Monday."),
            statement(5, "Harbor Courier", "Officials will hold a phone call with the governor on Monday."),
            statement(
                6, "Northline Wire", "Some 300 people were rescued by helicopter, the army said.", "the army"
            ),
        ]
    )
    by_key = {row.key: row for row in rows}
    deaths = by_key["deaths"]
    assert set(deaths.cells) == {"Harbor Courier", "Estrava Daily", "Northline Wire"}
    assert deaths.conflict and 3 in deaths.disagreeing  # 65 against 41 and "at least 40"
    assert {1, 2} <= deaths.disagreeing  # each differs from 65
    meeting = by_key["account:format"]
    assert meeting.label == "how the meeting is held" and meeting.conflict
    assert {s.text for items in meeting.cells.values() for s in items} == {"video conference", "phone call"}
    assert not by_key["rescued"].conflict  # one outlet alone never disagrees
    assert rows[0].conflict and not rows[-1].conflict  # disagreements first


def test_a_crowd_counted_by_organisers_and_by_the_police_are_two_rows():
    rows = build(
        [
            statement(1, "A", "Organisers said 200,000 people marched in Ostrel.", "Organisers"),
            statement(2, "B", "Police said 45,000 people marched in Ostrel.", "Police"),
        ]
    )
    assert {row.label for row in rows} == {"crowd, organisers' count", "crowd, authorities' count"}
    assert not any(row.conflict for row in rows)  # two counts, each its own fact


@pytest.mark.django_db
def test_the_seed_story_fact_sheet_in_json_on_the_page_and_from_the_command(client, viewer):
    for name, outlet in (("000_", "Seed Outlet One"), ("003_", "Seed Outlet Two")):
        path = seed_path(name)
        assert import_article(data=path.read_bytes(), filename=path.name, outlet=outlet).ok
    story = Story.objects.get()
    client.force_login(viewer)
    data = client.get(reverse("story_facts_json", args=[story.pk])).json()
    rows = {row["key"]: row for row in data["rows"]}
    troops = rows["troops"]
    assert troops["conflict"]
    assert {c["base_value"] for c in troops["cells"]} >= {175_000, 94_000, 70_000}
    assert any(c["source"] and "Washington Post" in c["source"] for c in troops["cells"])
    meeting = rows["account:format"]
    assert meeting["conflict"] and {c["as_written"] for c in meeting["cells"]} == {
        "video conference",
        "phone call",
    }
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Fact sheet" in page and "✗ outlets disagree" in page and "how the meeting is held" in page
    out = StringIO()
    call_command("export_story", str(story.pk), stdout=out)
    assert json.loads(out.getvalue()) == data
    with pytest.raises(Exception, match="no story 999999"):
        call_command("export_story", "999999", stdout=StringIO())


@pytest.mark.django_db
def test_the_story_page_costs_the_same_queries_with_more_claims(
    client, viewer, django_assert_max_num_queries
):
    body = "About {n},000 residents were evacuated from the Sella valley on Monday, the agency said."
    for n, outlet in ((12, "Harbor Courier"), (15, "Estrava Daily")):
        import_article(text=body.format(n=n), outlet=outlet, published="2026-03-14")
    story = Story.objects.get()
    client.force_login(viewer)
    with django_assert_max_num_queries(30) as few:
        client.get(story.get_absolute_url())
    for n, outlet in ((13, "Northline Wire"), (14, "Valley Wire"), (16, "Port Gazette")):
        import_article(text=body.format(n=n), outlet=outlet, published="2026-03-14")
    assert Story.objects.count() == 1
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(story.get_absolute_url())


def test_evacuated_and_displaced_people_are_one_fact():
    rows = build(
        [
            statement(1, "A", "About 12,000 residents were evacuated, the agency said.", "the agency"),
            statement(2, "B", "More than 8,500 people fled their homes, officials said.", "officials"),
        ]
    )
    (row,) = rows
    assert (row.key, row.label, set(row.cells)) == ("displaced", "evacuated or displaced", {"A", "B"})
    assert row.conflict
