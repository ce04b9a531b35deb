"""Who may see and do what: anonymous users, the three roles, and no role."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claims.models import Claim
from claims.roles import CHIEF, EDITOR, VIEWER, role_of

from .conftest import make_article, make_claim

pytestmark = pytest.mark.django_db


def _app_urls(patterns=None, prefix=""):
    """Every URL of the app (not the admin or the login pages), with sample ids."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern) in {"admin/", "accounts/"}:
                continue
            yield from _app_urls(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            if getattr(entry.callback, "login_required", True) is False:
                continue  # deliberately public, e.g. published verdicts
            route = prefix + str(entry.pattern)
            yield "/" + route.replace("<int:pk>", "1").replace("<int:other_pk>", "2").replace(
                "<slug:slug>", "x"
            ).replace("<uuid:batch>", "5b3f8c2e-0d3a-4f8e-9c61-2a7d7f0e4b11")


APP_URLS = sorted(set(_app_urls()))


def test_there_are_app_urls_to_check():
    assert "/" in APP_URLS and "/articles/" in APP_URLS


@pytest.mark.parametrize("url", APP_URLS)
def test_an_anonymous_user_is_sent_to_the_login_page(client, url):
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next="), url


def test_the_admin_needs_a_staff_login(client, editor):
    assert client.get("/admin/").status_code == 302
    client.force_login(editor)
    assert client.get("/admin/").status_code == 302  # editors are not staff


def test_the_login_page_itself_is_open(client):
    assert client.get(reverse("login")).status_code == 200


EXPECTED = {
    # permission: (viewer, editor, chief)
    "claims.view_claim": (True, True, True),
    "claims.view_verdict": (True, True, True),
    "claims.add_article": (False, True, True),
    "claims.review_claim": (False, True, True),
    "claims.add_claimlink": (False, True, True),
    "claims.change_claimlink": (False, True, True),
    "claims.add_note": (False, True, True),
    "claims.add_verdict": (False, True, True),
    "claims.change_verdict": (False, True, True),
    "claims.publish_verdict": (False, False, True),
    "claims.change_outlet": (False, False, True),
    "claims.delete_outlet": (False, False, True),
    "claims.change_rating": (False, False, True),
    "auth.add_user": (False, False, True),
    "auth.change_user": (False, False, True),
}


@pytest.mark.parametrize("perm", EXPECTED)
def test_each_role_has_exactly_its_permissions(perm, viewer, editor, chief, no_role_user):
    assert (viewer.has_perm(perm), editor.has_perm(perm), chief.has_perm(perm)) == EXPECTED[perm]
    assert not no_role_user.has_perm(perm)


def test_roles_and_staff_access(viewer, editor, chief):
    assert [role_of(u) for u in (viewer, editor, chief)] == [VIEWER, EDITOR, CHIEF]
    assert (viewer.is_staff, editor.is_staff, chief.is_staff) == (False, False, True)


def test_adding_a_user_to_chief_in_the_admin_gives_staff_access(no_role_user):
    from django.contrib.auth.models import Group

    no_role_user.groups.add(Group.objects.get(name=CHIEF))
    no_role_user.refresh_from_db()
    assert no_role_user.is_staff
    no_role_user.groups.clear()
    no_role_user.refresh_from_db()
    assert not no_role_user.is_staff


@pytest.mark.parametrize("role_fixture, allowed", [("viewer", False), ("editor", True), ("chief", True)])
def test_changing_a_claims_status_needs_the_review_permission(client, request, role_fixture, allowed):
    claim = make_claim(make_article())
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.post(
        reverse("claim_set_status", args=[claim.pk]), {"status": "in_review", "version": claim.version}
    )
    claim.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert claim.status == Claim.Status.IN_REVIEW
    else:
        assert response.status_code == 403
        assert claim.status == Claim.Status.NEW


def test_a_viewer_reads_pages_but_sees_no_change_forms(client, viewer):
    claim = make_claim(make_article())
    client.force_login(viewer)
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    assert reverse("claim_set_status", args=[claim.pk]) not in response.text


def test_a_stale_status_form_is_refused_with_a_message(client, editor, other_editor):
    claim = make_claim(make_article())
    form_version = claim.version
    claim.update_review(by=other_editor, status=Claim.Status.DISMISSED)
    client.force_login(editor)
    response = client.post(
        reverse("claim_set_status", args=[claim.pk]),
        {"status": "resolved", "version": form_version},
        follow=True,
    )
    assert "changed by someone else" in response.text
    claim.refresh_from_db()
    assert claim.status == Claim.Status.DISMISSED


def test_csrf_is_enforced_on_changes(editor):
    from django.test import Client

    claim = make_claim(make_article())
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("claim_set_status", args=[claim.pk]), {"status": "resolved"})
    assert response.status_code == 403
