"""An editor reads how each figure was understood, on a wide screen and on a phone."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import Quantity

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_claim_page_shows_each_figure_reading(browser, live_server, screenshots_dir, width):
    call_command("load_demo", stdout=StringIO())
    make_user("vera_viewer", "Viewer")
    figure = Quantity.objects.filter(measure="volume").select_related("claim").first()
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    login_in_browser(page, "vera_viewer")

    page.goto(figure.claim.get_absolute_url())
    sidebar = page.locator(".reading").filter(has_text=figure.text)
    assert sidebar.is_visible()
    assert "volume: " in sidebar.inner_text() and "(as written: " in sidebar.inner_text()
    # In the paragraph, the figure's reading is its hover title.
    assert (
        page.locator(".body .mk-quantity", has_text=figure.text).get_attribute("title").startswith("volume: ")
    )
    page.screenshot(path=screenshots_dir / f"claim-figures-{width}.png", full_page=True)
    context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_compare_and_the_apps_own_error_pages(browser, live_server, screenshots_dir, width):
    call_command("load_demo", stdout=StringIO())
    make_user("vera_viewer", "Viewer")
    make_user("nora_norole", None)
    from claims.models import Article

    first, second = Article.objects.order_by("pk")[:2]
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    login_in_browser(page, "vera_viewer")
    page.goto(f"/compare/?articles={first.pk},{second.pk}")
    assert page.locator(".reading").first.is_visible()
    page.screenshot(path=screenshots_dir / f"compare-{width}.png", full_page=True)
    page.goto("/claims/999999/")
    assert page.get_by_role("heading", name="Nothing here").is_visible()
    page.screenshot(path=screenshots_dir / f"404-{width}.png", full_page=True)
    page.goto("/search/?q=%00")
    assert page.get_by_role("heading", name="That request could not be used").is_visible()
    page.screenshot(path=screenshots_dir / f"400-{width}.png", full_page=True)
    page.goto("/")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # on a phone, the menu folds behind its button
        menu.click()
    page.get_by_role("button", name="Log out").click()
    login_in_browser(page, "nora_norole")
    page.goto("/")
    assert page.get_by_role("heading", name="Your account has no role yet").is_visible()
    page.screenshot(path=screenshots_dir / f"no-role-{width}.png", full_page=True)
    context.close()
