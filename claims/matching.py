"""Find the claims in other outlets' articles that speak of the same fact, and link them.

Two steps, as search engines do: the database retrieves a short list of
candidates through an index (PostgreSQL full-text search; on SQLite a narrow
window of `icontains` terms), then Python scores each candidate with signals
that matter in news and compares the facts (claims.conflicts).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.models import Func, Prefetch, Q

from . import conflicts, embeddings, learned
from .models import Article, Claim, ClaimLink, DateMention, Quantity

CANDIDATES_PER_CLAIM = 60
DATE_WINDOW = datetime.timedelta(days=45)
RELATED_MARGIN = 0.15
# Two claims of one story are weighed as if their articles shared half their names, at least:
# the story is evidence that they tell the same facts (see bench/README.md for how it was chosen).
SAME_STORY_CONTEXT = 0.5
# The embeddings' cosine similarity is recorded as a signal but weighs nothing yet: swept on the
# real and invented sets it added no labelled conflict and cost link precision (bench/README.md).
MEANING_WEIGHT = 0.0
MEANING_FLOOR = 0.3
SEARCH_MEANING_WEIGHT = 1.0  # find_similar's re-ranking by meaning; chosen leaving one event out
# One story's two claims giving its whole toll of one kind ("AFP put the death toll at 156", "left at
# least 290 people dead") state one fact however few words they share.
TOLL_WEIGHT = 0.1
UNIT_CANDIDATES = 15

# Words that let a claim meet its rival account: "video conference" finds "phone call".
FRAME_TERMS = {
    "format": ["video", "conference", "videoconference", "virtual", "phone", "telephone", "call", "person"],
    "departure": ["resigned", "resign", "fired", "dismissed", "sacked", "ousted", "stepped"],
    "decision": ["approved", "rejected", "passed", "vetoed", "adopted"],
    "response": ["confirmed", "denied"],
    "direction": ["rose", "fell", "increased", "decreased", "dropped", "climbed"],
    "schedule": ["cancelled", "canceled", "postponed", "delayed", "scrapped"],
}


@dataclass
class Candidate:
    claim: Claim
    score: float
    comparison: conflicts.Comparison
    signals: dict[str, float]
    facts: conflicts.ClaimFacts | None = None  # the candidate's
    own_facts: conflicts.ClaimFacts | None = None  # the claim it was found for


# --- Facts of a claim ----------------------------------------------------------


def facts_of(claim: Claim) -> conflicts.ClaimFacts:
    return conflicts.facts_from(
        text=claim.text,
        quantities=claim.quantities.all(),
        dates=claim.dates.all(),
        attribution=claim.attribution,
        outlet=claim.article.outlet.name,
        published=claim.article.published,
        published_at=claim.article.published_at,
        offset=claim.start,
    )


def _with_facts(queryset):
    return queryset.select_related("article__outlet").prefetch_related(
        Prefetch("quantities", queryset=Quantity.objects.order_by("start")),
        Prefetch("dates", queryset=DateMention.objects.order_by("start")),
    )


# --- Scoring -------------------------------------------------------------------


def _overlap(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


class ArticleContext:
    """How much two articles are about the same story, cached per article."""

    def __init__(self):
        self._entities: dict[int, set[str]] = {}

    def entities(self, article: Article) -> set[str]:
        if article.pk not in self._entities:
            self._entities[article.pk] = conflicts.entity_stems(f"{article.headline}. {article.body}")
        return self._entities[article.pk]

    def similarity(self, first: Article, second: Article) -> float:
        a, b = self.entities(first), self.entities(second)
        if not a or not b:
            return 0.0
        return len(a & b) / (min(len(a), len(b)) ** 0.5 * max(len(a), len(b)) ** 0.5)


_model_override: list = []


@contextmanager
def using_model(model: learned.Model | None):
    """Score with this learned model (None: the hand-set rules) inside the block, e.g. a model
    that never saw the event being scored."""
    _model_override.append(model)
    try:
        yield
    finally:
        _model_override.pop()


def active_model() -> learned.Model | None:
    if _model_override:
        return _model_override[-1]
    return learned.shipped() if settings.FACTCHECK_MATCHER == "learned" else None


def score_pair(
    a: conflicts.ClaimFacts,
    b: conflicts.ClaimFacts,
    *,
    context: float = 0.0,
    meaning: float = 0.0,
    rules: bool = False,
) -> tuple[float, dict[str, float]]:
    """How likely two claims state the same fact, 0 to 1, and the signals behind it.

    `meaning` is the cosine similarity of the two sentences' embeddings (0 when unknown). The
    score is the learned model's probability when one is active (FACTCHECK_MATCHER=learned),
    else the hand-set weights below; `rules` asks for the latter whatever is active.
    """
    frames_a, frames_b = conflicts.frames(a.text), conflicts.frames(b.text)
    shared_frames = frames_a & frames_b
    days_a = {d.value for d in a.dates if d.value and d.granularity in {"day", "weekday", "relative"}}
    days_b = {d.value for d in b.dates if d.value and d.granularity in {"day", "weekday", "relative"}}
    signals = {
        "words": conflicts.similarity(a.text, b.text),
        "entities": _overlap(conflicts.entity_stems(a.text), conflicts.entity_stems(b.text)),
        "source": 1.0
        if a.attribution and b.attribution and conflicts.same_source(a.attribution, b.attribution)
        else 0.0,
        # A time of day both give is a figure in common: "around 11:30 p.m." and "at about 23:30".
        "units": 1.0 if conflicts.comparable_units(a, b) or conflicts.shared_clock(a, b) else 0.0,
        "dates": 1.0 if days_a & days_b else 0.0,
        "frames": 1.0 if shared_frames - conflicts.WEAK_FRAMES else 0.5 if shared_frames else 0.0,
        "context": context,
        "meaning": round(meaning, 3),
        "toll": 1.0 if context >= SAME_STORY_CONTEXT and conflicts.shared_toll(a, b) else 0.0,
    }
    concrete = (
        any(signals[name] for name in ("units", "frames", "source", "dates")) or signals["entities"] >= 0.5
    )
    raw = (
        0.45 * signals["words"]
        + 0.2 * signals["entities"]
        + 0.15 * signals["source"]
        + 0.2 * signals["units"]
        + 0.1 * signals["dates"]
        + 0.3 * signals["frames"]
        + (0.25 * context if concrete else 0.0)
        + MEANING_WEIGHT * max(0.0, meaning - MEANING_FLOOR)
        + TOLL_WEIGHT * signals["toll"]
    )
    if (
        context < 0.2
        and signals["entities"] == 0
        and conflicts.entity_stems(a.text)
        and conflicts.entity_stems(b.text)
    ):
        # Different stories naming different people and places: "the Valdoria marathon"
        # and "the Ostrel marathon" are not one fact, however alike the sentences.
        raw *= 0.6
        signals["different_names"] = 1.0
    proximity = 0.9
    if a.published and b.published:
        days = abs((a.published - b.published).days)
        proximity = 1.0 if days <= 3 else 0.85 if days <= 14 else 0.6
        if context >= SAME_STORY_CONTEXT:
            # One story's reports days apart are its updates ("701 hospitalised", then "more
            # than 720"): the very pairs an editor must see, so the days cost less.
            proximity = 1.0 if days <= 14 else 0.85
    signals["proximity"] = proximity
    model = None if rules else active_model()
    if model is not None:
        signals["learned"] = 1.0
        return round(model.probability(learned.features(a, b, signals)), 3), signals
    return round(min(1.0, raw) * proximity, 3), signals


# --- Candidate retrieval -----------------------------------------------------------

_TERM = re.compile(r"[a-z][a-z0-9]{2,}")


def query_terms(text: str, limit: int = 14) -> list[str]:
    """The content words of a claim, longest (rarest) first, plus the words of its rival accounts."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", text)]
    terms: list[str] = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if word in conflicts.STOPWORDS or not _TERM.fullmatch(word):
            continue
        terms.append(word)
    terms = terms[:limit]
    for frame in conflicts.frames(text):
        terms += [t for t in FRAME_TERMS.get(frame, []) if t not in terms]
    return terms


# Rival accounts as text-search phrases: "video conference" finds "phone call".
FRAME_PHRASES = {
    "format": [
        "video <-> conference",
        "videoconference",
        "video <-> link",
        "video <-> call",
        "phone",
        "telephone",
        "visit",
        "face <-> face",
    ],
    "departure": ["resign", "fire", "dismiss", "sack", "oust", "step <-> down"],
    "decision": ["approve", "reject", "veto", "adopt"],
    "response": ["confirm", "deni"],
    "direction": ["rose", "fell", "increas", "decreas", "drop", "climb"],
    "schedule": ["cancel", "postpon", "delay", "scrap"],
    "transport": ["helicopt", "airlift", "boat", "truck", "convoy"],
}
PAIR_TERMS = 5


def text_query(text: str, rare_terms=None) -> str:
    """A tsquery that needs two of the claim's rarest words, or a rival account.

    Pairs of words instead of single words, and words the database's statistics
    do not list as common, keep the matches (and the ranking work) small as the
    archive grows: a common word alone matches a large share of all claims.
    """
    terms = [t for t in query_terms(text) if t not in _ALL_FRAME_TERMS]
    rare = rare_terms(terms) if rare_terms else terms
    terms = (rare if len(rare) >= 2 else terms)[:PAIR_TERMS]
    parts = [f"{a} & {b}" for index, a in enumerate(terms) for b in terms[index + 1 :]]
    if len(terms) == 1:
        parts = terms
    # A day or month named with a telling word is a pair too: "breach ... March 11" / "breach on March 12".
    when = sorted(set(_WHEN.findall(text.lower())))
    parts += [f"{term} & {day}" for term in terms for day in when if day not in terms]
    for frame in conflicts.frames(text):
        parts += FRAME_PHRASES.get(frame, [])
    return " | ".join(f"({part})" for part in parts)


def rare_terms(terms: list[str]) -> list[str]:
    """The terms whose lexeme PostgreSQL's statistics do not list among the most common
    in claim text (pg_stats, kept by ANALYZE/autovacuum), in the order given."""
    if not terms:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT t.term FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, n)
            WHERE NOT coalesce((ts_lexize('english_stem', t.term))[1] = ANY (
                SELECT unnest(most_common_elems::text::text[]) FROM pg_stats
                WHERE tablename = 'claims_claim' AND attname = 'search_document'
            ), false)
            ORDER BY t.n
            """,
            [terms],
        )
        return [row[0] for row in cursor.fetchall()]


_WHEN = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_ALL_FRAME_TERMS = {term for terms in FRAME_TERMS.values() for term in terms}


def _tsvector():
    # The stored column the migration adds (PostgreSQL only), under its GIN index.
    return Func(template='"claims_claim"."search_document"', output_field=SearchVectorField())


def _ranked_ids(base, query_text: str, limit: int) -> list[int]:
    if not query_text:
        return []
    query = SearchQuery(query_text, config="english", search_type="raw")
    return list(
        base.annotate(document=_tsvector())
        .filter(document=query)
        .annotate(rank=SearchRank(_tsvector(), query, cover_density=True))
        .order_by("-rank")
        .values_list("pk", flat=True)[:limit]
    )


class Lookups:
    """What one batch of claims (an article's) would otherwise look up once per claim:
    which words are rare, and the newest claims measuring each thing."""

    def __init__(self):
        self._rare: dict[str, bool] = {}
        self._newest: dict[str, list[int]] = {}

    def rare_terms(self, terms: list[str]) -> list[str]:
        missing = [t for t in dict.fromkeys(terms) if t not in self._rare]
        if missing:
            found = set(rare_terms(missing))
            self._rare.update({t: t in found for t in missing})
        return [t for t in terms if self._rare[t]]

    def newest_measuring(self, measure: str) -> list[int]:
        if measure not in self._newest:
            # The newest claims measuring the same thing, through the (measure, claim) index.
            self._newest[measure] = list(
                Quantity.objects.filter(measure=measure)
                .order_by("-claim_id")
                .values_list("claim_id", flat=True)[:UNIT_CANDIDATES]
            )
        return self._newest[measure]


def _candidate_base(
    exclude_outlet_id: int | None, exclude_article_id: int | None, published: datetime.date | None
):
    base = Claim.objects.all()
    if exclude_outlet_id is not None:
        base = base.exclude(article__outlet_id=exclude_outlet_id)
    if exclude_article_id is not None:
        base = base.exclude(article_id=exclude_article_id)
    if published is not None:
        base = base.filter(
            Q(article__published__isnull=True)
            | Q(article__published__range=(published - DATE_WINDOW, published + DATE_WINDOW))
        )
    return base


def candidate_ids(
    text: str,
    *,
    measures: set[str] = frozenset(),
    exclude_outlet_id: int | None = None,
    exclude_article_id: int | None = None,
    published: datetime.date | None = None,
    limit: int = CANDIDATES_PER_CLAIM,
    lookups: Lookups | None = None,
) -> list[int]:
    """Ids of an index-backed short list of claims that may state the same fact.

    Same-measure ids are not filtered by outlet or date here: `candidate_claims`
    (one claim) filters them in SQL, `link_claims` (a batch) in Python.
    """
    lookups = lookups or Lookups()
    base = _candidate_base(exclude_outlet_id, exclude_article_id, published)
    ids: list[int] = []
    if connection.vendor == "postgresql":
        terms = [t for t in query_terms(text) if t not in _ALL_FRAME_TERMS]
        rare = lookups.rare_terms(terms)
        ids = _ranked_ids(base, text_query(text, lambda _: rare), limit)
    else:
        # SQLite: no text index; a window of the claim's most telling words.
        matches = Q()
        for term in query_terms(text):
            matches |= Q(text__icontains=term)
        if matches:
            ids = list(base.filter(matches).order_by("-pk").values_list("pk", flat=True)[: limit * 3])
    for measure in sorted(measures):
        ids += [pk for pk in lookups.newest_measuring(measure) if pk not in ids]
    return ids


def candidate_claims(text: str, **filters) -> list[Claim]:
    """An index-backed short list of claims that may state the same fact (`candidate_ids`' filters)."""
    ids = candidate_ids(text, **filters)
    if not ids:
        return []
    base = _candidate_base(
        filters.get("exclude_outlet_id"), filters.get("exclude_article_id"), filters.get("published")
    )
    return list(_with_facts(base.filter(pk__in=ids)))


def _measures(facts: conflicts.ClaimFacts) -> set[str]:
    # Generic counts ("people", a plain noun) find too much to be worth a query of their own.
    return {f.measure for f in facts.figures if f.measure and f.measure not in {"people", "count", "rank"}}


def rank_candidates(
    claim: Claim, context: ArticleContext | None = None, found: list[Claim] | None = None
) -> list[Candidate]:
    """Other outlets' claims that may state the same fact as `claim`, best first.

    `found` is the candidates already fetched (a batch); otherwise they are retrieved here.
    """
    context = context or ArticleContext()
    facts = facts_of(claim)
    if found is None:
        found = candidate_claims(
            claim.text,
            measures=_measures(facts),
            exclude_outlet_id=claim.article.outlet_id,
            published=claim.article.published,
        )
    ranked = []
    for other in found:
        other_facts = facts_of(other)
        article_context = context.similarity(claim.article, other.article)
        if claim.article.story_id and claim.article.story_id == other.article.story_id:
            article_context = max(article_context, SAME_STORY_CONTEXT)
        meaning = embeddings.meaning_similarity(claim.embedding, other.embedding)
        score, signals = score_pair(facts, other_facts, context=article_context, meaning=meaning)
        comparison = conflicts.compare(facts, other_facts)
        ranked.append(Candidate(other, score, comparison, signals, other_facts, facts))
    ranked.sort(key=lambda c: (-c.score, c.claim.pk))
    return ranked


def _may_pair(claim: Claim, other: Claim) -> bool:
    """What candidate retrieval asks of a candidate, in Python: another outlet, a nearby date."""
    if other.article.outlet_id == claim.article.outlet_id:
        return False
    mine, theirs = claim.article.published, other.article.published
    return mine is None or theirs is None or abs(mine - theirs) <= DATE_WINDOW


STORY_CANDIDATES = 200  # claims of the article's story weighed whatever their words


def _counted(claim: Claim) -> set[str]:
    """What a claim gives a figure for: its measures, and the times of day it names ("at 23:30")."""
    return {q.measure for q in claim.quantities.all() if q.measure} | {
        f"clock {d.clock[:5]}" for d in claim.dates.all() if d.clock
    }


def _batch_candidates(claims: list[Claim]) -> dict[int, list[Claim]]:
    """Each claim's candidates, fetched for the whole batch at once (3 queries, not 3 per claim)."""
    lookups = Lookups()
    if connection.vendor == "postgresql":
        lookups.rare_terms(
            [t for claim in claims for t in query_terms(claim.text) if t not in _ALL_FRAME_TERMS]
        )
    wanted = {
        claim.pk: candidate_ids(
            claim.text,
            measures=_measures(facts_of(claim)),
            exclude_outlet_id=claim.article.outlet_id,
            published=claim.article.published,
            lookups=lookups,
        )
        for claim in claims
    }
    # Claims of the same story are candidates however they are worded: the story is the
    # evidence that they may tell the same facts.
    story_ids = {claim.article.story_id for claim in claims if claim.article.story_id}
    same_story = (
        list(
            Claim.objects.filter(article__story_id__in=story_ids)
            .exclude(article_id__in={claim.article_id for claim in claims})
            .order_by("-pk")
            .values_list("pk", "article__story_id")[:STORY_CANDIDATES]
        )
        if story_ids
        else []
    )
    story_extra = {
        claim.pk: [pk for pk, story in same_story if story == claim.article.story_id] for claim in claims
    }
    retrieved = {pk: set(ids) for pk, ids in wanted.items()}
    for claim in claims:
        wanted[claim.pk] += story_extra[claim.pk]
    every_id = {pk for ids in wanted.values() for pk in ids}
    fetched = (
        {other.pk: other for other in _with_facts(Claim.objects.filter(pk__in=every_id))} if every_id else {}
    )
    measures = {pk: _counted(other) for pk, other in fetched.items()}
    found = {}
    for claim in claims:
        mine = _counted(claim)
        found[claim.pk] = [
            fetched[pk]
            for pk in dict.fromkeys(wanted[claim.pk])
            if pk in fetched
            and _may_pair(claim, fetched[pk])
            # A story's claims that retrieval did not find are weighed when they count the same
            # kind of thing (or give a time of day): weighing every pair of a long story would cost
            # seconds per article.
            and (pk in retrieved[claim.pk] or mine & measures[pk])
        ]
    return found


# --- Linking -------------------------------------------------------------------


def link_claims(claims: list[Claim]) -> int:
    """Suggest or confirm links from new claims to other outlets' claims; flag conflicts.

    A pair that already has a link (of any status, dismissed included) is left
    as it is: an editor's dismissal is never undone by the machine.
    """
    if not claims:
        return 0
    suggest = settings.FACTCHECK_SUGGEST_THRESHOLD
    auto_confirm = _confirm_threshold(settings.FACTCHECK_AUTO_CONFIRM_THRESHOLD)
    context = ArticleContext()
    made = 0
    claims = list(_with_facts(Claim.objects.filter(pk__in=[c.pk for c in claims])))
    batch = _batch_candidates(claims)
    with transaction.atomic():
        for claim in claims:
            candidates = [
                c
                for c in rank_candidates(claim, context, batch[claim.pk])
                if c.score >= _threshold(c, suggest, _same_story(claim, c.claim))
            ]
            if not candidates:
                continue
            pairs = {ClaimLink.ordered_pair(claim, c.claim) for c in candidates}
            existing = set(
                ClaimLink.objects.filter(
                    claim_a_id__in={a for a, _ in pairs}, claim_b_id__in={b for _, b in pairs}
                ).values_list("claim_a_id", "claim_b_id")
            )
            for candidate in candidates:
                pair = ClaimLink.ordered_pair(claim, candidate.claim)
                if pair in existing:
                    continue
                existing.add(pair)
                made += 1
                same_story = _same_story(claim, candidate.claim)
                _create_link(
                    pair,
                    candidate,
                    confirmed=candidate.score >= auto_confirm and same_story,
                    same_story=same_story,
                )
    return made


def _same_story(claim: Claim, other: Claim) -> bool:
    return (
        claim.article.story_id is None
        or other.article.story_id is None
        or claim.article.story_id == other.article.story_id
    )


def _threshold(candidate: Candidate, suggest: float, same_story: bool = True) -> float:
    model = active_model()
    if model is not None:
        return model.threshold  # the model weighs what the rules' margin stood for
    # Merely "related" claims (no figure, date or account in common) need more
    # evidence: each suggestion costs an editor a look. So does a conflict across two
    # stories, which is only ever shown as related.
    if candidate.comparison.relation == conflicts.RELATED or (
        candidate.comparison.is_conflict and not same_story
    ):
        return suggest + RELATED_MARGIN
    return suggest


def _confirm_threshold(auto_confirm: float) -> float:
    # The model's probabilities are not the rules' scores: it confirms halfway between its
    # own threshold and certainty, never below the setting.
    model = active_model()
    if model is None:
        return auto_confirm
    return max(auto_confirm, (1 + model.threshold) / 2)


def _within_story(comparison: conflicts.Comparison, same_story: bool) -> conflicts.Comparison:
    """Conflicts are only proposed within one story: two events' figures do not contradict."""
    if not comparison.is_conflict or same_story:
        return comparison
    explanation = f"{comparison.explanation} (in different stories)"
    return conflicts.Comparison(conflicts.RELATED, "", explanation, comparison.shared_units)


def _create_link(
    pair: tuple[int, int], candidate: Candidate, *, confirmed: bool, same_story: bool = True
) -> ClaimLink:
    comparison = candidate.comparison
    if candidate.claim.pk == pair[0]:
        # Explanations read in the stored order: claim_a's figure first.
        comparison = conflicts.compare(candidate.facts, candidate.own_facts)
    comparison = _within_story(comparison, same_story)
    link = ClaimLink.objects.create(
        claim_a_id=pair[0],
        claim_b_id=pair[1],
        relation=comparison.relation,
        kind=comparison.kind,
        explanation=comparison.explanation,
        score=candidate.score,
        origin=ClaimLink.Origin.AUTO,
        status=ClaimLink.Status.CONFIRMED if confirmed else ClaimLink.Status.SUGGESTED,
    )
    if comparison.is_conflict:
        for claim in Claim.objects.filter(pk__in=pair):
            claim.flag()
    return link


def reweigh_after_story_change(article_ids: Iterable[int]) -> int:
    """The machine's untouched suggestions for these articles' claims, weighed again after
    their stories changed (joined by a bridge or a merge, or an article moved out).

    A conflict held back as "in different stories" is proposed once the two
    claims share a story, and held back again when an editor splits them.
    Links an editor confirmed, dismissed or made are left as they are. Pairs that now share a
    story and were never weighed as such (one of them was in another story when it arrived) are
    weighed now. Returns how many links changed or were made.
    """
    article_ids = list(article_ids)
    changed = _reweigh_links(article_ids)
    moved = list(Claim.objects.filter(article_id__in=article_ids, article__story__isnull=False))
    return changed + (link_claims(moved) if moved else 0)


def _reweigh_links(article_ids: list[int]) -> int:
    links = list(
        ClaimLink.objects.filter(origin=ClaimLink.Origin.AUTO, status=ClaimLink.Status.SUGGESTED).filter(
            Q(claim_a__article_id__in=article_ids) | Q(claim_b__article_id__in=article_ids)
        )
    )
    if not links:
        return 0
    claims = {
        c.pk: c
        for c in _with_facts(
            Claim.objects.filter(pk__in={i for link in links for i in (link.claim_a_id, link.claim_b_id)})
        )
    }
    changed = 0
    for link in links:
        first, second = claims[link.claim_a_id], claims[link.claim_b_id]
        comparison = _within_story(
            conflicts.compare(facts_of(first), facts_of(second)),
            first.article.story_id == second.article.story_id,
        )
        if (link.relation, link.kind, link.explanation) == (
            comparison.relation,
            comparison.kind,
            comparison.explanation,
        ):
            continue
        link.relation, link.kind, link.explanation = (
            comparison.relation,
            comparison.kind,
            comparison.explanation,
        )
        link.version += 1
        link.save(update_fields=["relation", "kind", "explanation", "version", "updated_at"])
        changed += 1
        if comparison.is_conflict:
            first.flag()
            second.flag()
    return changed


# --- Search --------------------------------------------------------------------


def find_similar(text: str, *, limit: int = 10) -> list[Candidate]:
    """Claims from the whole database most like `text`, scored as the matcher scores them."""
    from .extraction import extract_attribution, extract_dates, extract_quantities

    text = " ".join(text.split())
    if not text:
        return []
    attribution, _ = extract_attribution(text)
    facts = conflicts.facts_from(
        text=text,
        quantities=extract_quantities(text),
        dates=extract_dates(text),
        attribution=attribution,
    )
    found = candidate_claims(text, measures=_measures(facts), limit=max(limit * 4, 40))
    query_vector = embeddings.embed([text])[0]
    ranked = []
    for other in found:
        other_facts = facts_of(other)
        meaning = embeddings.meaning_similarity(query_vector, other.embedding)
        score, signals = score_pair(facts, other_facts, meaning=meaning, rules=True)
        # Re-ranked by meaning: a reader's own words rarely repeat the outlet's.
        score = round(min(1.0, score + SEARCH_MEANING_WEIGHT * max(0.0, meaning - MEANING_FLOOR)), 3)
        ranked.append(Candidate(other, score, conflicts.compare(facts, other_facts), signals))
    ranked.sort(key=lambda c: (-c.score, c.claim.pk))
    return [c for c in ranked if c.score > 0][:limit]
