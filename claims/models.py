"""The data model: outlets, their articles, the claims in them, links between
claims of different outlets, notes, and verdicts.

Invariants live in the database as constraints; state changes are methods.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords


class StaleEdit(Exception):
    """Someone else saved the same object since it was loaded."""


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    domain = models.CharField(
        max_length=253, blank=True, db_index=True, help_text="Home domain, e.g. example.com"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "outlet"
        self.domain = self.domain.strip().lower().removeprefix("www.")
        super().save(*args, **kwargs)


class Story(models.Model):
    """One real-world event, told by the articles in it (grouped by claims.grouping)."""

    title = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title or f"Story #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("story_detail", args=[self.pk])


class Article(models.Model):
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    # An editor put the article in its story: the machine never moves it again.
    story_locked = models.BooleanField(default=False)
    url = models.URLField(max_length=2000, blank=True, default="")
    headline = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    # The moment of publication when the source says it (a feed item, a page's meta, a header
    # "Date: 2026-03-14 09:30"); the date above is always set with it.
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True)
    body = models.TextField(help_text="Cleaned text; claim offsets point into it.")
    content_hash = models.CharField(max_length=64, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # What the headline and lead mean, as a vector (claims.embeddings): story grouping reads it.
    lead_embedding = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-published", "-added_at"]
        constraints = [
            models.UniqueConstraint(fields=["outlet", "content_hash"], name="article_unique_text_per_outlet"),
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_unique_url_when_given"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
        ]
        indexes = [
            models.Index(fields=["outlet", "published"]),
            models.Index(fields=["-added_at"]),
            models.Index(fields=["published"]),
        ]

    def __str__(self) -> str:
        return self.headline or f"{self.outlet} article #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])

    @property
    def web_url(self) -> str:
        """The original's address for links and JSON-LD: only ever an http(s) URL."""
        from .cleaning import web_url

        return web_url(self.url)


class Claim(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        FLAGGED = "flagged", "Flagged"
        IN_REVIEW = "in_review", "In review"
        RESOLVED = "resolved", "Resolved"
        DISMISSED = "dismissed", "Dismissed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField(help_text="The sentence exactly as it appears in the article body.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    attribution = models.CharField(max_length=300, blank=True)
    attribution_start = models.PositiveIntegerField(null=True, blank=True)
    attribution_end = models.PositiveIntegerField(null=True, blank=True)
    score = models.FloatField(default=0.0, help_text="Check-worthiness, 0 to 1.")
    reasons = models.JSONField(default=list, blank=True, help_text="Signals behind the score.")
    status = models.CharField(max_length=12, choices=Status, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every editor change; a save from a stale form is refused.
    version = models.PositiveIntegerField(default=1)
    # The sentence's meaning as a vector (claims.embeddings), set at extraction.
    embedding = models.BinaryField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["reasons", "updated_at", "embedding"])

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_end_after_start"),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=1), name="claim_score_0_to_1"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="claim_unique_span"),
        ]
        indexes = [
            models.Index(fields=["status", "-score"], name="claim_queue_idx"),
            # The review queue's default list (flagged and in review, newest first), read in index order.
            models.Index(
                fields=["-created_at", "-id"],
                condition=Q(status__in=["flagged", "in_review"]),
                name="claim_open_newest_idx",
            ),
            models.Index(fields=["status", "-updated_at"], name="claim_status_recent_idx"),
            models.Index(fields=["assignee", "status"], name="claim_assignee_idx"),
        ]
        permissions = [("review_claim", "Can assign claims and change their review status")]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("claim_detail", args=[self.pk])

    def is_untouched(self) -> bool:
        """True if no editor has done anything with this claim yet."""
        if self.status != self.Status.NEW or self.assignee_id is not None:
            return False
        if self.notes.exists() or self.verdicts.exists():
            return False
        editor_links = ClaimLink.objects.filter(Q(claim_a=self) | Q(claim_b=self)).filter(
            Q(origin=ClaimLink.Origin.EDITOR) | Q(confirmed_by__isnull=False)
        )
        return not editor_links.exists()

    def update_review(
        self, *, by, expected_version: int | None = None, reason: str = "", **changes
    ) -> list[str]:
        """Change status and/or assignee as an editor; refuse a stale edit.

        `expected_version` is the version the editor's form was built from; if
        someone saved since, StaleEdit tells them what changed instead of
        silently overwriting it. Returns the names of the fields changed.
        """
        allowed = {"status", "assignee"}
        if unknown := set(changes) - allowed:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} this way")
        with transaction.atomic():
            current = Claim.objects.select_for_update().get(pk=self.pk)
            if expected_version is not None and current.version != expected_version:
                raise StaleEdit(
                    f"This claim was changed by someone else since you opened it "
                    f"(now: {current.get_status_display()}, assigned to {current.assignee or 'nobody'}). "
                    "Reload to see the change, then try again."
                )
            changed = [name for name, value in changes.items() if getattr(current, name) != value]
            if not changed:
                return []
            for name in changed:
                setattr(current, name, changes[name])
            current.version += 1
            current._history_user = by
            if reason:
                current._change_reason = reason[:100]
            current.save(update_fields=[*changed, "version", "updated_at"])
        for name in [*changed, "version", "updated_at"]:
            setattr(self, name, getattr(current, name))
        return changed

    @property
    def worthiness_in_words(self) -> str:
        """What the check-worthiness score means, for people (the number stays in a tooltip)."""
        if self.score >= 0.7:
            return "check-worthy"
        if self.score >= 0.45:
            return "worth a look"
        return "little to check"

    def flag(self) -> None:
        """Put a claim in the review queue unless an editor already handled it."""
        if self.status == self.Status.NEW:
            self.status = self.Status.FLAGGED
            self.save(update_fields=["status", "updated_at"])


class Quantity(models.Model):
    """A figure in a claim, read as a reader reads it (claims.figures)."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", "exact"
        ABOUT = "about", "about"
        NEARLY = "nearly", "nearly"
        OVER = "over", "over"
        UNDER = "under", "under"
        UP_TO = "up_to", "up to"
        AT_LEAST = "at_least", "at least"
        RANGE = "range", "range"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quantities")
    value = models.FloatField(help_text="The figure; for a range, its middle.")
    unit = models.CharField(
        max_length=80, blank=True, help_text='Unit ("meter", "USD") or counted noun, singular ("troop").'
    )
    text = models.CharField(max_length=300)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    qualifier = models.CharField(max_length=10, choices=Qualifier, default=Qualifier.EXACT)
    measure = models.CharField(
        max_length=80, blank=True, help_text='What it counts or measures: "deaths", "length".'
    )
    noun = models.CharField(max_length=80, blank=True, help_text="The counted noun or unit as written.")
    low = models.FloatField(null=True, blank=True)
    high = models.FloatField(null=True, blank=True)
    base_value = models.FloatField(null=True, blank=True, help_text="The value in base_unit.")
    base_unit = models.CharField(
        max_length=40, blank=True, help_text='"meter", "kilogram", "second", "count"...'
    )
    attribution = models.CharField(max_length=300, blank=True, help_text="Who gave this figure, when said.")
    forecast = models.BooleanField(default=False, help_text="A plan or expectation rather than a count.")

    class Meta:
        ordering = ["claim", "start"]
        verbose_name_plural = "quantities"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quantity_end_after_start"),
        ]
        indexes = [
            models.Index(fields=["unit", "value"]),
            # Matching's "newest claims counting the same thing".
            models.Index(fields=["unit", "-claim"], name="quantity_unit_newest_idx"),
            models.Index(fields=["measure", "-claim"], name="quantity_measure_newest_idx"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def reading(self) -> str:
        """How the app read the figure, for editors: 'length: 300 m (as written: 300-metre-long)'."""
        from . import figures

        return figures.reading(self)


class DateMention(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="dates")
    text = models.CharField(max_length=200)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    value = models.DateField(null=True, blank=True, help_text="Resolved calendar date, if known.")
    granularity = models.CharField(max_length=10, blank=True)
    clock = models.CharField(max_length=20, blank=True, help_text='A time of day, 24-hour: "20:45 GMT".')

    class Meta:
        ordering = ["claim", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="date_end_after_start"),
        ]

    def __str__(self) -> str:
        return self.text


class ClaimLink(models.Model):
    """Two claims, from different articles, about the same fact.

    The pair is stored ordered by id (claim_a < claim_b), so a database
    constraint rules out self-links and one unique constraint covers both orders.
    """

    class Relation(models.TextChoices):
        AGREES = "agrees", "Agrees"
        CONFLICTS = "conflicts", "Conflicts"
        RELATED = "related", "Related"

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Dismissed"

    class Origin(models.TextChoices):
        AUTO = "auto", "Automatic"
        EDITOR = "editor", "Editor"

    class Kind(models.TextChoices):
        QUANTITY = "quantity", "Quantity"
        DATE = "date", "Date"
        ATTRIBUTION = "attribution", "Attribution"
        WORDING = "wording", "Wording"

    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_as_a")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_as_b")
    relation = models.CharField(max_length=10, choices=Relation, default=Relation.RELATED)
    status = models.CharField(max_length=10, choices=Status, default=Status.SUGGESTED)
    origin = models.CharField(max_length=6, choices=Origin, default=Origin.AUTO)
    score = models.FloatField(default=0.0)
    kind = models.CharField(max_length=12, choices=Kind, blank=True, default="")
    explanation = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(claim_a__lt=F("claim_b")), name="link_pair_ordered_no_self_link"
            ),
            models.UniqueConstraint(fields=["claim_a", "claim_b"], name="link_unique_pair"),
        ]
        indexes = [
            models.Index(fields=["claim_b"], name="link_claim_b_idx"),
            models.Index(fields=["relation", "status"], name="link_relation_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_a_id} {self.relation} {self.claim_b_id} ({self.status})"

    def save(self, *args, **kwargs) -> None:
        # Store every pair in one order, whatever order the caller gave.
        if self.claim_a_id and self.claim_b_id and self.claim_a_id > self.claim_b_id:
            self.claim_a_id, self.claim_b_id = self.claim_b_id, self.claim_a_id
        super().save(*args, **kwargs)

    @staticmethod
    def ordered_pair(first: Claim | int, second: Claim | int) -> tuple[int, int]:
        a = first if isinstance(first, int) else first.pk
        b = second if isinstance(second, int) else second.pk
        return (a, b) if a < b else (b, a)

    @classmethod
    def between(cls, first: Claim | int, second: Claim | int) -> ClaimLink | None:
        a, b = cls.ordered_pair(first, second)
        return cls.objects.filter(claim_a_id=a, claim_b_id=b).first()

    @property
    def score_in_words(self) -> str:
        """What the match score means, for people (the number stays in a tooltip)."""
        if self.score >= 0.75:
            return "very likely the same fact"
        if self.score >= 0.5:
            return "likely the same fact"
        return "possibly the same fact"

    def other(self, claim: Claim | int) -> Claim:
        claim_id = claim if isinstance(claim, int) else claim.pk
        return self.claim_b if claim_id == self.claim_a_id else self.claim_a

    def confirm(self, *, by) -> None:
        self.status = self.Status.CONFIRMED
        self.confirmed_by = by
        self.confirmed_at = timezone.now()
        self.version += 1
        self.save()

    def dismiss(self, *, by) -> None:
        self.status = self.Status.DISMISSED
        self.confirmed_by = by
        self.confirmed_at = timezone.now()
        self.version += 1
        self.save()


class Note(models.Model):
    """A plain-text note by an editor, on a claim or on a link."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_notes")
    text = models.TextField()
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="notes")
    link = models.ForeignKey(ClaimLink, null=True, blank=True, on_delete=models.CASCADE, related_name="notes")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every edit, so an edit made from an older page is refused, not silently lost.
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(claim__isnull=False) & Q(link__isnull=True))
                | (Q(claim__isnull=True) & Q(link__isnull=False)),
                name="note_on_claim_or_link",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="note_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def can_edit(self, user) -> bool:
        return user.pk == self.author_id or user.has_perm("claims.publish_verdict")


class Rating(models.Model):
    """One step of the rating scale. Chiefs edit the scale in the admin."""

    label = models.CharField(max_length=60, unique=True)
    value = models.PositiveSmallIntegerField(
        null=True, blank=True, unique=True, help_text="Numeric step, or empty for e.g. Misleading."
    )
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "value"]

    def __str__(self) -> str:
        return f"{self.value} {self.label}" if self.value is not None else self.label


class Verdict(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    headline = models.CharField(
        max_length=75, blank=True, help_text="The claim as reviewed, without the rating."
    )
    summary = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True, help_text='[{"label": ..., "url": ...}]')
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="The verdict on an agreeing claim this one was drafted from.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"], condition=Q(is_published=True), name="one_published_verdict_per_claim"
            ),
        ]
        indexes = [models.Index(fields=["is_published", "-published_at"], name="verdict_published_idx")]
        permissions = [("publish_verdict", "Can publish and unpublish verdicts")]

    def __str__(self) -> str:
        return f"{self.rating} on claim {self.claim_id}"

    def get_absolute_url(self) -> str:
        return reverse("claim_detail", args=[self.claim_id])

    def get_public_url(self) -> str:
        return reverse("public_verdict", args=[self.pk])


class FactCheck(models.Model):
    """A published fact-check, ours or another publisher's: what was checked and the rating.

    Searched by claims/archive.py; the same claim checked by two publishers is two records.
    """

    claim_reviewed = models.TextField()
    title = models.CharField(max_length=500, blank=True, help_text="The fact-check's headline.")
    rating = models.CharField(max_length=200, blank=True, help_text="The rating as the publisher wrote it.")
    verdict_label = models.CharField(
        max_length=60, blank=True, help_text="The rating on our scale, when it maps to one step of it."
    )
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=2000, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True)
    claimant = models.CharField(max_length=300, blank=True)
    verdict = models.OneToOneField(
        "Verdict",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="factcheck",
        help_text="Set when this is one of our own published verdicts.",
    )
    fingerprint = models.CharField(max_length=40, unique=True, editable=False)
    terms = models.TextField(blank=True, editable=False, help_text="Stemmed words, for search.")
    term_count = models.PositiveIntegerField(default=0, editable=False)
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = "fact-check"

    def __str__(self) -> str:
        return f"{self.publisher}: {self.claim_reviewed[:80]}"

    @property
    def rating_shown(self) -> str:
        return self.rating or self.verdict_label or "no rating"


class ArchiveTerm(models.Model):
    """How many fact-checks hold each stemmed word: the rarity BM25 weighs words by."""

    term = models.CharField(max_length=100, unique=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term} ({self.documents})"


class ArchiveMatch(models.Model):
    """A claim that an existing fact-check may already answer, and the editors' decision."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Dismissed"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="archive_matches")
    factcheck = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField(help_text="How surely it is the same claim, 0 to 1.")
    status = models.CharField(max_length=10, choices=Status, default=Status.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "factcheck"], name="one_match_per_claim_and_factcheck")
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="archive_match_status_idx")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} ~ fact-check {self.factcheck_id} ({self.status})"

    @property
    def in_words(self) -> str:
        from .retrieval import strength_in_words

        return strength_in_words(self.score)


class Feed(models.Model):
    """An outlet's RSS or Atom feed, polled by the scheduler (claims.following)."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=1000, unique=True)
    interval_minutes = models.PositiveIntegerField(
        default=30, help_text="How often the feed is polled, in minutes (at least 1)."
    )
    active = models.BooleanField(default=True)
    # What the last answer said, for a conditional GET next time.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    items_seen = models.PositiveIntegerField(default=0)
    articles_imported = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet__name", "url"]
        constraints = [
            models.CheckConstraint(condition=Q(interval_minutes__gte=1), name="feed_interval_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.url}"

    def is_due(self, now=None) -> bool:
        if not self.active:
            return False
        if self.last_polled_at is None:
            return True
        now = now or timezone.now()
        return (now - self.last_polled_at).total_seconds() >= self.interval_minutes * 60


class FeedItem(models.Model):
    """One item a feed listed; kept so an item is fetched once, by GUID and by canonical URL."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=1000)
    url = models.URLField(max_length=1000, db_index=True, help_text="Canonical URL of the item's page")
    title = models.CharField(max_length=500, blank=True)
    published = models.DateTimeField(null=True, blank=True, help_text="When the feed says it was published")
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-seen_at"]
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="feed_item_unique_guid")]

    def __str__(self) -> str:
        return self.title or self.url


class Job(models.Model):
    """A piece of background work (claims.jobs): its state, its result or its error.

    Jobs of one upload, one pasted list of links or one feed poll share a batch id, so the page
    that started them can show their progress together."""

    class Kind(models.TextChoices):
        IMPORT_FILE = "import_file", "import a file"
        IMPORT_URL = "import_url", "import a page"
        POLL_FEED = "poll_feed", "poll a feed"
        REEXTRACT = "reextract", "re-extract an article"

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        RETRYING = "retrying", "waiting to retry"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    PENDING_STATES = (State.QUEUED, State.RUNNING, State.RETRYING)

    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    batch = models.UUIDField(db_index=True, null=True, blank=True)
    label = models.CharField(max_length=1000, help_text="What the job works on: a file name, a URL, a feed")
    # What the work needs: options for import_article, a URL, a feed or article id.
    params = models.JSONField(default=dict, blank=True)
    # An uploaded file waits here for the worker; emptied once the job is done.
    data = models.BinaryField(null=True, blank=True, editable=False)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The outcome in the words of the import: imported, duplicate or rejected, with counts.
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "-created_at"], name="job_state_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def pending(self) -> bool:
        return self.state in self.PENDING_STATES

    @property
    def outcome(self) -> str:
        """imported, duplicate, rejected, failed, or the state while it runs."""
        if self.state == self.State.DONE:
            return self.result.get("status", "done")
        return self.state


class FactRowChoice(models.Model):
    """What editors decided about one row of a story's fact sheet (claims.factsheet): a new name,
    a merge into another row, a pinned best-supported value. Keyed by the row's computed key, so
    it survives re-extraction and re-matching."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="fact_choices")
    key = models.CharField(
        max_length=100, help_text='The computed key of the row, e.g. "deaths" or "crowd:police"'
    )
    label = models.CharField(
        max_length=120, blank=True, help_text="The row's name; empty keeps the computed one"
    )
    merged_into = models.CharField(max_length=100, blank=True, help_text="The key of the row this one joined")
    pinned_value = models.CharField(max_length=200, blank=True)
    pinned_note = models.TextField(blank=True)
    pinned_sources = models.TextField(blank=True, help_text="One source per line: a URL or a name")
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pinned_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "key"], name="fact_choice_unique_row"),
            models.CheckConstraint(
                condition=~Q(merged_into=F("key")), name="fact_choice_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.story_id}: {self.key}"


class FactMove(models.Model):
    """An editor moved what a claim said from one fact-sheet row to another."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="fact_moves")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="fact_moves")
    from_key = models.CharField(max_length=100)
    to_key = models.CharField(max_length=100)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    moved_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "claim", "from_key"], name="fact_move_unique_claim_row"),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.from_key} -> {self.to_key}"
