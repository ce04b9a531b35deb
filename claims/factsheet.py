"""A story's fact sheet: one row per fact (a measure, a rival account), one cell per outlet, what
each outlet said, and where they disagree. Pure: the ORM side is workspace.story_fact_sheet.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import conflicts, vocabulary

GENERIC = frozenset({"", "people", "count", "rank"})
# Rival accounts shown as rows, with the label a reader understands.
ACCOUNT_ROWS = {
    "format": "how the meeting is held",
    "transport": "how rescuers reached people",
    "departure": "how the official left",
    "schedule": "what happened to the event",
    "decision": "what was decided",
}
_POLICE = re.compile(r"\bpolice|ministry|interior|authorit|prefecture|government|officials?\b", re.I)
_ORGANISERS = re.compile(r"organi[sz]ers?|unions?|\bCGT\b|\bCFDT\b|campaign|protesters", re.I)


@dataclass(frozen=True)
class Said:
    """One thing a claim says about a fact."""

    claim_id: int
    outlet: str
    published: datetime.date | None
    text: str  # as written: "about 175,000 troops", "video conference"
    source: str = ""
    figure: conflicts.Figure | None = None
    account: str = ""


@dataclass
class Row:
    key: str
    label: str
    cells: dict[str, list[Said]] = field(default_factory=dict)  # outlet -> what it said
    disagreeing: set[int] = field(
        default_factory=set
    )  # claim ids whose statement differs from another outlet's

    @property
    def conflict(self) -> bool:
        return bool(self.disagreeing)


@dataclass(frozen=True)
class Statement:
    """A claim as the fact sheet reads it."""

    claim_id: int
    outlet: str
    published: datetime.date | None
    text: str
    attribution: str
    figures: tuple[tuple[conflicts.Figure, str], ...]  # each figure with who gave it


def _crowd_key(source: str) -> tuple[str, str]:
    if _POLICE.search(source):
        return "crowd:police", "crowd, authorities' count"
    if _ORGANISERS.search(source):
        return "crowd:organisers", "crowd, organisers' count"
    return "crowd", "crowd"


# Measures that state one fact in other words share a row ("evacuated" and "displaced").
LABELS = {"displaced": "evacuated or displaced"}


def _label(measure: str) -> str:
    return LABELS.get(measure, measure.replace("_", " "))


def build(statements: list[Statement]) -> list[Row]:
    """The rows of a story's fact sheet, rows with a disagreement first, then by how many outlets."""
    rows: dict[str, Row] = {}
    for statement in statements:
        for figure, source in statement.figures:
            if figure.measure in GENERIC or figure.forecast:
                continue
            measure = vocabulary.SAME_FACT.get(figure.measure, figure.measure)
            key, label = (
                _crowd_key(source or statement.attribution)
                if measure == "crowd"
                else (measure, _label(measure))
            )
            row = rows.setdefault(key, Row(key, label))
            row.cells.setdefault(statement.outlet, []).append(
                Said(
                    statement.claim_id,
                    statement.outlet,
                    statement.published,
                    figure.text,
                    source or statement.attribution,
                    figure=figure,
                )
            )
        for group, labels in conflicts.accounts(statement.text).items():
            if group not in ACCOUNT_ROWS or len(labels) != 1:
                continue
            row = rows.setdefault(f"account:{group}", Row(f"account:{group}", ACCOUNT_ROWS[group]))
            row.cells.setdefault(statement.outlet, []).append(
                Said(
                    statement.claim_id,
                    statement.outlet,
                    statement.published,
                    next(iter(labels)),
                    statement.attribution,
                    account=next(iter(labels)),
                )
            )
    for row in rows.values():
        _mark_disagreements(row)
    shown = [row for row in rows.values() if len(row.cells) >= 1]
    return sorted(shown, key=lambda r: (not r.conflict, -len(r.cells), r.label))


def _mark_disagreements(row: Row) -> None:
    said = [(outlet, s) for outlet, items in row.cells.items() for s in items]
    for (outlet_a, a), (outlet_b, b) in ((x, y) for i, x in enumerate(said) for y in said[i + 1 :]):
        if outlet_a == outlet_b:
            continue
        if a.figure is not None and b.figure is not None:
            differ = not conflicts.consistent(a.figure, b.figure)
        else:
            differ = a.account != b.account
        if differ:
            row.disagreeing.update({a.claim_id, b.claim_id})


def as_json(rows: list[Row]) -> list[dict]:
    """The fact sheet for export: values in base units and as written, sources, times, conflicts."""
    return [
        {
            "key": row.key,
            "label": row.label,
            "conflict": row.conflict,
            "cells": [
                {
                    "outlet": outlet,
                    "claim_id": s.claim_id,
                    "as_written": s.text,
                    "value": s.figure.value if s.figure else None,
                    "low": s.figure.low if s.figure else None,
                    "high": s.figure.high if s.figure else None,
                    "qualifier": s.figure.qualifier if s.figure else None,
                    "base_value": s.figure.base_value if s.figure else None,
                    "base_unit": s.figure.base_unit or None if s.figure else None,
                    "account": s.account or None,
                    "source": s.source or None,
                    "published": s.published.isoformat() if s.published else None,
                    "differs": s.claim_id in row.disagreeing,
                }
                for outlet, items in sorted(row.cells.items())
                for s in items
            ],
        }
        for row in rows
    ]
