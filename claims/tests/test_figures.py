"""Figures read as a reader reads them: what a number counts, its unit, its time, conversions.

Every sentence here is our own writing, one or more per kind of misreading seen in real reports.
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims import conflicts
from claims.extraction import extract_claims, extract_dates, extract_quantities
from claims.figures import reading
from claims.ingest import extract_article_claims
from claims.models import ClaimLink, Note, Quantity
from claims.vocabulary import lemma

from .conftest import make_article, make_outlet


def figures(sentence: str) -> list:
    return extract_quantities(sentence)


def only(sentence: str):
    found = figures(sentence)
    assert len(found) == 1, found
    return found[0]


def facts(sentence: str) -> conflicts.ClaimFacts:
    return conflicts.facts_from(text=sentence, quantities=figures(sentence), dates=extract_dates(sentence))


# --- Units, inside compounds too, converted with pint ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "measure", "unit", "value", "base_value", "base_unit"),
    [
        ("The ministers held a three-hour meeting in the port.", "duration", "hour", 3, 10800, "second"),
        ("A 300-metre-long tanker blocked the canal.", "length", "meter", 300, 300, "meter"),
        ("The 980-foot tanker was refloated on Monday.", "length", "foot", 980, 298.704, "meter"),
        (
            "A 150,000-tonne freighter ran aground off the cape.",
            "mass",
            "metric_ton",
            150000,
            1.5e8,
            "kilogram",
        ),
        ("Workers unloaded 1,150 tons of grain.", "mass", "metric_ton", 1150, 1.15e6, "kilogram"),
        ("The crack ran for 1,300 feet along the wall.", "length", "foot", 1300, 396.24, "meter"),
        ("Gusts reached 190 mph near the coast.", "speed", "mile_per_hour", 190, 84.9376, "meter / second"),
        ("The fire burned 2,500 hectares of forest.", "area", "hectare", 2500, 2.5e7, "meter ** 2"),
        ("The ship sank in water 3,800 metres deep.", "depth", "meter", 3800, 3800, "meter"),
        ("The village lies 40 miles north of the capital.", "distance", "mile", 40, 64373.76, "meter"),
    ],
)
def test_units_are_read_inside_compounds_and_converted_to_a_base_unit(
    sentence, measure, unit, value, base_value, base_unit
):
    figure = only(sentence)
    assert (figure.measure, figure.unit, figure.value, figure.base_unit) == (measure, unit, value, base_unit)
    assert figure.base_value == pytest.approx(base_value)


def test_a_magnitude_is_a_magnitude_whichever_way_it_is_written():
    for sentence in (
        "A magnitude-5.9 tremor shook the valley.",
        "The 5.9-magnitude quake struck at dawn.",
        "Seismologists put the magnitude at 5.9 on Monday.",
        "The 5.9 quake was felt in the capital.",
    ):
        figure = only(sentence)
        assert (figure.measure, figure.value, figure.unit) == ("magnitude", 5.9, ""), sentence


# --- What a count counts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "measure", "unit"),
    [
        ("The army moved 12,000 battle-ready soldiers to the border.", "troops", "soldier"),
        ("By evening the death toll climbed to at least 48.", "deaths", "person"),
        ("Nine tugs pulled the ship free on Monday.", "vessels", "tug"),
        ("Salvage crews brought in 12 tugboats.", "vessels", "tugboat"),
        ("An enormous crowd of 40,000 gathered in the square.", "crowd", "person"),
        ("The storm left 14 dead on the island.", "deaths", "person"),
        ("Police arrested 37 people after the match.", "arrests", "person"),
        ("Rescuers pulled 23 miners out alive.", "rescued", "miner"),
        ("More than 3,000 people were evacuated from the valley.", "evacuated", "person"),
        ("Two rescue workers were killed by a falling wall.", "deaths", "worker"),
        ("About 150 tents were put up beside the school.", "tent", "tent"),
        # "and" is not a counted noun: the toll "climbed to 81 and could" counts the dead.
        ("By Wednesday the death toll had climbed to 81 and could rise further.", "deaths", "person"),
        ("Approximately 500,000 people attended the march on the capital.", "crowd", "person"),
        # "crowd crush" names the disaster: the toll counts the dead, not the crowd.
        ("The death toll from the crowd crush in the old town has risen to 154.", "deaths", "person"),
        # "Accounted for" is not "unaccounted for": found, the other side of the missing.
        ("The mayor said 136 people had been accounted for by Monday.", "accounted", "person"),
        ("More than 150 people are still unaccounted for.", "missing", "person"),
        ("Part of the 12-story tower collapsed overnight.", "storeys", "storey"),
    ],
)
def test_each_count_says_what_it_counts(sentence, measure, unit):
    figure = only(sentence)
    assert (figure.measure, figure.unit) == (measure, unit)


def test_plural_stripping_leaves_words_that_are_not_plurals():
    assert lemma("enormous") == "enormous"
    assert lemma("tugboats") == "tugboat"
    assert lemma("casualties") == "casualty"
    assert lemma("people") == "person"
    assert lemma("bogies") == "bogie"


def test_two_counts_in_one_sentence_keep_their_own_states():
    dead, injured, evacuated = figures(
        "The blast killed more than 100 people and injured 700, and 2,300 had been evacuated by noon."
    )
    assert (dead.measure, dead.qualifier, dead.value) == ("deaths", "over", 100)
    assert (injured.measure, injured.value) == ("injured", 700)
    assert (evacuated.measure, evacuated.unit) == ("evacuated", "person")


def test_a_long_subject_still_says_what_the_count_counts():
    dead, injured = figures(
        "The death toll in the collapse of the old seaside tower near the Varro promenade has risen to "
        "nine people, with another 10 people injured."
    )
    assert (dead.measure, dead.value) == ("deaths", 9)
    assert (injured.measure, injured.value) == ("injured", 10)


def test_a_day_after_a_count_is_not_what_it_counts():
    (toll,) = figures("Officials updated the death toll from the collapse to 11 Monday afternoon.")
    assert (toll.measure, toll.value) == ("deaths", 11)


def test_a_count_after_a_clause_does_not_borrow_the_last_unit():
    span, toll, _ = figures(
        "The death toll from the storm, the strongest to hit the island in nearly 90 years, "
        "has been raised to 2,975, up from 64."
    )
    assert span.measure == "duration"
    assert (toll.value, toll.measure) == (2975, "deaths")
    low, high = figures("The water rose from 10 to 15 metres.")
    assert low.unit == high.unit == "meter"


def test_pounds_converted_to_kilograms_are_a_weight():
    weight, _ = figures("Crews carted away 18 million pounds (8.16 million kg) of debris.")
    assert (weight.measure, weight.unit) == ("mass", "pound")
    (money,) = figures("The appeal raised 18 million pounds for the families.")
    assert money.measure == "money"


def test_people_from_so_many_countries_are_of_so_many_nationalities():
    countries, _ = figures("People from 33 countries were on board, including 32 Kenyans.")
    assert countries.measure == "nationalities"
    (served,) = figures("The port serves 189 countries.")
    assert served.measure != "nationalities"


def test_a_list_of_places_borrows_what_its_first_figure_counts():
    found = figures("The union counted 140,000 marchers in the capital, 30,000 in Lyon and 12,000 in Nice.")
    assert [(f.value, f.measure, f.unit) for f in found] == [
        (140000, "crowd", "marcher"),
        (30000, "crowd", "marcher"),
        (12000, "crowd", "marcher"),
    ]


# --- Times and dates are not quantities ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "clocks"),
    [
        ("The ferry left just before 9 a.m. on Tuesday.", ["09:00"]),
        ("The blast happened at 10:45 pm (2045 GMT) near the depot.", ["22:45", "20:45 GMT"]),
        ("The clock on the tower stopped at 11:11 pm.", ["23:11"]),
        ("Flights resumed at 2211 GMT.", ["22:11 GMT"]),
        ("The march set off at 6 p.m. from the station.", ["18:00"]),
    ],
)
def test_times_of_day_are_times_never_counts(sentence, clocks):
    assert figures(sentence) == []
    times = [d for d in extract_dates(sentence) if d.granularity == "time"]
    assert [d.clock for d in times] == clocks


def test_a_year_and_a_model_number_are_not_counts():
    assert figures("The bridge, built in 1997, was closed.") == []
    assert figures("A Boeing 737 MAX 8 landed on Flight 302's runway.") == []
    assert figures("Call the helpline on 06782-262286 for news.") == []


def test_two_sources_differ_on_a_time_of_day():
    first = extract_claims("The quake struck at 4:30 p.m. on Sunday, the agency said.")[0]
    assert [d.clock for d in first.dates if d.granularity == "time"] == ["16:30"]


# --- Qualifiers, ranges, number words and scales ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "low", "high", "qualifier"),
    [
        ("Between 200 and 300 families were moved to the school.", 250, 200, 300, "range"),
        ("Officials said 200 to 300 homes were flooded.", 250, 200, 300, "range"),
        ("Hundreds of residents spent the night in tents.", 599.5, 200, 999, "range"),
        ("Tens of thousands of people marched on Sunday.", 59999.5, 20000, 99999, "range"),
        ("Police expected 50 to 80,000 marchers in the capital.", 65000, 50000, 80000, "range"),
        ("Insured losses could range from $100 million to $300 million.", 2e8, 1e8, 3e8, "range"),
    ],
)
def test_ranges_become_intervals(sentence, value, low, high, qualifier):
    figure = only(sentence)
    assert (figure.value, figure.low, figure.high, figure.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("About 2,000 police officers were deployed.", "about"),
        ("Nearly 600 people were confirmed dead.", "nearly"),
        ("At least 589 people were confirmed dead.", "at_least"),
        ("More than 400 people were killed.", "over"),
        ("Up to 5,000 troops could be sent.", "up_to"),
        ("Some 200 tons of diesel were spilt.", "about"),
        ("An estimated 15,000 protesters took part.", "about"),
        ("Less than 70 kilometers beneath the surface the fault slipped.", "under"),
    ],
)
def test_qualifiers_stay(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Two firefighters were injured.", 2),
        ("A dozen fishing boats were missing.", 12),
        ("The city has 1.03 million inhabitants.", 1.03e6),
        ("Organisers said half a million people marched.", 5e5),
        ("Les syndicats ont compté 1,2 million manifestants.", 1.2e6),
        ("Forty-seven people are injured.", 47),
        ("Relief camps held 14.50 lakh people.", 1.45e6),
        ("More than 219 500 residents were displaced.", 219500),
    ],
)
def test_number_words_and_scales(sentence, value):
    assert only(sentence).value == pytest.approx(value)


def test_shares_in_words_are_percentages():
    share, figure = figures("Almost three in ten civil servants (29.5%) went on strike.")
    assert (share.value, share.unit, share.qualifier) == (30, "percent", "nearly")
    assert (figure.value, figure.measure) == (29.5, "percentage")


# --- Attribution and plans -----------------------------------------------------------------


def test_each_figure_keeps_its_own_source():
    claim = extract_claims(
        "The union counted 140,000 marchers in the city (the police counted 26,000) on Thursday."
    )[0]
    union, police = claim.quantities
    assert (union.attribution, police.attribution) == ("The union", "the police")
    assert union.measure == police.measure == "crowd"


def test_a_plan_is_not_a_count():
    planned = only("The march in the capital is expected to draw up to 80,000 people.")
    counted = only("About 80,000 people marched in the capital.")
    assert planned.forecast and not counted.forecast


def test_absurd_figures_are_ignored_not_fatal():
    huge = "1" + "0" * 400
    assert figures(f"The agency said {huge} troops moved to the border.") == []
    assert figures("The agency said 1e400 troops moved.") == []


# --- Comparing figures: base units, measures, qualifiers --------------------------------------------


def test_the_same_count_in_other_words_is_compared():
    comparison = conflicts.compare(
        facts("Nine tugs freed the ship."), facts("Twelve tugboats freed the ship.")
    )
    assert comparison.relation == conflicts.CONFLICTS
    assert comparison.explanation.startswith("9 tugs vs 12 tugboats")


def test_figures_in_other_units_compare_in_base_units():
    agree = conflicts.compare(
        facts("The crack in the dam wall stretched 400 metres."),
        facts("The crack in the dam wall ran for 1,300 feet."),
    )
    assert agree.relation == conflicts.AGREES
    differ = conflicts.compare(
        facts("Workers unloaded 1,200 tonnes of grain."), facts("Workers unloaded 1,150 tons of grain.")
    )
    assert differ.relation == conflicts.CONFLICTS
    assert "1,200 tonnes vs 1,150 tonnes" in differ.explanation


def test_dead_and_injured_are_never_weighed_against_each_other():
    comparison = conflicts.compare(
        facts("The storm killed 14 people on the island, officials said."),
        facts("The storm injured 40 people on the island, officials said."),
    )
    assert comparison.relation != conflicts.CONFLICTS


def test_a_range_agrees_with_a_figure_inside_it_and_conflicts_with_one_outside():
    between = facts("Between 200 and 300 families were evacuated from the valley.")
    assert (
        conflicts.compare(between, facts("About 250 families were evacuated from the valley.")).relation
        == "agrees"
    )
    assert conflicts.compare(
        between, facts("Some 600 families were evacuated from the valley.")
    ).relation == ("conflicts")


def test_reading_in_words_for_editors():
    tanker = only("A 300-metre-long tanker blocked the canal.")
    assert reading(tanker) == "length: 300 m (as written: 300-metre-long)"
    feet = only("The 980-foot tanker was refloated.")
    assert reading(feet) == "length: 980 ft = 299 m (as written: 980-foot)"


# --- Stored, exported, shown, and upgraded by re-extraction --------------------------------------------


@pytest.mark.django_db
def test_reextract_upgrades_stored_figures_and_keeps_editors_work(editor):
    article = make_article(
        body="The 980-foot tanker was freed by nine tugs on Monday, the canal authority said.", url=""
    )
    extract_article_claims(article)
    claim = article.claims.get()
    other = make_article(
        make_outlet("Estrava Daily"),
        body="Twelve tugboats freed the tanker on Monday, the canal authority said.",
    )
    extract_article_claims(other)
    link = ClaimLink.objects.create(
        claim_a=claim, claim_b=other.claims.get(), relation="conflicts", score=0.8
    )
    claim.update_review(by=editor, status="in_review", assignee=editor)
    Note.objects.create(author=editor, claim=claim, text="Ask the canal authority.")
    # Figures stored before measures existed.
    Quantity.objects.update(measure="", base_value=None, base_unit="", noun="")

    call_command("reextract", stdout=StringIO())

    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == ("in_review", editor)
    assert claim.notes.get().text == "Ask the canal authority."
    assert ClaimLink.objects.filter(pk=link.pk).exists()
    stored = {q.text: (q.measure, q.unit, q.base_unit) for q in claim.quantities.all()}
    assert stored == {"980-foot": ("length", "foot", "meter"), "nine tugs": ("vessels", "tug", "count")}


@pytest.mark.django_db
def test_find_similar_json_carries_each_figure_reading():
    article = make_article(body="A 300-metre-long tanker blocked the canal for six days, the authority said.")
    extract_article_claims(article)
    out = StringIO()
    call_command("find_similar", "tanker blocked the canal", "--json", stdout=out)
    found = json.loads(out.getvalue())["claims"]
    quantities = {q["text"]: q for q in found[0]["quantities"]}
    tanker = quantities["300-metre-long"]
    assert (tanker["measure"], tanker["qualifier"], tanker["base_value"], tanker["base_unit"]) == (
        "length",
        "exact",
        300,
        "meter",
    )
    assert (tanker["value"], tanker["unit"]) == (300, "meter")


@pytest.mark.django_db
def test_the_claim_page_and_compare_show_how_figures_were_read(client, viewer):
    article = make_article(
        body="The 980-foot tanker was freed by nine tugs on Monday, the canal authority said."
    )
    extract_article_claims(article)
    claim = article.claims.get()
    client.force_login(viewer)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "length: 980 ft = 299 m, according to the canal authority (as written: 980-foot)" in page
    assert "vessels: 9 tugs, according to the canal authority (as written: nine tugs)" in page
    other = make_article(
        make_outlet("Estrava Daily"),
        body="Twelve tugboats freed the tanker on Monday, the canal authority said.",
    )
    extract_article_claims(other)
    ClaimLink.objects.create(claim_a=claim, claim_b=other.claims.get(), relation="conflicts", score=0.8)
    compare = client.get(reverse("compare"), {"articles": f"{article.pk},{other.pk}"}).content.decode()
    assert "vessels: 12 tugboats, according to the canal authority (as written: Twelve tugboats)" in compare


def test_a_figure_of_an_earlier_year_is_not_weighed_against_this_weeks():
    import datetime

    def dated(sentence):
        return conflicts.facts_from(
            text=sentence, quantities=figures(sentence), dates=extract_dates(sentence),
            published=datetime.date(2014, 8, 4),
        )  # fmt: skip

    now = dated("The magnitude-6.1 quake killed 381 people in Ludian on Sunday.")
    then = dated("In 1974, a magnitude-7.1 quake in the region killed more than 1,400 people.")
    assert conflicts.compare(now, then).relation != conflicts.CONFLICTS
    again = dated("The 6.5-magnitude quake killed at least 175 people in Ludian on Sunday.")
    assert conflicts.compare(now, again).relation == conflicts.CONFLICTS


def test_an_estimate_that_names_nothing_counts_what_the_sentence_before_counted():
    before = "Two million demonstrators took to the streets throughout France, the union said."
    sentence = "For its part, the ministry has put the total estimate at 1.2 million."
    alone = extract_quantities(sentence)
    assert alone == []  # without the sentence before, a bare number is not read as a count
    (figure,) = extract_quantities(sentence, context=before)
    assert (figure.text, figure.value, figure.measure) == ("1.2 million", 1_200_000, "crowd")
    # Only an estimate's frame borrows: a bare number elsewhere does not.
    assert extract_quantities("The minister spoke at 1.2 million.", context=before) == []
    assert extract_quantities("The ministry put the total at 1.2 million.", context="It rained.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "measure"),
    [
        # Our own sentences in the shape of two real reports' (an injured count, a crowd).
        (
            "More than 300 people have been taken to hospital after the blast.",
            "More than 300 people",
            "injured",
        ),
        ("About 90 workers were rushed to hospitals in the city.", "About 90 workers", "injured"),
        ("At least 40,000 people were at the teachers’ rally in Ostrel.", "At least 40,000 people", "crowd"),
        ("Some 8,000 people were at the march on Sunday.", "Some 8,000 people", "crowd"),
    ],
)
def test_hospital_and_crowd_phrasings_say_what_is_counted(sentence, text, measure):
    (figure,) = extract_quantities(sentence)
    assert (figure.text, figure.measure) == (text, measure)


def test_who_was_aboard_is_its_own_count_and_all_aboard_killed_are_the_dead():
    assert [
        q.measure for q in figures("A ferry carrying 462 people sank, leaving more than 280 people missing.")
    ] == [
        "aboard",
        "missing",
    ]
    assert [q.measure for q in figures("The ferry sank with 459 on board.")] == ["aboard"]
    # The part takes the clause's state; the whole is who was aboard.
    assert [q.measure for q in figures("At least four of the 459 people aboard are confirmed dead.")] == [
        "deaths",
        "aboard",
    ]
    assert [q.measure for q in figures("That left 291 of the 459 people on the ferry unaccounted for.")] == [
        "missing",
        "aboard",
    ]
    assert only("All 157 people aboard the flight have been killed, the airline said.").measure == "deaths"
    assert only("The plane crashed in the Alps, killing all 150 on board.").measure == "deaths"


def test_dead_or_missing_is_one_toll_and_identified_victims_are_their_own_count():
    assert only(
        "The number of people dead or missing presumed dead has risen to 79, police said."
    ).measure == ("dead or missing")
    assert only("Police said 58 people are missing and presumed dead.").measure == "dead or missing"
    assert only("Police say around 80 people are dead or missing.").measure == "dead or missing"
    assert only("So far 74 are missing presumed dead.").measure == "missing"
    assert only("Five of the dead have now been formally identified.").measure == "identified"
    assert [q.measure for q in figures("At least 20 people were killed and 15 are missing.")] == [
        "deaths",
        "missing",
    ]


def test_a_breakdown_of_the_count_before_counts_what_it_counted():
    found = extract_claims(
        "Police now report that a total of 76 people were killed. Of these, 68 were on the island and eight "
        "were from the bombing in the capital."
    )
    assert [(q.value, q.measure) for q in found[-1].quantities] == [(68, "deaths"), (8, "deaths")]
    # Without the sentence before, a bare "Of these, 68 were on the island" counts nothing it can say.
    assert extract_quantities("Of these, 68 were on the island.") == []
