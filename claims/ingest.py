"""The one path every article takes into the app: clean, store, extract, link.

The browser, the import command and the demo loader all call import_article().
Each article is written in its own transaction: a rejected file leaves the
database exactly as it was.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from . import archive, cleaning, embeddings, extraction, grouping, matching, stories
from .models import Article, Claim, ClaimLink, DateMention, Outlet, Quantity

IMPORTED, DUPLICATE, REJECTED = "imported", "duplicate", "rejected"


class ImportRejected(ValueError):
    """The input cannot become an article; the message is for the user."""


@dataclass
class ImportResult:
    status: str  # IMPORTED, DUPLICATE or REJECTED
    message: str
    article: Article | None = None
    claim_count: int = 0
    link_count: int = 0
    conflict_count: int = 0  # of those links, how many are conflicts

    @property
    def ok(self) -> bool:
        return self.status != REJECTED


def outlet_from_url(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def get_or_create_outlet(name: str, *, domain: str = "") -> Outlet:
    """Find an outlet by name, slug or home domain; create it if new."""
    name = " ".join(name.split())
    if not name:
        raise ImportRejected("outlet unknown: pass --outlet")
    slug = slugify(name)[:200]
    outlet = (
        Outlet.objects.filter(name__iexact=name).first()
        or Outlet.objects.filter(slug=slug).first()
        or (Outlet.objects.filter(domain=name.lower().removeprefix("www.")).first() if "." in name else None)
    )
    if outlet is None:
        outlet = Outlet.objects.create(name=name[:200], slug=slug or "outlet", domain=domain)
    elif domain and not outlet.domain:
        outlet.domain = domain
        outlet.save(update_fields=["domain"])
    return outlet


def parse_date(value: str | datetime.date | None) -> datetime.date | None:
    return parse_moment(value)[0]


def parse_moment(value: str | datetime.date | None) -> tuple[datetime.date | None, datetime.datetime | None]:
    """A publication date, and its moment when a time is given ("2026-03-14T09:30:00+01:00",
    "2026-03-14 09:30"; a time without a zone is read in the site's zone)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime.datetime):
        moment = value if timezone.is_aware(value) else timezone.make_aware(value)
        return value.date(), moment
    if isinstance(value, datetime.date):
        return value, None
    text = value.strip()
    try:
        day = datetime.date.fromisoformat(text[:10])
    except ValueError:
        raise ImportRejected(f"date {value!r} is not YYYY-MM-DD") from None
    if len(text) > 10 and text[10] in "T ":
        try:
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return day, None  # a date with something we cannot read after it: the date stands
        return day, moment if timezone.is_aware(moment) else timezone.make_aware(moment)
    return day, None


logger = logging.getLogger(__name__)
INTERNAL_ERROR = "could not be imported: an error on our side (logged for the maintainers); nothing was saved"


def import_article(
    *,
    data: bytes | None = None,
    text: str | None = None,
    filename: str = "",
    outlet: str = "",
    url: str = "",
    headline: str = "",
    published: str | datetime.date | None = None,
    language: str = "",
    added_by=None,
    max_bytes: int | None = None,
) -> ImportResult:
    """Import one article from file bytes or pasted text.

    Explicit arguments override a file's header block; the outlet comes from
    the argument, the header, or the URL's domain, in that order. A lost database connection
    is raised (a background job retries it); every other failure is a rejection.
    """
    try:
        header, cleaned = _clean(
            data=data, text=text, filename=filename, language=language, headline=headline, max_bytes=max_bytes
        )
        url = cleaning.check_web_url(url or header.get("url") or cleaned.url or "")
        outlet_name = outlet or header.get("outlet") or cleaned.outlet or outlet_from_url(url)
        if not outlet_name.strip():
            raise ImportRejected("outlet unknown: pass --outlet")
        published_date, published_at = parse_moment(published or header.get("date") or cleaned.published)
        article_language = (language or header.get("language") or cleaned.language)[:12]
        # Reading the text is the slow part; it happens before the transaction opens.
        found = extraction.extract_claims(
            cleaned.body, published=published_date, language=article_language or "en"
        )
        article_headline = (headline or header.get("headline") or cleaned.headline)[:500]
        [lead_vector] = embeddings.embed([stories.lead_text(article_headline, cleaned.body)])
        with transaction.atomic():
            the_outlet = get_or_create_outlet(outlet_name, domain=outlet_from_url(url))
            duplicate = _find_duplicate(the_outlet, cleaned.body, url)
            if duplicate is not None:
                return ImportResult(DUPLICATE, f"already imported as article {duplicate.pk}", duplicate)
            article = Article.objects.create(
                outlet=the_outlet,
                url=url,
                headline=article_headline,
                byline=cleaned.byline[:300],
                published=published_date,
                published_at=published_at,
                language=article_language,
                body=cleaned.body,
                content_hash=cleaning.content_hash(cleaned.body),
                added_by=added_by,
                lead_embedding=lead_vector,
            )
            grouping.assign_story(article)
            claims = extract_article_claims(article, found)
            link_count = link_new_claims(claims)
            conflict_count = (
                ClaimLink.objects.filter(
                    Q(claim_a__in=claims) | Q(claim_b__in=claims), relation=ClaimLink.Relation.CONFLICTS
                ).count()
                if link_count
                else 0
            )
    except (ImportRejected, cleaning.CleaningError) as error:
        return ImportResult(REJECTED, str(error))
    except IntegrityError:
        # A concurrent import of the same text or URL won the race.
        return ImportResult(DUPLICATE, "already imported")
    except (OperationalError, InterfaceError):
        # The database went away: nothing was written (the transaction is gone with it); worth a retry.
        raise
    except Exception:  # noqa: BLE001 - one bad file must never stop a batch
        # The transaction above rolled back: nothing of this file was written.
        logger.exception("import of %r failed", filename or "pasted text")
        return ImportResult(REJECTED, INTERNAL_ERROR)
    return ImportResult(
        IMPORTED,
        f"imported with {len(claims)} claims",
        article,
        claim_count=len(claims),
        link_count=link_count,
        conflict_count=conflict_count,
    )


def _clean(
    *, data, text, filename, language, headline, max_bytes=None
) -> tuple[dict[str, str], cleaning.CleanedArticle]:
    if data is not None:
        return cleaning.clean_document(
            data, filename=filename, max_bytes=max_bytes or settings.FACTCHECK_MAX_IMPORT_BYTES
        )
    if text is None or not text.strip():
        raise ImportRejected("no text given")
    if len(text.encode("utf-8", "replace")) > settings.FACTCHECK_MAX_IMPORT_BYTES:
        raise ImportRejected(f"text is over the {settings.FACTCHECK_MAX_IMPORT_BYTES // 1_000_000} MB limit")
    header, rest = cleaning.parse_header(text)
    looks_html = "<" in rest and any(
        tag in rest.lower() for tag in ("<html", "<body", "<p>", "<p ", "<div", "<article")
    )
    clean = cleaning.clean_html if looks_html else cleaning.clean_text
    return header, clean(rest, language=language, headline=headline or header.get("headline", ""))


def _find_duplicate(outlet: Outlet, body: str, url: str) -> Article | None:
    if url:
        same_url = Article.objects.filter(url=url).first()
        if same_url is not None:
            return same_url
    return Article.objects.filter(outlet=outlet, content_hash=cleaning.content_hash(body)).first()


@transaction.atomic
def extract_article_claims(article: Article, found: list | None = None) -> list[Claim]:
    """(Re-)extract an article's claims. Idempotent.

    A claim found again keeps its id, status, assignee, links, notes and
    verdicts; only its machine-made facts are refreshed. A claim no longer
    found is removed only if no editor has touched it. Returns the claims
    created by this run. `found` is the extraction already done (outside a
    transaction, so the database is not held while text is read).
    """
    if found is None:
        found = extraction.extract_claims(
            article.body, published=article.published, language=article.language or "en"
        )
    existing = {(claim.start, claim.end): claim for claim in article.claims.all()}
    created: list[Claim] = []
    vectors = embeddings.embed([fact.text for fact in found])
    for fact, vector in zip(found, vectors, strict=True):
        if article.body[fact.start : fact.end] != fact.text:
            raise AssertionError(f"extraction offsets out of step with the body at {fact.start}:{fact.end}")
        claim = existing.pop((fact.start, fact.end), None)
        fields = {
            "text": fact.text,
            "attribution": fact.attribution[:300],
            "attribution_start": fact.attribution_span.start if fact.attribution_span else None,
            "attribution_end": fact.attribution_span.end if fact.attribution_span else None,
            "score": max(0.0, min(1.0, fact.score)),
            "reasons": list(fact.reasons),
        }
        if claim is None:
            claim = Claim(article=article, start=fact.start, end=fact.end, embedding=vector, **fields)
            claim.save()
            created.append(claim)
        else:
            changed = [name for name, value in fields.items() if getattr(claim, name) != value]
            if changed:
                for name in changed:
                    setattr(claim, name, fields[name])
                claim.save(update_fields=[*changed, "updated_at"])
            if claim.embedding is None:
                # A vector is not an edit: stored without a history entry.
                Claim.objects.filter(pk=claim.pk).update(embedding=vector)
            claim.quantities.all().delete()
            claim.dates.all().delete()
        Quantity.objects.bulk_create(
            Quantity(
                claim=claim,
                value=q.value,
                unit=q.unit[:80],
                text=q.text[:300],
                start=q.start,
                end=q.end,
                qualifier=q.qualifier,
                measure=q.measure[:80],
                noun=q.noun[:80],
                low=q.low,
                high=q.high,
                base_value=q.base_value,
                base_unit=q.base_unit[:40],
                attribution=q.attribution[:300],
                forecast=q.forecast,
            )
            for q in fact.quantities
        )
        DateMention.objects.bulk_create(
            DateMention(
                claim=claim,
                text=d.text[:200],
                start=d.start,
                end=d.end,
                value=d.value,
                granularity=d.granularity,
                clock=d.clock[:20],
            )
            for d in fact.dates
        )
    for claim in existing.values():
        if claim.is_untouched():
            claim.delete()
    article.extracted_at = timezone.now()
    article.save(update_fields=["extracted_at"])
    return created


def link_new_claims(claims: list[Claim]) -> int:
    """Match new claims against other outlets' claims (returns links made) and against the
    archive of published fact-checks."""
    made = matching.link_claims(claims)
    archive.match_claims(claims)
    return made
