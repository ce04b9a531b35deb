"""Labelled claim pairs for training and scoring the learned comparison, read from the bench sets.

Each article is read as the import path reads it (cleaning, extraction, figures, embeddings) but
without the database, and every pair of claims from two outlets of one event becomes a row: its
features (claims.learned) and whether it states one fact. Invented sets (bench/eval_*/labels.json)
label every pair that matters; a pair they do not name is two facts. The real key
(bench/real/key.json, text rebuilt into the ignored bench/real/articles/) names the pairs it
labelled; a pair of two labelled sentences of different facts is two facts, a pair involving an
unlabelled sentence is left out (nobody said).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import cleaning, conflicts, embeddings, extraction, learned
from .matching import SAME_STORY_CONTEXT, score_pair

INVENTED_SETS = ("eval_set", "eval_heldout", "eval_blind", "eval_blind2")


@dataclass
class Report:
    outlet: str
    headline: str
    facts: list[conflicts.ClaimFacts]
    vectors: list[bytes]
    entities: set[str] = field(default_factory=set)


@dataclass
class Row:
    group: str  # the event: a model is never scored on an event it learned from
    features: dict[str, float]
    same_fact: bool
    rule_score: float  # the hand-set score, for comparison
    related_only: bool  # the rules see no shared figure, date or account (their threshold is higher)
    texts: tuple[str, str]


def read_report(path: Path, outlet: str = "") -> Report:
    header, cleaned = cleaning.clean_document(path.read_bytes(), filename=path.name)
    published = None
    if header.get("date"):
        from .ingest import parse_date

        published = parse_date(header["date"])
    outlet = outlet or header.get("outlet") or cleaned.outlet or path.stem
    found = extraction.extract_claims(cleaned.body, published=published)
    facts = [
        conflicts.facts_from(
            text=c.text,
            quantities=c.quantities,
            dates=c.dates,
            attribution=c.attribution,
            outlet=outlet,
            published=published,
            offset=c.start,
        )
        for c in found
    ]
    headline = header.get("headline") or cleaned.headline
    return Report(
        outlet=outlet,
        headline=headline,
        facts=facts,
        vectors=embeddings.embed([f.text for f in facts]),
        entities=conflicts.entity_stems(f"{headline}. {cleaned.body}"),
    )


def _context(a: Report, b: Report, same_story: bool = True) -> float:
    # As matching.ArticleContext, with the story floor when the two are one story.
    floor = SAME_STORY_CONTEXT if same_story else 0.0
    if not a.entities or not b.entities:
        return floor
    overlap = len(a.entities & b.entities) / (
        min(len(a.entities), len(b.entities)) ** 0.5 * max(len(a.entities), len(b.entities)) ** 0.5
    )
    return max(overlap, floor)


def _rows(group: str, reports: list[Report], label_of, pairs=None, same_story: bool = True) -> list[Row]:
    rows = []
    for first, second in pairs or itertools.combinations(reports, 2):
        if first.outlet == second.outlet:
            continue
        context = _context(first, second, same_story)
        for (i, a), (j, b) in itertools.product(enumerate(first.facts), enumerate(second.facts)):
            label = label_of(first, i, second, j)
            if label is None:
                continue
            meaning = embeddings.meaning_similarity(first.vectors[i], second.vectors[j])
            score, signals = score_pair(a, b, context=context, meaning=meaning, rules=True)
            relation = conflicts.compare(a, b).relation
            rows.append(
                Row(
                    group=group,
                    features=learned.features(a, b, signals),
                    same_fact=label,
                    rule_score=score,
                    related_only=relation == conflicts.RELATED,
                    texts=(a.text, b.text),
                )
            )
    return rows


def invented_rows(bench: Path, collect: dict | None = None) -> list[Row]:
    rows = []
    for name in INVENTED_SETS:
        folder = bench / name
        labels = json.loads((folder / "labels.json").read_text())["pairs"]
        by_event: dict[str, list[Report]] = {}
        for path in sorted(folder.glob("*.txt")):
            by_event.setdefault(path.stem.split("-")[0], []).append(read_report(path))
        gold = {}
        for outlet_a, part_a, outlet_b, part_b, relation in labels:
            gold[(outlet_a, part_a, outlet_b, part_b)] = relation != "neutral"
            gold[(outlet_b, part_b, outlet_a, part_a)] = relation != "neutral"

        def label_of(ra: Report, i: int, rb: Report, j: int, gold=gold) -> bool:
            ta, tb = ra.facts[i].text, rb.facts[j].text
            for (oa, pa, ob, pb), same in gold.items():
                if oa == ra.outlet and ob == rb.outlet and pa in ta and pb in tb:
                    return same
            return False  # every pair that matters is labelled

        for event, reports in by_event.items():
            rows += _rows(f"{name}:{event}", reports, label_of)
            if collect is not None:
                collect[f"{name}:{event}"] = reports
    return rows


def cross_event_rows(groups: dict[str, list[Report]]) -> list[Row]:
    """Pairs from reports of two different events (never one fact), in different stories as the
    matcher would meet them: one report of each event against one of every other event."""
    rows = []
    firsts = {group: reports[0] for group, reports in groups.items() if reports}
    for (group_a, a), (group_b, b) in itertools.combinations(sorted(firsts.items()), 2):
        rows += _rows(f"{group_a}|{group_b}", [], lambda *_: False, pairs=[(a, b)], same_story=False)
    return rows


LABEL_FILES = {
    "key": "key.json",  # labelled independently
    "own": "own.json",  # labelled by us
    "fresh": "fresh.json",  # by us, held out until its first run
    "held": "held.json",  # by us, run once after the changes and never tuned on
    "held2": "held2.json",  # by us in the seventh session, before its first run
}


def real_events(real: Path, only: str | None = None) -> list[dict]:
    """The labelled real events: the independent key's, then our own (each says its `source`)."""
    events = []
    for source, name in LABEL_FILES.items():
        if only and source != only or not (real / name).exists():
            continue
        for event in json.loads((real / name).read_text(encoding="utf-8"))["events"]:
            events.append({**event, "source": source})
    return events


def real_rows(real: Path, collect: dict | None = None) -> list[Row]:
    """Rows of the labelled real events whose reports are rebuilt (nothing when none is)."""
    key = {"events": real_events(real)}
    rows = []
    for event in key["events"]:
        present = [a for a in event["articles"] if (real / a["file"]).exists()]
        if len(present) < 2:
            continue
        reports = {a["file"]: read_report(real / a["file"], outlet=a["outlet"]) for a in present}
        # Which fact (label item) each labelled sentence states: (file, anchor) -> item ids.
        items: dict[tuple[str, str], set[str]] = {}
        same: set[frozenset] = set()
        for item in event["conflicts"] + event["agreements"]:
            for claim in item["claims"]:
                items.setdefault((claim["file"], claim["anchor"]), set()).add(item["id"])
            for x, y in itertools.combinations(item["claims"], 2):
                same.add(frozenset({(x["file"], x["anchor"]), (y["file"], y["anchor"])}))
        file_of = {id(r): f for f, r in reports.items()}

        def label_of(ra, i, rb, j, items=items, same=same, file_of=file_of):
            keys_a = [k for k in items if k[0] == file_of[id(ra)] and k[1] in ra.facts[i].text]
            keys_b = [k for k in items if k[0] == file_of[id(rb)] and k[1] in rb.facts[j].text]
            if not keys_a or not keys_b:
                return None  # an unlabelled sentence: nobody said
            return any(frozenset({x, y}) in same for x in keys_a for y in keys_b)

        rows += _rows(event["event_id"], list(reports.values()), label_of)
        if collect is not None:
            collect[event["event_id"]] = list(reports.values())
    return rows


def all_rows(bench: Path) -> tuple[list[Row], list[Row]]:
    """(rows of every set, the real key's rows among them), cross-event pairs included."""
    reports: dict[str, list[Report]] = {}
    invented = invented_rows(bench, reports)
    real = real_rows(bench / "real", reports)
    return invented + real + cross_event_rows(reports), real


def without(rows: list[Row], event: str) -> list[Row]:
    """The rows a model may learn from when `event` is the one scored."""
    return [r for r in rows if event not in r.group.split("|")]
