"""Claims with their links, conflicts, notes and verdicts, as JSON-ready data or CSV rows."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, Q, QuerySet

from . import figures
from .models import Claim, ClaimLink, Note, Quantity, Verdict
from .workspace import QueueFilters, queue_claims

CSV_COLUMNS = [
    "id", "outlet", "article", "url", "published", "claim", "attribution", "status", "assignee", "score",
    "figures", "conflicts", "links", "notes", "verdict", "verdict_published", "updated_at",
]  # fmt: skip


def export_queryset(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    link_query = ClaimLink.objects.select_related(
        "claim_a__article__outlet", "claim_b__article__outlet"
    ).order_by("pk")
    return claims.select_related("article__outlet", "assignee").prefetch_related(
        Prefetch("quantities", queryset=Quantity.objects.order_by("start")),
        Prefetch("links_as_a", queryset=link_query, to_attr="export_links_a"),
        Prefetch("links_as_b", queryset=link_query, to_attr="export_links_b"),
        Prefetch("notes", queryset=Note.objects.select_related("author").order_by("created_at", "pk")),
        Prefetch(
            "verdicts",
            queryset=Verdict.objects.select_related("rating").order_by("-is_published", "-updated_at"),
        ),
    )


def filtered_claims(params, user) -> QuerySet[Claim]:
    """The queue's filters; without a status filter, every status."""
    filters = QueueFilters.from_query(params)
    if not params.getlist("status"):
        filters.status = list(Claim.Status.values)
    return export_queryset(queue_claims(filters, user))


def changed_since(since: datetime.datetime) -> QuerySet[Claim]:
    """Claims that changed, or whose links, notes or verdicts changed, since a moment."""
    links = ClaimLink.objects.filter(updated_at__gte=since)
    changed = (
        Q(updated_at__gte=since)
        | Q(created_at__gte=since)
        | Q(pk__in=links.values("claim_a"))
        | Q(pk__in=links.values("claim_b"))
        | Q(pk__in=Note.objects.filter(updated_at__gte=since, claim__isnull=False).values("claim"))
        | Q(pk__in=Note.objects.filter(updated_at__gte=since, link__isnull=False).values("link__claim_a"))
        | Q(pk__in=Note.objects.filter(updated_at__gte=since, link__isnull=False).values("link__claim_b"))
        | Q(pk__in=Verdict.objects.filter(updated_at__gte=since).values("claim"))
    )
    return export_queryset(Claim.objects.filter(changed).order_by("pk"))


def claim_data(claim: Claim) -> dict:
    links = sorted([*claim.export_links_a, *claim.export_links_b], key=lambda link: link.pk)
    verdict = next(iter(claim.verdicts.all()), None)
    return {
        "id": claim.pk,
        "outlet": claim.article.outlet.name,
        "article": claim.article.headline,
        "url": claim.article.web_url,
        "published": claim.article.published.isoformat() if claim.article.published else None,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "attribution": claim.attribution,
        "status": claim.status,
        "assignee": claim.assignee.get_username() if claim.assignee else None,
        "score": claim.score,
        "quantities": [figures.as_json(q) for q in claim.quantities.all()],
        "links": [
            {
                "id": link.pk,
                "relation": link.relation,
                "status": link.status,
                "origin": link.origin,
                "kind": link.kind or None,
                "score": link.score,
                "explanation": link.explanation,
                "other_claim": link.other(claim).pk,
                "other_outlet": link.other(claim).article.outlet.name,
                "other_text": link.other(claim).text,
            }
            for link in links
        ],
        "notes": [
            {"author": n.author.get_username(), "text": n.text, "created": n.created_at.isoformat()}
            for n in claim.notes.all()
        ],
        "verdict": None
        if verdict is None
        else {
            "rating": verdict.rating.label,
            "rating_value": verdict.rating.value,
            "headline": verdict.headline,
            "summary": verdict.summary,
            "sources": verdict.sources,
            "published": verdict.is_published,
            "published_at": verdict.published_at.isoformat() if verdict.published_at else None,
        },
        "updated_at": claim.updated_at.isoformat(),
    }


def claims_data(claims: Iterable[Claim]) -> list[dict]:
    return [claim_data(claim) for claim in claims]


def _csv_row(data: dict) -> list:
    conflicts = [
        link for link in data["links"] if link["relation"] == "conflicts" and link["status"] != "dismissed"
    ]
    verdict = data["verdict"] or {}
    return [
        data["id"], data["outlet"], data["article"], data["url"], data["published"] or "", data["text"],
        data["attribution"], data["status"], data["assignee"] or "", f"{data['score']:.2f}",
        "; ".join(q["text"] for q in data["quantities"]),
        " | ".join(f"{c['kind'] or 'conflict'}: {c['explanation']} (claim {c['other_claim']}, {c['other_outlet']})" for c in conflicts),
        " | ".join(f"{link['relation']}/{link['status']} with claim {link['other_claim']}" for link in data["links"]),
        " | ".join(f"{n['author']}: {n['text']}" for n in data["notes"]),
        verdict.get("rating", ""), "yes" if verdict.get("published") else ("no" if verdict else ""),
        data["updated_at"],
    ]  # fmt: skip


def csv_lines(claims: Iterable[Claim]) -> Iterator[str]:
    """CSV text, a line at a time (for streaming responses). Cells that could start a
    spreadsheet formula are prefixed with a quote, so opening the file runs nothing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for claim in claims:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_defuse(cell) for cell in _csv_row(claim_data(claim))])
        yield buffer.getvalue()


def _defuse(cell):
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
