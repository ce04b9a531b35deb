"""Precision and recall of figure reading: value, measure, unit and qualifier.

    .venv/bin/python bench/eval_figures.py [--set real|invented|all] [--verbose] [--check]

Two labelled tables:

- `bench/figures/real.json`: figure mentions in sentences of real news reports,
  split into "dev" (33 reports the reader was tuned on) and "heldout" (9 reports
  of an air crash and floods, only ever scored: `--set heldout`).
  Only the labels are committed (article URL, outlet, date, a short anchor per
  sentence, the sentence's sha1, and per figure its mention, value, measure,
  unit and qualifier). The reports themselves are other people's writing and
  live in `bench/real/articles/figures/` (ignored by git); rebuild them as
  bench/figures/README.md says, then `--check` verifies the copy.
- `bench/figures/invented.json`: sentences we wrote, one per kind of misreading.

Every figure in a labelled sentence is labelled, so a figure the extractor
finds that has no label is a false positive. A sentence labelled with no
figures holds only times, dates, phone or train numbers. Extraction runs
on each sentence alone (no database), as `claims.extraction` does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTICLES = HERE / "real" / "articles"
FIELDS = ("value", "measure", "unit", "qualifier")

sys.path.insert(0, str(ROOT))


def read_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def real_sentences(split: str = "") -> tuple[list[tuple[str, list[dict]]], list[str]]:
    """(sentence, labels) pairs from the rebuilt articles, and problems found on the way.

    `split` is "dev" (tuned on), "heldout" (air crash and floods, scored only) or "" for all.
    """
    from claims.extraction import split_sentences

    table = json.loads((HERE / "figures" / "real.json").read_text())
    found, problems = [], []
    for article in table["articles"]:
        if split and article["split"] != split:
            continue
        path = ARTICLES / article["file"]
        if not path.exists():
            problems.append(f"missing: {article['file']} ({article['url']})")
            continue
        body = read_body(path)
        spans = split_sentences(body)
        for item in article["sentences"]:
            if body.count(item["anchor"]) != 1:
                problems.append(f"{article['file']}: anchor not found once: {item['anchor']!r}")
                continue
            position = body.index(item["anchor"])
            # The labelled sentence: the one with this sha1 around the anchor, else the splitter's sentence.
            candidates = [body[s.start : s.end] for s in spans if s.start <= position < s.end]
            candidates += _line_runs(body, position)
            sentence = next((c for c in candidates if _sha1(c) == item["sha1"]), None)
            if sentence is None:
                problems.append(f"{article['file']}: sentence sha1 differs at {item['anchor']!r}")
                continue
            found.append((sentence, item["figures"]))
    return found, problems


def _line_runs(body: str, position: int) -> list[str]:
    """Runs of '. '-separated pieces of the anchor's line, for a splitter that has changed since labelling."""
    start = body.rfind("\n", 0, position) + 1
    end = body.find("\n", position)
    line = body[start : end if end != -1 else len(body)]
    pieces, cursor = [], 0
    for index, char in enumerate(line):
        if char in ".?!" and line[index + 1 : index + 2] == " ":
            pieces.append((cursor, index + 1))
            cursor = index + 2
    pieces.append((cursor, len(line)))
    return [line[a:b].strip() for i, (a, _) in enumerate(pieces) for (_, b) in pieces[i:]]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def invented_sentences() -> list[tuple[str, list[dict]]]:
    table = json.loads((HERE / "figures" / "invented.json").read_text())
    return [(item["sentence"], item["figures"]) for item in table["sentences"]]


def read_figures(sentence: str) -> list:
    from claims.extraction import extract_dates, extract_quantities

    dates = extract_dates(sentence)
    return extract_quantities(sentence, 0, dates)


def _locate(sentence: str, labels: list[dict]) -> list[tuple[int, int]]:
    """Where each label's mention stands; a repeated mention takes the next occurrence."""
    spans, taken = [], set()
    for label in labels:
        start = sentence.find(label["text"])
        while start in taken and start != -1:
            start = sentence.find(label["text"], start + 1)
        taken.add(start)
        spans.append((start, start + len(label["text"])))
    return spans


def _same_value(label, figure) -> bool:
    def close(a: float, b: float) -> bool:
        return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))

    low = getattr(figure, "low", None)
    high = getattr(figure, "high", None)
    if isinstance(label, list):
        return low is not None and high is not None and close(label[0], low) and close(label[1], high)
    return close(float(label), float(figure.value))


def field_ok(name: str, label: dict, figure) -> bool:
    if name == "value":
        return _same_value(label["value"], figure)
    return (getattr(figure, name, None) or "") == label[name]


def score(pairs: list[tuple[str, list[dict]]], verbose: bool = False) -> dict:
    """Per field: precision over figures found, recall over figures labelled."""
    found_total = labelled_total = 0
    right = dict.fromkeys((*FIELDS, "all"), 0)
    for sentence, labels in pairs:
        figures = read_figures(sentence)
        spans = _locate(sentence, labels)
        found_total += len(figures)
        labelled_total += len(labels)
        used: set[int] = set()
        for figure in figures:
            match = next(
                (
                    i
                    for i, (a, b) in enumerate(spans)
                    if i not in used and a < figure.end and figure.start < b
                ),
                None,
            )
            if match is None:
                if verbose:
                    print(f"  extra   {figure.text!r} in: {sentence[:90]}")
                continue
            used.add(match)
            label = labels[match]
            oks = {name: field_ok(name, label, figure) for name in FIELDS}
            for name, ok in oks.items():
                right[name] += ok
            right["all"] += all(oks.values())
            if verbose and not all(oks.values()):
                got = {n: (getattr(figure, n, None) if n != "value" else _shown(figure)) for n in FIELDS}
                want = {n: label[n] for n in FIELDS}
                print(f"  wrong   {label['text']!r}: got {got} want {want}")
        if verbose:
            for index, label in enumerate(labels):
                if index not in used:
                    print(f"  missed  {label['text']!r} in: {sentence[:90]}")
    return {
        "found": found_total,
        "labelled": labelled_total,
        **{
            name: {
                "precision": right[name] / found_total if found_total else 1.0,
                "recall": right[name] / labelled_total if labelled_total else 1.0,
            }
            for name in right
        },
    }


def _shown(figure) -> object:
    low, high = getattr(figure, "low", None), getattr(figure, "high", None)
    return [low, high] if low is not None and high is not None and low != high else figure.value


def print_table(title: str, result: dict) -> None:
    print(f"{title}: {result['labelled']} figures labelled, {result['found']} found")
    print(f"  {'field':<10} {'precision':>9} {'recall':>7}")
    for name in (*FIELDS, "all"):
        print(f"  {name:<10} {result[name]['precision']:>9.3f} {result[name]['recall']:>7.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["real", "dev", "heldout", "invented", "all"], default="all")
    parser.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong field")
    parser.add_argument("--check", action="store_true", help="only check the rebuilt real articles")
    args = parser.parse_args()

    if args.set in {"real", "dev", "heldout", "all"} or args.check:
        pairs, problems = real_sentences(args.set if args.set in {"dev", "heldout"} else "")
        for problem in problems:
            print(problem)
        if args.check:
            print(f"{len(pairs)} labelled sentences found, {len(problems)} problems")
            return 1 if problems else 0
        if not pairs:
            print(
                "The real articles are absent: rebuild bench/real/articles/figures/ as "
                "bench/figures/README.md says (the search tool's pages corpus), then run again."
            )
        else:
            print_table(
                f"real reports ({args.set if args.set in {'dev', 'heldout'} else 'all'})",
                score(pairs, args.verbose),
            )
    if args.set in {"invented", "all"}:
        print_table("invented sentences", score(invented_sentences(), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
