"""Precision and recall of claim linking and conflict flags on our own evaluation set.

    .venv/bin/python bench/eval_matching.py [--database-url URL] [--verbose]

Imports bench/eval_set/*.txt (invented outlets reporting invented events, with
traps) into a fresh database through the real import path, then compares the
links the matcher made with bench/eval_set/labels.json:

(a) links: gold = pairs labelled agrees or conflicts; predicted = every link
    the matcher made; pairs labelled neutral are not counted either way.
(b) conflicts: gold = pairs labelled conflicts; predicted = links whose
    relation is conflicts; a conflict on a neutral pair counts as a false flag.

Default database: a throwaway SQLite file. With --database-url postgres://...
the named database is dropped and created afresh (never point it at real data).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from _django import fresh_database, setup_django

ROOT = Path(__file__).resolve().parent.parent
EVAL_SET = Path(__file__).resolve().parent / "eval_set"


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("EVAL_DATABASE_URL"))
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    parser.add_argument(
        "--learned",
        action="store_true",
        help="real set: link each event with a learned comparison trained without it (leave one event out)",
    )
    parser.add_argument(
        "--set",
        choices=["tuning", "heldout", "blind", "blind2", "real"],
        default="tuning",
        help="tuning: bench/eval_set (built with the matcher); heldout: bench/eval_heldout (its first run "
        "exposed gaps that were then fixed); blind: bench/eval_blind (one fix after its first run); "
        "blind2: bench/eval_blind2 (never tuned on); real: real reports, labelled independently "
        "(bench/real/key.json) and by us (bench/real/own.json; the text is rebuilt into bench/real/articles/, see bench/real/README.md)",
    )
    parser.add_argument(
        "--only",
        choices=["key", "own", "fresh", "held", "held2"],
        help="real set: only one label file's events (key: labelled independently; the others by us)",
    )
    args = parser.parse_args()
    global EVAL_SET
    if args.set == "real":
        setup_django(fresh_database(args.database_url))
        import eval_real

        return eval_real.run(args.verbose, learned=args.learned, only=args.only)
    if args.set != "tuning":
        EVAL_SET = Path(__file__).resolve().parent / f"eval_{args.set}"
    setup_django(fresh_database(args.database_url))

    from claims.ingest import import_article
    from claims.models import Claim, ClaimLink

    for path in sorted(EVAL_SET.glob("*.txt")):
        result = import_article(data=path.read_bytes(), filename=path.name)
        if result.status != "imported":
            print(f"{path.name}: {result.status}: {result.message}")
            return 2

    claims = list(Claim.objects.select_related("article__outlet"))

    not_extracted = 0

    def find(outlet: str, part: str) -> int:
        # A labelled sentence extraction did not keep gets an id no link can have: a miss.
        nonlocal not_extracted
        matches = [c.pk for c in claims if c.article.outlet.name == outlet and part in c.text]
        if len(matches) > 1:
            raise SystemExit(f"label {outlet!r} / {part!r} matches {len(matches)} claims: make it precise")
        if not matches:
            print(f"not extracted as a claim: {outlet}: ...{part}...")
            not_extracted += 1
            return -not_extracted
        return matches[0]

    labels = json.loads((EVAL_SET / "labels.json").read_text())["pairs"]
    gold: dict[tuple[int, int], str] = {}
    for outlet_a, part_a, outlet_b, part_b, relation in labels:
        a, b = find(outlet_a, part_a), find(outlet_b, part_b)
        gold[(min(a, b), max(a, b))] = relation
    links = {(link.claim_a_id, link.claim_b_id): link for link in ClaimLink.objects.all()}
    text = {c.pk: f"{c.article.outlet.name}: {c.text[:70]}" for c in claims}

    same_fact = {pair for pair, relation in gold.items() if relation != "neutral"}
    predicted_links = {pair for pair in links if gold.get(pair) != "neutral"}
    gold_conflicts = {pair for pair, relation in gold.items() if relation == "conflicts"}
    predicted_conflicts = {pair for pair, link in links.items() if link.relation == "conflicts"}

    rows = [
        ("links", predicted_links, same_fact),
        ("conflicts", predicted_conflicts, gold_conflicts),
    ]
    print(f"{len(claims)} claims from {len(list(EVAL_SET.glob('*.txt')))} articles; {len(links)} links made")
    print(f"{'':10} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, predicted, expected in rows:
        tp = len(predicted & expected)
        print(
            f"{name:10} {ratio(tp, len(predicted)):9.2f} {ratio(tp, len(expected)):7.2f} "
            f"{tp:4d} {len(predicted - expected):4d} {len(expected - predicted):4d}"
        )
    agreements_right = sum(1 for pair in same_fact & set(links) if links[pair].relation == gold[pair])
    print(f"relation right on {agreements_right} of {len(same_fact & set(links))} linked same-fact pairs")
    if args.verbose:
        for name, predicted, expected in rows:
            for pair in sorted(predicted - expected):
                link = links[pair]
                print(
                    f"  {name} false: [{link.relation} {link.score:.2f}] {link.explanation}\n"
                    f"      {text[pair[0]]}\n      {text[pair[1]]}"
                )
            for pair in sorted(expected - predicted):
                got = links.get(pair)
                seen = f"linked as {got.relation} {got.score:.2f}" if got else "not linked"
                first, second = (text.get(pk, "(not extracted)") for pk in pair)
                print(f"  {name} missed ({seen}):\n      {first}\n      {second}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
