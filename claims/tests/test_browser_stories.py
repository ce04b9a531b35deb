"""An editor reads a story and moves a report out of it, on a wide screen and on a phone."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import Story

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_an_editor_moves_a_report_to_a_story_of_its_own(browser, live_server, screenshots_dir, width):
    call_command("load_demo", stdout=StringIO())
    make_user("eddie_editor", "Editor")
    story = max(Story.objects.all(), key=lambda s: s.articles.count())
    stories_before = Story.objects.count()
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    login_in_browser(page, "eddie_editor")

    page.goto("/stories/")
    page.get_by_role("link", name=story.title[:40]).first.click()
    assert page.get_by_role("heading", name=story.title).is_visible()
    # A wide table scrolls in its own box; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=screenshots_dir / f"story-{width}.png", full_page=True)

    first_row = page.locator("tbody tr").first
    headline = first_row.locator("td a").first.inner_text()
    first_row.get_by_label("Move this report to").select_option("new")
    first_row.get_by_role("button", name="Move").click()
    assert page.get_by_text("The matcher will not move it again").is_visible()
    assert page.get_by_role("link", name=headline).is_visible()
    assert page.get_by_text("kept here").is_visible()
    assert Story.objects.count() == stories_before + 1
    assert len(set(Story.objects.values_list("title", flat=True))) == stories_before + 1
    page.screenshot(path=screenshots_dir / f"story-moved-{width}.png", full_page=True)
    context.close()


def test_an_editor_pins_the_best_supported_toll_and_renames_a_row(browser, live_server, screenshots_dir):
    call_command("load_demo", stdout=StringIO())
    make_user("eddie_editor", "Editor")
    story = max(Story.objects.all(), key=lambda s: s.articles.count())
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    login_in_browser(page, "eddie_editor")
    page.goto(story.get_absolute_url())
    row = page.locator("table.fact-sheet tbody tr", has_text="deaths").first
    row.get_by_text("Edit row").click()
    row.get_by_label("Best-supported value").fill("at least 5 dead")
    row.get_by_label("Why").fill("The governor's count, later than the others.")
    row.get_by_label("Sources, one per line").fill("https://gov.example/statement")
    row.get_by_role("button", name="Pin").click()
    page.wait_for_url("**#facts-h")
    pinned = page.locator(".fact-pin").first
    assert "at least 5 dead" in pinned.inner_text() and "eddie_editor" in pinned.inner_text()
    row = page.locator("table.fact-sheet tbody tr", has_text="deaths").first
    row.get_by_text("Edit row").click()
    row.get_by_label("Name").fill("dead (all sources)")
    row.get_by_role("button", name="Rename").click()
    page.wait_for_url("**#facts-h")
    assert page.get_by_text("(renamed)").count() == 1
    renamed = page.locator("table.fact-sheet tbody tr", has=page.get_by_text("(renamed)"))
    assert renamed.locator("th[scope=row]").inner_text().lower().startswith("dead (all sources)")
    renamed.get_by_text("Edit row").click()
    page.screenshot(path=screenshots_dir / "story-fact-edit.png", full_page=True)
    assert errors == []
