"""Every main page at 1366 and 390 px: screenshots for people to look at (test-artifacts/), no
sideways scrolling, and nothing wrong in the browser's console (a CSP violation included)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims import verdicts
from claims.models import Article, Claim, Rating, Story

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_main_pages_render_cleanly_at_both_widths(browser, live_server, screenshots_dir, tmp_path, width):
    call_command("load_demo", stdout=StringIO())
    editor = make_user("erin_editor", "Editor")
    chief = make_user("chloe_chief", "Chief")
    first, second = Article.objects.order_by("pk")[:2]
    claim = Claim.objects.filter(links_as_a__relation="conflicts").first()
    verdict = verdicts.publish(
        verdicts.save_verdict(claim, by=editor, rating=Rating.objects.get(value=2), headline="A headline"),
        by=chief,
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))

    page.goto(reverse("public_verdict", args=[verdict.pk]))
    page.screenshot(path=screenshots_dir / f"page-public-{width}.png", full_page=True)
    login_in_browser(page, "chloe_chief")
    pages = {
        "desk": reverse("home"),
        "queue": reverse("queue"),
        "conflicts": reverse("conflict_queue"),
        "suggested": reverse("suggested_links"),
        "feeds": reverse("feed_list"),
        "jobs": reverse("job_list"),
        "claim": claim.get_absolute_url(),
        "compare": f"{reverse('compare')}?articles={first.pk},{second.pk}",
        "compare-picker": reverse("compare"),
        "stories": reverse("story_list"),
        "story": reverse("story_detail", args=[Story.objects.first().pk]),
        "article": reverse("article_detail", args=[first.pk]),
        "import": reverse("article_import"),
        "similar": f"{reverse('similar_claims')}?q=troops",
    }
    for name, url in pages.items():
        page.goto(url)
        page.screenshot(path=screenshots_dir / f"page-{name}-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    # Import results for a batch (two files, a conflict between them).
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text(
        "Outlet: Ridge Post\n---\nAbout 4,000 people were evacuated from Ostrel on Sunday, officials said.\n"
    )
    two.write_text(
        "Outlet: Lake Times\n---\nSome 9,000 people were evacuated from Ostrel on Sunday, officials said.\n"
    )
    page.goto(reverse("article_import"))
    page.get_by_label("Or upload files").set_input_files([one, two])
    page.get_by_role("button", name="Import").click()
    page.get_by_text("2 of 2 done").wait_for()
    page.screenshot(path=screenshots_dir / f"page-import-results-{width}.png", full_page=True)
    assert problems == [], problems
    context.close()
