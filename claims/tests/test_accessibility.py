"""axe-core on every main page, in a real browser: no serious or critical findings."""

import os
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command

from claims import verdicts
from claims.models import Article, Claim, ClaimLink, Job, Rating

from .conftest import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(browser, live_server):
    if not AXE.exists():
        if os.environ.get("FACTCHECK_REQUIRE_BROWSER"):
            pytest.fail(f"{AXE} is missing: run `npm install` (make test does)")
        pytest.skip(f"{AXE} is missing: run `npm install` (make test does)")
    # axe is injected as a script; the app's CSP rightly forbids that, so this context bypasses it.
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def serious_findings(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_main_pages_have_no_serious_accessibility_findings(axe_page):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    editor = make_user("erin_editor", "Editor")
    chief = make_user("carl_chief", "Chief")
    flagged = Claim.objects.filter(status="flagged").first()
    verdict = verdicts.publish(
        verdicts.save_verdict(flagged, by=editor, rating=Rating.objects.get(value=2)), by=chief
    )
    page = axe_page
    page.goto("/accounts/login/")
    findings = {"login": serious_findings(page)}
    page.goto(f"/factchecks/{verdict.pk}/")
    findings["public verdict"] = serious_findings(page)
    page.goto("/factchecks/")
    findings["public index"] = serious_findings(page)
    login_in_browser(page, "erin_editor")
    link = ClaimLink.objects.filter(relation="conflicts").first()
    article = Article.objects.first()
    claim = Claim.objects.filter(status="flagged").first()
    checked = Claim.objects.filter(archive_matches__isnull=False).first()
    batch = uuid.uuid4()
    Job.objects.create(kind="import_file", label="flood.txt", batch=batch, created_by=editor)  # still queued
    Job.objects.create(kind="import_file", label="storm.txt", batch=batch, created_by=editor, state="done",
                       result={"status": "imported", "message": "imported", "claims": 3, "links": 2, "conflicts": 1},
                       article=article)  # fmt: skip
    pages = {
        "desk": "/",
        "queue": "/queue/",
        "claim": f"/claims/{claim.pk}/",
        "compare": f"/compare/?articles={link.claim_a.article_id},{link.claim_b.article_id}",
        "search": "/search/?q=evacuated",
        "articles": "/articles/",
        "article": f"/articles/{article.pk}/",
        "import": "/articles/import/",
        "similar": "/claims/similar/?q=15,000+people+evacuated",
        "compare picker": "/compare/",
        "stories": "/stories/",
        "story": f"/stories/{article.story_id}/",
        "claim already checked": f"/claims/{checked.pk}/",
        "conflicts": "/conflicts/",
        "suggested links": "/links/suggested/",
        "feeds": "/feeds/",
        "import progress": f"/imports/{batch}/",
    }
    for width in (1280, 390):  # a wide screen, then a phone (the menu, the queue's cards)
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in pages.items():
            page.goto(url)
            findings[f"{name} at {width}"] = serious_findings(page)
    assert {name: found for name, found in findings.items() if found} == {}
