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
    published_at: datetime.datetime | None = None  # the moment, when the source gave one

    @property
    def when(self) -> tuple:
        """For ordering reports of one day: timed ones by their time, untimed ones last."""
        return (self.published is None, self.published, self.published_at is None, self.published_at)


@dataclass(frozen=True)
class Pin:
    """An editor's current best-supported value for a row, with why and on what."""

    value: str
    note: str = ""
    sources: tuple[str, ...] = ()
    by: str = ""
    at: datetime.datetime | None = None


@dataclass
class Row:
    key: str
    label: str
    cells: dict[str, list[Said]] = field(default_factory=dict)  # outlet -> what it said
    disagreeing: set[int] = field(
        default_factory=set
    )  # claim ids whose statement differs from another outlet's
    pin: Pin | None = None
    renamed: bool = False  # the label is an editor's
    merged: tuple[str, ...] = ()  # keys of the rows an editor merged into this one

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
    published_at: datetime.datetime | None = None


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
                    published_at=statement.published_at,
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
                    published_at=statement.published_at,
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


@dataclass(frozen=True)
class RowChoice:
    """What editors decided about one row of one story; kept by row key, so it survives re-matching."""

    key: str
    label: str = ""  # a new name, or "" to keep the computed one
    merged_into: str = ""  # the key of the row this one was merged into
    pin: Pin | None = None


@dataclass(frozen=True)
class Move:
    """An editor moved what a claim said from one row to another."""

    claim_id: int
    from_key: str
    to_key: str


def apply_choices(rows: list[Row], choices: list[RowChoice], moves: list[Move]) -> list[Row]:
    """The computed rows with editors' moves, merges, names and pins applied, disagreements
    marked again. A choice about a row the story no longer has waits, harmless, until it returns."""
    by_key = {row.key: row for row in rows}
    chosen = {choice.key: choice for choice in choices}

    def row_for(key: str) -> Row:
        if key not in by_key:
            choice = chosen.get(key)
            by_key[key] = Row(key, choice.label if choice and choice.label else _label(key.split(":")[-1]))
        return by_key[key]

    for move in moves:
        source = by_key.get(move.from_key)
        if source is None or move.from_key == move.to_key:
            continue
        target = row_for(move.to_key)
        for outlet in list(source.cells):
            staying = [s for s in source.cells[outlet] if s.claim_id != move.claim_id]
            moving = [s for s in source.cells[outlet] if s.claim_id == move.claim_id]
            if moving:
                target.cells.setdefault(outlet, []).extend(moving)
                if staying:
                    source.cells[outlet] = staying
                else:
                    del source.cells[outlet]
    for choice in choices:
        target_key = _final_key(choice.key, chosen)
        if target_key != choice.key and choice.key in by_key:
            merged = by_key.pop(choice.key)
            target = row_for(target_key)
            for outlet, items in merged.cells.items():
                target.cells.setdefault(outlet, []).extend(items)
            target.merged = (*target.merged, choice.key)
    for row in by_key.values():
        choice = chosen.get(row.key)
        if choice is not None:
            if choice.label:
                row.label, row.renamed = choice.label, True
            row.pin = choice.pin
        row.disagreeing = set()
        _mark_disagreements(row)
    shown = [row for row in by_key.values() if row.cells or row.pin]
    return sorted(shown, key=lambda r: (not r.conflict, -len(r.cells), r.label))


def _final_key(key: str, chosen: dict[str, RowChoice]) -> str:
    """Follow merges (a into b, b into c: a ends in c), stopping at a loop."""
    seen = {key}
    while chosen.get(key) and chosen[key].merged_into and chosen[key].merged_into not in seen:
        key = chosen[key].merged_into
        seen.add(key)
    return key


def as_json(rows: list[Row]) -> list[dict]:
    """The fact sheet for export: values in base units and as written, sources, times, conflicts."""
    return [
        {
            "key": row.key,
            "label": row.label,
            "renamed": row.renamed,
            "merged": list(row.merged),
            "pinned": (
                {
                    "value": row.pin.value,
                    "note": row.pin.note,
                    "sources": list(row.pin.sources),
                    "by": row.pin.by,
                    "at": row.pin.at.isoformat() if row.pin.at else None,
                }
                if row.pin
                else None
            ),
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
                    "published_at": s.published_at.isoformat() if s.published_at else None,
                    "differs": s.claim_id in row.disagreeing,
                }
                for outlet, items in sorted(row.cells.items())
                for s in items
            ],
        }
        for row in rows
    ]
