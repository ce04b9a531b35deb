"""Comparing two claims' facts: agreement, conflict, and the traps in between."""

import datetime

import pytest

from claims import conflicts
from claims.extraction import extract_attribution, extract_dates, extract_quantities


def facts(text, published=None):
    attribution, _ = extract_attribution(text)
    return conflicts.facts_from(
        text=text,
        quantities=extract_quantities(text),
        dates=extract_dates(text, published=published),
        attribution=attribution,
        published=published,
    )


def compare(first, second, published=(None, None)):
    return conflicts.compare(facts(first, published[0]), facts(second, published[1]))


def conflict_explanation(first, second):
    """The explanation of a pair that must be a conflict."""
    result = compare(first, second)
    assert result.is_conflict, result
    return result.explanation


def test_the_same_source_cited_with_different_figures():
    result = compare(
        "Satellite images show about 175,000 Russian troops, according to The Washington Post.",
        "The Washington Post reported that satellite photos show about 70,000 Russian troops.",
    )
    assert (result.relation, result.kind) == ("conflicts", "quantity")
    assert (
        result.explanation
        == "about 175,000 troops vs about 70,000 troops, both attributed to The Washington Post"
    )


def test_different_sources_are_named_in_the_explanation():
    result = compare(
        "Russia has amassed over 94,000 troops near the border, Defense Minister Oleskii Reznikov said.",
        "Satellite images show about 175,000 Russian troops, according to The Washington Post.",
    )
    assert result.kind == "quantity"
    assert "attributed to Defense Minister Oleskii Reznikov vs The Washington Post" in result.explanation


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "About 12,000 people were evacuated, officials said.",
            "Some 12,500 people were evacuated, the agency said.",
        ),
        ("More than 94,000 troops are near the border.", "Around 100,000 troops are near the border."),
        ("41 people were injured in the flooding.", "The floods injured 41 people, the governor said."),
    ],
)
def test_figures_within_their_stated_reach_agree(first, second):
    result = compare(first, second)
    assert result.relation == "agrees"
    assert result.kind == ""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Two floors of one toll are two tallies (the independent labels flag "over 250" vs "at least 261").
        (
            "At least 26 people were killed in the collapse.",
            "At least 35 people were killed in the collapse.",
        ),
        ("The toll has risen to over 250 dead.", "The crash killed at least 261 people."),
        # A floor against a precise count that is not how that floor was rounded.
        ("At least 125 people died in the crush.", "The crush left 129 people dead."),
        ("At least 175 people have been killed in the quake.", "The quake has killed 381 people."),
        # Floors one apart are still two tallies, and a second figure agreeing changes nothing.
        ("The gunman killed at least 58 people.", "The gunman killed at least 59 people."),
        (
            "More than 61 people were killed and at least 530 others injured at the fair.",
            "At least 60 people have died and at least 530 were injured at the fair.",
        ),
    ],
)
def test_count_floors_that_are_different_tallies_conflict(first, second):
    result = compare(first, second)
    assert (result.relation, result.kind) == ("conflicts", "quantity")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("More than 380 people were killed in the quake.", "The quake killed 381 people."),
        ("More than 700 people were injured.", "701 people were injured, the city said."),
        ("At least 20 others have been seriously injured.", "More than 20 people were seriously injured."),
        # "More than 515" is how outlets give the official 515.
        ("The blast injured more than 515 people.", "Police put the number of injured at 515 people."),
        ("More than 61 people were killed at the fair.", "At least 61 people were killed at the fair."),
    ],
)
def test_a_floor_that_rounds_the_same_count_agrees(first, second):
    assert compare(first, second).relation == "agrees"


def test_about_covers_what_the_figure_is_rounded_to_not_a_tenth():
    assert compare(
        "The flood reached Tamsin, home to 350,000 people.", "Tamsin is home to about 330,000 people."
    ).is_conflict
    assert not compare(
        "The flood reached Tamsin, home to 94,000 people.", "Tamsin is home to about 100,000 people."
    ).is_conflict


def test_figures_of_one_measure_are_weighed_place_against_place():
    explanation = conflict_explanation(
        "The wave reached Orrin, a region of 300,000 people north of the capital.",
        "The wave hit Orrin, a town of about 270,000 people, and the capital Vessa, home to about 320,000 people.",
    )
    assert explanation.startswith("300,000 people vs about 270,000 people")


@pytest.mark.parametrize(
    ("first", "second", "measure", "relation"),
    [
        (
            "The tsunami reached 3 metres, officials said.",
            "It generated a tsunami as high as 1.5 metres.",
            "height",
            "conflicts",
        ),
        (
            "Rescuers reached Orrin, a region of 300,000 people.",
            "Orrin has a population of 270,000.",
            "population",
            "conflicts",
        ),
        (
            "Police said the gunman had at least 10 rifles.",
            "Officers found 23 firearms in the room.",
            "firearms",
            "conflicts",
        ),
        # The same figure said another way.
        (
            "Police said a 64-year-old gunman fired on the crowd.",
            "The shooter is Daniel Morrow, age 64, police confirmed.",
            "age",
            "agrees",
        ),
        (
            "The gunman fired into the crowd of 22,000 people.",
            "There were an estimated 22,000 people at the concert.",
            "crowd",
            "agrees",
        ),
    ],
)
def test_what_real_reports_count_is_read_the_same_way(first, second, measure, relation):
    result = compare(first, second)
    assert result.relation == relation
    assert measure in result.shared_units


def test_a_bare_number_after_a_name_is_an_age_not_a_toll():
    result = compare(
        "The suspect, identified as Daniel Morrow, 64, was found dead in his room.",
        "At least 59 people were killed in the shooting.",
    )
    assert not result.is_conflict
    assert compare(
        "The suspect, identified as Daniel Morrow, 64, was found dead in his room.",
        "Police named the gunman as Daniel Morrow, 64, of Lintown.",
    ).shared_units == ("age",)


def test_a_toll_counted_on_another_day_is_an_update_not_noise():
    result = compare(
        "As of Sunday evening, officials said 153 people were killed.",
        "As of Tuesday, 156 deaths were confirmed by the disaster headquarters.",
        published=(datetime.date(2022, 10, 31), datetime.date(2022, 11, 1)),
    )
    assert (result.relation, result.kind) == ("conflicts", "quantity")
    assert "given for different dates" in result.explanation
    assert result.explanation.endswith("the later count, for Tuesday (1 November 2022), says 156 deaths")
    on_a_day = compare(
        "On Friday the toll stood at 50 dead.",
        "On Saturday the toll had risen to 261 dead, the railway said.",
        published=(datetime.date(2023, 6, 2), datetime.date(2023, 6, 3)),
    )
    assert "the later count, for Saturday (3 June 2023), says" in on_a_day.explanation
    # Other measures on two days are no contradiction: prices, temperatures move.
    other = compare(
        "On Monday the river stood at 4 metres.",
        "On Wednesday the river stood at 6 metres.",
        published=(datetime.date(2022, 10, 31), datetime.date(2022, 11, 2)),
    )
    assert not other.is_conflict


def test_part_of_a_tally_is_not_weighed_against_the_whole():
    toll = "The death toll from the crush has risen to 154, including 26 foreigners, officials said."
    listed = "Twenty-six foreigners from 14 countries died: five from Iran; four from China."
    result = compare(toll, listed)
    assert (result.relation, result.explanation) == ("agrees", "both give 26 foreigners")


def test_three_men_and_a_woman_are_four_people():
    result = compare(
        "Police said four people were arrested.", "Police said three men and a woman were in custody."
    )
    assert (result.relation, result.explanation) == ("agrees", "both give 4 people")
    assert compare(
        "Police said five people were arrested.", "Police arrested three men and a woman."
    ).is_conflict


@pytest.mark.parametrize(
    ("first", "second", "weighed"),
    [
        # Foreign nationals and foreigners are the same people.
        (
            "The death toll has risen to 154, including 26 foreigners, officials said.",
            "The dead included at least 19 foreign nationals, he said.",
            "26 foreigners vs at least 19 foreign nationals",
        ),
        # A vague "dozens" beside a figure in digits does not make an agreement.
        (
            "At least 25 people have been killed by the typhoon.",
            "The death toll from the typhoon has climbed to 81 as rescuers search a landslide where dozens "
            "are presumed dead.",
            "at least 25 people vs 81 people",
        ),
    ],
)
def test_the_conflict_weighs_the_figures_that_count_the_same(first, second, weighed):
    result = compare(first, second)
    assert result.kind == "quantity"
    assert result.explanation.startswith(weighed)


def test_counts_written_to_the_unit_are_not_rounded():
    result = compare("Officials said 153 people were killed.", "The toll has risen to 154 dead.")
    assert result.kind == "quantity"
    assert (
        compare("About 1,028,000 people are in camps.", "About 1.03 million people are in camps.").relation
        == "agrees"
    )


def test_the_gravely_injured_are_not_weighed_against_all_the_injured():
    assert not compare(
        "The toll could rise as 37 of the injured were in serious condition, the ministry said.",
        "As of Tuesday, 151 injuries were confirmed by the headquarters.",
    ).is_conflict
    gravely = compare(
        "The toll could rise further, as 33 others remain in serious condition, officials said.",
        "The fire chief said 82 people were injured, 19 of them seriously.",
    )
    assert gravely.explanation.startswith("33 people vs 19 people")


def test_a_toll_of_an_earlier_year_later_in_the_clause_is_not_this_weeks():
    assert not compare(
        "At least 25 people have been killed by the typhoon.",
        "The deadliest storm on record is Typhoon Haiyan, which left more than 7,350 people dead or "
        "missing across the central islands of the archipelago in November 2013.",
    ).is_conflict


def test_a_report_published_hours_later_says_so():
    def at(text, moment):
        attribution, _ = extract_attribution(text)
        return conflicts.facts_from(
            text=text,
            quantities=extract_quantities(text),
            dates=extract_dates(text, published=moment.date()),
            attribution=attribution,
            published=moment.date(),
            published_at=moment,
        )

    utc = datetime.UTC
    early = at(
        "The fire killed 31 people, the fire service said.", datetime.datetime(2026, 3, 9, 6, 0, tzinfo=utc)
    )
    late = at(
        "The fire killed 48 people, the fire service said.", datetime.datetime(2026, 3, 10, 2, 0, tzinfo=utc)
    )
    result = conflicts.compare(early, late)
    assert result.kind == "quantity"
    assert result.explanation.endswith("updated: the later report, 20 h after, says 48 people")


def test_small_exact_counts_are_not_rounded():
    assert compare("Three people died in the floods.", "Five people died in the floods.").kind == "quantity"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Troops against locations: different counted nouns.
        ("Troops were seen in 70 locations near the border.", "About 70,000 troops massed near the border."),
        # A death toll against a count of injured.
        ("Three people were killed in the blast.", "At least 41 people were injured in the blast."),
        ("Five people died and 41 were injured.", "At least 40 people were hurt, the police said."),
    ],
)
def test_figures_about_different_things_are_not_flagged(first, second):
    assert not compare(first, second).is_conflict


def test_a_figure_for_a_different_date_is_not_a_conflict():
    result = compare(
        "By March 3, 1,200 people had registered for aid, the agency said.",
        "By March 9, 4,800 people had registered for aid, the agency said.",
        published=(datetime.date(2026, 3, 10), datetime.date(2026, 3, 10)),
    )
    assert result.relation == "related"
    assert "different dates" in result.explanation


def test_a_figure_from_a_later_report_says_which_is_newer():
    result = compare(
        "The fire killed 31 people, the ministry said.",
        "The fire killed 48 people, the ministry said.",
        published=(datetime.date(2026, 3, 11), datetime.date(2026, 3, 10)),
    )
    assert result.kind == "quantity"
    assert "the later report, 1 day after, says 31 people" in result.explanation
    assert "different moments" not in result.explanation  # a day is within one news cycle
    same_day = compare(
        "The fire killed 31 people, the ministry said.",
        "The fire killed 48 people, the ministry said.",
        published=(datetime.date(2026, 3, 10), datetime.date(2026, 3, 10)),
    )
    assert "later report" not in same_day.explanation


def test_a_toll_that_rose_since_an_earlier_report_is_shown_as_the_newer_figure():
    # Editors see an updated toll as a disagreement to check, told which report is newer and,
    # when the same source gave a higher count later, that it is most likely an update.
    result = compare(
        "23 people died in the earthquake, the interior ministry said.",
        "The death toll from the earthquake rose to 31 on Tuesday, the interior ministry said.",
        published=(datetime.date(2027, 5, 3), datetime.date(2027, 5, 4)),
    )
    assert result.kind == "quantity"
    assert result.explanation.endswith("; updated: the later report, 1 day after, says 31 people")
    # A lower later figure, or another source, is not called an update.
    lower = compare(
        "31 people died in the earthquake, the interior ministry said.",
        "The death toll from the earthquake is 23, the interior ministry said.",
        published=(datetime.date(2027, 5, 3), datetime.date(2027, 5, 4)),
    )
    assert (
        "updated" not in lower.explanation
        and "the later report, 1 day after, says 23 people" in lower.explanation
    )
    other_source = compare(
        "23 people died in the earthquake, the interior ministry said.",
        "The death toll from the earthquake rose to 31 on Tuesday, a local hospital said.",
        published=(datetime.date(2027, 5, 3), datetime.date(2027, 5, 4)),
    )
    assert "updated" not in other_source.explanation


def test_a_planned_total_against_a_count_is_flagged_and_says_so():
    result = compare(
        "The army has deployed 20,000 troops to the region.",
        "The army plans to deploy 50,000 troops to the region.",
    )
    assert result.kind == "quantity"
    assert "may describe different moments" in result.explanation
    assert "planned or projected" in result.explanation


def test_rival_accounts_of_what_happened():
    result = compare(
        "The two leaders will hold a video conference on Tuesday.",
        "A phone call is set for Tuesday between the two leaders.",
    )
    assert (result.relation, result.kind) == ("conflicts", "wording")
    assert result.explanation == '"video conference" vs "phone call"'


def test_the_same_statement_in_other_words_agrees():
    result = compare(
        "Psaki explained that President Biden will highlight U.S. concerns over Russian military activities "
        "on the Ukrainian border and reaffirm U.S. support for Ukraine's sovereignty and territorial integrity.",
        "“President Biden will underscore U.S. concerns with Russian military activities on the border with "
        "Ukraine and reaffirm the United States' support for the sovereignty and territorial integrity of Ukraine,” it read.",
    )
    assert result.relation == "agrees"


def test_different_calendar_dates_for_the_same_event():
    published = (datetime.date(2026, 3, 14), datetime.date(2026, 3, 15))
    result = compare(
        "The breach began on March 11, according to the regional water board.",
        "The Marren Dam breach on March 12 flooded four towns, the Harbor Courier reported.",
        published=published,
    )
    assert (result.relation, result.kind) == ("conflicts", "date")


def test_the_same_quote_put_in_different_mouths():
    result = compare(
        "“We will not retreat from the border,” the defence minister said.",
        "“We will not retreat from the border,” said the prime minister.",
    )
    assert (result.relation, result.kind) == ("conflicts", "attribution")


def test_figures_a_thousand_times_apart_count_different_things():
    result = compare(
        "Bus fares will stay at 2 crowns, the transport department said.",
        "Councillors passed the 2028 budget of 655 million crowns, the mayor's office said.",
    )
    assert result.relation != "conflicts"
    close = compare(
        "The council passed a budget of 640 million crowns, the mayor's office said.",
        "Councillors passed the budget of 655 million crowns, the mayor's office said.",
    )
    assert close.kind == "quantity"


def test_a_count_the_sentence_says_was_replaced_is_not_weighed():
    # "Higher than the 99 reported earlier": 99 is the old count; today's is 159.
    result = compare(
        "The number of people unaccounted for increased to 159, higher than the 99 reported earlier.",
        "The mayor said 159 people were still unaccounted for on Friday.",
    )
    assert result.relation == "agrees"
    revised = compare(
        "The toll was revised down from 174 to 125, officials said.", "The crush killed 125 people."
    )
    assert revised.relation == "agrees"
    assert compare("The toll was revised down from 174 to 125.", "The crush killed 174 people.").is_conflict


def test_a_time_of_day_both_give_is_an_agreement():
    result = compare(
        "According to state media, the blasts began around 11:30 p.m. local time at the warehouse.",
        "The explosions at about 23:30 local time last Wednesday sent fireballs into the sky.",
    )
    assert result.relation == "agrees"
    assert "23:30" in result.explanation
    other_moment = compare(
        "Firefighters were called to the warehouse at 10:50 p.m.",
        "The explosions at about 23:30 local time sent fireballs into the sky.",
    )
    assert other_moment.relation != "agrees" or "23:30" not in other_moment.explanation


def test_a_list_of_victims_ages_is_weighed_person_by_person():
    first = "Police named four victims: Leon Dravic, 80; Luis Monte, 26; Ana Orlov, 46; and Tina Vell, 76."
    second = "The victims were named as Leon Dravic, 80; Tina Vell, 74; Ana Orlov, 46; and Luis Monte, 26."
    assert conflict_explanation(first, second).startswith("76 years vs 74 years")
    other_victims = "Stacy Fane, 54, and Manu Lafon, 26, were also named by police."
    assert not compare(first, other_victims).is_conflict


def test_populations_of_two_places_are_not_weighed_against_each_other():
    result = compare(
        "Rescuers have yet to reach Orrin, a region of 300,000 people north of the capital.",
        "Water swept away homes in the coastal city of Vessa, home to 350,000 people.",
    )
    assert not result.is_conflict


def test_last_years_toll_is_not_this_events():
    result = compare(
        "The toll makes it the deadliest shooting, passing last year's massacre of 49 people at a club.",
        "At least 59 people were killed in the shooting, police said.",
    )
    assert not result.is_conflict
    # Told a year on, "last year" is when this event happened: its toll is still weighed.
    assert compare(
        "The island conceded that the storm killed more than 1,400 people on the island last year.",
        "A new study estimates the storm caused 2,975 deaths on the island.",
    ).is_conflict


def test_how_long_a_record_stands_is_not_how_long_something_lasted():
    result = compare(
        "The storm, the most powerful to strike the U.S. island territory in nearly 90 years, hit on Tuesday.",
        "Researchers counted deaths in the six months following the storm.",
    )
    assert not result.is_conflict


def test_tolls_by_place_are_weighed_place_against_place():
    result = compare(
        "The mayor said at least 30 had died in Tamsin, and officials in Orrin, just to the south, said 54 had died there.",
        "The agency said 55 people died in Orrin, while 49 died in Tamsin and 32 died in Vessa, where the quake was centred.",
    )
    assert result.is_conflict
    same = compare(
        "Forty-one people were killed at the Harbour mosque and seven at the Linwood centre.",
        "Forty-one people died at the Harbour mosque and seven at the Linwood centre, police said.",
    )
    assert same.relation == "agrees"
    one_differs = compare(
        "Forty-one people were killed at the Harbour mosque and seven at the Linwood centre.",
        "At least 30 people were killed at the Harbour mosque and seven at Linwood.",
    )
    assert one_differs.is_conflict


def test_tolls_said_of_two_places_are_not_weighed_against_each_other():
    assert not compare(
        "The agency said 55 people died in Orrin state, just south of the capital.",
        "Officials said 49 died in Tamsin on Tuesday.",
    ).is_conflict
    assert compare(
        "Officials said 49 died in Tamsin on Tuesday.", "The mayor said at least 30 had died in Tamsin."
    ).is_conflict


def test_figures_of_an_earlier_event_are_not_this_ones():
    assert not compare(
        "The president was in Lerida, where an 8.1-magnitude quake struck a little more than a week ago.",
        "A magnitude 7.1 earthquake shook the capital on Tuesday.",
    ).is_conflict
    assert not compare(
        "The quake came less than two weeks after another one left 90 dead in the south.",
        "The quake killed at least 149 people, officials said.",
    ).is_conflict
    # Both about the earlier quake: still weighed against each other.
    assert compare(
        "It struck a week after an 8.2 magnitude earthquake hit the south.",
        "The president was in Lerida, where an 8.1-magnitude quake struck a little more than a week ago.",
    ).is_conflict


def test_two_ranges_in_digits_differ_when_their_ends_do():
    explanation = conflict_explanation(
        "The boys, aged 11 to 16, and their 25-year-old coach went missing.",
        "Twelve boys aged between 11 and 17 years old went with their 25-year-old coach.",
    )
    assert explanation.startswith("11 to 16 years vs 11 to 17 years")
    assert not compare(
        "The boys, aged 11 to 16, and their 25-year-old coach went missing.",
        "The boys, aged between 11 and 16, and their 25-year-old coach were found.",
    ).is_conflict
    # A vague amount keeps its wide reach: "hundreds" covers 515.
    assert not compare("Hundreds of people were injured.", "Police said 515 people were injured.").is_conflict


def test_children_and_adults_are_counted_apart():
    # The adults differ; the children (students or children) are weighed against each other.
    assert conflict_explanation(
        "Officials said 19 students and 2 adults were killed at the Marrow Lane school.",
        "The state police confirmed that 18 children and three adults died at the school.",
    ).startswith("2 adults vs 3 adults")
    assert conflict_explanation(
        "Nineteen students were killed at the Marrow Lane school.",
        "The state police confirmed that 18 children died at the school.",
    ).startswith("19 students vs 18 children")
    # Two teachers among the dead are not the 21 victims.
    assert not compare(
        "Two teachers were killed at the Marrow Lane school.",
        "A gunman killed 21 people at the Marrow Lane school.",
    ).is_conflict


def test_one_places_share_is_not_weighed_against_the_whole_toll():
    whole = "The blasts across Elvania on Sunday have left at least 290 people dead."
    for part in (
        "In just one church, St Anselm's in Korvath, north of the capital, more than 50 people had been killed.",
        "Media reported 25 people were also killed in an attack on a chapel in Breda Bay.",
        "More than 120 died in Korvath alone, officials said.",
        "Another 67 died in the chapel attack in Breda Bay.",
        "The official said at least 45 people had been killed in Tarn, along with another 67 in Breda Bay.",
    ):
        assert not compare(part, whole).is_conflict, part
    # The same place's share is weighed against itself.
    assert compare(
        "At least 84 people died in the city of Korvath, the agency said.",
        "More than 120 died in Korvath alone, officials said.",
    ).is_conflict


def test_a_feared_toll_is_not_weighed_against_a_count():
    assert not compare(
        "The death toll from the typhoon has climbed to 81.",
        "If you add the missing, it is possible the toll could top 100.",
    ).is_conflict
    # A count followed by a fear is still a count.
    assert conflict_explanation(
        "The death toll from the typhoon has climbed to 81 and could hit triple digits.",
        "The typhoon killed at least 64 people, the police said.",
    ).startswith("81 people vs at least 64 people")


def test_ages_of_different_people_are_not_weighed():
    assert not compare(
        "The governor said the suspect shot his 66-year-old grandmother before driving to the school.",
        "The 18-year-old suspected gunman was killed by border agents.",
    ).is_conflict
    assert compare(
        "The 18-year-old gunman entered the school at 11:32 a.m.",
        "Police said the 19-year-old shooter acted alone.",
    ).is_conflict


def test_a_further_count_is_a_share_only_after_a_count_of_its_kind_or_of_a_place():
    # "a further 7,953 were injured" after the dead is the whole injured count.
    assert conflict_explanation(
        "Officials in Varno estimated 4,279 were hurt.",
        "The number of dead has reached 4,310. And a further 7,953 were injured in Saturday's earthquake.",
    ).startswith("about 4,279 people vs 7,953 people")
    # After another place's toll it is that place's share.
    assert not compare(
        "At least 45 people had been killed in Tarn, along with a further 67 in Breda Bay.",
        "The blasts left 290 people dead.",
    ).is_conflict


def test_an_aftershocks_magnitude_is_another_quakes():
    assert not compare(
        "The quake struck before noon, and a magnitude-6.6 aftershock hit about an hour later.",
        "A magnitude-7.8 earthquake hit Varno on Saturday.",
    ).is_conflict
    assert compare(
        "A magnitude-7.9 earthquake struck Varno on Saturday.",
        "A magnitude-7.8 earthquake hit Varno on Saturday.",
    ).is_conflict


def test_counts_of_the_dead_and_of_them_are_shares():
    assert not compare(
        "Two of the dead were identified as Park Ji-young and Jung Cha-woong.",
        "At least four people were confirmed dead by the coast guard.",
    ).is_conflict
    assert not compare(
        "Among the passengers were 325 students; so far, 78 of them are known to have been rescued.",
        "The ministry said 164 people had been rescued by Wednesday evening.",
    ).is_conflict


def test_a_toll_said_of_one_country_is_not_weighed_against_anothers():
    assert not compare(
        "The death toll in the Philippines from the typhoon has climbed to 81, authorities said.",
        "The typhoon also battered Hong Kong and killed four in China's southern province of Guangdong.",
    ).is_conflict


def test_boats_and_helicopters_at_a_scene_are_not_accounts_of_a_rescue():
    assert not compare(
        "One student said he jumped into the ocean and swam to a rescue boat near the ferry.",
        "At least 87 vessels and helicopters swarmed around the ferry as it sank.",
    ).is_conflict
    assert compare(
        "The injured passengers of the ferry were taken to hospital by helicopter, the coast guard said.",
        "The injured passengers of the ferry were taken to hospital by boat, the coast guard said.",
    ).is_conflict


def test_a_previous_count_is_not_this_reports():
    assert not compare(
        "The updated figures from the civil protection office follow a previous count of 304 dead.",
        "The death toll in Varno has risen to 1,297.",
    ).is_conflict
    assert not compare(
        "The previous figure had been 2,189 on Wednesday, the agency said.",
        "The quake's toll has grown to 2,207.",
    ).is_conflict


def test_homes_burned_to_the_ground_are_homes_destroyed():
    assert conflict_explanation(
        "More than 7,000 homes, businesses and other structures have burned to the ground or been damaged.",
        "The fire has also destroyed 6,700 buildings, officials said.",
    ).startswith("over 7,000 homes vs 6,700 buildings")
    # "around 26,000 almost entirely razed": the town's population, not 26,000 "almost".
    found = facts("Residents of Paradise, a quiet town of around 26,000 almost entirely razed by the fire.")
    assert [f.measure for f in found.figures] == ["population"]


def test_a_change_in_the_toll_is_not_the_toll():
    for change in (
        "The death toll, which increased by six on Sunday, is the state's worst.",
        "Officials said at least 1,941 have died, a rise of more than 500 on the previous figure.",
        "Authorities on Tuesday reported six more fatalities from the blaze.",
    ):
        result = compare(change, "Officials said 48 people have died in the blaze.")
        assert "six" not in result.explanation and "500" not in result.explanation, change


def test_a_towns_local_dead_are_a_share_and_an_earlier_attacks_toll_is_its_own():
    assert not compare(
        "The mayor of Tesk is visibly shaken after at least 100 local people were found dead.",
        "The death toll in Varno has risen to 1,297.",
    ).is_conflict
    assert not compare(
        "It is the second-deadliest school shooting, trailing only the Dec. 14, 2012, attack at an elementary school "
        "in Newtown, Conn., in which 26 people—including 20 children—were killed.",
        "The death toll from Tuesday's shooting is 19 children and two teachers.",
        published=(datetime.date(2026, 5, 26), datetime.date(2026, 5, 25)),
    ).is_conflict


def test_one_countrys_toll_is_not_weighed_against_the_toll_across_countries():
    whole = "The total death toll across Varno, Tesk and Dessa is now 608, officials said."
    for part in (
        "Varno's death toll is already at 84 after the cyclone tore through the region.",
        "There are also deaths recorded in Tesk, where at least 98 people have died.",
        "The storm killed at least 202 people in Varno, around 100 in Tesk, and 56 in Dessa in addition to "
        "more than 120 people killed when it first made landfall.",
    ):
        assert not compare(part, whole).is_conflict, part
    # A toll said of the country the whole event struck is still weighed against a bare toll.
    assert compare(
        "The death toll in Varno rose to 832.", "The toll from the quake increased to 405."
    ).is_conflict


def test_someone_and_n_others_are_n_plus_one():
    assert conflict_explanation(
        "Lakers legend Dario Vell and 4 other people, including his 13-year-old daughter, have been killed in "
        "a helicopter crash.",
        "The sheriff said nine people lost their lives in the crash.",
    ).startswith("5 people vs 9 people")
    assert not compare(
        "Dario Vell and 4 other people, including his 13-year-old daughter, have been killed in the crash.",
        "All five people aboard have been killed, the sheriff said.",
    ).is_conflict
