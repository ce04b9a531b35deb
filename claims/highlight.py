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
