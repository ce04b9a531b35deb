"""A word-level diff of two claims, as runs the template can mark up (and escape)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|[\w’'.,%-]+|[^\w\s]")


@dataclass(frozen=True)
class DiffRun:
    text: str
    op: str  # "same", "removed" (only in the first) or "added" (only in the second)


def word_diff(first: str, second: str) -> list[DiffRun]:
    """The words of `first` and `second` merged: unchanged, removed and added runs."""
    a, b = _TOKEN.findall(first), _TOKEN.findall(second)
    runs: list[DiffRun] = []
    matcher = SequenceMatcher(None, [t.lower() for t in a], [t.lower() for t in b], autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(DiffRun("".join(a[a1:a2]), "same"))
            continue
        if a1 != a2:
            runs.append(DiffRun("".join(a[a1:a2]), "removed"))
        if b1 != b2:
            runs.append(DiffRun("".join(b[b1:b2]), "added"))
    return _merge(runs)


def _merge(runs: list[DiffRun]) -> list[DiffRun]:
    merged: list[DiffRun] = []
    for run in runs:
        if merged and merged[-1].op == run.op:
            merged[-1] = DiffRun(merged[-1].text + run.text, run.op)
        else:
            merged.append(run)
    return merged
