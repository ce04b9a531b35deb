"""An editor sees, on the desk and on a claim, that a published fact-check already answers it,
and says whether it is the same claim; on a wide screen and on a phone."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from claims.models import ArchiveMatch

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_an_editor_confirms_and_dismisses_already_checked_matches(
    browser, live_server, screenshots_dir, width
):
    call_command("load_demo", stdout=StringIO())
    make_user("eddie_editor", "Editor")
    best = ArchiveMatch.objects.select_related("claim", "factcheck").order_by("-score").first()
    assert best is not None, "the demo's fact-checks match some of its claims"
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" and "favicon" not in m.text else None,
    )
    login_in_browser(page, "eddie_editor")

    page.goto("/")
    assert page.get_by_role("heading", name="New claims already checked").is_visible()
    page.get_by_role("link", name=best.claim.text[:40]).first.click()
    section = page.locator("#archive")
    assert section.get_by_text(f"by {best.factcheck.publisher}").first.is_visible()
    assert (
        section.get_by_role("link", name="read the fact-check").first.get_attribute("href")
        == best.factcheck.url
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    section.screenshot(path=screenshots_dir / f"claim-already-checked-{width}.png")

    card = section.locator(f"#match-{best.pk}")
    card.get_by_role("button", name="Same claim", exact=True).click()
    expect(section.get_by_text("Marked as the same claim.")).to_be_visible()
    expect(section.locator(f"#match-{best.pk}").get_by_text("Confirmed by eddie_editor")).to_be_visible()
    section.locator(f"#match-{best.pk}").get_by_role("button", name="Not the same claim").click()
    expect(section.get_by_text("Dismissed: not the same claim.")).to_be_visible()
    expect(section.locator(f"#match-{best.pk}")).to_have_count(0)
    best.refresh_from_db()
    assert best.status == ArchiveMatch.Status.DISMISSED
    # The page was never reloaded, and nothing went wrong in the browser (CSP included).
    assert problems == [], problems
    context.close()
