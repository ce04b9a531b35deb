"""Fill in the sha1 of each labelled sentence of `own.json` from the rebuilt reports.

Labels are written by hand with a file, a short anchor (16 to 60 characters, once in
the report), a value and a side; this finds the sentence around each anchor the way
`../shared/realnews/check_articles.py` splits sentences (on '. ', '? ', '! ', a closing
quote kept), joining pieces split at abbreviations ("p.m.", "U.S.", "Gov."), and writes
its sha1 beside the anchor. Run it after labelling, then check with check_articles.py:

    python bench/real/fill_sha1.py bench/real/own.json
    python ../shared/realnews/check_articles.py bench/real/own.json --root bench/real
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

BOUNDARY = re.compile(r"[.?!][\"'\u201d\u2019\u00bb]* ")
# A piece ending like this was split at an abbreviation, not at the end of a sentence.
ABBREVIATION = re.compile(
    r"(\b[A-Za-z]\.|\b(?:a\.m|p\.m|Gov|Mr|Mrs|Ms|Dr|St|No|Inc|Co|Ltd|Gen|Lt|Col|Sgt|Rep|Sen|Vice|vs))\.$"
)


def body_of(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.strip() == "---":
            return "\n".join(lines[index + 1 :]).rstrip("\n")
    raise ValueError(f"no '---' line in {path}")


def pieces(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in BOUNDARY.finditer(line):
        spans.append((start, match.end() - 1))
        start = match.end()
    if start < len(line):
        spans.append((start, len(line)))
    return [(s, e) for s, e in ((s + len(line[s:e]) - len(line[s:e].lstrip()), e) for s, e in spans) if e > s]


def sentence(body: str, anchor: str) -> str:
    if not 16 <= len(anchor) <= 60:
        raise ValueError(f"anchor {anchor!r} is {len(anchor)} characters (16 to 60)")
    if body.count(anchor) != 1:
        raise ValueError(f"anchor {anchor!r} occurs {body.count(anchor)} times")
    at = body.index(anchor)
    line_start = body.rfind("\n", 0, at) + 1
    line_end = body.find("\n", at)
    line = body[line_start : line_end if line_end != -1 else len(body)]
    a_start, a_end = at - line_start, at - line_start + len(anchor)
    spans = pieces(line)
    covering = [i for i, (s, e) in enumerate(spans) if s < a_end and e > a_start]
    first, last = covering[0], covering[-1]
    while first > 0 and ABBREVIATION.search(line[spans[first - 1][0] : spans[first - 1][1]]):
        first -= 1
    while last < len(spans) - 1 and ABBREVIATION.search(line[spans[last][0] : spans[last][1]]):
        last += 1
    return line[spans[first][0] : spans[last][1]]


def main(path: str) -> int:
    key_path = Path(path)
    key = json.loads(key_path.read_text(encoding="utf-8"))
    root = key_path.parent
    for event in key["events"]:
        for item in event.get("conflicts", []) + event.get("agreements", []):
            for claim in item["claims"]:
                text = sentence(body_of(root / claim["file"]), claim["anchor"])
                claim["sha1"] = hashlib.sha1(text.encode("utf-8")).hexdigest()
    key_path.write_text(json.dumps(key, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("own.json"))))
