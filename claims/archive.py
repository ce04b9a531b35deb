"""The archive of published fact-checks: storing them, searching them, and matching new claims.

Search is a hybrid (claims/retrieval.py): candidates are the fact-checks holding the query's
rarest words (PostgreSQL: a GIN index over the stemmed words; SQLite: the terms column, at demo
scale), ranked by BM25 plus the similarity of their sentence embeddings.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Avg, Count, F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from . import embeddings, retrieval
from .factcheck_formats import Record
from .models import ArchiveMatch, ArchiveTerm, Claim, FactCheck, Verdict

STATS_KEY = "archive-stats-v1"
MATCHES_PER_CLAIM = 3
MATCH_RERANKED = 20
BULK = 500


@dataclass
class Hit:
    factcheck: FactCheck
    score: float  # how surely it is the same claim, 0 to 1 (retrieval.match_strength)
    rank_score: float  # the ranking score, relative to the best candidate of this query

    @property
    def in_words(self) -> str:
        return retrieval.strength_in_words(self.score)


@dataclass
class Added:
    created: list[FactCheck] = field(default_factory=list)
    skipped: int = 0  # already in the archive
    refused: list[str] = field(default_factory=list)  # why each unusable record was left out


# --- Storing ---------------------------------------------------------------------------------


def fingerprint(claim_reviewed: str, publisher: str, url: str) -> str:
    key = "\n".join([" ".join(claim_reviewed.lower().split()), publisher.strip().lower(), url.strip()])
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()


def searchable_text(claim_reviewed: str, title: str) -> str:
    return f"{claim_reviewed} {title}".strip()


def _prepare(factcheck: FactCheck) -> list[str]:
    words = retrieval.terms(searchable_text(factcheck.claim_reviewed, factcheck.title))
    # Spaces around every word let SQLite find " word " with LIKE; PostgreSQL indexes them.
    factcheck.terms = f" {' '.join(words)} " if words else ""
    factcheck.term_count = len(words)
    return words


def _count_terms(documents: Iterable[list[str]], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) each document's words from the counts of rarity."""
    per_term = Counter(term for words in documents for term in set(words))
    if not per_term:
        return
    if sign > 0:
        ArchiveTerm.objects.bulk_create(
            [ArchiveTerm(term=term[:100], documents=0) for term in per_term], ignore_conflicts=True
        )
    by_step = defaultdict(list)
    for term, count in per_term.items():
        by_step[count].append(term[:100])
    for count, terms in by_step.items():
        ArchiveTerm.objects.filter(term__in=terms).update(documents=F("documents") + sign * count)
    cache.delete(STATS_KEY)


def add(records: Iterable[Record]) -> Added:
    """Store the records not yet in the archive (same claim, publisher and URL = the same)."""
    result = Added()
    fresh: dict[str, FactCheck] = {}
    for record in records:
        if not record.claim_reviewed:
            result.refused.append(f"no claim reviewed ({record.url or record.title or 'no URL'})")
            continue
        if not record.publisher:
            result.refused.append(f"no publisher for {record.claim_reviewed[:60]!r}")
            continue
        if record.url and not record.url.startswith(("http://", "https://")):
            result.refused.append(f"not an http(s) URL: {record.url[:80]!r}")
            continue
        key = fingerprint(record.claim_reviewed, record.publisher, record.url)
        if key in fresh:
            result.skipped += 1
            continue
        fresh[key] = FactCheck(
            claim_reviewed=record.claim_reviewed,
            title=record.title[:500],
            rating=record.rating[:200],
            verdict_label=record.verdict_label,
            publisher=record.publisher[:200],
            url=record.url[:2000],
            reviewed_on=record.reviewed_on,
            language=record.language[:12],
            claimant=record.claimant[:300],
            fingerprint=key,
        )
    existing = set(
        FactCheck.objects.filter(fingerprint__in=list(fresh)).values_list("fingerprint", flat=True)
    )
    result.skipped += len(existing)
    new = [fc for key, fc in fresh.items() if key not in existing]
    if not new:
        return result
    words = [_prepare(fc) for fc in new]
    vectors = embeddings.embed([searchable_text(fc.claim_reviewed, fc.title) for fc in new])
    for fc, vector in zip(new, vectors, strict=True):
        fc.embedding = vector
    with transaction.atomic():
        result.created = FactCheck.objects.bulk_create(new, batch_size=500)
        _count_terms(words, +1)
    if len(new) >= BULK and connection.vendor == "postgresql":
        # A bulk import leaves its words in the GIN index's pending list, read linearly by every
        # search until autovacuum comes by: merge it now and refresh the planner's statistics.
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('factcheck_search_terms_idx')")
            cursor.execute("ANALYZE claims_factcheck")
    return result


def store(factcheck: FactCheck) -> FactCheck:
    """Save one fact-check made or edited by hand (the admin, our own verdicts), words counted."""
    with transaction.atomic():
        old = FactCheck.objects.filter(pk=factcheck.pk).values_list("terms", flat=True).first()
        if old:
            _count_terms([old.split()], -1)
        factcheck.fingerprint = fingerprint(factcheck.claim_reviewed, factcheck.publisher, factcheck.url)
        words = _prepare(factcheck)
        factcheck.embedding = embeddings.embed([searchable_text(factcheck.claim_reviewed, factcheck.title)])[
            0
        ]
        factcheck.save()
        _count_terms([words], +1)
    return factcheck


def sync_verdict(verdict: Verdict) -> FactCheck | None:
    """Our own published verdict in the archive (and out of it once unpublished)."""
    from django.conf import settings

    from .claimreview import absolute

    existing = FactCheck.objects.filter(verdict=verdict).first()
    if not verdict.is_published:
        if existing:
            existing.delete()
        return None
    claim = verdict.claim
    factcheck = existing or FactCheck(verdict=verdict)
    factcheck.claim_reviewed = verdict.headline or claim.text
    factcheck.title = verdict.headline
    factcheck.rating = factcheck.verdict_label = verdict.rating.label
    factcheck.publisher = settings.FACTCHECK_ORGANIZATION_NAME
    factcheck.url = absolute(verdict.get_public_url())
    factcheck.reviewed_on = (verdict.published_at or timezone.now()).date()
    factcheck.language = claim.article.language[:12]
    factcheck.claimant = (claim.attribution or claim.article.outlet.name)[:300]
    with transaction.atomic():
        # The same verdict brought in earlier from our own ClaimReview feed is this record now.
        same = fingerprint(factcheck.claim_reviewed, factcheck.publisher, factcheck.url)
        for duplicate in FactCheck.objects.filter(fingerprint=same).exclude(pk=factcheck.pk):
            duplicate.delete()
        return store(factcheck)


@receiver(post_delete, sender=FactCheck)
def _forget_terms(sender, instance: FactCheck, **kwargs):
    _count_terms([instance.terms.split()], -1)


# --- Searching -------------------------------------------------------------------------------


def _collection_size() -> tuple[int, float]:
    stats = cache.get(STATS_KEY)
    if stats is None:
        found = FactCheck.objects.aggregate(total=Count("pk"), average=Avg("term_count"))
        stats = (found["total"], float(found["average"] or 0.0))
        cache.set(STATS_KEY, stats, 300)
    return stats


def _candidates(chosen: list[str]) -> list[tuple[int, str]]:
    """(id, stemmed words) of every fact-check holding one of the chosen words."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, terms FROM claims_factcheck WHERE search_terms @@ to_tsquery('simple', %s)",
                [" | ".join(chosen)],
            )
            return cursor.fetchall()
    condition = Q()
    for term in chosen:
        condition |= Q(terms__contains=f" {term} ")
    return list(FactCheck.objects.filter(condition).values_list("pk", "terms"))


def search(
    text: str, *, limit: int = 10, vector: bytes | None = None, reranked: int = retrieval.RERANKED
) -> list[Hit]:
    """The fact-checks most likely to have checked `text` (a claim, a tweet, a post), best first.

    Never empty when some fact-check shares a word (other than a stopword) with the text.
    """
    cleaned = retrieval.clean_post(text)
    query = retrieval.terms(cleaned)
    if not query:
        return []
    frequencies = dict(
        ArchiveTerm.objects.filter(term__in=set(query), documents__gt=0).values_list("term", "documents")
    )
    chosen = retrieval.choose_terms(query, frequencies)
    rows = _candidates(chosen) if chosen else []
    if not rows:
        return []
    total, average = _collection_size()
    collection = retrieval.Collection(total=max(total, 1), average_length=average, frequencies=frequencies)
    documents = {pk: terms.split() for pk, terms in rows}
    lexical = dict(
        zip(documents, retrieval.bm25_scores(query, list(documents.values()), collection), strict=True)
    )
    best = sorted(documents, key=lambda pk: (-lexical[pk], pk))[:reranked]
    factchecks = FactCheck.objects.defer("terms").in_bulk(best)
    if vector is None:
        vector = embeddings.embed([cleaned])[0]
    meaning = {pk: embeddings.meaning_similarity(vector, fc.embedding) for pk, fc in factchecks.items()}
    best = [pk for pk in best if pk in factchecks]
    ranking = dict(
        zip(best, retrieval.fused([lexical[pk] for pk in best], [meaning[pk] for pk in best]), strict=True)
    )
    best = sorted(best, key=lambda pk: (-ranking[pk], pk))[:limit]
    # How surely each shown one is the same claim weighs its own words too: their rarity.
    unseen = {t for pk in best for t in documents[pk]} - set(frequencies)
    frequencies |= dict(ArchiveTerm.objects.filter(term__in=unseen).values_list("term", "documents"))
    return [
        Hit(
            factcheck=factchecks[pk],
            score=retrieval.match_strength(query, documents[pk], meaning[pk], collection),
            rank_score=round(ranking[pk], 4),
        )
        for pk in best
    ]


# --- Matching new claims ---------------------------------------------------------------------


def has_factchecks() -> bool:
    return _collection_size()[0] > 0


def match_claims(claims: list[Claim]) -> int:
    """Record which existing fact-checks may already answer each claim. Returns how many."""
    if not claims or not has_factchecks():
        return 0
    # A claim's own published verdict is not news to the editor looking at that claim.
    own = set(Verdict.objects.filter(claim__in=claims).values_list("pk", "claim_id"))
    made = 0
    for claim in claims:
        hits = [
            hit
            # At import only the best few by words are weighed by meaning: a claim that shares
            # few words with a fact-check rarely clears the threshold (10,375 fact-checks: 23 -> 17 ms a claim).
            for hit in search(
                claim.text, limit=MATCHES_PER_CLAIM, vector=claim.embedding, reranked=MATCH_RERANKED
            )
            if hit.score >= retrieval.MATCH_THRESHOLD and (hit.factcheck.verdict_id, claim.pk) not in own
        ]
        for hit in hits:
            _, created = ArchiveMatch.objects.get_or_create(
                claim=claim, factcheck=hit.factcheck, defaults={"score": hit.score}
            )
            made += created
    return made


@transaction.atomic
def decide(match: ArchiveMatch, *, status: str, by) -> ArchiveMatch:
    """An editor confirms or dismisses a match; the machine never undoes it."""
    if status not in {
        ArchiveMatch.Status.CONFIRMED,
        ArchiveMatch.Status.DISMISSED,
        ArchiveMatch.Status.SUGGESTED,
    }:
        raise ValueError(f"unknown status {status!r}")
    match = ArchiveMatch.objects.select_for_update().get(pk=match.pk)
    match.status = status
    match.decided_by = by if status != ArchiveMatch.Status.SUGGESTED else None
    match.decided_at = timezone.now() if status != ArchiveMatch.Status.SUGGESTED else None
    match.save(update_fields=["status", "decided_by", "decided_at"])
    cache.delete(workspace_counts_key())
    return match


def workspace_counts_key() -> str:
    from .workspace import DESK_COUNTS_KEY

    return DESK_COUNTS_KEY


def shown_matches(claim: Claim) -> list[ArchiveMatch]:
    """What the claim page shows: matches not dismissed, best first."""
    return list(
        claim.archive_matches.exclude(status=ArchiveMatch.Status.DISMISSED)
        .select_related("factcheck", "decided_by")
        .order_by("-status", "-score")
    )
