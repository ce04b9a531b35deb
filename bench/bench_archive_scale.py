"""Fact-check archive search time at 10,000, 100,000 and 1,000,000 fact-checks (PostgreSQL).

    .venv/bin/python bench/bench_archive_scale.py --database-url postgres://.../factcheck_archive_bench [--sizes 10000,1000000]

The archive is filled with generated fact-checks (sentences of 12 to 20 words drawn from a
Zipf-distributed vocabulary of 60,000 invented words, as real text is distributed) through
`claims.archive.add`, the path `import_factchecks` takes; then 200 generated queries (half
copied from a stored fact-check with words dropped and added, half unrelated) are timed through
`claims.archive.search`. Prints median and 95th percentile milliseconds per query. The named
database is DROPPED and created afresh.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from _django import fresh_database, setup_django

VOCABULARY = 60_000
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ter",
    "vo",
    "sen",
    "ra",
    "dul",
    "pe",
    "nor",
    "chi",
    "bam",
    "est",
    "ul",
    "fa",
    "gri",
]


def words(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    made: dict[str, None] = {}
    while len(made) < VOCABULARY:
        made["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(made)


def sentences(count: int, vocabulary: list[str], rng: random.Random) -> list[str]:
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    drawn = rng.choices(vocabulary, weights=weights, k=count * 16)
    out, at = [], 0
    for _ in range(count):
        length = rng.randint(12, 20)
        out.append(" ".join(drawn[at : at + length]))
        at += length
        if at + 20 > len(drawn):
            at = 0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    args = parser.parse_args()
    setup_django(fresh_database(args.database_url))
    from claims import archive
    from claims.factcheck_formats import Record

    rng = random.Random(11)
    vocabulary = words()
    stored: list[str] = []
    print(f"{'fact-checks':>12} {'load s':>7} {'median ms':>10} {'p95 ms':>7} {'answered':>9}")
    for size in sorted(int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        while len(stored) < size:
            batch = sentences(min(20_000, size - len(stored)), vocabulary, rng)
            archive.add(
                Record(
                    claim_reviewed=text,
                    publisher="Generated",
                    url=f"https://generated.example/{len(stored) + i}",
                )
                for i, text in enumerate(batch)
            )
            stored += batch
        loaded = time.perf_counter() - started
        queries = []
        for i in range(200):
            if i % 2:
                queries.append(" ".join(sentences(1, vocabulary, rng)[0].split()[:14]))
            else:
                parts = rng.choice(stored).split()
                kept = [w for w in parts if rng.random() > 0.3] + sentences(1, vocabulary, rng)[0].split()[:5]
                queries.append(" ".join(kept))
        archive.search(queries[0])  # the embedding model and connection warmed up
        times, answered = [], 0
        for query in queries:
            t = time.perf_counter()
            answered += bool(archive.search(query, limit=10))
            times.append((time.perf_counter() - t) * 1000)
        p95 = sorted(times)[int(len(times) * 0.95) - 1]
        print(
            f"{size:12,d} {loaded:7.0f} {statistics.median(times):10.1f} {p95:7.1f} {answered:>5}/{len(queries)}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
