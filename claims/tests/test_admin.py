"""The admin works for Chiefs, and a changelist page costs a fixed number of queries."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from claims.models import ClaimLink, Note

from .conftest import make_article, make_claim, make_outlet

pytestmark = pytest.mark.django_db

MODELS = ["outlet", "article", "claim", "quantity", "datemention", "claimlink", "note", "rating", "verdict"]


def _fill(rows: int, author: User, first: int = 0) -> None:
    outlets = [make_outlet(f"Outlet {i}") for i in range(2)]
    previous = None
    for i in range(first, first + rows):
        article = make_article(outlets[i % 2], body=f"Officials said {i} bridges were closed on day {i}.")
        claim = make_claim(article, attribution="officials")
        Note.objects.create(author=author, claim=claim, text=f"note {i}")
        if previous is not None:
            ClaimLink.objects.create(claim_a=previous, claim_b=claim, confirmed_by=author)
        previous = claim


@pytest.mark.parametrize("model", MODELS)
def test_a_chief_can_open_every_changelist_and_add_form(client, chief, model):
    _fill(3, chief)
    client.force_login(chief)
    assert client.get(reverse(f"admin:claims_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:claims_{model}_add")).status_code == 200


def test_a_chief_manages_users(client, chief):
    client.force_login(chief)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200


@pytest.mark.parametrize("model", ["article", "claim", "claimlink", "note"])
def test_a_changelist_costs_the_same_queries_for_5_or_50_rows(
    client, chief, model, django_assert_max_num_queries
):
    client.force_login(chief)
    url = reverse(f"admin:claims_{model}_changelist")
    _fill(5, chief)
    client.get(url)  # warm caches (content types, permissions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _fill(45, chief, first=5)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_chief_sees_claim_history_in_the_admin(client, chief, editor):
    claim = make_claim(make_article())
    claim.update_review(by=editor, status="in_review")
    client.force_login(chief)
    response = client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert response.status_code == 200
    assert editor.username in response.text


def test_a_chief_merges_stories_and_moves_an_article_in_the_admin(client, chief, rf):
    from django.contrib import admin

    from claims import grouping
    from claims.admin import ArticleAdmin
    from claims.models import Article, Story

    first, second, third = (
        make_article(body=f"Report {i} on the Marren dam said 12 people died.") for i in range(3)
    )
    for article in (first, second, third):
        grouping.move_article(article, None)  # three stories of one article each
    stories = list(Story.objects.order_by("pk"))
    assert len(stories) == 3
    client.force_login(chief)
    url = reverse("admin:claims_story_changelist")
    response = client.post(
        url, {"action": "merge_selected", "_selected_action": [s.pk for s in stories[:2]]}, follow=True
    )
    assert "Merged 1 stories into" in response.content.decode()
    assert Story.objects.count() == 2
    first.refresh_from_db(), second.refresh_from_db()
    assert first.story_id == second.story_id and first.story_locked and second.story_locked
    # One story selected: nothing merged, and the Chief is told why.
    response = client.post(
        url, {"action": "merge_selected", "_selected_action": [first.story_id]}, follow=True
    )
    assert "Select two or more stories" in response.content.decode() and Story.objects.count() == 2

    # Moving an article on its admin page moves it as the story page does: the emptied story goes.
    request = rf.post("/")
    request.user = chief
    admin_page = ArticleAdmin(Article, admin.site)
    third_story = third.story_id
    form = admin_page.get_form(request, third)(
        instance=third,
        data={"outlet": third.outlet_id, "story": first.story_id, "body": third.body, "language": "en"},
    )
    assert form.is_valid(), form.errors
    assert "story" in form.changed_data
    admin_page.save_model(request, form.save(commit=False), form, change=True)
    third.refresh_from_db()
    assert (third.story_id, third.story_locked) == (first.story_id, True)
    assert not Story.objects.filter(pk=third_story).exists()
