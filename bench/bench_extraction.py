"""Articles per second for cleaning + claim extraction + embedding (no database, no matching).

    .venv/bin/python bench/bench_extraction.py [--articles 300] [--words 800]
    .venv/bin/python bench/bench_extraction.py --sizes 25000,100000,400000,2000000

With --sizes it times extraction of one paragraph of each size instead (news
words, "said " repeated, and figures in one endless sentence) and prints
microseconds per character: flat means linear, growing means quadratic.

Generates a corpus of news-like articles (figures, dates, attributions, quotes,
opinion and filler, plus scraped site furniture) from a fixed seed, then times
claims.cleaning.clean_document + claims.extraction.extract_claims + claims.embeddings.embed on one core.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.cleaning import clean_document  # noqa: E402
from claims.embeddings import embed  # noqa: E402
from claims.extraction import extract_claims  # noqa: E402
from claims.stories import lead_text  # noqa: E402

SOURCES = [
    "the interior ministry",
    "Governor Ana Lind",
    "the national statistics office",
    "a police spokesman",
    "Defense Minister Karl Oder",
    "The Daily Record",
    "local officials",
]
NOUNS = ["residents", "troops", "homes", "workers", "vehicles", "schools", "people", "tonnes of grain"]
PLACES = ["Marren", "Estrava", "Valdoria", "Ostrel", "the northern valley", "the capital"]
DAYS = ["on Monday", "on Tuesday", "last week", "on March 12", "in early 2025", "on Friday"]
QUALIFIERS = ["about", "more than", "some", "at least", "nearly", ""]
FILLER = [
    "The town is known for its old stone bridge and its autumn market.",
    "Many residents said they were still waiting for news from relatives.",
    "I think the council should have acted much sooner, one shopkeeper said.",
    "The weather is expected to improve later in the week.",
    "What happens next is unclear.",
]


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    number = f"{rng.randint(2, 250) * rng.choice([1, 10, 100, 1000]):,}"
    if kind < 0.35:
        return (
            (
                f"{rng.choice(QUALIFIERS)} {number} {rng.choice(NOUNS)} were moved from {rng.choice(PLACES)} "
                f"{rng.choice(DAYS)}, according to {rng.choice(SOURCES)}."
            )
            .strip()
            .capitalize()
        )
    if kind < 0.55:
        return f"{rng.choice(SOURCES).capitalize()} said {rng.choice(DAYS)} that {number} {rng.choice(NOUNS)} had been counted in {rng.choice(PLACES)}."
    if kind < 0.65:
        return f"“We will rebuild {rng.choice(PLACES)} within {rng.randint(2, 9)} years,” {rng.choice(SOURCES)} told reporters."
    return rng.choice(FILLER)


def article(rng: random.Random, words: int) -> bytes:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    furniture = "fbpx\nSkip to content\n\nA generated headline about the flood\n\nLeer en Español\n\n"
    return (furniture + "\n\n".join(paragraphs) + "\n\nLeave a Reply\n\nTotal\n0\nShare\n").encode()


def time_sizes(sizes: list[int]) -> None:
    """One paragraph of each size, three shapes: linear extraction keeps µs per character flat."""
    rng = random.Random(7)
    shapes = {
        "news words": lambda n: " ".join(sentence(rng) for _ in range(n // 60))[:n],
        '"said " repeated': lambda n: ("said " * (n // 5 + 1))[:n],
        "one endless sentence": lambda n: (
            " ".join(
                f"and {rng.randint(2, 900)} people were hurt, the minister said" for _ in range(n // 45 + 1)
            )
        )[:n],
    }
    extract_claims("Warm up: 12 people were hurt and a 300-metre wall fell, the minister said.")
    print(f"{'shape':<22} {'characters':>12} {'seconds':>9} {'µs/char':>8}")
    for name, make in shapes.items():
        for size in sizes:
            text = make(size).replace("\n\n", " ")
            started = time.perf_counter()
            extract_claims(text)
            elapsed = time.perf_counter() - started
            print(f"{name:<22} {len(text):>12,} {elapsed:>9.2f} {elapsed / len(text) * 1e6:>8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument(
        "--sizes", help="comma-separated paragraph sizes in characters: time extraction over sizes"
    )
    args = parser.parse_args()
    if args.sizes:
        time_sizes([int(size) for size in args.sizes.split(",")])
        return 0
    rng = random.Random(42)
    corpus = [article(rng, args.words) for _ in range(args.articles)]
    words = sum(len(data.split()) for data in corpus) / len(corpus)
    # Warm up imports, compiled patterns, the unit registry and the model: loaded once per process.
    extract_claims(clean_document(corpus[0])[1].body, published=datetime.date(2026, 3, 14))
    embed(["Warm up: the model loads once per process."])
    started = time.perf_counter()
    claims = 0
    for data in corpus:
        _, cleaned = clean_document(data, max_bytes=10_000_000, language="en")
        found = extract_claims(cleaned.body, published=datetime.date(2026, 3, 14))
        embed([claim.text for claim in found])
        embed([lead_text(cleaned.headline, cleaned.body)])  # the lead's meaning, for story grouping
        claims += len(found)
    elapsed = time.perf_counter() - started
    print(
        f"{len(corpus)} articles of {words:.0f} words: {elapsed:.2f} s, "
        f"{len(corpus) / elapsed:.0f} articles/s, {claims / len(corpus):.1f} claims per article"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
