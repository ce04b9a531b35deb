"""The suggested-links list: the matcher's proposals to confirm or dismiss, one by one or together."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import ClaimLink

from .conftest import make_article, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def suggested(n: int) -> ClaimLink:
    one = make_article(
        make_outlet("Harbor Courier"), body=f"About {n},000 residents were evacuated, the agency said."
    )
    two = make_article(
        make_outlet("Estrava Daily"), body=f"Some {n},500 residents were evacuated, the agency said."
    )
    a, b = make_claim(one), make_claim(two)
    return ClaimLink.objects.create(
        claim_a=a,
        claim_b=b,
        relation="conflicts",
        kind="quantity",
        score=0.6,
        explanation=f"{n},000 vs {n},500",
    )


def test_the_list_shows_suggested_links_and_the_desk_leads_to_it(client, viewer):
    waiting, confirmed = suggested(1), suggested(2)
    ClaimLink.objects.filter(pk=confirmed.pk).update(status="confirmed")
    client.force_login(viewer)
    assert reverse("suggested_links") in client.get(reverse("home")).content.decode()
    page = client.get(reverse("suggested_links")).content.decode()
    assert waiting.explanation in page and confirmed.explanation not in page
    assert "likely the same fact" in page and "Confirm</button>" not in page  # a viewer reads only
    filtered = client.get(reverse("suggested_links"), {"outlet": "harbor-courier"}).content.decode()
    assert waiting.explanation in filtered


def test_editors_confirm_one_and_dismiss_several(client, editor):
    first, second, third = suggested(1), suggested(2), suggested(3)
    client.force_login(editor)
    url = reverse("suggested_links_action")
    response = client.post(
        url, {"action": "confirm", "links": [first.pk], "next": reverse("suggested_links")}
    )
    assert response.status_code == 302 and response["Location"] == reverse("suggested_links")
    first.refresh_from_db()
    assert (first.status, first.confirmed_by) == ("confirmed", editor)
    client.post(url, {"action": "dismiss", "links": [second.pk, third.pk, first.pk]})
    statuses = dict(ClaimLink.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "confirmed", second.pk: "dismissed", third.pk: "dismissed"}
    page = client.get(reverse("suggested_links"), follow=True).content.decode()
    assert "No suggested link waits" in page


def test_bad_actions_and_missing_rights_change_nothing(client, viewer, editor):
    link = suggested(1)
    url = reverse("suggested_links_action")
    assert client.post(url, {"action": "confirm", "links": [link.pk]}).status_code == 302  # to log in
    client.force_login(viewer)
    assert client.post(url, {"action": "confirm", "links": [link.pk]}).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(url, {"action": "confirm", "links": [link.pk]}).status_code == 403
    client.force_login(editor)
    client.post(url, {"action": "shred", "links": [link.pk]})
    client.post(url, {"action": "confirm", "links": ["abc"], "next": "https://evil.example/"})
    link.refresh_from_db()
    assert link.status == "suggested"


def test_the_list_costs_the_same_queries_however_long(client, viewer, django_assert_max_num_queries):
    suggested(1)
    client.force_login(viewer)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("suggested_links"))
    for n in range(2, 12):
        suggested(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("suggested_links"))
