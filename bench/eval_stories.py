"""B-cubed precision and recall of story grouping on the invented sets and the real reports.

    .venv/bin/python bench/eval_stories.py [--threshold 0.3] [--verbose]

Articles are grouped as the import path groups them (claims.stories, pure, no
database), in order of publication. Gold stories: the invented sets' file-name
prefixes (port-, vote-, quake-...), one per real event folder of
bench/real/articles/, and the events of the figure table's reports
(bench/real/articles/figures/). The real reports are skipped with a note when
they have not been rebuilt (see bench/real/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# The figure table's reports, by the event each tells (file name without the outlet).
FIGURE_EVENTS = {
    "ludian": "ludian", "tianjin": "tianjin", "france": "france-strike", "odisha": "odisha",
    "mangkhut": "mangkhut", "et302": "et302", "kerala": "kerala-2018", "kerala2019": "kerala-2019",
    "quake-2012": "yunnan-2012", "maro": "maro", "tugs": "tugs", "mauritius": "mauritius",
    "solong": "solong", "anglian": "anglian",
}  # fmt: skip


def read(path: Path) -> tuple[str, str, datetime.date | None]:
    """Headline, cleaned body (as the importer cleans it: no site furniture) and date."""
    from claims.cleaning import CleaningError, clean_text

    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    with contextlib.suppress(CleaningError):
        body = clean_text(body).body
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    date = fields.get("Date", "")
    published = datetime.date.fromisoformat(date[:10]) if len(date) >= 10 else None
    return fields.get("Headline", ""), body, published


def corpora() -> dict[str, dict[Path, str]]:
    sets: dict[str, dict[Path, str]] = {}
    invented = {}
    for folder in ("eval_set", "eval_heldout", "eval_blind", "eval_blind2"):
        for path in sorted((HERE / folder).glob("*.txt")):
            invented[path] = f"{folder}:{path.name.split('-')[0]}"
    sets["invented"] = invented
    real = {}
    for path in sorted((HERE / "real" / "articles").glob("*/*.txt")):
        if path.parent.name != "figures":
            real[path] = path.parent.name
    if real:
        sets["real (labelled events)"] = real
    figures = {}
    for path in sorted((HERE / "real" / "articles" / "figures").glob("*.txt")):
        event = path.stem.split("-", 1)[1]
        figures[path] = FIGURE_EVENTS.get(event, FIGURE_EVENTS.get(event.split("-")[-1], event))
    if figures:
        sets["real (figure table)"] = figures
    return sets


def group(
    paths: list[Path], threshold: float, same_day: bool = False, meaning: bool = True
) -> dict[str, int]:
    from claims.embeddings import embed
    from claims.stories import lead_text, matching_stories, profile

    texts = [read(path) for path in paths]
    vectors = (
        embed([lead_text(headline, body) for headline, body, _ in texts]) if meaning else [None] * len(paths)
    )
    articles = []
    for path, (headline, body, published), vector in zip(paths, texts, vectors, strict=True):
        if same_day:
            published = SAME_DAY
        article = profile(headline, body, published, vector)
        articles.append((published or datetime.date.max, path.as_posix(), article))
    articles.sort(key=lambda a: (a[0], a[1]))
    members: list[tuple[int, object]] = []
    assigned: dict[str, int] = {}
    next_story = 1
    for _, name, article in articles:
        found = matching_stories(article, members, threshold)
        if found:
            story = found[0]
            # A bridge merges the other stories it matches, as the import path does.
            members = [(story if s in found else s, p) for s, p in members]
            assigned = {n: (story if s in found else s) for n, s in assigned.items()}
        else:
            story, next_story = next_story, next_story + 1
        members.append((story, article))
        assigned[name] = story
    return assigned


SAME_DAY = datetime.date(2020, 1, 1)


def main() -> int:
    from claims.stories import JOIN_THRESHOLD, b_cubed

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=JOIN_THRESHOLD)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--same-day",
        action="store_true",
        help="a stress test of precision: every report dated the same day, and all sets pooled, so only "
        "the words tell events apart (the real key's events are months apart, which hides merging)",
    )
    parser.add_argument(
        "--words-only", action="store_true", help="group without the leads' meaning (as before it was used)"
    )
    args = parser.parse_args()
    sets = corpora()
    if args.same_day:
        pooled = {path: f"{name}:{event}" for name, events in sets.items() for path, event in events.items()}
        sets["all sets pooled"] = pooled
    if "real (labelled events)" not in sets:
        print(
            "The real reports are absent: rebuild bench/real/articles/ (bench/real/README.md) to score them."
        )
    for name, gold_by_path in sets.items():
        predicted = group(list(gold_by_path), args.threshold, args.same_day, meaning=not args.words_only)
        gold = {path.as_posix(): event for path, event in gold_by_path.items()}
        precision, recall = b_cubed(predicted, gold)
        print(f"{name:<22} {len(gold):>3} articles, {len(set(gold.values())):>2} events -> "
              f"{len(set(predicted.values())):>2} stories: B-cubed precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip
        if args.verbose:
            for story in sorted(set(predicted.values())):
                members = [p for p, s in predicted.items() if s == story]
                print(f"  story {story}: " + ", ".join(f"{Path(p).name}[{gold[p]}]" for p in members))
    return 0


if __name__ == "__main__":
    sys.exit(main())
