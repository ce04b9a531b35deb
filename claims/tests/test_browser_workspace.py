"""The editor's day in a real browser, on the demo data; then the same as a Viewer."""

import pytest
from django.core.management import call_command

from claims.models import Claim, ClaimLink

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_an_editor_triages_the_queue(page, demo, screenshots_dir):
    editor = make_user("erin_editor", "Editor")
    login_in_browser(page, "erin_editor")
    page.screenshot(path=screenshots_dir / "desk.png", full_page=True)

    page.get_by_role("link", name="Queue").click()
    page.wait_for_url("**/queue/")
    assert page.locator("[data-row]").count() >= 3
    page.get_by_label("Conflict").select_option("quantity")
    page.wait_for_url("**kind=quantity**")
    page.locator("[data-row]").first.wait_for()
    rows = page.locator("[data-row]")
    assert rows.count() >= 2
    page.screenshot(path=screenshots_dir / "queue.png", full_page=True)

    # The last row's "More" menu opens over the page, not clipped by the table's box.
    menu = rows.last.locator("details.row-menu")
    menu.locator("summary").click()
    # Scroll the window only: scrollIntoView would also scroll a clipping table box.
    hit = menu.locator(".row-menu-items > *").last.evaluate(
        """item => {
            window.scrollBy(0, item.getBoundingClientRect().bottom - window.innerHeight + 20);
            const r = item.getBoundingClientRect();
            const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return top !== null && item.contains(top);
        }"""
    )
    assert hit, "the row menu's last action is hidden"
    page.screenshot(path=screenshots_dir / "queue-more.png", full_page=True)
    menu.locator("summary").click()

    # Keyboard: j selects the first row, a assigns it to me (htmx swaps the row).
    first_id = rows.first.get_attribute("id")
    claim = Claim.objects.get(pk=int(first_id.removeprefix("row-")))
    page.locator("h1").click()
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.locator(f"#{first_id} td .meta", has_text="erin_editor").wait_for()
    claim.refresh_from_db()
    assert claim.assignee == editor
    page.keyboard.press("?")
    assert page.get_by_role("dialog").is_visible()
    page.keyboard.press("Escape")

    page.locator(f"#{first_id}").focus()
    page.keyboard.press("o")
    page.wait_for_url(f"**/claims/{claim.pk}/")
    page.screenshot(path=screenshots_dir / "claim.png", full_page=True)

    page.evaluate("window.__noReload = true")
    suggested = (
        ClaimLink.objects.filter(status="suggested").filter(claim_a=claim).first()
        or ClaimLink.objects.filter(status="suggested", claim_b=claim).first()
    )
    if suggested is None:  # the demo's first conflict may be confirmed already: open one with a suggestion
        suggested = ClaimLink.objects.filter(status="suggested").first()
        page.goto(f"/claims/{suggested.claim_a_id}/")
        page.evaluate("window.__noReload = true")
    card = page.locator(f"#link-{suggested.pk}")
    card.get_by_role("button", name="Confirm").click()
    page.locator(f"#link-{suggested.pk}").get_by_text("Confirmed by erin_editor").wait_for()
    suggested.refresh_from_db()
    assert suggested.status == "confirmed"

    card = page.locator(f"#link-{suggested.pk}")
    card.get_by_label("Relation").select_option("conflicts")
    card.get_by_label("Kind of conflict").select_option("quantity")
    card.get_by_label("Note on this link").fill("Two figures from one agency: call its press office.")
    card.get_by_role("button", name="Set relation").click()
    page.get_by_text("erin_editor: Two figures from one agency: call its press office.").wait_for()

    page.get_by_label("Add a note").fill("Assigned to me; checking with the agency.")
    page.get_by_role("button", name="Add note").click()
    page.locator("#notes li p", has_text="Assigned to me; checking with the agency.").wait_for()
    assert page.evaluate("window.__noReload") is True  # both appeared without a reload

    page.locator(f"#link-{suggested.pk}").get_by_role("link", name="compare the articles").click()
    page.wait_for_url("**/compare/?articles=**")
    assert page.locator(".compare-conflicts").count() >= 1
    page.screenshot(path=screenshots_dir / "compare.png", full_page=True)

    page.get_by_label("Search claims and articles").fill("evacuated")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=evacuated")
    page.screenshot(path=screenshots_dir / "search.png", full_page=True)

    page.get_by_role("button", name="Log out").click()
    page.goto("/queue/")
    assert "/accounts/login/" in page.url


def test_a_viewer_sees_everything_and_can_change_nothing(page, demo):
    make_user("vera_viewer", "Viewer")
    link = ClaimLink.objects.filter(status="suggested").first()
    claim = link.claim_a
    login_in_browser(page, "vera_viewer")
    page.goto("/queue/")
    assert page.locator("[data-row]").count() >= 3
    assert page.get_by_role("button", name="Assign to me").count() == 0
    page.locator("h1").click()
    page.keyboard.press("j")
    page.keyboard.press("a")  # nothing to press: no action buttons
    page.goto(f"/claims/{claim.pk}/")
    assert page.locator(f"#link-{link.pk}").is_visible()
    assert page.get_by_role("button", name="Confirm").count() == 0
    assert page.get_by_label("Add a note").count() == 0
    # Posting by hand is refused by the server.
    status = page.evaluate(
        """async (url) => {
            const token = JSON.parse(document.body.getAttribute('hx-headers'))['x-csrftoken'];
            const response = await fetch(url, {method: 'POST', headers: {'X-CSRFToken': token,
                'Content-Type': 'application/x-www-form-urlencoded'}, body: 'action=confirm'});
            return response.status;
        }""",
        f"/links/{link.pk}/",
    )
    assert status == 403
    link.refresh_from_db()
    claim.refresh_from_db()
    assert link.status == "suggested" and claim.assignee is None


def test_a_new_user_finds_the_troop_conflict_and_records_a_note(page, demo, screenshots_dir):
    """Issue 5's 'done when': on the demo, without reading anything."""
    make_user("nina_new", "Chief")
    login_in_browser(page, "nina_new")
    assert page.get_by_role("heading", name="Latest articles").is_visible()
    assert page.get_by_role("link", name="Estrava dam failure: what we know").is_visible()
    page.get_by_role("link", name="Queue").click()
    page.get_by_label("Text").fill("troops")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**q=troops**")
    row = page.locator("[data-row]", has_text="2,000 troops").first
    row_text = row.inner_text()
    assert "2,000 troops vs about 1,200 troops, both attributed to the defence ministry" in row_text
    assert "Quantity" in row_text  # the kind, in words as well as colour
    row.get_by_role("link").first.click()
    card = page.locator(".relation-card-conflicts", has_text="1,200").first
    card.get_by_role("link", name="compare the articles").click()
    page.wait_for_url("**/compare/**")
    assert page.locator(".compare-conflicts", has_text="2,000 troops").count() >= 1
    page.screenshot(path=screenshots_dir / "compare-troops.png", full_page=True)
    page.go_back()
    page.get_by_label("Add a note").fill("Defence ministry gives two figures: asked its press office.")
    page.get_by_role("button", name="Add note").click()
    page.locator("#notes li p", has_text="asked its press office").wait_for()


def test_bulk_actions_in_the_browser(page, demo):
    make_user("erin_editor", "Editor")
    login_in_browser(page, "erin_editor")
    page.goto("/queue/")
    assert page.locator("#bulk-status").is_hidden() and page.locator("#bulk-assignee").is_hidden()
    page.get_by_label("With selected").select_option("status")
    assert page.locator("#bulk-status").is_visible()
    page.get_by_label("Status", exact=True).select_option("in_review")
    boxes = page.locator("[data-row] input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Apply").click()
    page.get_by_text("2 of 2 claims updated.").wait_for()
    assert Claim.objects.filter(status="in_review").count() == 2
