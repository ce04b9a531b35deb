"""Figure timelines: a small SVG per fact, readable without sight and without script."""

import datetime
import re

import pytest
from django.urls import reverse

from claims import timeline
from claims.conflicts import facts_from
from claims.extraction import extract_quantities
from claims.factsheet import Statement, build
from claims.ingest import import_article
from claims.models import Story


def statement(pk, outlet, day, text, attribution=""):
    quantities = extract_quantities(text)
    facts = facts_from(text=text, quantities=quantities)
    figures = tuple(zip(facts.figures, [q.attribution for q in quantities], strict=True))
    return Statement(pk, outlet, datetime.date(2026, 3, day), text, attribution, figures)


def deaths_row():
    rows = build(
        [
            statement(
                1,
                "Harbor <Courier>",
                14,
                "At least 12 people died in the flood, the agency said.",
                "the agency",
            ),
            statement(2, "Estrava Daily", 14, "The flood killed 15 people, officials said.", "officials"),
            statement(
                3, "Northline Wire", 15, "The death toll rose to 31, the governor said.", "the governor"
            ),
        ]
    )
    return next(row for row in rows if row.key == "deaths")


def test_a_timeline_has_a_point_per_report_a_title_and_a_description_in_words():
    row = deaths_row()
    assert timeline.worth_a_chart(row)
    svg = timeline.svg(row, "t1")
    assert svg.startswith('<svg class="figure-timeline" id="t1"') and 'role="img"' in svg
    assert '<title id="t1-title">Deaths over time</title>' in svg
    assert svg.count("<circle cx=") == 3 + 3  # three reports, three legend dots
    assert "Harbor &lt;Courier&gt;" in svg and "<Courier>" not in svg  # escaped
    description = re.search(r'<desc id="t1-desc">(.*?)</desc>', svg).group(1)
    assert description.startswith("Deaths as each report gave it, oldest first:")
    assert "Northline Wire (15 Mar 2026, citing the governor): 31" in description
    assert 'stroke-dasharray="3 2"' in svg  # "at least 12" reaches up: a whisker
    assert "14 Mar</text>" in svg and "15 Mar</text>" in svg


def test_one_outlet_or_undated_reports_make_no_chart():
    rows = build([statement(1, "A", 14, "The flood killed 15 people, officials said.", "officials")])
    assert not timeline.worth_a_chart(rows[0])


@pytest.mark.django_db
def test_the_story_page_shows_the_timelines(client, viewer):
    for n, outlet, day in ((12, "Harbor Courier", "2026-03-14"), (15, "Estrava Daily", "2026-03-15")):
        import_article(
            text=f"The flood killed {n} people in the Sella valley, the agency said.",
            outlet=outlet,
            published=day,
        )
    story = Story.objects.get()
    client.force_login(viewer)
    page = client.get(reverse("story_detail", args=[story.pk])).content.decode()
    assert "How the figures moved" in page and '<svg class="figure-timeline"' in page
    assert "Deaths over time" in page
