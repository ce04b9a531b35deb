"""Already checked? The fact-check archive's search on CLEF 2020 CheckThat! task 2 (English).

    .venv/bin/python bench/eval_claim_retrieval.py --data DIR [--split test] [--database-url URL]

Given a tweet, rank the 10,375 claims Snopes had fact-checked; the official measure is MAP@5
over the test tweets. The verified claims are stored through the app's own path
(`claims.archive.add`, as `import_factchecks` does) and every tweet is searched with
`claims.archive.search`, the function the claim page and `find_similar` use. Printed side by
side with an Okapi BM25 baseline computed in the same run (bm25s, Lucene's defaults, claim +
title, words lower-cased with English stopwords removed, no stemming: the organisers' baseline
was Elasticsearch's BM25 over the same fields).

DIR is the organisers' public repository `sshaar/clef2020-factchecking-task2`: the git directory
the search tool's `fetch` brings in (`--data /work/.mirror/sshaar+clef2020-factchecking-task2/repo`)
or a folder holding its data/v3.zip and test-input/test-input.zip, or their unpacked files.
The data stays out of git. Default database: a throwaway SQLite file; with --database-url the
named PostgreSQL database is DROPPED and created afresh.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from _django import fresh_database, setup_django


def _files(data: Path) -> dict[str, bytes]:
    """Every file of the data set, by path inside its zip or folder (v3.0/..., test-input/...)."""
    found: dict[str, bytes] = {}
    bare = (data / "HEAD").is_file() and (data / "objects").is_dir()
    for archive, prefix in (("data/v3.zip", ""), ("test-input/test-input.zip", "test/")):
        if bare:
            shown = subprocess.run(
                ["git", f"--git-dir={data}", "show", f"HEAD:{archive}"], capture_output=True, check=False
            )
            content = shown.stdout if shown.returncode == 0 else None
        else:
            content = (data / archive).read_bytes() if (data / archive).exists() else None
        if content:
            with zipfile.ZipFile(io.BytesIO(content)) as opened:
                for name in opened.namelist():
                    if not name.endswith("/") and "__MACOSX" not in name:
                        found[prefix + name] = opened.read(name)
    for path in data.rglob("*"):
        if path.is_file() and path.suffix in {".tsv", ".qrels"}:
            relative = path.relative_to(data).as_posix()
            key = "test/" + path.name if "test-input" in relative else relative[relative.find("v3.0/") :]
            found.setdefault(key, path.read_bytes())
    return found


def _rows(data: bytes) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
    return rows[1:]


def load(data: Path, split: str) -> tuple[dict[int, tuple[str, str]], dict[int, str], dict[int, set[int]]]:
    files = _files(data)
    docs_name = next((n for n in files if n.endswith("v3.0/verified_claims.docs.tsv")), None)
    if docs_name is None:
        raise SystemExit(
            f"{data}: no v3.0/verified_claims.docs.tsv. Fetch sshaar/clef2020-factchecking-task2 with the "
            "search tool and unpack it there (see this script's docstring)."
        )
    docs = {int(row[0]): (row[1], row[2]) for row in _rows(files[docs_name]) if len(row) >= 3}
    prefix = "test/" if split == "test" else f"v3.0/{split}/"
    queries = {int(row[0]): row[1] for row in _rows(files[prefix + "tweets.queries.tsv"]) if len(row) >= 2}
    gold: dict[int, set[int]] = {}
    for line in files[prefix + "tweet-vclaim-pairs.qrels"].decode().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] == "1":
            gold.setdefault(int(parts[0]), set()).add(int(parts[2]))
    return docs, {q: t for q, t in queries.items() if q in gold}, gold


def average_precision(ranked: list[int], relevant: set[int], depth: int) -> float:
    """As trectools (the organisers' scorer) computes it: over all relevant claims."""
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked[:depth], 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def scores(runs: dict[int, list[int]], gold: dict[int, set[int]]) -> dict[str, float]:
    n = len(gold)
    return {
        "MAP@1": sum(average_precision(runs.get(q, []), rel, 1) for q, rel in gold.items()) / n,
        "MAP@5": sum(average_precision(runs.get(q, []), rel, 5) for q, rel in gold.items()) / n,
        "Recall@5": sum(len(set(runs.get(q, [])[:5]) & rel) / len(rel) for q, rel in gold.items()) / n,
        "answered": sum(1 for q in gold if runs.get(q)) / n,
    }


def baseline(docs: dict[int, tuple[str, str]], queries: dict[int, str]) -> tuple[dict[int, list[int]], float]:
    import bm25s

    ids = list(docs)
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([f"{c} {t}" for c, t in docs.values()], stopwords="en", show_progress=False),
        show_progress=False,
    )
    runs, started = {}, time.perf_counter()
    for qid, text in queries.items():
        tokens = bm25s.tokenize([text], stopwords="en", show_progress=False)
        words = [w for w, i in tokens.vocab.items() if i in set(tokens.ids[0])]
        found = retriever.get_scores(words)
        order = found.argsort()[::-1][:10]
        runs[qid] = [ids[i] for i in order if found[i] > 0]
    return runs, (time.perf_counter() - started) * 1000 / max(1, len(queries))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the unpacked organisers' repository")
    parser.add_argument("--split", choices=["train", "dev", "test", "all"], default="all")
    parser.add_argument("--database-url", default=os.environ.get("EVAL_DATABASE_URL"))
    args = parser.parse_args()
    if not args.data.exists():
        print(f"{args.data} does not exist: fetch sshaar/clef2020-factchecking-task2 (see --help)")
        return 0
    setup_django(fresh_database(args.database_url))
    from django.db import connection

    from claims import archive
    from claims.factcheck_formats import Record

    docs, _, _ = load(args.data, "test")
    started = time.perf_counter()
    records = [
        Record(
            claim_reviewed=claim,
            title=title,
            publisher="Snopes (CLEF 2020)",
            url=f"https://clef2020.example/vclaim/{doc_id}",
        )
        for doc_id, (claim, title) in docs.items()
    ]
    added = archive.add(records)
    by_pk = {fc.pk: int(fc.url.rsplit("/", 1)[1]) for fc in added.created}
    print(
        f"{len(added.created)} fact-checks stored in {time.perf_counter() - started:.1f} s "
        f"({connection.vendor}); {added.skipped} duplicates"
    )
    splits = ["train", "dev", "test"] if args.split == "all" else [args.split]
    print(f"{'split':6} {'system':14} {'MAP@1':>6} {'MAP@5':>6} {'R@5':>6} {'answered':>8} {'ms/query':>9}")
    for split in splits:
        _, queries, gold = load(args.data, split)
        runs, started = {}, time.perf_counter()
        for qid, text in queries.items():
            runs[qid] = [by_pk[hit.factcheck.pk] for hit in archive.search(text, limit=10)]
        ours_ms = (time.perf_counter() - started) * 1000 / max(1, len(queries))
        base_runs, base_ms = baseline(docs, queries)
        for name, run, ms in (("BM25 baseline", base_runs, base_ms), ("archive.search", runs, ours_ms)):
            s = scores(run, gold)
            print(
                f"{split:6} {name:14} {s['MAP@1']:6.3f} {s['MAP@5']:6.3f} {s['Recall@5']:6.3f} "
                f"{s['answered']:8.1%} {ms:9.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
