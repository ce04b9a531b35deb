"""Issue 11 in a real browser: the seed reports and the demo; the troop conflict is one row with both
sentences readable, resolving it settles both claims; the seed story's fact sheet; a timeline."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from claims.ingest import import_article
from claims.models import Claim, ClaimLink, Story

from .conftest import login_in_browser, make_user, seed_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_troop_conflict_is_one_row_resolved_for_both_claims(browser, live_server, screenshots_dir, width):
    for name, outlet in (("000_", "Seed Outlet One"), ("003_", "Seed Outlet Two")):
        path = seed_path(name)
        assert import_article(data=path.read_bytes(), filename=path.name, outlet=outlet).ok
    call_command("load_demo", stdout=StringIO())
    make_user("eddie_editor", "Editor")
    troops = ClaimLink.objects.filter(
        relation="conflicts", claim_a__text__contains="175,000", claim_b__text__contains="70,000"
    ) | ClaimLink.objects.filter(
        relation="conflicts", claim_a__text__contains="70,000", claim_b__text__contains="175,000"
    )
    link = troops.get()

    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    login_in_browser(page, "eddie_editor")
    page.goto("/conflicts/?q=175%2C000")
    rows = page.locator(".conflict-row")
    expect(rows).to_have_count(1)
    row = rows.first
    for claim in (link.claim_a, link.claim_b):
        expect(row.locator(".conflict-side", has_text=claim.text[:40])).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=screenshots_dir / f"story-desk-conflicts-{width}.png", full_page=True)
    row.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text("conflict resolved").or_(page.get_by_text("conflicts resolved"))).to_be_visible()
    assert set(
        Claim.objects.filter(pk__in=[link.claim_a_id, link.claim_b_id]).values_list("status", flat=True)
    ) == {"resolved"}

    # The seed story's fact sheet: troops from three figures with their sources; the call's mode.
    story = Story.objects.get(articles__outlet__name="Seed Outlet One")
    page.goto(story.get_absolute_url())
    sheet = page.locator("table.fact-sheet")
    troops_row = sheet.locator(
        "tbody tr", has=page.locator("th[scope=row]", has_text=re.compile(r"^\s*troops"))
    ).first
    for figure in ("175,000", "94,000", "70,000"):
        expect(troops_row).to_contain_text(figure)
    expect(troops_row).to_contain_text("Washington Post")
    call_row = sheet.locator(
        "tbody tr", has=page.locator("th[scope=row]", has_text="how the meeting is held")
    ).first
    expect(call_row).to_contain_text("video conference")
    expect(call_row).to_contain_text("phone call")
    page.screenshot(path=screenshots_dir / f"story-desk-seed-story-{width}.png", full_page=True)

    # A demo story whose toll rises over the day has a timeline.
    demo = Story.objects.exclude(pk=story.pk).order_by("-pk").first()
    page.goto(demo.get_absolute_url())
    chart = page.locator("svg.figure-timeline").first
    expect(chart).to_be_visible()
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=screenshots_dir / f"story-desk-timeline-{width}.png")
    assert errors == []
