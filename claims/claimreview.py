"""schema.org ClaimReview for published verdicts: the format fact-check aggregators read.

Numbered ratings give ratingValue within worstRating..bestRating (the scale's
lowest and highest numbers); unnumbered ones (Misleading, Unverifiable) give
only alternateName, as schema.org allows.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.db.models import Max, Min, Q
from django.utils.safestring import mark_safe

from .models import Article, ClaimLink, Rating, Verdict

ORGANIZATION_WORDS = (
    "agency", "ministry", "office", "department", "government", "police", "post", "times", "news", "house",
    "council", "service", "institute", "commission", "union", "board", "authority", "army", "court", "kremlin",
    "party", "company", "organisation", "organization", "committee", "press", "wire", "daily", "herald",
)  # fmt: skip


def absolute(path_or_url: str) -> str:
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.FACTCHECK_SITE_URL.rstrip("/") + path_or_url


def _who(name: str) -> dict:
    lowered = name.lower()
    is_organization = lowered.startswith("the ") or any(
        word in lowered.split() for word in ORGANIZATION_WORDS
    )
    return {"@type": "Organization" if is_organization else "Person", "name": name}


def appearances(verdict: Verdict) -> list[Article]:
    """The claim's own article and those of claims linked to it as agreeing (the same fact elsewhere)."""
    claim = verdict.claim
    links = ClaimLink.objects.filter(
        Q(claim_a=claim) | Q(claim_b=claim), relation=ClaimLink.Relation.AGREES
    ).exclude(status=ClaimLink.Status.DISMISSED)
    other_claims = {link.claim_b_id if link.claim_a_id == claim.pk else link.claim_a_id for link in links}
    articles = Article.objects.filter(Q(pk=claim.article_id) | Q(claims__in=other_claims)).select_related(
        "outlet"
    )
    return sorted(
        {a.pk: a for a in articles}.values(),
        key=lambda a: (a.pk != claim.article_id, a.published or a.added_at.date(), a.pk),
    )


def scale_bounds() -> tuple[int, int]:
    bounds = Rating.objects.filter(value__isnull=False).aggregate(low=Min("value"), high=Max("value"))
    return bounds["low"] or 1, bounds["high"] or 5


def claim_review(verdict: Verdict, *, bounds: tuple[int, int] | None = None) -> dict:
    claim, article = verdict.claim, verdict.claim.article
    worst, best = bounds or scale_bounds()
    rating = {
        "@type": "Rating",
        "bestRating": best,
        "worstRating": worst,
        "alternateName": verdict.rating.label,
    }
    if verdict.rating.value is not None:
        rating["ratingValue"] = verdict.rating.value
    item = {
        "@type": "Claim",
        # Who made the claim: the source it is attributed to, else the outlet that printed it
        # (an organisation, never a person).
        "author": _who(claim.attribution)
        if claim.attribution
        else {"@type": "Organization", "name": article.outlet.name},
        "appearance": [
            {
                "@type": "NewsArticle",
                **({"url": a.web_url} if a.web_url else {}),
                "headline": a.headline,
                "publisher": {"@type": "Organization", "name": a.outlet.name},
                **({"datePublished": a.published.isoformat()} if a.published else {}),
            }
            for a in appearances(verdict)
        ],
    }
    if article.published:
        item["datePublished"] = article.published.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(verdict.get_public_url()),
        "claimReviewed": verdict.headline or claim.text,
        "datePublished": verdict.published_at.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings.FACTCHECK_ORGANIZATION_NAME,
            "url": settings.FACTCHECK_ORGANIZATION_URL,
        },
        "reviewRating": rating,
        "itemReviewed": item,
    }


def published_verdicts():
    return (
        Verdict.objects.filter(is_published=True)
        .select_related("rating", "claim__article__outlet")
        .order_by("-published_at", "-pk")
    )


def as_script_json(data) -> str:
    """JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308
