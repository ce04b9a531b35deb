"""Following outlets and importing in the background, in a real browser with a real worker."""

import pytest
from playwright.sync_api import expect

from claims.models import Article, Feed

from .conftest import login_in_browser, make_user
from .test_jobs import BRIDGE, FLOOD, FLOOD_OTHER
from .webserver import LocalWeb, article_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def console_errors(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


@pytest.mark.parametrize("width", [1366, 390])
def test_a_chief_follows_a_feed_and_its_articles_come_in(
    worker, page, console_errors, screenshots_dir, width
):
    page.set_viewport_size({"width": width, "height": 900})
    with LocalWeb() as web:
        web.page("/flood", article_html("Estrava flood", FLOOD))
        web.page("/bridge", article_html("Tarrow bridge opens", BRIDGE))
        web.feed(
            "/rss.xml",
            [
                {"title": "Estrava flood", "link": web.url + "/flood", "guid": "flood"},
                {"title": "Tarrow bridge opens", "link": web.url + "/bridge", "guid": "bridge"},
                {"title": "Broken"},
            ],
        )
        make_user("chloe_chief", "Chief")
        login_in_browser(page, "chloe_chief")
        page.goto("/feeds/")
        page.get_by_label("Feed address (RSS or Atom)").fill(web.url + "/rss.xml")
        page.get_by_label("Outlet").fill("Valley Wire")
        page.get_by_label("Poll every (minutes)").fill("15")
        page.get_by_role("button", name="Follow").click()
        expect(page.get_by_text("its first poll is under way")).to_be_visible()
        # The worker polls the feed and imports both pages; the page shows it once reloaded.
        for _ in range(60):
            if Feed.objects.get().articles_imported == 2:
                break
            page.wait_for_timeout(500)
        page.reload()
        row = page.locator(f"#feed-{Feed.objects.get().pk}")
        expect(row).to_contain_text("Valley Wire")
        expect(row).to_contain_text("Broken: no link")
        expect(row.locator("td[data-label=Imported]")).to_have_text("2")
        page.screenshot(path=screenshots_dir / f"feeds-{width}.png", full_page=True)
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Estrava flood",
        "Tarrow bridge opens",
    ]
    assert console_errors == []


def test_many_files_go_up_at_once_and_the_progress_page_follows_them(
    worker, page, console_errors, tmp_path, screenshots_dir
):
    make_user("erin_editor", "Editor")
    files = []
    for name, outlet, text in [
        ("flood.txt", "Harbor Courier", FLOOD),
        ("flood-other.txt", "", FLOOD_OTHER),
        ("bridge.txt", "Valley Wire", BRIDGE),
    ]:
        path = tmp_path / name
        path.write_text((f"Outlet: {outlet}\n---\n" if outlet else "") + " ".join(text))
        files.append(path)
    login_in_browser(page, "erin_editor")
    page.goto("/articles/import/")
    page.get_by_label("Or upload files").set_input_files(files)
    # The file without a header gets its outlet typed beside it.
    page.locator("#file-outlet-1").fill("Estrava Daily")
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/imports/**")
    # htmx refreshes the table until every file is done.
    expect(page.locator("#batch-count")).to_contain_text("All 3 done", timeout=60_000)
    expect(page.locator("#batch-count")).to_contain_text("3 imported")
    expect(page.get_by_role("link", name="review them").first).to_be_visible()
    page.screenshot(path=screenshots_dir / "import-progress.png", full_page=True)
    assert set(Article.objects.values_list("outlet__name", flat=True)) == {
        "Harbor Courier",
        "Estrava Daily",
        "Valley Wire",
    }
    assert console_errors == []
