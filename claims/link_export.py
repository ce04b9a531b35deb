"""Links as plain data: the JSON that `export_links` prints and the browser serves."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from . import figures
from .models import ClaimLink, Note, Quantity


def links_for_export() -> QuerySet[ClaimLink]:
    """Every link with what its export needs, in a fixed number of queries."""
    claim_parts = ("article__outlet",)
    return (
        ClaimLink.objects.select_related(*(f"claim_{side}__{part}" for side in "ab" for part in claim_parts))
        .prefetch_related(
            Prefetch("notes", queryset=Note.objects.select_related("author").order_by("created_at", "id")),
            Prefetch("claim_a__quantities", queryset=Quantity.objects.order_by("start")),
            Prefetch("claim_b__quantities", queryset=Quantity.objects.order_by("start")),
        )
        .order_by("id")
    )


def claim_data(claim) -> dict:
    return {
        "id": claim.pk,
        "outlet": claim.article.outlet.name,
        "article": claim.article.headline,
        "url": claim.article.web_url,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "quantities": [figures.as_json(q) for q in claim.quantities.all()],
    }


def link_data(link: ClaimLink) -> dict:
    return {
        "id": link.pk,
        "relation": link.relation,
        "status": link.status,
        "origin": link.origin,
        "score": link.score,
        "kind": link.kind or None,
        "explanation": link.explanation,
        "notes": [
            {
                "author": note.author.get_username() if note.author else None,
                "text": note.text,
                "created": note.created_at.isoformat(),
            }
            for note in link.notes.all()
        ],
        "claims": [claim_data(link.claim_a), claim_data(link.claim_b)],
    }


def export_links() -> list[dict]:
    return [link_data(link) for link in links_for_export().iterator(chunk_size=500)]
