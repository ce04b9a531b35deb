"""The editors' pages through the test client: desk, queue, claim page, compare, search."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim, ClaimLink, Note

from .conftest import make_article, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def conflict(n: int = 0, *, kind: str = "quantity", status: str = "flagged", outlet_b: str = "Estrava Daily"):
    """Two claims from two outlets that disagree, both flagged."""
    a_article = make_article(
        make_outlet("Harbor Courier"),
        body=f"About {n},000 residents were evacuated, officials said.",
        published="2026-03-14",
    )
    b_article = make_article(
        make_outlet(outlet_b),
        body=f"Some {n + 3},000 people were evacuated, the agency said.",
        published="2026-03-15",
    )
    a = make_claim(a_article, status=status, score=0.8)
    b = make_claim(b_article, status=status, score=0.7)
    link = ClaimLink.objects.create(
        claim_a=a,
        claim_b=b,
        relation="conflicts",
        kind=kind,
        status="suggested",
        score=0.6,
        explanation=f"about {n},000 people vs about {n + 3},000 people",
    )
    return a, b, link


# --- Desk ---------------------------------------------------------------------------------


def test_desk_counts_and_newest_conflicts(client, editor, other_editor):
    a, b, link = conflict(12)
    a.update_review(by=editor, assignee=editor)
    Note.objects.create(author=other_editor, claim=b, text="Called the agency.")
    b.update_review(by=other_editor, status="in_review")
    client.force_login(editor)
    page = client.get(reverse("home")).content.decode()
    assert "<strong>1</strong> flagged claims waiting" in page
    assert "<strong>1</strong> open conflicts" in page
    assert "<strong>1</strong> assigned to me" in page
    assert "about 12,000 people vs about 15,000 people" in page
    assert f"{other_editor.username}</strong> updated a claim (in review)" in page


def test_desk_costs_a_fixed_number_of_queries(client, editor, django_assert_max_num_queries):
    for n in range(5):
        conflict(n)
    client.force_login(editor)
    # 19: the counts, conflicts, activity (+2 for the matcher's summary), latest articles, claims
    # already checked, and the session; the second request shows it does not grow.
    with django_assert_max_num_queries(19) as few:
        client.get(reverse("home"))
    for n in range(5, 30):
        conflict(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))


# --- Queue ---------------------------------------------------------------------------------


def test_queue_shows_the_counterpart_and_explanation(client, viewer):
    a, b, link = conflict(12)
    client.force_login(viewer)
    page = client.get(reverse("queue")).content.decode()
    assert a.text in page and b.text in page and link.explanation in page
    assert "Assign to me" not in page  # a viewer gets no actions


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "flagged"}, {"q1", "q2"}),
        ({"status": "in_review"}, {"d1"}),
        ({"kind": "date"}, {"d1"}),
        ({"outlet": "northline-wire", "status": ["flagged", "in_review"]}, {"q2"}),
        ({"q": "11,000"}, {"q1"}),
        ({"assignee": "me"}, {"q2"}),
        ({"assignee": "none"}, {"q1", "d1"}),
        ({"date_from": "2026-03-15", "date_to": "2026-03-15"}, {"q2"}),
    ],
)
def test_queue_filters(client, editor, params, expected):
    q1 = conflict(11)[0]
    q2 = conflict(21, outlet_b="Northline Wire")[1]
    d1 = conflict(31, kind="date")[0]
    Claim.objects.filter(pk=d1.pk).update(status="in_review")
    Claim.objects.filter(pk=q2.pk).update(assignee=editor)
    names = {"q1": q1, "q2": q2, "d1": d1}
    client.force_login(editor)
    response = client.get(reverse("queue"), params)
    shown = {name for name, claim in names.items() if f'id="row-{claim.pk}"' in response.content.decode()}
    assert shown == expected


def test_queue_sorts_by_score(client, viewer):
    low = conflict(1)[0]
    high = conflict(2)[0]
    Claim.objects.filter(pk=low.pk).update(score=0.4)
    Claim.objects.filter(pk=high.pk).update(score=0.99)
    client.force_login(viewer)
    page = client.get(reverse("queue"), {"sort": "score", "status": "flagged"}).content.decode()
    assert page.index(f'id="row-{high.pk}"') < page.index(f'id="row-{low.pk}"')


def test_queue_costs_a_fixed_number_of_queries(client, editor, django_assert_max_num_queries):
    for n in range(3):
        conflict(n)
    client.force_login(editor)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("queue"))
    for n in range(3, 25):
        conflict(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("queue"))
    assert response.content.decode().count('class="queue-row"') == 25  # one full page


def test_htmx_row_action_returns_the_row(client, editor):
    a, _, _ = conflict(12)
    client.force_login(editor)
    response = client.post(
        reverse("claim_review", args=[a.pk]),
        {"action": "assign_me", "version": a.version},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="row-{a.pk}"') and editor.username in html
    a.refresh_from_db()
    assert a.assignee == editor and a.history.first().history_user == editor


@pytest.mark.parametrize(
    ("action", "status"), [("in_review", "in_review"), ("dismissed", "dismissed"), ("resolved", "resolved")]
)
def test_row_status_actions_without_javascript(client, editor, action, status):
    a, _, _ = conflict(12)
    client.force_login(editor)
    response = client.post(
        reverse("claim_review", args=[a.pk]),
        {"action": action, "version": a.version, "next": "/queue/?status=flagged"},
    )
    assert response.status_code == 302 and response["Location"] == "/queue/?status=flagged"
    a.refresh_from_db()
    assert a.status == status


def test_a_stale_row_action_is_refused_and_says_what_changed(client, editor, other_editor):
    a, _, _ = conflict(12)
    seen_version = a.version
    a.update_review(by=other_editor, status="dismissed")
    client.force_login(editor)
    response = client.post(
        reverse("claim_review", args=[a.pk]),
        {"action": "resolved", "version": seen_version},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode() and "Dismissed" in response.content.decode()
    a.refresh_from_db()
    assert a.status == "dismissed"


def test_assign_to_someone(client, editor, other_editor):
    a, _, _ = conflict(12)
    client.force_login(editor)
    client.post(
        reverse("claim_review", args=[a.pk]),
        {"action": "assign", "assignee": other_editor.pk, "version": a.version},
    )
    a.refresh_from_db()
    assert a.assignee == other_editor


def test_bulk_actions(client, editor, other_editor):
    claims = [conflict(n)[0] for n in range(3)]
    client.force_login(editor)
    ids = [c.pk for c in claims[:2]]
    client.post(
        reverse("queue_bulk"), {"claims": ids, "bulk_action": "assign", "bulk_assignee": other_editor.pk}
    )
    client.post(reverse("queue_bulk"), {"claims": ids, "bulk_action": "status", "bulk_status": "in_review"})
    assert list(Claim.objects.filter(pk__in=ids).order_by().values_list("assignee", "status").distinct()) == [
        (other_editor.pk, "in_review")
    ]
    claims[2].refresh_from_db()
    assert (claims[2].assignee, claims[2].status) == (None, "flagged")
    response = client.post(
        reverse("queue_bulk"),
        {"claims": ids, "bulk_action": "status", "bulk_status": "nonsense"},
        follow=True,
    )
    assert "Choose a status." in response.content.decode()


def test_viewers_cannot_act(client, viewer):
    a, b, link = conflict(12)
    client.force_login(viewer)
    posts = [
        (reverse("claim_review", args=[a.pk]), {"action": "assign_me"}),
        (reverse("queue_bulk"), {"claims": [a.pk], "bulk_action": "assign_me"}),
        (reverse("link_update", args=[link.pk]), {"action": "confirm"}),
        (reverse("link_create", args=[a.pk]), {"other": b.pk, "relation": "agrees"}),
        (reverse("note_create", args=[a.pk]), {"text": "hello"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    a.refresh_from_db()
    link.refresh_from_db()
    assert (a.assignee, link.status, Note.objects.count()) == (None, "suggested", 0)


def test_actions_need_csrf(editor):
    a, _, link = conflict(12)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse("link_update", args=[link.pk]), {"action": "confirm"}).status_code == 403
    assert client.post(reverse("note_create", args=[a.pk]), {"text": "x"}).status_code == 403


# --- Claim page: links and notes -------------------------------------------------------------


def test_claim_page_groups_links_with_diff(client, viewer):
    a, b, link = conflict(12)
    client.force_login(viewer)
    page = client.get(a.get_absolute_url()).content.decode()
    assert "Suggested (1)" in page
    assert link.explanation in page
    assert '<del title="only in this claim">' in page and '<ins title="only in the other claim">' in page
    assert "Confirm" not in page  # read-only


def test_editor_confirms_a_suggested_link(client, editor):
    a, b, link = conflict(12)
    client.force_login(editor)
    response = client.post(
        reverse("link_update", args=[link.pk]),
        {"action": "confirm", "version": link.version, "claim": a.pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "Conflicts (1)" in response.content.decode()
    link.refresh_from_db()
    assert (link.status, link.confirmed_by) == ("confirmed", editor)
    assert link.history.first().history_user == editor


def test_editor_marks_a_conflict_with_a_note(client, editor):
    a_article = make_article(
        make_outlet("Harbor Courier"), body="The leaders met by video conference on Tuesday."
    )
    b_article = make_article(make_outlet("Estrava Daily"), body="The leaders spoke by phone on Tuesday.")
    a, b = make_claim(a_article), make_claim(b_article)
    link = ClaimLink.objects.create(claim_a=a, claim_b=b, relation="related", status="suggested", score=0.4)
    client.force_login(editor)
    client.post(
        reverse("link_update", args=[link.pk]),
        {
            "action": "relation",
            "relation": "conflicts",
            "kind": "wording",
            "note": "Ask both desks <b>which</b>.",
            "version": link.version,
            "claim": a.pk,
        },
    )
    link.refresh_from_db()
    assert (link.relation, link.kind, link.status) == ("conflicts", "wording", "confirmed")
    assert link.notes.get().text == "Ask both desks <b>which</b>."
    assert set(Claim.objects.values_list("status", flat=True)) == {"flagged"}
    page = client.get(a.get_absolute_url()).content.decode()
    assert "Ask both desks &lt;b&gt;which&lt;/b&gt;." in page


def test_a_stale_link_edit_is_refused(client, editor, other_editor):
    a, b, link = conflict(12)
    seen = link.version
    link.dismiss(by=other_editor)
    client.force_login(editor)
    response = client.post(
        reverse("link_update", args=[link.pk]),
        {"action": "confirm", "version": seen, "claim": a.pk},
        follow=True,
    )
    assert "changed by someone else" in response.content.decode()
    link.refresh_from_db()
    assert link.status == "dismissed"


def test_editor_links_any_claim_by_search(client, editor):
    a, _, _ = conflict(12)
    other = make_claim(
        make_article(make_outlet("Northline Wire"), body="Officials said 14,000 residents left the valley.")
    )
    client.force_login(editor)
    results = client.get(
        reverse("link_search", args=[a.pk]), {"q": "valley"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert other.text in results and f'name="other" value="{other.pk}"' in results
    client.post(
        reverse("link_create", args=[a.pk]),
        {"other": other.pk, "relation": "conflicts", "kind": "quantity", "note": "Third figure."},
    )
    link = ClaimLink.between(a, other)
    assert (link.origin, link.status, link.created_by, link.relation) == (
        "editor",
        "confirmed",
        editor,
        "conflicts",
    )
    response = client.post(
        reverse("link_create", args=[a.pk]), {"other": a.pk, "relation": "agrees"}, follow=True
    )
    assert "cannot be linked to itself" in response.content.decode()


def test_notes_are_added_in_order_escaped_and_editable_only_by_author_or_chief(
    client, editor, other_editor, chief
):
    a, _, _ = conflict(12)
    client.force_login(editor)
    fragment = client.post(
        reverse("note_create", args=[a.pk]),
        {"text": "First <script>alert(1)</script>"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "&lt;script&gt;" in fragment and "<script>alert" not in fragment
    client.post(reverse("note_create", args=[a.pk]), {"text": "Second"})
    assert list(a.notes.values_list("text", flat=True)) == ["First <script>alert(1)</script>", "Second"]
    assert client.post(reverse("note_create", args=[a.pk]), {"text": "   "}, follow=True).status_code == 200
    assert a.notes.count() == 2
    note = a.notes.first()
    client.force_login(other_editor)
    assert client.post(reverse("note_update", args=[note.pk]), {"text": "hijacked"}).status_code == 403
    client.force_login(chief)
    client.post(
        reverse("note_update", args=[note.pk]), {"text": "Edited by the chief", "version": note.version}
    )
    note.refresh_from_db()
    assert note.text == "Edited by the chief"


def test_claim_page_costs_a_fixed_number_of_queries(client, editor, django_assert_max_num_queries):
    a, _, link = conflict(1)
    Note.objects.create(author=editor, claim=a, text="first")
    Note.objects.create(author=editor, link=link, text="on the link")
    client.force_login(editor)
    with django_assert_max_num_queries(30) as few:
        client.get(a.get_absolute_url())
    for n in range(2, 20):
        other = make_claim(
            make_article(
                make_outlet(f"Outlet {n}"), body=f"Some {n},000 people were evacuated, the agency said."
            )
        )
        ClaimLink.objects.create(
            claim_a=a, claim_b=other, relation="conflicts", kind="quantity", score=0.5, explanation="x"
        )
        Note.objects.create(author=editor, claim=a, text=f"note {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(a.get_absolute_url())


# --- Compare and search ------------------------------------------------------------------------


def test_compare_aligns_linked_claims(client, viewer):
    a, b, link = conflict(12)
    client.force_login(viewer)
    page = client.get(reverse("compare"), {"articles": f"{a.article_id},{b.article_id}"}).content.decode()
    assert page.count('class="compare-row compare-conflicts"') == 1
    row = page[page.index("compare-row") :]
    assert row.index(a.text) < row.index("✗ conflicts") < row.index(b.text)
    # Fewer than two: a picker (search by outlet, headline, story), not an error page.
    one = client.get(reverse("compare"), {"articles": str(a.article_id)})
    assert one.status_code == 200 and "Choose at least two articles to compare." in one.content.decode()
    picker = client.get(reverse("compare")).content.decode()
    assert "Compare articles" in picker and f'name="pick" value="{b.article_id}"' in picker
    assert "Choose at least two" not in picker
    picked = client.get(reverse("compare"), {"pick": [a.article_id, b.article_id]})
    assert picked.status_code == 200 and "Compare 2 articles" in picked.content.decode()
    found = client.get(reverse("compare"), {"q": b.article.outlet.name}).content.decode()
    assert f'value="{b.article_id}"' in found and f'value="{a.article_id}"' not in found
    too_many = client.get(reverse("compare"), {"articles": "1,2,3,4,5"})
    assert too_many.status_code == 400 and "at most 4 articles" in too_many.content.decode()


def test_compare_costs_a_fixed_number_of_queries(client, viewer, django_assert_max_num_queries):
    a, b, _ = conflict(1)
    client.force_login(viewer)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("compare"), {"articles": f"{a.article_id},{b.article_id}"})
    for n in range(20):
        x = Claim.objects.create(article=a.article, text="About", start=n * 2, end=n * 2 + 1)
        y = Claim.objects.create(article=b.article, text="Some", start=n * 2, end=n * 2 + 1)
        ClaimLink.objects.create(claim_a=x, claim_b=y, relation="agrees", score=0.5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("compare"), {"articles": f"{a.article_id},{b.article_id}"})


def test_search_finds_claims_and_articles(client, viewer, django_assert_max_num_queries):
    a, _, _ = conflict(12)
    make_article(make_outlet("Northline Wire"), headline="Valley evacuated", body="Nothing here.")
    client.force_login(viewer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("search"), {"q": "evacuated"}).content.decode()
    assert a.text in page and "Valley evacuated" in page


def test_desk_counts_are_shared_cached_and_forgotten_when_a_claim_changes(client, editor, other_editor):
    article = make_article()
    claim = make_claim(article, status="flagged")
    client.force_login(editor)
    assert client.get(reverse("home")).context["counts"]["flagged"] == 1
    make_claim(make_article(make_outlet("Estrava Daily"), body="Some 40 homes were flooded on Monday."),
               status="flagged")  # fmt: skip
    client.force_login(other_editor)
    assert client.get(reverse("home")).context["counts"]["flagged"] == 2  # a new claim forgets the counts
    claim.update_review(by=editor, status="resolved", assignee=editor)
    counts = client.get(reverse("home")).context["counts"]
    assert counts["flagged"] == 1 and counts["mine"] == 0
