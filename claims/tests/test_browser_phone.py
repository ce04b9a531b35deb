"""A phone (390 px): the menu folds behind a button, the queue's rows come first, and no main
page scrolls sideways."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from claims.models import Article, Claim, Story

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_main_page_fits_a_phone(browser, live_server, screenshots_dir):
    call_command("load_demo", stdout=StringIO())
    make_user("chloe_chief", "Chief")
    first, second = Article.objects.order_by("pk")[:2]
    claim = Claim.objects.filter(links_as_a__relation="conflicts").first()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    login_in_browser(page, "chloe_chief")

    page.goto("/")
    menu = page.locator("#site-menu")
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(menu).to_be_hidden()
    toggle.click()
    expect(page.get_by_role("link", name="Queue")).to_be_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.screenshot(path=screenshots_dir / "phone-menu-390.png")

    page.goto("/queue/")
    expect(page.locator("details.queue-filters")).not_to_have_attribute("open", "")
    row = page.locator("table.queue tbody tr").first
    expect(row.get_by_role("button", name="Assign to me")).to_be_visible()  # the one primary action
    row.get_by_text("More").click()
    expect(row.get_by_role("button", name="Resolve")).to_be_visible()
    page.screenshot(path=screenshots_dir / "queue-390.png", full_page=True)

    pages = [
        reverse("home"),
        reverse("queue"),
        reverse("story_list"),
        reverse("story_detail", args=[Story.objects.first().pk]),
        reverse("article_list"),
        reverse("article_detail", args=[first.pk]),
        reverse("article_import"),
        claim.get_absolute_url(),
        f"{reverse('compare')}?articles={first.pk},{second.pk}",
        reverse("compare"),
        f"{reverse('similar_claims')}?q=troops",
        f"{reverse('search')}?q=dam",
        reverse("public_index"),
    ]
    for url in pages:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.evaluate("window.innerWidth"), (url, width)
    page.goto(f"{reverse('compare')}?articles={first.pk},{second.pk}")
    page.screenshot(path=screenshots_dir / "compare-390.png", full_page=True)
    context.close()
