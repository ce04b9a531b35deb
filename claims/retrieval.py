"""Ranking text against an archive of fact-checks: Okapi BM25 over stemmed words, fused with
meaning (sentence embeddings). Pure functions: the ORM side is claims/archive.py.

Chosen on CLEF 2020 CheckThat! task 2 train and dev (bench/eval_claim_retrieval.py): stems and
English stopwords; links dropped and @handles split into words ("@RepMattGaetz" -> "Rep Matt
Gaetz"), but a tweet's sign-off kept, since the claimant is often its author; the BM25 score
divided by the best candidate's, plus the cosine similarity of the embeddings.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import Stemmer

from .vocabulary import ENGLISH_STOPWORDS

K1 = 1.5
B = 0.75
MEANING_WEIGHT = 1.0  # the cosine's weight next to the best-normalised BM25 score (train + dev)
POSTINGS_BUDGET = 1000  # candidates come from the rarest words until this many postings are read
RERANKED = 100  # the best candidates by BM25 that meaning re-ranks

_URL = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+|\bwww\.\S+", re.I)
_HANDLE = re.compile(r"@(\w+)")
_HANDLE_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_WORD = re.compile(r"(?u)\b\w\w+\b")
_stemmer = Stemmer.Stemmer("english")


def _split_handle(match: re.Match) -> str:
    return " ".join(_HANDLE_PART.findall(match.group(1)))


def clean_post(text: str) -> str:
    """A tweet or post as words: links dropped, handles split into words, hashtag marks dropped."""
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(_split_handle, text)
    return " ".join(text.replace("#", " ").split())


def terms(text: str) -> list[str]:
    """The stemmed words BM25 counts, in order (stopwords and one-letter words left out)."""
    words = [w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOPWORDS]
    return _stemmer.stemWords(words)


def idf(documents: int, total: int) -> float:
    return math.log(1 + (total - documents + 0.5) / (documents + 0.5))


def choose_terms(query: list[str], frequencies: dict[str, int], budget: int = POSTINGS_BUDGET) -> list[str]:
    """The query's rarest words whose postings together stay within the budget (at least one),
    so fetching candidates costs about the same at 10,000 and 1,000,000 fact-checks."""
    known = sorted({t for t in query if frequencies.get(t)}, key=lambda t: (frequencies[t], t))
    chosen, read = [], 0
    for term in known:
        if chosen and read + frequencies[term] > budget:
            break
        chosen.append(term)
        read += frequencies[term]
    return chosen


@dataclass(frozen=True)
class Collection:
    """What BM25 needs to know of the whole archive."""

    total: int  # documents
    average_length: float  # words per document
    frequencies: dict[str, int]  # documents holding each word (only the words asked about)


def bm25_scores(query: list[str], documents: list[list[str]], collection: Collection) -> list[float]:
    """Okapi BM25 of each document for the query (a word said twice in the query counts once)."""
    weights = {t: idf(collection.frequencies.get(t, 1), collection.total) for t in set(query)}
    average = collection.average_length or 1.0
    scores = []
    for document in documents:
        length_norm = K1 * (1 - B + B * len(document) / average)
        score = 0.0
        for term, weight in weights.items():
            tf = document.count(term)
            if tf:
                score += weight * tf * (K1 + 1) / (tf + length_norm)
        scores.append(score)
    return scores


def coverage(first: list[str], second: list[str], collection: Collection) -> float:
    """The share of the first text's rarity-weighted words that the second holds, 0 to 1.
    (Words the archive has never seen weigh as if one fact-check held them.)"""
    weights = {t: idf(collection.frequencies.get(t, 1), collection.total) for t in set(first)}
    total = sum(weights.values())
    if not total:
        return 0.0
    held = set(second)
    return sum(w for t, w in weights.items() if t in held) / total


def fused(lexical: list[float], meaning: list[float], weight: float = MEANING_WEIGHT) -> list[float]:
    """Each candidate's ranking score: BM25 divided by the best candidate's, plus weighted meaning."""
    best = max(lexical, default=0.0) or 1.0
    return [score / best + weight * max(0.0, cos) for score, cos in zip(lexical, meaning, strict=True)]


def match_strength(query: list[str], document: list[str], meaning: float, collection: Collection) -> float:
    """How surely a fact-check speaks of the same claim, 0 to 1, comparable across queries (the
    ranking score is not: it is relative to the best candidate). Half words: the larger share of
    either text's rare words found in the other (a tweet says more than the claim it repeats);
    half meaning."""
    words = max(coverage(query, document, collection), coverage(document, query, collection))
    return round(max(0.0, min(1.0, 0.5 * words + 0.5 * max(0.0, meaning))), 3)


def strength_in_words(strength: float) -> str:
    if strength >= STRONG_MATCH:
        return "very likely the same claim"
    if strength >= MATCH_THRESHOLD:
        return "likely the same claim"
    return "possibly related"


# A claim is shown as "already checked" from here. Chosen on CLEF 2020 train + dev, first three
# results: from 0.45, about 3 in 4 shown are right; absolute scores separate poorly there
# (near-duplicate fact-checks), so editors confirm or dismiss (bench/README.md).
MATCH_THRESHOLD = 0.45
STRONG_MATCH = 0.6
