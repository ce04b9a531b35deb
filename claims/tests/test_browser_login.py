"""Logging in and out through a real browser."""

import pytest

from .conftest import PASSWORD, login_in_browser, make_article, make_outlet, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_user_logs_in_sees_the_articles_and_logs_out(page, screenshots_dir):
    make_user("vera_viewer", "Viewer")
    make_article(make_outlet("Harbor Courier"), headline="Dam breach forces evacuation", body="A.")
    page.goto("/articles/")
    assert "/accounts/login/" in page.url  # sent to log in first

    page.get_by_label("User name").fill("vera_viewer")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").is_visible()

    login_in_browser(page, "vera_viewer", PASSWORD)
    page.goto("/articles/")
    assert page.get_by_role("link", name="Dam breach forces evacuation").is_visible()
    page.screenshot(path=screenshots_dir / "articles.png", full_page=True)

    page.get_by_role("button", name="Log out").click()
    page.goto("/articles/")
    assert "/accounts/login/" in page.url
