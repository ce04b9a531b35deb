"""`make bench`: every page's server time and query count as the archive grows, in one run.

    .venv/bin/python bench/run.py [--sizes 10000,100000,1000000] [--json bench-results.json]
                                  [--database-url postgres://postgres@127.0.0.1:5432/factcheck_bench]

PostgreSQL only; the named database is DROPPED and created afresh. The archive
is generated straight into the database with set-based SQL (bench_matching_scale's
generator plus links, flagged claims, notes, verdicts and history rows in
newsroom-like proportions: about 1 % of claims flagged, 0.5 % linked), growing
from the smallest size to the largest. At each size, on the same machine and in
the same run, it measures through Django's test client the median of several
requests (after one warm-up) and the SQL queries of each page, the floor (a
page that renders a template with no query), matching one new article of 10
claims, import throughput, and a brute-force matching baseline where it can
finish. It prints a table with the targets and writes --json in the shape
{"sizes": {"10000": {"pages": {"desk": {"ms": .., "queries": ..}}, "floor_ms": ..,
"match_ms": .., "import_per_s": ..}}}.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import bench_matching_scale as scale
from _django import fresh_database, setup_django

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def grow_newsroom(cursor, first_new_claim: int) -> None:
    """Links, statuses, notes, verdicts and history for the claims from `first_new_claim` on."""
    cursor.execute(
        """
        insert into claims_claimlink (claim_a_id, claim_b_id, relation, status, origin, score, kind,
                                      explanation, created_at, updated_at, version)
        select c.id, c.id + 10, case when c.id %% 2 = 0 then 'conflicts' else 'agrees' end,
               case when c.id %% 3 = 0 then 'confirmed' else 'suggested' end, 'auto', 0.5 + (c.id %% 50) / 100.0,
               case when c.id %% 2 = 0 then 'quantity' else '' end,
               'generated: ' || c.id || ' vs ' || (c.id + 10), now(), now(), 1
        from claims_claim c
        where c.id >= %s and c.id %% 200 = 7 and exists (select 1 from claims_claim o where o.id = c.id + 10)
        """,
        [first_new_claim],
    )
    cursor.execute(
        "update claims_claim set status = 'flagged' where id >= %s and id %% 100 = 3", [first_new_claim]
    )
    cursor.execute(
        "update claims_claim set status = 'in_review', assignee_id = 1 where id >= %s and id %% 1000 = 13",
        [first_new_claim],
    )
    cursor.execute(
        """
        insert into claims_note (author_id, text, claim_id, created_at, updated_at, version)
        select 1, 'Generated note on claim ' || id, id, now(), now(), 1
        from claims_claim where id >= %s and id %% 500 = 3
        """,
        [first_new_claim],
    )
    cursor.execute(
        """
        insert into claims_verdict (claim_id, rating_id, headline, summary, sources, author_id, is_published,
                                    published_at, published_by_id, created_at, updated_at, version)
        select id, (select min(id) from claims_rating), 'Generated verdict ' || id, '', '[]', 1,
               id %% 4000 = 3, case when id %% 4000 = 3 then now() end, case when id %% 4000 = 3 then 2 end,
               now(), now(), 1
        from claims_claim where id >= %s and id %% 2000 = 3
        """,
        [first_new_claim],
    )
    cursor.execute(
        """
        insert into claims_historicalclaim (id, text, start, "end", attribution, score, status, created_at,
            version, history_date, history_type, article_id, assignee_id, history_user_id)
        select id, text, start, "end", attribution, score, status, created_at, version, now(), '~',
               article_id, assignee_id, 1
        from claims_claim where id >= %s and status <> 'new'
        """,
        [first_new_claim],
    )
    cursor.execute("vacuum analyze")


def hub_claim():
    """A claim with 50 links, and the two articles compare opens."""
    from claims.models import Claim, ClaimLink

    hub = Claim.objects.order_by("pk").first()
    others = Claim.objects.exclude(article=hub.article).order_by("pk")[:50]
    ClaimLink.objects.bulk_create(
        [
            ClaimLink(claim_a=hub, claim_b=o, relation="conflicts", status="suggested", score=0.6)
            for o in others
        ],
        ignore_conflicts=True,
    )
    return hub, others[0]


def page_urls(hub, other) -> dict[str, str]:
    from django.contrib import admin
    from django.urls import reverse

    urls = {
        "desk": "/",
        "queue": "/queue/",
        "queue filtered": "/queue/?status=flagged&outlet=bench-outlet-3",
        "queue page 200": "/queue/?page=200",
        "claim page (50 links)": hub.get_absolute_url(),
        "compare": f"/compare/?articles={hub.article_id},{other.article_id}",
        "articles": "/articles/",
        "search (common word)": f"/search/?q={scale.word(0)}",
        "search (rare word)": f"/search/?q={scale.word(5900)}",
        "fact-check index": "/factchecks/",
    }
    for model in admin.site._registry:
        meta = model._meta
        urls[f"admin {meta.model_name}"] = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    return urls


def measure(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000, len(queries.captured_queries)


def import_rate(rng: random.Random, count: int = 20) -> float:
    """Articles per second through import_article: cleaning, extraction, matching, writing."""
    import bench_extraction

    from claims.ingest import import_article

    texts = [bench_extraction.article(rng, 800) for _ in range(count)]
    started = time.perf_counter()
    for index, data in enumerate(texts):
        import_article(data=data, filename=f"bench-{rng.random()}-{index}.txt", outlet="Bench Importer")
    return count / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench"),
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("PostgreSQL only: pass --database-url postgres://...")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    setup_django(fresh_database(args.database_url))

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from claims.models import Claim, Outlet
    from claims.tests.conftest import make_user

    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # fmt: skip
    chief = make_user("bench_chief", "Chief")
    make_user("bench_publisher", "Chief")
    client = Client()
    client.force_login(chief)
    with connection.cursor() as cursor:
        cursor.execute(scale.SQL_WORD)
    for n in range(50):
        Outlet.objects.create(name=f"Bench Outlet {n}", slug=f"bench-outlet-{n}")
    rng = random.Random(11)
    results: dict[str, dict] = {}
    have, hub = 0, None
    for size in [int(s) for s in args.sizes.split(",")]:
        started = time.perf_counter()
        first_new = (Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        with connection.cursor() as cursor:
            scale.grow_archive(cursor, size, have)
            grow_newsroom(cursor, first_new)
        have = Claim.objects.count()
        print(f"archive: {have:,} claims (generated in {time.perf_counter() - started:.0f} s)", flush=True)
        if hub is None:
            hub, other = hub_claim()
        floor_ms, _ = measure(client, "/health/")
        pages = {}
        for name, url in page_urls(hub, other).items():
            ms, queries = measure(client, url)
            pages[name] = {"ms": round(ms, 1), "queries": queries}
        article, claims = scale.new_article_claims(rng)
        match = scale.time_matching(claims, 3)
        brute = scale.time_brute_force(claims[0], len(claims)) if have <= 150_000 else None
        article.delete()
        results[str(size)] = {
            "claims": have,
            "pages": pages,
            "floor_ms": round(floor_ms, 1),
            "match_ms": round(match * 1000, 1),
            "brute_force_ms": round(brute * 1000, 1) if brute is not None else None,
            "import_per_s": round(import_rate(rng), 1),
        }
        have = Claim.objects.count()
        print(f"  floor {floor_ms:.1f} ms, matching {match * 1000:.0f} ms, import "
              f"{results[str(size)]['import_per_s']} articles/s", flush=True)  # fmt: skip
    print_table(results)
    if args.json:
        Path(args.json).write_text(json.dumps({"sizes": results}, indent=1))
        print(f"written to {args.json}")
    return 0


def print_table(results: dict[str, dict]) -> None:
    sizes = list(results)
    first, last = results[sizes[0]], results[sizes[-1]]
    print()
    header = (
        f"{'page':<26}" + "".join(f"{int(s):>12,} ms  q" for s in sizes) + "   x growth  x floor  targets"
    )
    print(header)
    for name in first["pages"]:
        row = f"{name:<26}"
        for size in sizes:
            page = results[size]["pages"][name]
            row += f"{page['ms']:>15.1f} {page['queries']:>2}"
        growth = last["pages"][name]["ms"] / max(first["pages"][name]["ms"], 0.1)
        floor = last["pages"][name]["ms"] / max(last["floor_ms"], 0.1)
        same_queries = first["pages"][name]["queries"] == last["pages"][name]["queries"]
        met = growth <= 1.5 and floor <= 5 and same_queries
        row += f"{growth:>10.2f} {floor:>8.1f}  {'met' if met else 'MISSED'}"
        print(row)
    print(
        f"{'floor (template, no query)':<26}" + "".join(f"{results[s]['floor_ms']:>15.1f}   " for s in sizes)
    )
    print(f"{'match one article':<26}" + "".join(f"{results[s]['match_ms']:>15.1f}   " for s in sizes)
          + f"{last['match_ms'] / first['match_ms']:>10.2f}           target x3")  # fmt: skip
    print(f"{'import, articles/s':<26}" + "".join(f"{results[s]['import_per_s']:>15.1f}   " for s in sizes)
          + "                     target at least 20")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
