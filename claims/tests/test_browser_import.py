"""Importing in a real browser: several files with progress, then the highlighted article."""

import pytest
from playwright.sync_api import expect

from claims.models import Article

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FLOOD = """Outlet: Harbor Courier
Date: 2026-03-14
Headline: River floods the old town
---
About 1,200 residents were evacuated on Tuesday, according to the civil protection agency.

Three people died in the flooding, Governor Lucia Ferrand said.
"""
STORM = (
    FLOOD.replace("Harbor Courier", "Estrava Daily")
    .replace("1,200", "1,500")
    .replace("River floods", "Storm hits")
)


def test_an_editor_uploads_two_files_and_opens_the_highlighted_article(page, tmp_path, screenshots_dir):
    make_user("erin_editor", "Editor")
    (tmp_path / "flood.txt").write_text(FLOOD)
    (tmp_path / "storm.txt").write_text(STORM)
    login_in_browser(page, "erin_editor")
    page.goto("/articles/import/")
    page.get_by_label("Or upload files").set_input_files([tmp_path / "flood.txt", tmp_path / "storm.txt"])
    page.get_by_role("button", name="Import").click()
    page.get_by_text("2 of 2 done").wait_for()
    results = page.locator("#import-results li")
    assert results.count() == 2
    assert "flood.txt: imported with 2 claims" in results.nth(0).inner_text()
    assert "storm.txt: imported with 2 claims" in results.nth(1).inner_text()
    # 1,200 vs 1,500 residents evacuated: the second file's results count the conflict and lead to it.
    assert "1 conflict" in results.nth(1).inner_text()
    page.screenshot(path=screenshots_dir / "import.png", full_page=True)
    assert Article.objects.count() == 2

    results.nth(1).get_by_role("link", name="review them").click()
    page.wait_for_url("**/articles/*/")
    quantity = page.locator(".article .body .mk-quantity").first
    assert quantity.inner_text() == "About 1,500 residents"
    assert page.locator(".article .body .mk-attribution").first.inner_text() == "the civil protection agency"
    page.screenshot(path=screenshots_dir / "article.png", full_page=True)


def test_a_pasted_article_with_no_outlet_shows_the_error_in_the_form(page):
    make_user("erin_editor", "Editor")
    login_in_browser(page, "erin_editor")
    page.goto("/articles/import/")
    page.get_by_label("Paste the article").fill(
        "Some 900 homes were damaged by the storm on Monday, the council said."
    )
    page.get_by_role("button", name="Import").click()
    assert page.get_by_role("alert").first.inner_text().startswith("Not imported: outlet unknown")
    assert Article.objects.count() == 0


def test_a_batch_mixes_outlets_and_a_file_without_one_is_asked_for_before_sending(
    page, tmp_path, screenshots_dir
):
    make_user("erin_editor", "Editor")
    (tmp_path / "flood.txt").write_text(FLOOD)  # its header names Harbor Courier
    (tmp_path / "plain.txt").write_text(STORM.split("---\n", 1)[1])  # no header, no URL
    (tmp_path / "wire.txt").write_text(  # a URL but no outlet: its domain is offered
        "URL: https://www.northline.example/storm\n---\n"
        + STORM.split("---\n", 1)[1].replace("1,500", "1,800")
    )
    login_in_browser(page, "erin_editor")
    page.goto("/articles/import/")
    page.get_by_label("Or upload files").set_input_files(
        [tmp_path / "flood.txt", tmp_path / "plain.txt", tmp_path / "wire.txt"]
    )
    expect(page.get_by_label("flood.txt — outlet")).to_have_value("Harbor Courier")
    expect(page.get_by_label("plain.txt — outlet")).to_have_value("")
    assert (
        page.get_by_label("wire.txt — outlet").get_attribute("placeholder")
        == "from its URL: northline.example"
    )
    page.get_by_role("button", name="Import").click()
    expect(
        page.get_by_text("Nothing was sent: choose the outlet of every file marked above.")
    ).to_be_visible()
    expect(page.get_by_text("Choose this file's outlet.")).to_have_count(1)
    assert Article.objects.count() == 0
    page.screenshot(path=screenshots_dir / "import-outlets.png", full_page=True)
    page.get_by_label("plain.txt — outlet").fill("Estrava Daily")
    page.get_by_role("button", name="Import").click()
    page.get_by_text("3 of 3 done").wait_for()
    assert sorted(Article.objects.values_list("outlet__name", flat=True)) == [
        "Estrava Daily",
        "Harbor Courier",
        "northline.example",
    ]
