"""How matching one new article grows with the archive: 10k, 100k and 1M stored claims.

    .venv/bin/python bench/bench_matching_scale.py [--database-url postgres://.../factcheck_bench]
                                                   [--sizes 10000,100000,1000000] [--runs 3]

PostgreSQL only (candidate retrieval is index-backed there). The named database is
DROPPED and created afresh: never point it at real data. The archive is generated in
SQL: outlets, articles spread over five years, claims of 14 to 24 words drawn from a
skewed (Zipf-like) vocabulary, a counted quantity on most claims. The new article is
drawn from the same vocabulary, so its words are as common as the archive's.

For each size it prints the median time of link_claims() for the new article's claims
(candidate retrieval + scoring + writing links, links deleted between runs) and, at
each size, a brute-force baseline: scoring one claim against every stored claim in
Python (word similarity only, the cheapest part of the score), times the number of
claims in the article.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

from _django import fresh_database, setup_django

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = 6000
UNITS = 300


def word(index: int) -> str:
    # Pronounceable pseudo-words, stable across SQL and Python: "ka", "tobe", ...
    syllables = ["ka", "to", "be", "ri", "mo", "su", "le", "na", "vi", "do", "pe", "gu", "ra", "ze", "lo"]
    out, n = [], index + 15
    while n:
        n, r = divmod(n, len(syllables))
        out.append(syllables[r])
    return "".join(out) + "n"


SQL_WORD = """
create or replace function bench_word(i int) returns text language plpgsql immutable as $$
declare syl text[] := array['ka','to','be','ri','mo','su','le','na','vi','do','pe','gu','ra','ze','lo'];
  n int := i + 15; out text := ''; r int;
begin
  while n > 0 loop r := n % 15; n := n / 15; out := out || syl[r + 1]; end loop;
  return out || 'n';
end $$;
"""


def grow_archive(cursor, target: int, have: int) -> None:
    """Add claims (10 per article) until the archive holds `target` claims."""
    articles = (target - have) // 10
    cursor.execute(
        """
        insert into claims_article (outlet_id, url, headline, byline, published, language, body,
                                    content_hash, added_at, story_locked)
        select 1 + (g %% 50), '', 'Generated ' || g, '', date '2022-01-01' + (g %% 1800), 'en',
               'generated body ' || g, md5('bench' || g), now(), false
        from generate_series(%s, %s) g
        """,
        [have // 10 + 1, have // 10 + articles],
    )
    # Four articles to a story, so that story grouping on import has real stories to weigh.
    cursor.execute(
        """
        insert into claims_story (title, created_at, updated_at)
        select 'Generated story ' || g, now(), now() from generate_series(%s, %s) g
        """,
        [have // 40 + 1, (have // 10 + articles) // 4 + 1],
    )
    cursor.execute(
        """
        update claims_article a set story_id = s.id from claims_story s
        where a.story_id is null and s.title = 'Generated story ' || (a.id / 4 + 1)
        """
    )
    cursor.execute(
        """
        insert into claims_claim (article_id, text, start, "end", attribution, score, reasons, status,
                                  created_at, updated_at, version)
        select a.id, t.text, c * 200, c * 200 + length(t.text), '', 0.5, '[]', 'new', now(), now(), 1
        from claims_article a
        cross join generate_series(0, 9) c
        cross join lateral (
            select (select string_agg(bench_word(floor(%s * power(random(), 3))::int), ' ')
                    from generate_series(1, 14 + (random() * 10)::int)
                    where a.id > 0 and c >= 0) as text
        ) t
        where a.id > (select coalesce(max(article_id), 0) from claims_claim)
        """,
        [VOCABULARY],
    )
    cursor.execute(
        """
        insert into claims_quantity (claim_id, value, unit, text, start, "end", qualifier, measure, noun,
                                     base_value, base_unit, attribution, forecast)
        select id, v, m, 'generated', start, start + 1, 'exact', m, m, v, 'count', '', false
        from (select id, start, (random() * 100000)::int as v,
                     'u' || bench_word(floor(%s * power(random(), 2))::int) as m
              from claims_claim where id > (select coalesce(max(claim_id), 0) from claims_quantity)
          and random() < 0.7) q
        """,
        [UNITS],
    )
    # VACUUM merges the GIN pending list (as autovacuum would); ANALYZE refreshes the statistics.
    cursor.execute("vacuum analyze")


def new_article_claims(rng: random.Random):
    """An article of 10 claims from the same vocabulary, with figures."""
    from claims.models import Article, Claim, Outlet, Quantity

    outlet, _ = Outlet.objects.get_or_create(name="Bench Newcomer", defaults={"slug": "bench-newcomer"})
    sentences = []
    for _ in range(10):
        words = [word(int(VOCABULARY * rng.random() ** 3)) for _ in range(rng.randint(14, 24))]
        sentences.append(" ".join(words) + f" {rng.randint(1000, 90000)} troops.")
    body = "\n\n".join(sentences)
    article = Article.objects.create(
        outlet=outlet, body=body, content_hash=f"bench-{rng.random()}", published="2024-06-01"
    )
    claims, offset = [], 0
    for sentence in sentences:
        claim = Claim.objects.create(article=article, text=sentence, start=offset, end=offset + len(sentence))
        unit = "u" + word(int(UNITS * rng.random() ** 2))
        Quantity.objects.create(
            claim=claim, value=5000, unit=unit, measure=unit, text="x", start=offset, end=offset + 1
        )
        claims.append(claim)
        offset += len(sentence) + 2
    return article, claims


def time_matching(claims, runs: int) -> float:
    from claims.matching import link_claims
    from claims.models import ClaimLink

    timings = []
    for _ in range(runs):
        ClaimLink.objects.filter(claim_a__in=claims).delete()
        ClaimLink.objects.filter(claim_b__in=claims).delete()
        started = time.perf_counter()
        link_claims(claims)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def time_brute_force(claim, claims_in_article: int) -> float:
    """Score one claim against every stored claim in Python; scaled to the article."""
    from django.db import connection

    from claims.conflicts import content_stems

    mine = content_stems(claim.text)
    started = time.perf_counter()
    best = 0.0
    with connection.cursor() as cursor:
        cursor.execute("select text from claims_claim")
        while rows := cursor.fetchmany(20000):
            for (text,) in rows:
                theirs = content_stems(text)
                if theirs:
                    best = max(best, 2 * len(mine & theirs) / (len(mine) + len(theirs)))
    return (time.perf_counter() - started) * claims_in_article


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench"),
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-brute-force", action="store_true", help="skip the slow baseline")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("PostgreSQL only: pass --database-url postgres://...")
    setup_django(fresh_database(args.database_url))

    from django.db import connection

    from claims.models import Claim, Outlet

    with connection.cursor() as cursor:
        cursor.execute(SQL_WORD)
    for n in range(50):
        Outlet.objects.create(name=f"Bench Outlet {n}", slug=f"bench-outlet-{n}")
    rng = random.Random(7)
    results = []
    have = 0
    for size in [int(s) for s in args.sizes.split(",")]:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            grow_archive(cursor, size, have)
        have = Claim.objects.count()
        print(f"archive: {have:,} claims (generated in {time.perf_counter() - started:.0f} s)", flush=True)
        article, claims = new_article_claims(rng)
        matching = time_matching(claims, args.runs)
        brute = None if args.no_brute_force else time_brute_force(claims[0], len(claims))
        results.append((have, matching, brute))
        line = f"  match one article ({len(claims)} claims): {matching * 1000:8.0f} ms"
        if brute is not None:
            line += f"   brute force: {brute:8.1f} s   speed-up: x{brute / matching:,.0f}"
        print(line, flush=True)
        article.delete()
        have = Claim.objects.count()
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(
            f"growth from {first[0]:,} to {last[0]:,} claims (x{last[0] / first[0]:.0f} archive): "
            f"matching x{last[1] / first[1]:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
