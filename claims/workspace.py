"""Queries behind the editors' pages: desk, queue, compare, search.

Each returns what a page shows in a fixed number of SQL queries, whatever the
number of rows: related rows come through select_related and Prefetch.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from itertools import chain

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import ArchiveMatch, Article, Claim, ClaimLink, DateMention, Note, Quantity, Story, Verdict
from .review import CONFLICT_VERBS

OPEN_STATUSES = (Claim.Status.FLAGGED, Claim.Status.IN_REVIEW)
QUEUE_SORTS = {"newest": ("-created_at", "-pk"), "score": ("-score", "-pk"), "oldest": ("created_at", "pk")}


def _open_conflicts() -> QuerySet[ClaimLink]:
    return ClaimLink.objects.filter(relation=ClaimLink.Relation.CONFLICTS).exclude(
        status=ClaimLink.Status.DISMISSED
    )


def open_conflict_links() -> QuerySet[ClaimLink]:
    """Conflicts not dismissed whose claims are not both settled."""
    settled = (Claim.Status.RESOLVED, Claim.Status.DISMISSED)
    return _open_conflicts().exclude(Q(claim_a__status__in=settled) & Q(claim_b__status__in=settled))


# --- Desk --------------------------------------------------------------------------------


DESK_COUNTS_KEY = "desk-counts"
DESK_COUNTS_SECONDS = 30


def desk_counts(user) -> dict[str, int]:
    """The desk's counts. The newsroom-wide ones are shared by everyone: cached for 30 seconds and
    dropped whenever a claim or a link changes (claims.signals); the user's own count is live."""
    shared = cache.get(DESK_COUNTS_KEY)
    if shared is None:
        shared = {
            "flagged": Claim.objects.filter(status=Claim.Status.FLAGGED).count(),
            "conflicts": open_conflict_links().count(),
            "articles_today": Article.objects.filter(added_at__date=timezone.localdate()).count(),
            "suggested": ClaimLink.objects.filter(status=ClaimLink.Status.SUGGESTED).count(),
            "already_checked": ArchiveMatch.objects.filter(status=ArchiveMatch.Status.SUGGESTED).count(),
        }
        cache.set(DESK_COUNTS_KEY, shared, DESK_COUNTS_SECONDS)
    return {**shared, "mine": Claim.objects.filter(assignee=user, status__in=OPEN_STATUSES).count()}


def newest_conflicts(limit: int = 8) -> list[ClaimLink]:
    return list(
        open_conflict_links()
        .select_related("claim_a__article__outlet", "claim_b__article__outlet")
        .order_by("-created_at", "-pk")[:limit]
    )


def claim_count() -> Subquery:
    """Each article's number of claims, counted for the rows shown only (never a GROUP BY of the archive)."""
    return Subquery(
        Claim.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )


def latest_articles(limit: int = 8) -> list[Article]:
    return list(
        Article.objects.select_related("outlet")
        .defer("body")
        .annotate(claim_count=Coalesce(claim_count(), 0))
        .order_by("-added_at", "-pk")[:limit]
    )


@dataclass
class Activity:
    when: datetime.datetime
    user: object
    verb: str
    target: str
    url: str


CONFLICT_REASON = "conflict "  # claims.review.conflict_action's history reasons start so


def recent_activity(*, exclude_user=None, limit: int = 12) -> list[Activity]:
    """What colleagues did lately, from the change history (a fixed 3 queries)."""
    # An action on a conflict changes both claims and the link: the link's line tells it, once.
    claim_changes = (
        Claim.history.filter(history_user__isnull=False, history_type="~")
        .exclude(history_change_reason__startswith=CONFLICT_REASON)
        .select_related("history_user")
    )
    # People's actions; the matcher's own links (made during someone's import) are summarised.
    link_changes = (
        ClaimLink.history.filter(history_user__isnull=False)
        .exclude(history_type="+", origin=ClaimLink.Origin.AUTO)
        .select_related("history_user")
    )
    note_changes = Note.history.filter(history_user__isnull=False, history_type="+").select_related(
        "history_user"
    )
    if exclude_user is not None:
        claim_changes = claim_changes.exclude(history_user=exclude_user)
        link_changes = link_changes.exclude(history_user=exclude_user)
        note_changes = note_changes.exclude(history_user=exclude_user)
    items: list[Activity] = []
    for record in claim_changes.order_by("-history_date")[:limit]:
        status = Claim.Status(record.status).label.lower()
        verb = f"updated a claim ({status})"
        items.append(
            Activity(
                record.history_date, record.history_user, verb, record.text[:90], f"/claims/{record.id}/"
            )
        )
    for record in link_changes.order_by("-history_date")[:limit]:
        verb = {"+": "linked", "~": f"{record.status} a link as", "-": "removed a link"}[record.history_type]
        verb = f"{verb} {record.relation}"
        if (record.history_change_reason or "").startswith(CONFLICT_REASON):
            done = record.history_change_reason.split(":")[0].removeprefix(CONFLICT_REASON)
            verb = CONFLICT_VERBS.get(done, verb)
        items.append(
            Activity(
                record.history_date,
                record.history_user,
                verb,
                record.explanation[:90] or "two claims",
                f"/claims/{record.claim_a_id}/",
            )
        )
    for record in note_changes.order_by("-history_date")[:limit]:
        target_id = record.claim_id
        url = f"/claims/{target_id}/" if target_id else ""
        items.append(
            Activity(record.history_date, record.history_user, "wrote a note", record.text[:90], url)
        )
    items.sort(key=lambda item: item.when, reverse=True)
    items = items[: limit - 1] if items else items
    summary = _matcher_summary()
    if summary:
        items.append(summary)
        items.sort(key=lambda item: item.when, reverse=True)
    return items[:limit]


MATCHER_WINDOW = datetime.timedelta(days=1)


def _matcher_summary() -> Activity | None:
    """One line for the machine's links of the last day: "the matcher linked 14 claims in 3
    articles" (2 queries, whatever the number of links)."""
    since = timezone.now() - MATCHER_WINDOW
    made = list(
        ClaimLink.history.filter(history_type="+", origin=ClaimLink.Origin.AUTO, history_date__gte=since)
        .order_by("-history_date")
        .values_list("history_date", "claim_a_id", "claim_b_id")[:2000]
    )
    if not made:
        return None
    claim_ids = {pk for _, a, b in made for pk in (a, b)}
    articles = Claim.objects.filter(pk__in=claim_ids).values("article_id").distinct().count()
    pairs = len(made)
    return Activity(
        made[0][0],
        None,
        "the matcher linked",
        f"{pairs} pair{'s' if pairs != 1 else ''} of claims in {articles} article{'s' if articles != 1 else ''} "
        "(last 24 hours)",
        "/queue/?status=new&status=flagged",
    )


# --- Queue -------------------------------------------------------------------------------


@dataclass
class QueueFilters:
    status: list[str] = field(default_factory=lambda: list(OPEN_STATUSES))
    outlet: str = ""
    kind: str = ""
    assignee: str = ""  # "me", "none", or a user name
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    has_verdict: str = ""  # "yes", "no" or ""
    q: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, params) -> QueueFilters:
        statuses = [s for s in params.getlist("status") if s in Claim.Status.values]
        return cls(
            status=statuses or list(OPEN_STATUSES),
            outlet=params.get("outlet", "").strip(),
            kind=params.get("kind", "") if params.get("kind", "") in ClaimLink.Kind.values else "",
            assignee=params.get("assignee", "").strip(),
            date_from=parse_date(params.get("date_from")),
            date_to=parse_date(params.get("date_to")),
            has_verdict=params.get("has_verdict", "") if params.get("has_verdict") in {"yes", "no"} else "",
            q=params.get("q", "").strip()[:200],
            sort=params.get("sort", "newest") if params.get("sort") in QUEUE_SORTS else "newest",
        )


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _conflicts_prefetch(to_attr: str, side: str) -> Prefetch:
    other = "claim_b" if side == "a" else "claim_a"
    # Only the strongest conflict on each side is shown: a sliced prefetch (a window function in SQL)
    # fetches one row per claim however many conflicts it has; article bodies are never needed here.
    return Prefetch(
        f"links_as_{side}",
        queryset=_open_conflicts()
        .select_related(f"{other}__article__outlet")
        .defer(f"{other}__article__body")
        .order_by("-score", "pk")[:1],
        to_attr=to_attr,
    )


def _checked_prefetch() -> Prefetch:
    # The best fact-check each row may already be answered by (one row per claim, as above).
    return Prefetch(
        "archive_matches",
        queryset=ArchiveMatch.objects.exclude(status=ArchiveMatch.Status.DISMISSED)
        .select_related("factcheck")
        .defer("factcheck__terms", "factcheck__embedding")
        .order_by("-score", "pk")[:1],
        to_attr="checked",
    )


def stories_with_open_conflicts(limit: int = 6) -> list[tuple[Story, int]]:
    """The stories with the most open conflicts, with their counts, for the desk (2 queries)."""
    counts = list(
        open_conflict_links()
        .filter(claim_a__article__story__isnull=False)
        .values("claim_a__article__story")
        .annotate(n=Count("pk"))
        .order_by("-n", "claim_a__article__story")[:limit]
    )
    stories = Story.objects.in_bulk([row["claim_a__article__story"] for row in counts])
    return [
        (stories[row["claim_a__article__story"]], row["n"])
        for row in counts
        if row["claim_a__article__story"] in stories
    ]


def already_checked(limit: int = 8) -> list[ArchiveMatch]:
    """New claims that an existing fact-check may already answer, for the desk."""
    return list(
        ArchiveMatch.objects.filter(status=ArchiveMatch.Status.SUGGESTED)
        .select_related("claim__article__outlet", "factcheck")
        .defer("claim__article__body", "factcheck__terms", "factcheck__embedding", "claim__embedding")
        .order_by("-created_at", "-score")[:limit]
    )


def queue_claims(filters: QueueFilters, user) -> QuerySet[Claim]:
    claims = Claim.objects.filter(status__in=filters.status)
    if filters.outlet:
        claims = claims.filter(article__outlet__slug=filters.outlet)
    if filters.kind:
        kind_links = _open_conflicts().filter(kind=filters.kind)
        claims = claims.filter(
            Q(pk__in=kind_links.values("claim_a")) | Q(pk__in=kind_links.values("claim_b"))
        )
    if filters.assignee == "me":
        claims = claims.filter(assignee=user)
    elif filters.assignee == "none":
        claims = claims.filter(assignee__isnull=True)
    elif filters.assignee:
        claims = claims.filter(assignee__username=filters.assignee)
    if filters.date_from:
        claims = claims.filter(article__published__gte=filters.date_from)
    if filters.date_to:
        claims = claims.filter(article__published__lte=filters.date_to)
    if filters.has_verdict:
        has = Exists(Verdict.objects.filter(claim=OuterRef("pk")))
        claims = claims.filter(has) if filters.has_verdict == "yes" else claims.exclude(has)
    if filters.q:
        claims = claims.filter(Q(text__icontains=filters.q) | Q(attribution__icontains=filters.q))
    return (
        claims.select_related("article__outlet", "assignee")
        .defer("article__body")
        .prefetch_related(
            _conflicts_prefetch("conflicts_a", "a"),
            _conflicts_prefetch("conflicts_b", "b"),
            _checked_prefetch(),
        )
        .order_by(*QUEUE_SORTS[filters.sort])
    )


def counterpart(claim: Claim) -> tuple[ClaimLink | None, Claim | None]:
    """The strongest open conflict of a queue row and the claim on its other side."""
    links = sorted(chain(claim.conflicts_a, claim.conflicts_b), key=lambda link: (-link.score, link.pk))
    if not links:
        return None, None
    return links[0], links[0].other(claim)


def assignable_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=["Editor", "Chief"])
        .distinct()
        .order_by("username")
    )


# --- Compare -----------------------------------------------------------------------------


@dataclass
class CompareRow:
    link: ClaimLink
    cells: list[Claim | None]


def story_fact_sheet(story) -> list:
    """The story's fact sheet (claims.factsheet) from its claims and their figures, with the
    editors' pins, names, merges and moves applied (4 queries)."""
    from . import conflicts, factsheet

    claims = (
        Claim.objects.filter(article__story=story)
        .exclude(status=Claim.Status.DISMISSED)
        .select_related("article__outlet")
        .defer("article__body", "embedding", "reasons")
        .prefetch_related(Prefetch("quantities", queryset=Quantity.objects.order_by("start")))
        .order_by("article__published", "article__published_at", "pk")
    )
    statements = []
    for claim in claims:
        quantities = list(claim.quantities.all())
        facts = conflicts.facts_from(text=claim.text, quantities=quantities, offset=claim.start)
        statements.append(
            factsheet.Statement(
                claim_id=claim.pk,
                outlet=claim.article.outlet.name,
                published=claim.article.published,
                text=claim.text,
                attribution=claim.attribution,
                figures=tuple(zip(facts.figures, [q.attribution for q in quantities], strict=True)),
                published_at=claim.article.published_at,
            )
        )
    from .fact_edits import choices_of

    return factsheet.apply_choices(factsheet.build(statements), *choices_of(story))


def compare_candidates(q: str = "", *, limit: int = 50) -> list[Article]:
    """Articles to pick for comparing, newest first, matching the words in outlet, headline or
    story title (2 queries whatever the archive's size)."""
    articles = Article.objects.select_related("outlet", "story").defer("body")
    if q:
        articles = articles.filter(
            Q(headline__icontains=q) | Q(outlet__name__icontains=q) | Q(story__title__icontains=q)
        )
    return list(articles.order_by("-published", "-pk")[:limit])


def compare_articles(article_ids: list[int]) -> tuple[list[Article], list[CompareRow], list[list[Claim]]]:
    """Articles side by side: one row per link between two of them, and each article's unlinked claims."""
    articles = list(
        Article.objects.filter(pk__in=article_ids).select_related("outlet").order_by("published", "pk")
    )
    order = {article.pk: index for index, article in enumerate(articles)}
    claims = {
        claim.pk: claim
        for claim in Claim.objects.filter(article__in=articles)
        .prefetch_related(Prefetch("quantities", queryset=Quantity.objects.order_by("start")))
        .order_by("article", "start")
    }
    links = (
        ClaimLink.objects.filter(claim_a__in=claims.keys(), claim_b__in=claims.keys())
        .exclude(status=ClaimLink.Status.DISMISSED)
        .order_by("-relation", "-score", "pk")
    )
    rows, linked = [], set()
    for link in links:
        a, b = claims[link.claim_a_id], claims[link.claim_b_id]
        if a.article_id == b.article_id:
            continue
        cells: list[Claim | None] = [None] * len(articles)
        cells[order[a.article_id]], cells[order[b.article_id]] = a, b
        link.claim_a, link.claim_b = a, b
        rows.append(CompareRow(link, cells))
        linked |= {a.pk, b.pk}
    rows.sort(
        key=lambda row: (
            {"conflicts": 0, "agrees": 1}.get(row.link.relation, 2),
            min(c.start for c in row.cells if c),
        )
    )
    unlinked = [
        [c for c in claims.values() if c.article_id == article.pk and c.pk not in linked]
        for article in articles
    ]
    return articles, rows, unlinked


# --- Search ------------------------------------------------------------------------------


def search(q: str, *, limit: int = 50) -> tuple[list[Claim], list[Article]]:
    q = q.strip()[:200]
    if not q:
        return [], []
    # Newest first: an index scan backwards that stops at the limit for a common word, and the
    # trigram index for a rare one. A claim's source is part of its text, so text alone is searched.
    claims = list(
        Claim.objects.filter(text__icontains=q)
        .select_related("article__outlet")
        .defer("article__body")
        .order_by("-pk")[:limit]
    )
    if connection.vendor == "postgresql":
        # Headline and body words through their full-text index (migration 0009), outlets by name:
        # two index-backed queries, where one OR over every article would read them all.
        with connection.cursor() as cursor:
            cursor.execute(ARTICLE_TEXT_MATCH, [q, limit])
            ids = [row[0] for row in cursor.fetchall()]
        ids += (
            Article.objects.filter(outlet__name__icontains=q)
            .order_by("-pk")
            .values_list("pk", flat=True)[:limit]
        )
        in_articles = Q(pk__in=ids)
    else:
        in_articles = Q(headline__icontains=q) | Q(body__icontains=q) | Q(outlet__name__icontains=q)
    articles = list(
        Article.objects.filter(in_articles)
        .select_related("outlet")
        .defer("body")
        .annotate(claim_count=Coalesce(claim_count(), 0))
        .order_by("-pk")[:limit]
    )
    return claims, articles


ARTICLE_TEXT_MATCH = (
    "SELECT id FROM claims_article WHERE search_document @@ websearch_to_tsquery('english'::regconfig, %s) "
    "ORDER BY id DESC LIMIT %s"
)


# --- Conflicts, the unit of triage ------------------------------------------------------------


@dataclass
class ConflictFilters:
    show: str = "open"  # "open": a side still to settle; "settled": both resolved or dismissed
    outlet: str = ""
    kind: str = ""
    assignee: str = ""  # "me", "none", or a user name (either side)
    story: int | None = None
    q: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, params) -> ConflictFilters:
        story = params.get("story", "")
        return cls(
            show="settled" if params.get("show") == "settled" else "open",
            outlet=params.get("outlet", "").strip(),
            kind=params.get("kind", "") if params.get("kind", "") in ClaimLink.Kind.values else "",
            assignee=params.get("assignee", "").strip(),
            story=int(story) if story.isascii() and story.isdigit() and len(story) < 19 else None,
            q=params.get("q", "").strip()[:200],
            sort=params.get("sort", "newest") if params.get("sort") in QUEUE_SORTS else "newest",
        )


def _with_marks(side: str) -> list[Prefetch]:
    return [
        Prefetch(f"{side}__quantities", queryset=Quantity.objects.order_by("start")),
        Prefetch(f"{side}__dates", queryset=DateMention.objects.order_by("start")),
    ]


def conflict_links(filters: ConflictFilters, user) -> QuerySet[ClaimLink]:
    """One row per conflicting pair of claims, with both claims, their outlets and figures."""
    settled = (Claim.Status.RESOLVED, Claim.Status.DISMISSED)
    links = _open_conflicts()
    both_settled = Q(claim_a__status__in=settled) & Q(claim_b__status__in=settled)
    links = links.filter(both_settled) if filters.show == "settled" else links.exclude(both_settled)
    if filters.outlet:
        links = links.filter(
            Q(claim_a__article__outlet__slug=filters.outlet)
            | Q(claim_b__article__outlet__slug=filters.outlet)
        )
    if filters.kind:
        links = links.filter(kind=filters.kind)
    if filters.assignee == "me":
        links = links.filter(Q(claim_a__assignee=user) | Q(claim_b__assignee=user))
    elif filters.assignee == "none":
        links = links.filter(claim_a__assignee__isnull=True, claim_b__assignee__isnull=True)
    elif filters.assignee:
        links = links.filter(
            Q(claim_a__assignee__username=filters.assignee) | Q(claim_b__assignee__username=filters.assignee)
        )
    if filters.story:
        links = links.filter(
            Q(claim_a__article__story_id=filters.story) | Q(claim_b__article__story_id=filters.story)
        )
    if filters.q:
        links = links.filter(
            Q(claim_a__text__icontains=filters.q)
            | Q(claim_b__text__icontains=filters.q)
            | Q(explanation__icontains=filters.q)
        )
    order = {"newest": ("-created_at", "-pk"), "score": ("-score", "-pk"), "oldest": ("created_at", "pk")}
    return (
        links.select_related(
            "claim_a__article__outlet",
            "claim_b__article__outlet",
            "claim_a__assignee",
            "claim_b__assignee",
            "claim_a__article__story",
        )
        .defer(
            "claim_a__article__body",
            "claim_b__article__body",
            "claim_a__embedding",
            "claim_b__embedding",
        )
        .prefetch_related(*_with_marks("claim_a"), *_with_marks("claim_b"))
        .order_by(*order[filters.sort])
    )
