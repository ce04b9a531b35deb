"""Stories: articles grouped by event as they arrive; editors' moves and merges are never undone."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims import grouping, stories
from claims.conflicts import stem
from claims.ingest import import_article
from claims.models import Article, ClaimLink, Story

pytestmark = pytest.mark.django_db

EVAL_SET = Path(__file__).resolve().parents[2] / "bench" / "eval_set"


def test_reports_of_one_event_share_a_story_and_other_events_do_not():
    # Arrival order matters when words decide alone: the first two port reports share too few
    # names, a third would bridge them. Their leads' meaning joins them at once.
    names = ["port-herald", "port-meridian", "port-coastline", "vote-courier", "vote-ledger", "vote-dispatch"]
    for name in names:
        data = (EVAL_SET / f"{name}.txt").read_bytes()
        assert import_article(data=data, filename=f"{name}.txt").status == "imported"
    stories_by_event = {
        event: {a.story_id for a in Article.objects.filter(url__contains=event)} for event in ("port", "vote")
    }
    assert Story.objects.count() == 2
    assert all(len(ids) == 1 for ids in stories_by_event.values())
    assert stories_by_event["port"] != stories_by_event["vote"]
    # The conflict between the first two, held back while they were apart, is proposed once
    # the bridge puts them in one story.
    link = ClaimLink.objects.get(
        claim_a__text__contains="900 containers", claim_b__text__contains="310 containers"
    )
    assert (link.relation, link.kind) == ("conflicts", "quantity")
    assert "different stories" not in link.explanation
    assert link.claim_a.status == link.claim_b.status == "flagged"


def test_similarity_needs_shared_names_words_and_a_nearby_date():
    import datetime

    monday = datetime.date(2026, 3, 9)
    first = stories.profile(
        "Marren Dam breach floods Estrava valley", "The Marren Dam failed on Monday.", monday
    )
    same = stories.profile(
        "Thousands flee as Marren Dam fails", "Water from the Marren Dam reached Estrava.", monday
    )
    later = stories.profile(
        "Marren Dam breach floods Estrava valley", "The Marren Dam failed.", monday.replace(month=6)
    )
    other = stories.profile(
        "Valdoria votes on its budget", "The Valdoria council approved the budget.", monday
    )
    assert stories.similarity(first, same) >= stories.JOIN_THRESHOLD
    assert stories.similarity(first, later) == 0
    assert stories.similarity(first, other) < stories.JOIN_THRESHOLD


def _lead(headline: str, body: str, published) -> stories.Profile:
    from claims.embeddings import embed

    [vector] = embed([stories.lead_text(headline, body)])
    return stories.profile(headline, body, published, vector)


def test_leads_that_mean_different_things_stay_apart_however_many_names_they_share():
    import datetime

    sunday = datetime.date(2026, 3, 8)
    quake = _lead(
        "Earthquake kills at least 40 in Veldria",
        "A strong earthquake struck the mountain province of Veldria on Sunday afternoon, killing at "
        "least 40 people, injuring hundreds and toppling homes in villages near the epicentre, the "
        "provincial disaster agency said. Rescuers searched the rubble through the night.",
        sunday,
    )
    update = _lead(
        "Death toll from quake rises to 62",
        "The death toll from Sunday's earthquake rose to 62 on Monday as rescuers dug through collapsed "
        "houses in mountain villages, officials said. Aftershocks rattled the region and thousands of "
        "survivors slept outdoors.",
        sunday,
    )
    budget = _lead(
        "Veldria council approves budget on Sunday",
        "The Veldria provincial council approved its budget on Sunday after a long debate about roads "
        "and schools in the mountain province.",
        sunday,
    )
    assert stories.likeness(quake, update) is not None
    # Same province, same day, many shared words: without meaning they would be one story.
    assert stories.similarity(quake, budget) >= stories.JOIN_THRESHOLD
    assert stories.likeness(quake, budget) is None


def test_leads_that_mean_the_same_join_whatever_their_words():
    import datetime

    import numpy as np

    day = datetime.date(2026, 3, 8)
    base = np.zeros(256, dtype=np.float32)
    base[0] = 1.0
    close = np.zeros(256, dtype=np.float32)
    close[0], close[1] = 0.7, (1 - 0.7**2) ** 0.5  # cosine 0.7 with `base`
    first = stories.Profile(frozenset({"marren"}), frozenset({"dam"}), day, base.tobytes())
    second = stories.Profile(frozenset({"estrava"}), frozenset({"flood"}), day, close.tobytes())
    assert stories.similarity(first, second) == 0
    assert stories.likeness(first, second) == pytest.approx(0.7, abs=1e-3)
    far_apart = stories.Profile(second.names, second.words, day.replace(month=6), close.tobytes())
    assert stories.likeness(first, far_apart) is None  # a week's window, meaning or not
    no_vector = stories.Profile(second.names, second.words, day)
    assert stories.likeness(first, no_vector) is None  # older reports: words alone decide


def _vector(cosine: float) -> bytes:
    import numpy as np

    vector = np.zeros(256, dtype=np.float32)
    vector[0], vector[1] = cosine, (1 - cosine**2) ** 0.5  # this cosine with the first axis
    return vector.tobytes()


def _lead_meaning(headline: str, body: str, cosine: float, day) -> stories.Profile:
    """A report's profile as grouping builds it, with a lead vector at this cosine to the first axis."""
    return stories.profile(headline, body, day, _vector(cosine))


def test_a_report_weeks_later_joins_only_when_its_lead_means_the_same_surely():
    import datetime

    day = datetime.date(2026, 3, 8)
    names = frozenset({"surval", "champlain", "marren"})
    first = stories.Profile(names, frozenset({"collapse"}), day, _vector(1.0))
    two_weeks_later = day + datetime.timedelta(days=15)
    sure = stories.Profile(names, frozenset({"toll"}), two_weeks_later, _vector(0.72))
    alike = stories.Profile(names, frozenset({"toll"}), two_weeks_later, _vector(0.63))
    assert stories.likeness(first, sure) == pytest.approx(0.72, abs=1e-3)
    assert stories.likeness(first, alike) is None  # within the week it would join
    assert stories.likeness(first, stories.Profile(names, frozenset(), day, _vector(0.63))) is not None
    months_later = stories.Profile(names, frozenset(), day + datetime.timedelta(days=60), _vector(0.9))
    assert stories.likeness(first, months_later) is None


def test_alike_leads_naming_no_place_in_common_are_two_events():
    import datetime

    day = datetime.date(2026, 3, 8)
    yunnan = stories.Profile(
        frozenset({"yunnan", "ludra", "kunmar"}), frozenset({"quake"}), day, _vector(1.0)
    )
    sulawesi = stories.Profile(
        frozenset({"sulawesi", "palo", "dongara"}), frozenset({"quake"}), day, _vector(0.8)
    )
    assert stories.likeness(yunnan, sulawesi) is None
    shared = stories.Profile(
        frozenset({"yunnan", "zhaot", "kunmar"}), frozenset({"quake"}), day, _vector(0.8)
    )
    assert stories.likeness(yunnan, shared) is not None


def test_b_cubed():
    assert stories.b_cubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0)
    precision, recall = stories.b_cubed({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"})
    assert recall == 1.0 and precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_an_editors_move_and_merge_survive_reextraction_and_reimport(tmp_path):
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.order_by("pk").first()
    demo_story = article.story
    assert demo_story.articles.count() == 3  # the demo's three outlets tell one story
    named_after_it = demo_story.title == article.headline
    moved_to = grouping.move_article(article, None)
    assert moved_to.pk != demo_story.pk
    demo_story.refresh_from_db()
    # Two stories with one name would be a trap in the move and merge menus.
    assert demo_story.title != moved_to.title or not named_after_it
    assert demo_story.title in set(demo_story.articles.values_list("headline", flat=True))
    call_command("reextract", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # the same files again: already imported
    article.refresh_from_db()
    assert (article.story_id, article.story_locked) == (moved_to.pk, True)
    grouping.merge_stories(moved_to, demo_story)
    article.refresh_from_db()
    assert article.story_id == demo_story.pk and not Story.objects.filter(pk=moved_to.pk).exists()
    call_command("reextract", stdout=StringIO())
    assert Article.objects.filter(story=demo_story).count() == 3


def test_conflicts_are_only_proposed_within_a_story():
    body = "About 1,200 residents were evacuated from the valley on Monday, the civil protection agency said."
    one = import_article(text=body, outlet="Harbor Courier", published="2026-03-09").article
    other = import_article(
        text=body.replace("About 1,200", "Some 3,000"), outlet="Estrava Daily", published="2026-03-09"
    ).article
    assert one.story_id == other.story_id
    assert ClaimLink.objects.get().relation == "conflicts"
    ClaimLink.objects.all().delete()
    grouping.move_article(other, None)
    from claims.matching import link_claims

    link_claims(list(other.claims.all()))
    link = ClaimLink.objects.get()
    assert link.relation == "related" and "different stories" in link.explanation
    # Merged back by an editor: the machine's untouched suggestion is weighed again.
    grouping.merge_stories(other.story, Story.objects.get(pk=one.story_id))
    link.refresh_from_db()
    assert (link.relation, link.kind, link.version) == ("conflicts", "quantity", 2)
    # Split again: held back again. A link an editor confirmed is never re-weighed.
    other.refresh_from_db()
    grouping.move_article(other, None)
    link.refresh_from_db()
    assert link.relation == "related" and "different stories" in link.explanation
    link.status = ClaimLink.Status.CONFIRMED
    link.save()
    grouping.merge_stories(Story.objects.get(pk=other.story_id), Story.objects.get(pk=one.story_id))
    link.refresh_from_db()
    assert link.relation == "related"


def test_stories_merged_later_get_the_conflicts_nobody_weighed_while_they_were_apart():
    body = "About 1,200 residents were evacuated from the valley on Monday, the civil protection agency said."
    one = import_article(text=body, outlet="Harbor Courier", published="2026-03-09").article
    grouping.move_article(one, None)  # an editor keeps it apart before the second report arrives
    other = import_article(
        text=body.replace("About 1,200", "Some 3,000"), outlet="Estrava Daily", published="2026-03-09"
    ).article
    one.refresh_from_db()
    if other.story_id == one.story_id:  # joined the editor's story: move it out, no link kept
        grouping.move_article(other, None)
        other.refresh_from_db()
    ClaimLink.objects.all().delete()  # as if the two had never been weighed together
    grouping.merge_stories(Story.objects.get(pk=other.story_id), Story.objects.get(pk=one.story_id))
    link = ClaimLink.objects.get()
    assert (link.relation, link.kind) == ("conflicts", "quantity")
    assert "different stories" not in link.explanation


def test_export_stories_prints_the_documented_shape():
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("export_stories", stdout=out)
    data = json.loads(out.getvalue())
    assert data and set(data[0]) == {"id", "title", "articles"}
    assert set(data[0]["articles"][0]) == {"id", "outlet", "url", "published"}
    assert sum(len(story["articles"]) for story in data) == Article.objects.count()


def test_story_pages_and_who_may_move(client, viewer, editor):
    call_command("load_demo", stdout=StringIO())
    story = Story.objects.first()
    article = story.articles.first()
    client.force_login(viewer)
    assert story.title in client.get(reverse("story_list")).text
    page = client.get(story.get_absolute_url()).text
    assert article.headline in page and "Move" not in page
    assert client.post(reverse("article_move", args=[article.pk]), {"story": "new"}).status_code == 403
    client.force_login(editor)
    assert client.post(reverse("article_move", args=[article.pk]), {"story": "new"}).status_code == 302
    article.refresh_from_db()
    assert article.story_id != story.pk and article.story_locked
    assert client.post(reverse("article_move", args=[article.pk]), {"story": "abc"}).status_code == 400


def test_story_pages_cost_a_fixed_number_of_queries(client, viewer, django_assert_max_num_queries):
    call_command("load_demo", stdout=StringIO())
    story = Story.objects.first()
    client.force_login(viewer)
    with django_assert_max_num_queries(12):
        client.get(story.get_absolute_url())
    with django_assert_max_num_queries(10):
        client.get(reverse("story_list"))


def test_claims_of_one_story_are_weighed_together_however_they_are_worded(monkeypatch):
    first = (
        "Headline: Strong earthquake hits the Ostrel hills\n---\n"
        "A strong earthquake hit the Ostrel hills near Varna on Sunday.\n\n"
        "The quake had a magnitude of 6.1, the national seismology institute said.\n\n"
        "Dozens of homes collapsed in Varna and nearby villages.\n\n"
        + "Rescue teams searched the rubble of the Ostrel hills villages near Varna through the night. " * 6
        + "\n\n"
        + "Elsewhere, Prime Minister Anton Keller met Finance Minister Rosa Blum in Tarsk, and the "
        "Lindor Bank, the Pellam Group and Castor Rail reported results to the Arvin exchange. " * 3
    )
    second = (
        "Headline: Ostrel hills earthquake: homes collapse in Varna\n---\n"
        "An earthquake struck the Ostrel hills near Varna on Sunday, flattening dozens of homes.\n\n"
        "Varna officials put the tremor at magnitude 6.5 after the first aftershocks.\n\n"
        "Villages around Varna were without power overnight.\n\n"
        + "Rescue teams searched the rubble of the Ostrel hills villages near Varna through the night. " * 6
        + "\n\n"
        + "In other news, Mayor Ilse Horn of Quell opened the Dorrin Bridge with Senator Paul Imre, "
        "and Ostby Mills, Nerin Foods and the Sallow Trust signed a deal in Brennic. " * 3
    )

    def import_both():
        one = import_article(text=first, outlet="Estrava Daily", published="2026-03-09").article
        two = import_article(text=second, outlet="Harbor Courier", published="2026-03-09").article
        assert one.story_id == two.story_id
        return ClaimLink.objects.filter(claim_a__text__contains="6.1", claim_b__text__contains="6.5")

    assert import_both().get().relation == "conflicts"
    # Without the story's evidence, the two differently worded sentences are not put together.
    Article.objects.all().delete()
    Story.objects.all().delete()
    monkeypatch.setattr("claims.matching.SAME_STORY_CONTEXT", 0.0)
    assert not import_both().filter(relation="conflicts").exists()


def test_leads_written_apart_join_when_they_name_the_same_places():
    import datetime

    day = datetime.date(2026, 6, 3)
    cranes = _lead_meaning(
        "Rescuers try to raise buried coach as toll rises",
        "Large cranes tried on Saturday to lift the last coach of the three trains that collided in "
        "Velmara's Orsk district, officials said.",
        1.0,
        day,
    )
    secretary = _lead_meaning(
        "Rail Tragedy: Toll Climbs, Says Chief Secretary",
        "The Velmara chief secretary on Saturday confirmed that the toll of the derailment in Orsk had risen.",
        0.48,
        day,
    )
    assert {stem("Velmara"), stem("Orsk")} <= secretary.proper and stem("Toll") not in secretary.proper
    assert stem("Saturday") not in cranes.proper  # a headline's capitals and weekdays are not names
    assert stories.likeness(cranes, secretary) == pytest.approx(0.48, abs=1e-3)
    # Two events that happen to share only a weekday and a headline word stay apart.
    other = _lead_meaning(
        "Toll Climbs After Storm",
        "The storm that hit Dramen on Saturday has killed more, the coastguard said.",
        0.48,
        day,
    )
    assert stories.likeness(cranes, other) is None


def test_a_headlines_capitals_and_a_paragraphs_first_word_do_not_save_two_events_from_the_veto():
    import datetime

    day = datetime.date(2026, 4, 28)
    first = _lead_meaning(
        "Quake Death Toll Rises",
        "People sleep in the open in Tesk.\n\nThe death toll in Varno has risen, Prime Minister Ulan Vesh said "
        "in Tesk, as aid reached Mount Orla.",
        1.0,
        day,
    )
    second = _lead_meaning(
        "Tsunami Death Toll Rises",
        "People look for their belongings in Palora.\n\nThe death toll on Dessa island has risen, the agency "
        "in Palora said as ships reached Kessel.",
        0.7,
        day,
    )
    assert stem("People") not in first.proper and stem("Death") not in first.proper
    assert stories.likeness(first, second) is None


def test_leads_each_just_short_of_a_bar_join_when_together_sure():
    import datetime

    day = datetime.date(2026, 8, 13)
    first = stories.Profile(frozenset({"tarn", "binh"}), frozenset({"port", "warehouse"}), day, _vector(1.0))
    later = stories.Profile(
        frozenset({"tarn", "ruhai", "beij"}), frozenset({"explosive", "shipment"}), day, _vector(0.61)
    )
    words = stories.similarity(first, later)
    assert words < stories.JOIN_THRESHOLD and words + 0.61 >= stories.WORDS_AND_MEANING
    assert stories.likeness(first, later) == pytest.approx(0.61, abs=1e-3)
    unlike = stories.Profile(frozenset({"dramen"}), frozenset({"storm", "coast"}), day, _vector(0.61))
    assert stories.likeness(first, unlike) is None


def test_bodies_every_disaster_story_quotes_are_not_names_that_join_two_events():
    import datetime

    day = datetime.date(2026, 3, 30)
    cyclone = _lead_meaning(
        "Cyclone toll rises",
        "Hundreds of thousands need food after the cyclone, the United Nations said. The Buzi river burst its banks.",
        1.0,
        day,
    )
    quake = _lead_meaning(
        "Quake toll passes 2,200",
        "More than 12,000 were injured, the United Nations said. Parishioners prayed in Les Cayes.",
        0.46,
        day,
    )
    assert stem("Nations") not in cyclone.proper and stem("United") not in quake.proper
    assert stories.likeness(cyclone, quake) is None
