"""Cut an article body into runs of text for highlighting claims and their facts.

The template escapes every run, so highlighting never trusts the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Run:
    text: str
    claim: Any = None  # the Claim this run belongs to, or None
    mark: str = ""  # "quantity", "date" or "attribution" inside a claim
    title: str = ""  # how a figure was read, shown on hover


def _paragraph_bounds(body: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    while start <= len(body):
        end = body.find("\n\n", start)
        if end == -1:
            end = len(body)
        if body[start:end].strip():
            bounds.append((start, end))
        start = end + 2
    return bounds


def _marks_of(claim) -> list[tuple[int, int, str, str]]:
    marks = [(q.start, q.end, "quantity", q.reading) for q in claim.quantities.all()]
    marks += [(d.start, d.end, "date", d.clock) for d in claim.dates.all()]
    if claim.attribution_start is not None and claim.attribution_end is not None:
        marks.append((claim.attribution_start, claim.attribution_end, "attribution", ""))
    return marks


def highlight_body(body: str, claims: list) -> list[list[Run]]:
    """Paragraphs of runs; claims and their quantities, dates and sources marked."""
    claims = sorted(claims, key=lambda c: c.start)
    marks = {claim.pk: _marks_of(claim) for claim in claims}
    paragraphs = []
    for p_start, p_end in _paragraph_bounds(body):
        cuts = {p_start, p_end}
        inside = [c for c in claims if c.start < p_end and c.end > p_start]
        for claim in inside:
            cuts.update((max(claim.start, p_start), min(claim.end, p_end)))
            for m_start, m_end, _, _ in marks[claim.pk]:
                cuts.update((max(m_start, p_start), min(m_end, p_end)))
        points = sorted(cut for cut in cuts if p_start <= cut <= p_end)
        runs = []
        for left, right in zip(points, points[1:], strict=False):
            claim = next((c for c in inside if c.start <= left and right <= c.end), None)
            mark, title = "", ""
            if claim is not None:
                mark, title = next(
                    ((kind, words) for s, e, kind, words in marks[claim.pk] if s <= left and right <= e),
                    ("", ""),
                )
            runs.append(Run(body[left:right], claim, mark, title))
        paragraphs.append(runs)
    return paragraphs


# What each kind of conflict is about, as marks in a claim's sentence.
KIND_MARKS = {"quantity": {"quantity"}, "date": {"date"}, "attribution": {"attribution"}, "wording": set()}


def claim_runs(claim, kind: str = "") -> list[Run]:
    """A claim's own sentence in runs, with what a conflict of `kind` is about marked (every figure,
    date and source when the kind says nothing more precise)."""
    wanted = KIND_MARKS.get(kind, {"quantity", "date", "attribution"})
    text, offset = claim.text, claim.start
    marks = sorted(
        (start - offset, end - offset, mark, title)
        for start, end, mark, title in _marks_of(claim)
        if mark in wanted and claim.start <= start and end <= claim.end
    )
    runs, at = [], 0
    for start, end, mark, title in marks:
        if start < at:
            continue  # overlapping marks: the first wins
        if start > at:
            runs.append(Run(text[at:start]))
        runs.append(Run(text[start:end], claim, mark, title))
        at = end
    if at < len(text):
        runs.append(Run(text[at:]))
    return runs


def wording_runs(first: str, second: str) -> tuple[list[Run], list[Run]]:
    """Two sentences that word one fact differently, each with the words the other lacks marked."""
    from .diff import word_diff

    runs = word_diff(first, second)
    mine = [
        Run(run.text, mark="wording" if run.op == "removed" and run.text.strip() else "")
        for run in runs
        if run.op != "added"
    ]
    theirs = [
        Run(run.text, mark="wording" if run.op == "added" and run.text.strip() else "")
        for run in runs
        if run.op != "removed"
    ]
    return mine, theirs
