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
