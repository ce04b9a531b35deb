"""Issue 6's day in a real browser: draft, publish by another person, public page, history, stale edit."""

import json

import pytest

from claims.models import Verdict

from .conftest import PASSWORD, login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_drafts_a_chief_publishes_and_the_public_sees_claimreview(
    browser, live_server, screenshots_dir, troops
):
    make_user("erin_editor", "Editor")
    make_user("carl_chief", "Chief")
    claim, other = troops

    def session():
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10_000)
        return context, page

    editor_context, editor = session()
    login_in_browser(editor, "erin_editor", PASSWORD)
    editor.goto(f"/claims/{claim.pk}/")
    editor.get_by_label("Rating").select_option(label="2 Mostly false")
    headline = editor.get_by_label("Headline")
    headline.fill("Russia massed one hundred and seventy-five thousand troops along the border with Ukraine")
    counter = editor.locator("#headline-count")
    assert counter.inner_text() == "13 characters over the 75 limit"  # never cut: told, and refused on save
    headline.fill("Russia massed 175,000 troops near Ukraine")
    assert counter.inner_text() == "34 of 75 characters left"
    editor.get_by_label("Summary").fill("The Post's own documents give 175,000 and 70,000.")
    editor.get_by_label("Sources").fill("The Washington Post | https://washingtonpost.example/troops")
    editor.get_by_role("button", name="Save verdict").click()
    editor.get_by_text("Verdict saved.").wait_for()
    assert editor.get_by_role("button", name="Publish this verdict").count() == 0  # editors cannot publish
    verdict = Verdict.objects.get()
    opened_version = verdict.version

    chief_context, chief = session()
    login_in_browser(chief, "carl_chief", PASSWORD)
    chief.goto(f"/claims/{claim.pk}/")
    chief.get_by_role("button", name="Publish this verdict").click()
    chief.get_by_text("Published.").wait_for()
    verdict.refresh_from_db()
    assert verdict.is_published and verdict.published_by.username == "carl_chief"
    claim.refresh_from_db()
    assert claim.status == "resolved"  # the claim's status follows its verdict
    chief.screenshot(path=screenshots_dir / "verdict.png", full_page=True)

    # The editor's page still holds the version before publishing: saving it is refused, showing what changed.
    assert editor.locator("#id_version").input_value() == str(opened_version)
    editor.get_by_text("Edit the verdict").click()
    editor.get_by_label("Summary").fill("An edit from a stale page.")
    editor.get_by_role("button", name="Save verdict").click()
    alert = editor.get_by_role("alert").first
    assert "changed by carl_chief since you opened it" in alert.inner_text()
    assert "published: no → yes" in alert.inner_text()
    verdict.refresh_from_db()
    assert verdict.summary == "The Post's own documents give 175,000 and 70,000."

    public_context, public = session()  # nobody logged in
    public.goto(f"/factchecks/{verdict.pk}/")
    assert public.get_by_role("heading", name="Russia massed 175,000 troops near Ukraine").is_visible()
    data = json.loads(public.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "ClaimReview" and data["reviewRating"]["alternateName"] == "Mostly false"
    assert {a["publisher"]["name"] for a in data["itemReviewed"]["appearance"]} == {
        "Seed Outlet One",
        "Seed Outlet Two",
    }
    public.screenshot(path=screenshots_dir / "public-verdict.png", full_page=True)

    chief.goto(f"/claims/{claim.pk}/")
    history = chief.locator("#history").inner_text()
    assert "verdict published" in history and "verdict drafted" in history
    assert history.index("verdict published") < history.index("verdict drafted")
    for context in (editor_context, chief_context, public_context):
        context.close()
