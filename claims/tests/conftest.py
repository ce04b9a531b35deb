"""Shared fixtures: one named user per role, small data builders, a browser."""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from claims.models import Article, Claim, ClaimLink, Outlet
from claims.roles import CHIEF, EDITOR, VIEWER, set_role

SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # A fast hasher: real hashing would cost a second per test in user fixtures.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests don't run collectstatic, so skip whitenoise's manifest.
    # The test client and the live server speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    # Background jobs run in the test's own process unless a test starts a worker (test_jobs.py);
    # fetching may reach the test's own servers on 127.0.0.1, without waiting between requests.
    settings.FACTCHECK_TASKS = "inline"
    settings.FACTCHECK_FETCH_ALLOW_PRIVATE = True
    settings.FACTCHECK_FETCH_HOST_INTERVAL = 0
    # Each test starts with an empty cache: cached desk counts must not leak between tests.
    from django.core.cache import cache

    cache.clear()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_user(username: str, role: str | None):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if role:
        set_role(user, role)
    return user


@pytest.fixture
def viewer(db):
    return make_user("vera_viewer", VIEWER)


@pytest.fixture
def editor(db):
    return make_user("eddie_editor", EDITOR)


@pytest.fixture
def other_editor(db):
    return make_user("erin_editor", EDITOR)


@pytest.fixture
def chief(db):
    return make_user("chloe_chief", CHIEF)


@pytest.fixture
def no_role_user(db):
    return make_user("nora_norole", None)


def make_outlet(name: str = "Harbor Courier", domain: str = "") -> Outlet:
    return Outlet.objects.get_or_create(name=name, defaults={"domain": domain})[0]


def make_article(outlet: Outlet | None = None, body: str = "", **fields) -> Article:
    body = body or "The council said 40 homes were flooded on Monday."
    return Article.objects.create(
        outlet=outlet or make_outlet(),
        body=body,
        content_hash=fields.pop("content_hash", hashlib.sha256(body.encode()).hexdigest()),
        **fields,
    )


def make_claim(article: Article, sentence: str | None = None, **fields) -> Claim:
    """A claim over `sentence` (default: the whole body), at its true offsets."""
    sentence = sentence or article.body
    start = article.body.index(sentence)
    return Claim.objects.create(
        article=article, text=sentence, start=start, end=start + len(sentence), **fields
    )


@pytest.fixture
def troops(db):
    """The troop-number claim in two outlets, linked as agreeing, plus a conflicting figure."""
    post = make_article(
        make_outlet("Seed Outlet One"),
        body="U.S. intelligence points to about 175,000 Russian troops, according to The Washington Post.",
        headline="Biden to discuss Ukraine with Putin",
        url="https://one.example/biden-putin",
        published="2021-12-04",
    )
    wire = make_article(
        make_outlet("Seed Outlet Two"),
        body="The Washington Post reported that 175,000 Russian troops could be involved.",
        headline="Kremlin says leaders will talk",
        url="https://two.example/kremlin-talks",
        published="2021-12-04",
    )
    a = make_claim(post, attribution="The Washington Post", status="flagged")
    b = make_claim(wire, attribution="The Washington Post", status="flagged")
    ClaimLink.objects.create(claim_a=a, claim_b=b, relation="agrees", status="confirmed", score=0.8)
    return a, b


def seed_path(name_part: str) -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed reports not available: {SEEDS_DIR} is absent (it exists in CI, not in a clone)")
    matches = sorted(SEEDS_DIR.glob(f"*{name_part}*"))
    if not matches:
        pytest.skip(f"seed report {name_part!r} not found in {SEEDS_DIR}")
    return matches[0]


# --- Browser ---------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("FACTCHECK_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests required but {CHROMIUM} is missing (apt-get install -y chromium)")
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    print(f"\nscreenshots go to {ARTIFACTS_DIR}")
    return ARTIFACTS_DIR


def login_in_browser(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


# --- A real Celery worker ---------------------------------------------------


@pytest.fixture
def worker(settings):
    """A Celery worker in a thread of this process, on the real Redis broker, on a queue of its own."""
    import redis
    from celery.contrib.testing.worker import start_worker

    from factcheck.celery import app

    try:
        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("FACTCHECK_REQUIRE_WORKER"):
            pytest.fail(
                f"worker tests required but Redis is not reachable at {settings.CELERY_BROKER_URL}: {error}"
            )
        pytest.skip(f"Redis is not reachable at {settings.CELERY_BROKER_URL}: {error}")
    settings.FACTCHECK_TASKS = "celery"
    settings.FACTCHECK_TASK_RETRY_DELAY = 0.2
    queue = f"test-{uuid.uuid4().hex[:8]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        with start_worker(app, pool="solo", queues=[queue], perform_ping_check=False, shutdown_timeout=30):
            yield app
    finally:
        app.conf.task_default_queue = previous


def wait_for(batch, seconds: float = 60) -> dict:
    """Until no job of the batch is pending; its counts."""
    import time

    from claims import jobs

    deadline = time.monotonic() + seconds
    while (counts := jobs.batch_counts(batch))["pending"] and time.monotonic() < deadline:
        time.sleep(0.2)
    return counts
