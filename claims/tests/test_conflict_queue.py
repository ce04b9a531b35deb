"""The conflict as the unit of triage: one row per disagreeing pair, actions on both claims."""

import pytest
from django.urls import reverse

from claims.ingest import import_article
from claims.models import Claim, ClaimLink

from .conftest import make_article, make_claim, make_outlet

pytestmark = pytest.mark.django_db

REPORT = """About 1,200 residents were evacuated on Tuesday, according to the civil protection agency.

Three people died in the flooding, Governor Lucia Ferrand said.
"""


BRIDGE = """The Tarrow bridge, 380 metres long, reopened on Saturday after repairs, the city council said.

The council said the work cost 42 million euros.
"""


def conflict(first="Harbor Courier", second="Estrava Daily", figure="1,500", report=REPORT) -> ClaimLink:
    """Two outlets' reports of one event that differ in one figure, imported the real way."""
    old = "380 metres" if report is BRIDGE else "1,200"
    import_article(text=report, outlet=first, published="2026-03-14")
    import_article(text=report.replace(old, figure), outlet=second, published="2026-03-14")
    return ClaimLink.objects.get(
        relation="conflicts",
        claim_a__article__outlet__name__in=[first, second],
        claim_b__article__outlet__name__in=[first, second],
    )


def test_each_conflict_is_one_row_with_both_claims_as_plain_text_and_the_figure_marked(client, viewer):
    link = conflict()
    client.force_login(viewer)
    page = client.get(reverse("conflict_queue")).text
    assert page.count('class="conflict-row"') == 1
    assert "Harbor Courier" in page and "Estrava Daily" in page
    assert '<mark class="mk-quantity"' in page and ">About 1,200 residents</mark>" in page
    assert link.explanation in page
    assert "Word differences" in page  # the diff stays, folded
    assert 'name="action"' not in page  # a viewer reads, never acts


def test_resolving_a_conflict_settles_both_claims_and_confirms_the_link(client, editor):
    link = conflict()
    client.force_login(editor)
    response = client.post(reverse("conflict_action"), {"links": [link.pk], "action": "resolve"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.status == "confirmed"
    a, b = Claim.objects.get(pk=link.claim_a_id), Claim.objects.get(pk=link.claim_b_id)
    assert a.status == b.status == "resolved"
    reasons = [record.history_change_reason for record in a.history.all()]
    assert any("conflict resolved: Harbor Courier vs Estrava Daily" in (r or "") for r in reasons)
    assert 'class="conflict-row"' not in client.get(reverse("conflict_queue")).text
    settled = client.get(reverse("conflict_queue") + "?show=settled").text
    assert settled.count('class="conflict-row"') == 1 and "Reopen" in settled
    client.post(reverse("conflict_action"), {"links": [link.pk], "action": "reopen"})
    assert set(Claim.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {"flagged"}


def test_taking_and_reviewing_act_on_both_claims(client, editor):
    link = conflict()
    client.force_login(editor)
    client.post(reverse("conflict_action"), {"links": [link.pk], "action": "assign_me"})
    client.post(reverse("conflict_action"), {"links": [link.pk], "action": "in_review"})
    claims = Claim.objects.filter(pk__in=[link.claim_a_id, link.claim_b_id])
    assert {(c.assignee_id, c.status) for c in claims} == {(editor.pk, "in_review")}
    mine = client.get(reverse("conflict_queue") + "?assignee=me").text
    assert mine.count('class="conflict-row"') == 1


def test_not_a_conflict_dismisses_the_link_and_unflags_claims_with_no_other_conflict(client, editor):
    first = conflict()
    third = make_claim(
        make_article(make_outlet("Valley Wire"), body="About 2,000 residents were evacuated on Tuesday."),
        status="flagged",
    )
    # The first outlet's claim disagrees with a third outlet too: it stays in the queue.
    other = ClaimLink.objects.create(
        claim_a=first.claim_a, claim_b=third, relation="conflicts", score=0.7, kind="quantity"
    )
    client.force_login(editor)
    client.post(reverse("conflict_action"), {"links": [first.pk], "action": "dismiss"})
    first.refresh_from_db()
    assert first.status == "dismissed"
    assert Claim.objects.get(pk=first.claim_b_id).status == "new"
    assert Claim.objects.get(pk=first.claim_a_id).status == "flagged"
    rows = client.get(reverse("conflict_queue")).text
    assert rows.count('class="conflict-row"') == 1 and f'id="conflict-{other.pk}"' in rows


def test_bulk_actions_and_their_refusals(client, editor, viewer):
    one = conflict()
    two = conflict("Northline Wire", "Valley Wire", figure="410 metres", report=BRIDGE)
    client.force_login(viewer)
    assert (
        client.post(reverse("conflict_action"), {"links": [one.pk], "action": "resolve"}).status_code == 403
    )
    assert Claim.objects.filter(status="resolved").count() == 0
    client.force_login(editor)
    response = client.post(
        reverse("conflict_action"), {"links": [one.pk, two.pk], "action": "assign_me"}, follow=True
    )
    assert "2 of 2 conflicts taken" in response.text
    response = client.post(reverse("conflict_action"), {"links": [one.pk], "action": "explode"}, follow=True)
    assert "Unknown action" in response.text
    response = client.post(reverse("conflict_action"), {"action": "resolve"}, follow=True)
    assert "Select at least one conflict first" in response.text
    assert Claim.objects.filter(status="resolved").count() == 0


def test_filters_by_outlet_and_story(client, viewer):
    one = conflict()
    conflict("Northline Wire", "Valley Wire", figure="410 metres", report=BRIDGE)
    client.force_login(viewer)
    page = client.get(reverse("conflict_queue") + "?outlet=harbor-courier").text
    assert page.count('class="conflict-row"') == 1 and f'id="conflict-{one.pk}"' in page
    story = one.claim_a.article.story_id
    assert client.get(reverse("conflict_queue") + f"?story={story}").status_code == 200


def test_the_desk_leads_to_the_conflicts(client, viewer):
    conflict()
    client.force_login(viewer)
    desk = client.get(reverse("home")).text
    assert f'href="{reverse("conflict_queue")}"' in desk


def test_the_conflicts_page_costs_the_same_queries_whatever_its_length(client, viewer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    conflict()
    client.force_login(viewer)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("conflict_queue"))
    for n in range(4):
        a = make_claim(
            make_article(make_outlet(f"Outlet {n} A"), body=f"About {n + 3},000 people marched, police said.")
        )
        b = make_claim(
            make_article(make_outlet(f"Outlet {n} B"), body=f"About {n + 9},000 people marched, police said.")
        )
        ClaimLink.objects.create(claim_a=a, claim_b=b, relation="conflicts", kind="quantity", score=0.8)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("conflict_queue"))
    assert page.text.count('class="conflict-row"') >= 5
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_wording_conflict_marks_the_words_each_side_alone_has(client, viewer):
    a = make_claim(
        make_article(make_outlet("Harbor Courier"), body="Rescue teams reached the villages by boat.")
    )
    b = make_claim(
        make_article(make_outlet("Valley Wire"), body="Rescue teams reached the villages by helicopter.")
    )
    ClaimLink.objects.create(claim_a=a, claim_b=b, relation="conflicts", kind="wording", score=0.8)
    client.force_login(viewer)
    page = client.get(reverse("conflict_queue")).text
    assert '<mark class="mk-wording">boat.</mark>' in page
    assert '<mark class="mk-wording">helicopter.</mark>' in page


def test_three_outlets_disagreeing_about_one_fact_make_one_row_and_act_together(client, editor):
    """Troops: 175,000 vs 94,000 vs 70,000, each pair a conflict: one row, three sides."""
    outlets = [("Harbor Courier", "175,000"), ("Valley Wire", "94,000"), ("Estrava Daily", "70,000")]
    claims = [
        make_claim(make_article(make_outlet(name), body=f"About {figure} troops are massed near the border."))
        for name, figure in outlets
    ]
    links = [
        ClaimLink.objects.create(
            claim_a=claims[i], claim_b=claims[j], relation="conflicts", kind="quantity", score=0.8
        )
        for i, j in ((0, 1), (0, 2), (1, 2))
    ]
    client.force_login(editor)
    page = client.get(reverse("conflict_queue")).text
    assert page.count('class="conflict-row"') == 1
    assert "3 outlets disagree" in page and "3 pairs" in page
    assert all(name in page for name, _ in outlets)
    import re

    row_value = re.search(r'name="links" value="([0-9,]+)" form="bulk-conflicts"', page).group(1)
    assert sorted(map(int, row_value.split(","))) == sorted(link.pk for link in links)
    client.post(reverse("conflict_action"), {"links": [row_value], "action": "resolve"})
    assert set(Claim.objects.values_list("status", flat=True)) == {"resolved"}
    assert set(ClaimLink.objects.values_list("status", flat=True)) == {"confirmed"}


def test_the_desk_tells_an_action_on_a_conflict_once(client, editor, viewer):
    link = conflict()
    client.force_login(editor)
    client.post(reverse("conflict_action"), {"links": [link.pk], "action": "assign_me"})
    client.post(reverse("conflict_action"), {"links": [link.pk], "action": "resolve"})
    client.force_login(viewer)
    desk = client.get(reverse("home")).text
    assert desk.count("took a conflict") == 1 and desk.count("resolved a conflict") == 1
    assert "updated a claim" not in desk  # not once per claim
