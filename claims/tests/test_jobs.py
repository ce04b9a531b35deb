"""Background work: feeds and links come in by themselves, through jobs, safely.

Most tests run jobs in the test's own process (FACTCHECK_TASKS="inline", see conftest); the
worker tests at the end run a real Celery worker on the real Redis broker, with a cut database
connection among them. Pages and feeds come from a local web server on 127.0.0.1 with text
written for these tests."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from claims import fetching, following, jobs
from claims.models import Article, Claim, Feed, FeedItem, Job, Story

from .conftest import wait_for
from .webserver import LocalWeb, article_html

pytestmark = pytest.mark.django_db

FLOOD = [
    "Floodwater forced about 1,200 residents of Estrava to leave their homes on Monday, the regional agency said.",
    "The agency said 14 people were injured and 300 homes were damaged along the Vell river.",
    "Rescue teams worked through the night, and the regional governor said schools would stay shut until Thursday.",
]
FLOOD_OTHER = [
    "Some 1,500 residents of Estrava were evacuated on Monday as the Vell river burst its banks, officials said.",
    "Officials said 11 people were injured and about 280 homes were damaged by the water.",
    "The regional governor said the schools of the valley would reopen on Thursday if the water fell.",
]
BRIDGE = [
    "The new Tarrow bridge opened on Saturday after four years of work, the city council said.",
    "The council said the bridge cost 42 million euros and is 380 metres long.",
    "About 6,000 people walked across it on the first day, the organisers said.",
]


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


def day(n: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, n, 9, 30, tzinfo=datetime.UTC)


# --- Canonical URLs and feeds, pure ------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        (
            "HTTPS://Example.COM/news/flood/?utm_source=rss&b=2&a=1#top",
            "https://example.com/news/flood?a=1&b=2",
        ),
        ("http://example.com:80/a/", "http://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com:8443/a?fbclid=x", "https://example.com:8443/a"),
    ],
)
def test_canonical_url_drops_what_only_tracks_the_reader(given, canonical):
    assert following.canonical_url(given) == canonical


def test_a_document_that_is_not_a_feed_is_refused():
    with pytest.raises(ValueError, match="not an RSS or Atom feed"):
        following.parse_feed(b"<html><body><p>Hello</p></body></html>")


# --- Feeds ---------------------------------------------------------------------------------------


def test_add_feed_command_and_its_refusals():
    out = StringIO()
    call_command(
        "add_feed",
        "https://news.example.org/rss",
        "--outlet",
        "Harbor Courier",
        "--interval",
        "15",
        stdout=out,
    )
    feed = Feed.objects.get()
    assert (feed.outlet.name, feed.interval_minutes, feed.active) == ("Harbor Courier", 15, True)
    assert "polled every 15 minutes" in out.getvalue()
    with pytest.raises(CommandError, match="already followed"):
        call_command("add_feed", "https://news.example.org/rss", "--outlet", "Harbor Courier")
    with pytest.raises(CommandError, match="at least 1 minute"):
        call_command("add_feed", "https://other.example.org/rss", "--outlet", "X", "--interval", "0")
    with pytest.raises(CommandError, match="not a feed address"):
        call_command("add_feed", "javascript:alert(1)", "--outlet", "X")
    assert Feed.objects.count() == 1


def test_a_feed_brings_its_new_articles_in_and_skips_what_it_has_seen(web):
    first = web.page("/news/flood-estrava", article_html("Estrava flood: 1,200 leave their homes", FLOOD))
    second = web.page("/news/tarrow-bridge", article_html("Tarrow bridge opens", BRIDGE))
    web.feed(
        "/rss.xml",
        [
            {"title": "Estrava flood", "link": first + "?utm_source=rss", "guid": "flood-1", "date": day(2)},
            {"title": "Tarrow bridge opens", "link": second, "guid": "bridge-1", "date": day(3)},
            # The same page again under another GUID and a tracking parameter: one article.
            {"title": "Estrava flood (again)", "link": first + "?utm_medium=x", "guid": "flood-dup"},
            {"title": "A broken item"},  # no link at all
        ],
        etag='"v1"',
    )
    call_command("add_feed", web.url + "/rss.xml", "--outlet", "Valley Wire", stdout=StringIO())
    out = StringIO()
    call_command("poll_feeds", "--wait", stdout=out)

    assert (
        "1 feeds polled, 2 new items: 2 imported, 0 already imported, 0 refused, 0 failed" in out.getvalue()
    )
    articles = Article.objects.order_by("url")
    assert [a.url for a in articles] == [first, second]
    assert {a.outlet.name for a in articles} == {"Valley Wire"}
    assert articles[0].published == datetime.date(2026, 3, 2)
    assert articles[0].published_at == day(2)  # the feed's moment, kept for the timelines
    assert articles[0].headline == "Estrava flood"
    assert Claim.objects.filter(article=articles[0]).exists()
    feed = Feed.objects.get()
    assert (feed.items_seen, feed.articles_imported) == (2, 2)
    assert "A broken item: no link" in feed.last_error
    assert feed.etag == '"v1"' and feed.last_polled_at is not None

    # Unchanged feed: a conditional GET gets a 304 and nothing is fetched again.
    page_hits = web.hits["/news/flood-estrava"]
    out = StringIO()
    call_command("poll_feeds", "--wait", stdout=out)
    assert "0 new items" in out.getvalue()
    assert web.hits["/news/flood-estrava"] == page_hits
    assert (
        Job.objects.filter(kind="poll_feed", state="done")
        .latest("id")
        .result["message"]
        .startswith("nothing new")
    )

    # The feed changes (no ETag any more): only the new item is imported.
    third = web.page("/news/flood-other", article_html("Vell river bursts its banks", FLOOD_OTHER))
    web.feed(
        "/rss.xml",
        [
            {"title": "Vell river bursts its banks", "link": third, "guid": "flood-2"},
            {"title": "Estrava flood", "link": first, "guid": "flood-1"},
        ],
    )
    out = StringIO()
    call_command("poll_feeds", "--wait", stdout=out)
    assert "1 new items: 1 imported" in out.getvalue()
    assert Article.objects.count() == 3 and FeedItem.objects.count() == 3
    assert web.hits["/news/flood-estrava"] == page_hits


def test_a_broken_feed_and_broken_items_are_reported_on_the_feed_and_the_jobs(web):
    missing = web.url + "/news/gone"
    web.feed("/rss.xml", [{"title": "Gone", "link": missing, "guid": "g"}])
    web.page("/not-a-feed.xml", "<html><body>nothing</body></html>")
    call_command("add_feed", web.url + "/rss.xml", "--outlet", "Valley Wire", stdout=StringIO())
    call_command("add_feed", web.url + "/not-a-feed.xml", "--outlet", "Valley Wire", stdout=StringIO())
    call_command("add_feed", web.url + "/missing.xml", "--outlet", "Valley Wire", stdout=StringIO())
    out = StringIO()
    call_command("poll_feeds", "--wait", stdout=out)

    assert (
        "1 feeds polled, 1 new items: 0 imported, 0 already imported, 1 refused, 2 failed" in out.getvalue()
    )
    refused = Job.objects.get(kind="import_url")
    assert refused.result["status"] == "rejected" and "answered 404" in refused.result["message"]
    errors = dict(Feed.objects.values_list("url", "last_error"))
    assert "not an RSS or Atom feed" in errors[web.url + "/not-a-feed.xml"]
    assert "answered 404" in errors[web.url + "/missing.xml"]
    assert Article.objects.count() == 0


def test_the_scheduler_polls_only_the_feeds_that_are_due(web):
    web.feed("/rss.xml", [])
    call_command(
        "add_feed", web.url + "/rss.xml", "--outlet", "Valley Wire", "--interval", "30", stdout=StringIO()
    )
    call_command(
        "add_feed", "http://127.0.0.1:9/paused.xml", "--outlet", "X", "--inactive", stdout=StringIO()
    )
    assert jobs.poll_due_feeds() == 1
    assert jobs.poll_due_feeds() == 0  # just polled; due again in 30 minutes
    Feed.objects.update(last_polled_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert jobs.poll_due_feeds() == 1


# --- Fetching safety -----------------------------------------------------------------------------


def test_fetching_refuses_what_it_must(web, settings, monkeypatch):
    settings.FACTCHECK_FETCH_TIMEOUT = 0.5
    slow = web.stall("/slow", 3)
    big = web.page("/big", "<p>" + "x" * (10 * 1024 * 1024 + 10) + "</p>")
    image = web.page("/photo", "PNG", content_type="image/png")
    with pytest.raises(fetching.FetchUnavailable, match="did not answer within 0.5 seconds"):
        fetching.fetch_page(slow)
    with pytest.raises(fetching.FetchRefused, match="over 10 MB"):
        fetching.fetch_page(big)
    with pytest.raises(fetching.FetchRefused, match="image/png"):
        fetching.fetch_page(image, accept=fetching.PAGE_TYPES)
    with pytest.raises(fetching.FetchRefused, match="only http and https"):
        fetching.fetch_page("file:///etc/passwd")

    # With private addresses refused, a public page that redirects into the network is refused
    # at the redirect (the test server stands in for a public host).
    settings.FACTCHECK_FETCH_ALLOW_PRIVATE = False
    monkeypatch.setattr(fetching, "is_public", lambda ip: str(ip) == "127.0.0.1")
    sneaky = web.redirect("/moved", "http://169.254.169.254/latest/meta-data/")
    with pytest.raises(fetching.FetchRefused, match="private or local address"):
        fetching.fetch_page(sneaky)
    monkeypatch.undo()
    with pytest.raises(fetching.FetchRefused, match="private or local address"):
        fetching.fetch_page(web.url + "/anything")


def test_every_refusal_is_a_clear_message_on_its_item(client, editor, web, settings):
    settings.FACTCHECK_FETCH_TIMEOUT = 0.5
    good = web.page("/news/flood", article_html("Estrava flood", FLOOD))
    links = [
        good,
        web.stall("/slow", 3),
        web.page("/big", "<p>" + "x" * (10 * 1024 * 1024 + 10) + "</p>"),
        web.page("/photo", "PNG", content_type="image/png"),
        web.url + "/missing",
    ]
    client.force_login(editor)
    response = client.post(reverse("article_import"), {"urls": "\n".join(links), "outlet": "Valley Wire"})
    assert response.status_code == 302
    batch = response["Location"].rstrip("/").split("/")[-1]
    page = client.get(response["Location"]).text
    assert "All 5 done" in page and "1 imported" in page
    assert "did not answer within 0.5 seconds" in page
    assert "over 10 MB" in page
    assert "image/png" in page
    assert "answered 404" in page
    assert Article.objects.get().url == good
    assert jobs.batch_counts(batch)["failed"] == 1  # the timeout: worth a retry from the Jobs page


def test_links_that_are_not_web_addresses_are_refused_before_anything_is_queued(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("article_import"), {"urls": "https://ok.example.org/a\nftp://files.example.org/a"}
    )
    assert response.status_code == 400
    assert "Not a web address" in response.text
    assert Job.objects.count() == 0


# --- Import by link, progress and the Jobs page --------------------------------------------------


def test_import_by_link_shows_progress_and_results(client, editor, web):
    one = web.page("/a", article_html("Estrava flood", FLOOD))
    two = web.page("/b", article_html("Vell river", FLOOD_OTHER))
    client.force_login(editor)
    response = client.post(
        reverse("article_import"),
        {"urls": f"{one}\n{two}\n{one}", "outlet": "Valley Wire", "published": "2026-03-02"},
    )
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    assert "All 2 done" in progress.text  # the repeated link is one job
    assert "2 imported" in progress.text and "claims" in progress.text
    assert 'hx-trigger="every' not in progress.text  # finished: the page stops polling
    assert set(Article.objects.values_list("published", flat=True)) == {datetime.date(2026, 3, 2)}
    # The same links again: nothing new, each said to be already imported.
    again = client.post(reverse("article_import"), {"urls": f"{one}\n{two}", "outlet": "Valley Wire"})
    assert "2 already imported" in client.get(again["Location"]).text
    assert Article.objects.count() == 2


def test_a_pending_batch_polls_and_its_partial_answers_htmx(client, editor, settings):
    settings.FACTCHECK_TASKS = "celery"  # queued for a worker that is not running
    client.force_login(editor)
    files = [
        _upload("flood.txt", "Outlet: Harbor Courier\n---\n" + " ".join(FLOOD)),
        _upload("bridge.txt", " ".join(BRIDGE)),
    ]
    response = client.post(
        reverse("article_import"), {"files": files, "file_outlet": ["", "Valley Wire"], "outlet": ""}
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "2 of 2 still to do" in page.text and 'hx-trigger="every 2s"' in page.text
    partial = client.get(response["Location"], headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "2 of 2 still to do" in partial.text
    queued = Job.objects.order_by("id")
    assert [job.params["outlet"] for job in queued] == ["", "Valley Wire"]
    assert all(job.data for job in queued)
    # A worker (here: this process) runs them; the page then says so and stops polling.
    for job in queued:
        jobs.run(job.pk)
    page = client.get(response["Location"])
    assert "All 2 done" in page.text and "2 imported" in page.text
    assert dict(Article.objects.values_list("outlet__name", "headline")).keys() == {
        "Harbor Courier",
        "Valley Wire",
    }
    assert not any(Job.objects.values_list("data", flat=True))  # uploads are not kept twice


def test_an_upload_of_200_files_returns_at_once_with_every_file_queued(client, editor, settings):
    settings.FACTCHECK_TASKS = "celery"  # a worker takes them; none runs in this test
    client.force_login(editor)
    files = [
        _upload(f"report-{n:03}.txt", f"Some {n + 100} homes were flooded in Estrava, officials said.")
        for n in range(200)
    ]
    response = client.post(reverse("article_import"), {"files": files, "outlet": "Harbor Courier"})
    assert response.status_code == 302
    assert Job.objects.filter(kind="import_file", state="queued").count() == 200
    assert Article.objects.count() == 0  # nothing was imported inside the request
    assert "200 of 200 still to do" in client.get(response["Location"]).text


def _upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def test_the_jobs_page_shows_failures_to_chiefs_and_retries_them(client, chief, editor, web, settings):
    settings.FACTCHECK_FETCH_TIMEOUT = 0.5
    slow = web.stall("/slow", 3)
    batch = jobs.import_urls([slow], options={"outlet": "Valley Wire"})
    job = Job.objects.get(batch=batch)
    assert job.state == "failed" and "did not answer" in job.error

    client.force_login(editor)
    assert client.get(reverse("job_list")).status_code == 403
    assert client.post(reverse("job_retry", args=[job.pk])).status_code == 403

    client.force_login(chief)
    page = client.get(reverse("job_list") + "?state=failed")
    assert "did not answer within 0.5 seconds" in page.text and "Retry" in page.text
    web.page("/slow", article_html("Estrava flood", FLOOD))  # the server is back
    response = client.post(reverse("job_retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == "done" and job.result["status"] == "imported" and job.error == ""
    assert Article.objects.count() == 1
    # Retrying a finished job does nothing.
    client.post(reverse("job_retry", args=[job.pk]))
    assert Article.objects.count() == 1


def test_the_feeds_page_lets_chiefs_follow_and_poll_and_others_read(client, chief, viewer, web):
    web.page("/a", article_html("Estrava flood", FLOOD))
    web.feed("/rss.xml", [{"title": "Estrava flood", "link": web.url + "/a", "guid": "a"}])
    client.force_login(viewer)
    assert client.get(reverse("feed_list")).status_code == 200
    assert (
        client.post(reverse("feed_list"), {"url": web.url + "/rss.xml", "outlet_name": "X"}).status_code
        == 403
    )
    client.force_login(chief)
    bad = client.post(reverse("feed_list"), {"url": "not a url", "outlet_name": "X", "interval_minutes": 30})
    assert bad.status_code == 400 and Feed.objects.count() == 0
    response = client.post(
        reverse("feed_list"),
        {"url": web.url + "/rss.xml", "outlet_name": "Valley Wire", "interval_minutes": 10, "active": "on"},
    )
    assert response.status_code == 302
    page = client.get(reverse("feed_list")).text
    assert "Valley Wire" in page and web.url + "/rss.xml" in page
    feed = Feed.objects.get()
    assert (feed.items_seen, feed.articles_imported) == (1, 1)  # the first poll ran on adding
    assert client.post(reverse("feed_toggle", args=[feed.pk])).status_code == 302
    assert Feed.objects.get().active is False


# --- A real worker on the real broker ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_imports_a_feed_and_its_pages(worker, web):
    web.page("/a", article_html("Estrava flood", FLOOD))
    web.page("/b", article_html("Vell river", FLOOD_OTHER))
    web.feed(
        "/rss.xml",
        [
            {"title": "A", "link": web.url + "/a", "guid": "a"},
            {"title": "B", "link": web.url + "/b", "guid": "b"},
        ],
    )
    feed = following.add_feed(web.url + "/rss.xml", outlet="Valley Wire")
    batch = jobs.poll_feeds([feed])
    assert Job.objects.get(batch=batch).state == "queued"  # handed to the worker, not run here
    counts = wait_for(batch)
    assert counts == {**counts, "pending": 0, "polled": 1, "imported": 2, "failed": 0}
    assert Article.objects.count() == 2
    # Running a finished job again (a message delivered twice) changes nothing.
    for job in Job.objects.filter(batch=batch):
        assert jobs.run(job.pk) is None
    assert Article.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_cut_database_connection_is_retried_and_leaves_nothing_half_written(worker, web, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend needs PostgreSQL")
    from claims import grouping

    real_assign_story = grouping.assign_story
    cuts = []

    def assign_story_then_cut(article):
        story = real_assign_story(article)  # the story and the article are written, uncommitted...
        if not cuts:
            cuts.append(article.headline)
            with connection.cursor() as cursor:  # ...when the database drops the worker's connection
                cursor.execute("select pg_terminate_backend(pg_backend_pid())")
        return story

    monkeypatch.setattr(grouping, "assign_story", assign_story_then_cut)
    url = web.page("/a", article_html("Estrava flood", FLOOD))
    batch = jobs.import_urls([url], options={"outlet": "Valley Wire"})
    counts = wait_for(batch)

    job = Job.objects.get(batch=batch)
    assert cuts == ["Estrava flood"]
    assert (job.state, job.attempts, counts["imported"]) == ("done", 2, 1)
    assert Article.objects.count() == 1 and Story.objects.count() == 1
    assert Claim.objects.count() == Claim.objects.filter(article__isnull=False).count() > 0
