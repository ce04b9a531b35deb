"""Claim extraction: sentences, figures, dates, sources and check-worthiness."""

import datetime

import pytest

from claims.cleaning import clean_document
from claims.extraction import (
    extract_attribution,
    extract_claims,
    extract_dates,
    extract_quantities,
    split_sentences,
)
from claims.tests.conftest import seed_path

SATURDAY = datetime.date(2021, 12, 4)


def sentences(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_sentences_respect_abbreviations_initials_and_decimals():
    text = (
        "U.S. officials met Mr. Putin's envoy in Geneva. Inflation was 3.5 percent in the U.S. "
        "Last year J. R. Smith said it fell.\n\nA headline without a full stop"
    )
    assert sentences(text) == [
        "U.S. officials met Mr. Putin's envoy in Geneva.",
        "Inflation was 3.5 percent in the U.S.",
        "Last year J. R. Smith said it fell.",
        "A headline without a full stop",
    ]


def test_a_quotation_spanning_sentences_stays_in_one_sentence():
    text = "“We will rebuild. It will take years,” the mayor said. Work starts in May."
    assert sentences(text) == [
        "“We will rebuild. It will take years,” the mayor said.",
        "Work starts in May.",
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "quoted"),
    [
        (
            "point to the transfer of about 175,000 Russian troops, along",
            175000,
            "troop",
            "about",
            "about 175,000 Russian troops",
        ),
        (
            "Russia has amassed over 94,000 troops near the border",
            94000,
            "troop",
            "over",
            "over 94,000 troops",
        ),
        ("photos showing 70,000 soldiers in the area", 70000, "soldier", "exact", "70,000 soldiers"),
        ("troops in four locations near the border", 4, "location", "exact", "four locations"),
        (
            "The reservoir holds 340 million cubic meters of water",
            340e6,
            "cubic_meter",
            "exact",
            "340 million cubic meters",
        ),
        ("Prices rose 4.5% in March", 4.5, "percent", "exact", "4.5%"),
        ("The repairs will cost $2.5 billion over ten years", 2.5e9, "USD", "exact", "$2.5 billion"),
        ("between 300 and 500 people were evacuated", 400, "person", "range", "between 300 and 500 people"),
        ("at least 41 were injured in the blast", 41, "person", "at_least", "at least 41"),
        ("up to 2,000 homes lost power", 2000, "home", "up_to", "up to 2,000 homes"),
    ],
)
def test_quantities_are_normalised_with_their_counted_noun(text, value, unit, qualifier, quoted):
    found = extract_quantities(text, offset=100)
    assert len(found) >= 1
    q = found[0]
    assert (q.value, q.unit, q.qualifier, q.text) == (value, unit, qualifier, quoted)
    assert text[q.start - 100 : q.end - 100] == q.text


def test_years_and_calendar_days_are_dates_not_quantities():
    text = "The Kremlin annexed Crimea in 2014 and the talks are on December 7, 2021."
    assert extract_quantities(text) == []
    assert [(d.text, d.value, d.granularity) for d in extract_dates(text)] == [
        ("2014", datetime.date(2014, 1, 1), "year"),
        ("December 7, 2021", datetime.date(2021, 12, 7), "day"),
    ]


def test_weekdays_resolve_against_the_publication_date():
    future = extract_dates("The two leaders will speak on Tuesday.", published=SATURDAY)
    past = extract_dates("The White House confirmed the call Saturday.", published=SATURDAY)
    vague = extract_dates("Russia may try to invade Ukraine in early 2022.", published=SATURDAY)
    assert [(d.text, d.value) for d in future] == [("on Tuesday", datetime.date(2021, 12, 7))]
    assert [(d.text, d.value) for d in past] == [("Saturday", SATURDAY)]
    assert [(d.text, d.granularity) for d in vague] == [("early 2022", "year-part")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The figure is 175,000 troops, according to The Washington Post, the first to see it.",
            "The Washington Post",
        ),
        (
            "Kmitry Peskov, Kremlin spokesman, confirmed the call on Saturday.",
            "Kmitry Peskov, Kremlin spokesman",
        ),
        (
            "Ukrainian Defense Minister Oleskii Reznikov said on Friday that Russia has 94,000 troops.",
            "Ukrainian Defense Minister Oleskii Reznikov",
        ),
        ("The Washington Post reported that day that 70,000 troops were seen.", "The Washington Post"),
        ("Rain swelled the river, the education office said.", "the education office"),
        ("Biden, while speaking to reporters on Friday, said he has a plan.", "Biden"),
        ("The bridge will reopen in May, said Jen Psaki.", "Jen Psaki"),
    ],
)
def test_attribution_names_who_said_it(sentence, source):
    found, span = extract_attribution(sentence, offset=7)
    assert found == source
    assert sentence[span.start - 7 : span.end - 7] == source


def test_pronouns_are_not_sources():
    assert extract_attribution("He said the bridge was safe.") == ("", None)


def test_check_worthy_sentences_score_high_and_explain_why():
    body = (
        "About 12,000 residents were evacuated on Tuesday, according to the civil protection agency.\n\n"
        "I think the province waited far too long to act.\n\n"
        "Subscribe to our newsletter for more stories.\n\n"
        "What happens next?"
    )
    claims = extract_claims(body, published=datetime.date(2026, 3, 14))
    assert [c.text for c in claims] == [
        "About 12,000 residents were evacuated on Tuesday, according to the civil protection agency."
    ]
    claim = claims[0]
    assert claim.score >= 0.8
    assert any(r.startswith("figure: About 12,000 residents") for r in claim.reasons)
    assert "attributed to the civil protection agency" in claim.reasons
    figure = claim.quantities[0]
    assert (figure.value, figure.unit, figure.measure) == (12000, "resident", "evacuated")


def test_a_small_measurement_is_a_figure_but_a_small_count_is_language():
    body = (
        "A scene of destruction unfolded along a two-kilometre stretch of the seafront.\n\n"
        "The two leaders met on the seafront."
    )
    texts = [c.text for c in extract_claims(body, published=datetime.date(2026, 3, 14))]
    assert texts == ["A scene of destruction unfolded along a two-kilometre stretch of the seafront."]


def _seed_claims(name):
    path = seed_path(name)
    _, cleaned = clean_document(path.read_bytes(), filename=path.name)
    return cleaned.body, extract_claims(cleaned.body)


@pytest.mark.parametrize(
    ("seed", "figure", "unit", "source"),
    [
        ("000_", 175000, "troop", "The Washington Post"),
        ("003_", 94000, "troop", "Ukrainian Defense Minister Oleskii Reznikov"),
        ("003_", 70000, "troop", "The Washington Post"),
    ],
)
def test_seed_troop_figures_are_claims_with_quantity_and_source(seed, figure, unit, source):
    body, claims = _seed_claims(seed)
    claim = next(c for c in claims if any(q.value == figure for q in c.quantities))
    quantity = next(q for q in claim.quantities if q.value == figure)
    assert quantity.unit == unit
    assert claim.attribution == source
    assert body[claim.start : claim.end] == claim.text
    assert body[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize("seed", ["000_", "003_"])
def test_every_offset_points_at_its_text(seed):
    body, claims = _seed_claims(seed)
    assert claims
    for claim in claims:
        assert body[claim.start : claim.end] == claim.text
        for fact in [*claim.quantities, *claim.dates]:
            assert body[fact.start : fact.end] == fact.text
        if claim.attribution_span:
            assert body[claim.attribution_span.start : claim.attribution_span.end] == claim.attribution
