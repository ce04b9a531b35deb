"""make run's set-up commands: demo data and the demo login, safe to repeat."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from claims.models import Article, Claim, Outlet
from claims.roles import CHIEF, role_of

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_demo_is_three_outlets_that_disagree_and_loading_twice_changes_nothing():
    first = _run("load_demo")
    assert first.count("imported with") == 3
    assert Outlet.objects.count() == 3
    counts = (Article.objects.count(), Claim.objects.count())
    assert counts[0] == 3 and counts[1] >= 15
    second = _run("load_demo")
    assert second.count("already imported") == 3
    assert (Article.objects.count(), Claim.objects.count()) == counts


def test_every_demo_claim_is_the_exact_slice_of_its_article_body():
    _run("load_demo")
    for claim in Claim.objects.select_related("article").prefetch_related("quantities", "dates"):
        assert claim.article.body[claim.start : claim.end] == claim.text
        for fact in [*claim.quantities.all(), *claim.dates.all()]:
            assert claim.article.body[fact.start : fact.end] == fact.text
        if claim.attribution_start is not None:
            assert claim.article.body[claim.attribution_start : claim.attribution_end]


def test_the_demo_login_is_a_chief_whose_password_is_printed_once():
    output = _run("ensure_demo_user")
    password = re.search(r"password: (\S+)", output).group(1)
    user = get_user_model().objects.get(username="demo")
    assert role_of(user) == CHIEF and user.is_staff
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="demo", password=password) == user
    again = _run("ensure_demo_user")
    assert password not in again and "already exists" in again
    user.refresh_from_db()
    assert authenticate(request, username="demo", password=password) == user
