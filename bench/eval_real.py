"""Linking and conflict flags on real news reports: `eval_matching.py --set real`.

The labels are `bench/real/key.json` (a copy of the independently labelled
development set: events x outlets; conflicts with each outlet's value, side and
severity, and agreements; anchors and sha1s, no article text). The reports are
rebuilt into `bench/real/articles/` (ignored by git) from the search tool's
`pages` corpus as `bench/real/README.md` says. Each event's rebuilt reports are
imported through the real import path into a fresh database; every labelled
sentence is found by its anchor and the claim extracted over it is looked up.

Counted over the pairs whose two reports are both present:
- conflicts of high or medium severity flagged (a conflict link between the
  two claims), and conflict flags on pairs labelled as agreeing (precision);
- agreeing pairs linked (any relation but conflicts), and the share of them
  flagged as conflicts;
- links between claims of different events (should be none).
Nothing here is learned, so there is nothing to hold out per event.
"""

from __future__ import annotations

import itertools
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE / "real"


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def present_articles(key: dict) -> dict[str, str]:
    """file -> text of every rebuilt article present (check them with check_articles.py)."""
    bodies = {}
    for event in key["events"]:
        for article in event["articles"]:
            path = REAL / article["file"]
            if path.exists():
                bodies[article["file"]] = path.read_text(encoding="utf-8")
    return bodies


def relink_leaving_each_event_out(event_of_article: dict[int, str]) -> list[str]:
    """Link every event's claims again with a learned model (and threshold) that never saw the
    event: trained on the invented sets and the other real events. Returns a line per event."""
    from claims import learned
    from claims.labelled_pairs import all_rows, without
    from claims.matching import link_claims, using_model
    from claims.models import Claim, ClaimLink

    rows, _ = all_rows(HERE)
    lines = []
    for event in sorted(set(event_of_article.values())):
        train = without(rows, event)
        model = learned.train(
            [r.features for r in train], [int(r.same_fact) for r in train], [r.group for r in train]
        )
        articles = [pk for pk, e in event_of_article.items() if e == event]
        claims = list(Claim.objects.filter(article_id__in=articles))
        ClaimLink.objects.filter(claim_a__in=claims).delete()
        ClaimLink.objects.filter(claim_b__in=claims).delete()
        with using_model(model):
            link_claims(claims)
        lines.append(f"  {event}: model without it, threshold {model.threshold:.2f}")
    return lines


def run(verbose: bool = False, learned: bool = False, only: str | None = None) -> int:
    from claims.ingest import IMPORTED, import_article
    from claims.labelled_pairs import real_events
    from claims.models import Claim, ClaimLink

    key = {"events": real_events(REAL, only)}
    files = present_articles(key)
    total = sum(len(e["articles"]) for e in key["events"])
    if not files:
        print(
            "The real reports are absent: rebuild bench/real/articles/ as bench/real/README.md says "
            "(the search tool's pages corpus), then run again."
        )
        return 0
    print(f"{len(files)} of {total} labelled reports rebuilt")
    article_of: dict[str, int] = {}
    event_of_article: dict[int, str] = {}
    for event in key["events"]:
        for article in event["articles"]:
            if article["file"] not in files:
                continue
            result = import_article(data=files[article["file"]].encode(), filename=Path(article["file"]).name)
            if result.status != IMPORTED:
                print(f"  {article['file']}: {result.status}: {result.message}")
                continue
            article_of[article["file"]] = result.article.pk
            event_of_article[result.article.pk] = event["event_id"]

    if learned:
        print("learned comparison, leaving one event out (each event linked by a model that never saw it):")
        for line in relink_leaving_each_event_out(event_of_article):
            print(line)
    claims = list(Claim.objects.select_related("article"))
    missed_sentences = []

    def claim_for(file: str, anchor: str) -> int | None:
        article_id = article_of.get(file)
        if article_id is None:
            return None
        for claim in claims:
            if claim.article_id == article_id and anchor in claim.text:
                return claim.pk
        missed_sentences.append((file, anchor))
        return -len(missed_sentences)  # not extracted: an id no link has

    conflicts: list[tuple[int, int, str]] = []  # (a, b, label id)
    agreements: list[tuple[int, int, str]] = []
    for event in key["events"]:
        for item in event["conflicts"]:
            for first, second in itertools.combinations(item["claims"], 2):
                if first["file"] == second["file"]:
                    continue
                a, b = claim_for(first["file"], first["anchor"]), claim_for(second["file"], second["anchor"])
                if a is None or b is None:
                    continue
                pair = (min(a, b), max(a, b), item["id"])
                if first["side"] != second["side"]:
                    if item["severity"] in {"high", "medium"}:
                        conflicts.append(pair)
                else:
                    agreements.append(pair)
        for item in event["agreements"]:
            for first, second in itertools.combinations(item["claims"], 2):
                if first["file"] == second["file"]:
                    continue
                a, b = claim_for(first["file"], first["anchor"]), claim_for(second["file"], second["anchor"])
                if a is not None and b is not None:
                    agreements.append((min(a, b), max(a, b), item["id"]))

    links = {
        (link.claim_a_id, link.claim_b_id): link
        for link in ClaimLink.objects.exclude(status=ClaimLink.Status.DISMISSED).select_related(
            "claim_a", "claim_b"
        )
    }
    flagged = [p for p in conflicts if (p[0], p[1]) in links and links[(p[0], p[1])].relation == "conflicts"]
    agree_linked = [p for p in agreements if (p[0], p[1]) in links]
    # A pair of sentences can agree on one fact and conflict on another ("7.5 magnitude ... waves of
    # 10 feet" vs "7.5 magnitude ... 1.5 metres"): flagging it is right, so it is not counted against.
    conflicting_pairs = {(a, b) for a, b, _ in conflicts}
    agree_flagged = [
        p
        for p in agree_linked
        if links[(p[0], p[1])].relation == "conflicts" and (p[0], p[1]) not in conflicting_pairs
    ]
    all_conflict_links = [link for link in links.values() if link.relation == "conflicts"]
    labelled = {(a, b) for a, b, _ in conflicts + agreements}
    cross_event = [
        link
        for link in links.values()
        if event_of_article.get(link.claim_a.article_id) != event_of_article.get(link.claim_b.article_id)
    ]
    print(f"{len(claims)} claims, {len(links)} links ({len(all_conflict_links)} conflicts) made")
    print(f"labelled sentences not extracted as claims: {len(missed_sentences)}")
    source_of = {
        item["id"]: event["source"]
        for event in key["events"]
        for item in event["conflicts"] + event["agreements"]
    }
    event_source = {event["event_id"]: event["source"] for event in key["events"]}
    for name, sources in (
        ("all events", {"key", "own", "fresh", "held", "held2"}),
        ("key (labelled independently)", {"key"}),
        ("own (labelled by us)", {"own"}),
        ("fresh (labelled by us, first run held out)", {"fresh"}),
        ("held (labelled by us, never tuned on)", {"held"}),
        ("held2 (labelled by us in the seventh session, first run held out)", {"held2"}),
    ):
        mine = [p for p in conflicts if source_of[p[2]] in sources]
        if not mine and name != "all events":
            continue
        found = [p for p in flagged if source_of[p[2]] in sources]
        agree = [p for p in agreements if source_of[p[2]] in sources]
        agree_in = [p for p in agree_linked if source_of[p[2]] in sources]
        agree_bad = [p for p in agree_flagged if source_of[p[2]] in sources]
        unlabelled_flags = sum(
            1
            for (a, b), link in links.items()
            if link.relation == "conflicts"
            and (a, b) not in labelled
            and event_source.get(event_of_article.get(link.claim_a.article_id)) in sources
        )
        print(f"{name}:")
        print(
            f"  conflicts (high/medium) flagged: {len(found)} of {len(mine)} = {ratio(len(found), len(mine)):.2f}"
        )
        print(
            f"  conflict flags on labelled agreeing pairs: {len(agree_bad)}; precision over labelled pairs "
            f"{ratio(len(found), len(found) + len(agree_bad)):.2f}"
        )
        print(
            f"  agreeing pairs linked: {len(agree_in)} of {len(agree)} = {ratio(len(agree_in), len(agree)):.2f}"
            f" ({ratio(len(agree_bad), len(agree_in)):.0%} of them flagged as conflicts)"
        )
        print(f"  conflict links between claims no label pairs: {unlabelled_flags}")
    print(f"links across events: {len(cross_event)}")
    print(
        "per event: conflicts flagged / labelled, agreeing pairs flagged, conflict flags on unlabelled pairs"
    )
    for event in key["events"]:
        ids = {item["id"] for item in event["conflicts"] + event["agreements"]}
        mine = [p for p in conflicts if p[2] in ids]
        if not mine and not any(p[2] in ids for p in agreements):
            continue
        unlabelled = sum(
            1
            for (a, b), link in links.items()
            if link.relation == "conflicts"
            and (a, b) not in labelled
            and event_of_article.get(link.claim_a.article_id) == event["event_id"]
        )
        print(
            f"  {event['event_id']:<45} {sum(1 for p in flagged if p[2] in ids):>3} / {len(mine):<3}"
            f" {sum(1 for p in agree_flagged if p[2] in ids):>3} {unlabelled:>4}"
        )
    search_figures(conflicts + agreements, claims)
    if verbose:
        text = {c.pk: c.text[:110] for c in claims}
        for a, b, label in conflicts:
            if (a, b, label) in flagged:
                continue
            got = links.get((a, b))
            seen = f"linked as {got.relation}: {got.explanation}" if got else "not linked"
            print(
                f"  missed {label} ({seen}):\n      {text.get(a, '(not extracted)')}\n      {text.get(b, '(not extracted)')}"
            )
        for a, b, label in agree_flagged:
            print(f"  flagged agreement {label}: {links[(a, b)].explanation}")
        for a, b, label in agreements:
            if (a, b) not in links and a > 0 and b > 0:
                print(f"  unlinked agreement {label}:\n      {text.get(a)}\n      {text.get(b)}")
        for file, anchor in missed_sentences:
            print(f"  not extracted: {file}: {anchor}")
        for (a, b), link in links.items():
            if link.relation == "conflicts" and (a, b) not in labelled:
                print(
                    f"  conflict on an unlabelled pair: {link.explanation}\n      {text[a]}\n      {text[b]}"
                )
    return 0


def search_figures(pairs: list[tuple[int, int, str]], claims: list) -> None:
    """find_similar as a reader uses it: given one outlet's claim, is the other outlet's claim of
    the same fact among the first 5 results? (Both directions of every labelled pair.)"""
    from claims.matching import find_similar

    text = {c.pk: c.text for c in claims}
    queries = [(a, b, label) for a, b, label in pairs if a in text and b in text]
    queries += [(b, a, label) for a, b, label in queries]
    if not queries:
        return
    hits, reciprocal = 0, 0.0
    per_event: dict[str, list[int]] = {}
    for source, wanted, label in queries:
        found = [c.claim.pk for c in find_similar(text[source], limit=10) if c.claim.pk != source]
        counts = per_event.setdefault(label.split("-")[0], [0, 0])
        counts[1] += 1
        if wanted in found[:5]:
            hits += 1
            counts[0] += 1
        if wanted in found:
            reciprocal += 1 / (found.index(wanted) + 1)
    print(
        f"find_similar, other outlet's claim of the same fact in the first 5: {hits} of {len(queries)}"
        f" = {ratio(hits, len(queries)):.2f}; MRR@10 {reciprocal / len(queries):.3f}"
        f" (per event: {', '.join(f'{event} {h}/{n}' for event, (h, n) in sorted(per_event.items()))})"
    )
