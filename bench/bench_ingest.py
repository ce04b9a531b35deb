"""Feeds to articles through real workers: how fast the background import runs, with 1 and 2 workers.

    .venv/bin/python bench/bench_ingest.py [--articles 1000] [--feeds 20] [--claims 100000]
                                           [--workers 1,2] [--json FILE]
                                           [--database-url postgres://postgres@127.0.0.1:5432/factcheck_bench_ingest]

PostgreSQL and Redis (127.0.0.1:6379) only; the named database is DROPPED and created afresh and
grown to --claims generated claims first (bench_matching_scale's generator). A local web server
on 127.0.0.1 serves --feeds RSS feeds listing --articles generated article pages between them.
For each worker count, fresh feeds and pages are added, that many `celery -A factcheck worker`
processes (one job at a time each) are started on a queue of their own, every feed is polled
once, and the clock runs from the polls being queued until the last page is imported. Every page
is on one host, so the per-host spacing (FACTCHECK_FETCH_HOST_INTERVAL) is off for the run.
Target (issue 12): at least 20 articles per second on one worker at 100k stored claims, and
near-linear gain from a second worker on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

import bench_matching_scale as scale
from _django import ROOT, fresh_database, setup_django

EVENTS = [
    ("flood", "residents were evacuated", "homes were damaged", "people were injured"),
    ("storm", "households lost power", "trees came down", "people were hurt"),
    ("strike", "workers walked out", "trains were cancelled", "schools closed"),
    ("fire", "hectares burned", "firefighters were deployed", "homes were destroyed"),
    ("march", "people marched", "police officers were on duty", "arrests were made"),
]
SOURCES = ["the regional agency said", "officials said", "the council said", "police said", "organisers said"]
OUTLETS_PER_EVENT = 4
# News of a year: events a day or so apart (stories group reports within a week of each other).
FIRST_DAY = datetime.datetime(2026, 1, 1, 8, 0, tzinfo=datetime.UTC)


def event_pages(rng: random.Random, event: int) -> list[tuple[str, str]]:
    """One event told by OUTLETS_PER_EVENT outlets: its own place names, figures that sometimes differ."""
    from claims.tests.webserver import article_html

    # Each event has words of its own (place, river, mayor and filler), so that different events
    # share no more than real ones do: the function words and the measure. (No weekday: with so
    # few names in so short a lead, a shared "Monday" alone would join two events' stories.)
    place, river, mayor, *own = (scale.word(rng.randrange(6_000, 3_000_000)).capitalize() for _ in range(12))
    own = [word.lower() for word in own]
    kind, first, second, third = rng.choice(EVENTS)
    figures = [rng.randint(2, 90) * 100, rng.randint(10, 900), rng.randint(2, 60), rng.randint(2, 40)]
    pages = []
    for _outlet in range(OUTLETS_PER_EVENT):
        told = [value if rng.random() < 0.7 else round(value * rng.uniform(0.7, 1.3)) for value in figures]
        headline = f"{place} {kind}: {told[0]:,} {own[0]} {own[1]}"
        paragraphs = [
            f"About {told[0]:,} {first} in {place}, {rng.choice(SOURCES)}.",
            f"{own[2].capitalize()} {own[3]} near the {river}, where {told[1]} {second}, and {told[2]} {third}.",
            f"Mayor {mayor} of {place} put the cost of the {own[4]} {own[5]} at {told[3]} million euros.",
            f"{own[6].capitalize()} {own[7]} {own[8]} in {place} and along the {river} {own[0]} {own[1]}.",
        ]
        pages.append((headline, article_html(headline, paragraphs)))
    return pages


def start_workers(count: int, queue: str, env: dict) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "--concurrency=1",
                "-Q",
                queue,
                "-n",
                f"bench{n}-{queue}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for n in range(count)
    ]


def wait_for_workers(app, count: int, queue: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        replies = app.control.ping(timeout=1)
        if sum(1 for reply in replies for name in reply if queue in name) >= count:
            return
    raise SystemExit(f"{count} workers did not start within {seconds:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench_ingest"
        ),
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--claims", type=int, default=100_000, help="stored claims before the run")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("PostgreSQL only: pass --database-url postgres://...")
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    os.environ.update(
        FACTCHECK_TASK_QUEUE=queue,
        FACTCHECK_TASKS="celery",
        FACTCHECK_FETCH_ALLOW_PRIVATE="1",
        FACTCHECK_FETCH_HOST_INTERVAL="0",
    )
    url = fresh_database(args.database_url)
    setup_django(url)

    from django.db import connection

    from claims import following, jobs
    from claims.models import Article, Claim, Outlet
    from claims.tests.webserver import LocalWeb
    from factcheck.celery import app

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(scale.SQL_WORD)
    for n in range(50):
        Outlet.objects.create(name=f"Bench Outlet {n}", slug=f"bench-outlet-{n}")
    if args.claims:
        with connection.cursor() as cursor:
            scale.grow_archive(cursor, args.claims, 0)
    print(f"archive: {Claim.objects.count():,} claims ({time.perf_counter() - started:.0f} s)", flush=True)

    rng = random.Random(12)
    env = {**os.environ, "DATABASE_URL": url}
    results = {}
    with LocalWeb() as web:
        for round_number, workers in enumerate(int(n) for n in args.workers.split(",")):
            # Each event is told by four outlets, each outlet with its own feed.
            items: dict[int, list[dict]] = {f: [] for f in range(args.feeds)}
            for event in range(args.articles // OUTLETS_PER_EVENT):
                outlets = rng.sample(range(args.feeds), OUTLETS_PER_EVENT)
                for f, (headline, html) in zip(
                    outlets, event_pages(rng, round_number * 100_000 + event), strict=True
                ):
                    path = f"/r{round_number}/f{f}/e{event}"
                    web.page(path, html)
                    when = FIRST_DAY + datetime.timedelta(days=event * 365 // max(1, args.articles // 4))
                    items[f].append({"title": headline, "link": web.url + path, "guid": path, "date": when})
            feeds = []
            for f, feed_items in items.items():
                web.feed(f"/r{round_number}/f{f}.xml", feed_items)
                feeds.append(
                    following.add_feed(web.url + f"/r{round_number}/f{f}.xml", outlet=f"Bench Outlet {f}")
                )
            processes = start_workers(workers, queue, env)
            try:
                wait_for_workers(app, workers, queue)
                before = Article.objects.count()
                clock = time.perf_counter()
                batch = jobs.poll_feeds(feeds)
                while (counts := jobs.batch_counts(batch))["pending"]:
                    time.sleep(0.25)
                seconds = time.perf_counter() - clock
            finally:
                for process in processes:
                    process.terminate()
                for process in processes:
                    process.wait(timeout=60)
            imported = Article.objects.count() - before
            results[str(workers)] = {
                "workers": workers,
                "articles": imported,
                "seconds": round(seconds, 1),
                "articles_per_s": round(imported / seconds, 2),
                "failed": counts["failed"],
                "rejected": counts["rejected"],
                "claims_before": Claim.objects.count(),
            }
            print(
                f"{workers} worker(s): {imported} articles in {seconds:.1f} s = {imported / seconds:.2f} articles/s "
                f"({counts['failed']} failed, {counts['rejected']} refused)",
                flush=True,
            )
    if "1" in results and "2" in results:
        gain = results["2"]["articles_per_s"] / results["1"]["articles_per_s"]
        print(f"second worker: x{gain:.2f} (target: near 2 on 2 cores); one worker "
              f"{results['1']['articles_per_s']} articles/s (target: at least 20)")  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps({"ingest": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
