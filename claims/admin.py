from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.utils.functional import cached_property
from simple_history.admin import SimpleHistoryAdmin

from . import archive, grouping, jobs
from .models import (
    ArchiveMatch,
    Article,
    Claim,
    ClaimLink,
    DateMention,
    FactCheck,
    FactRowChoice,
    Feed,
    FeedItem,
    Job,
    Note,
    Outlet,
    Quantity,
    Rating,
    Story,
    Verdict,
)
from .roles import CHIEF, role_of

ESTIMATE_ABOVE = 100_000  # rows; below this an exact count is cheap


class EstimatedCountPaginator(Paginator):
    """Counts an unfiltered list from PostgreSQL's statistics: an exact count of millions of rows
    costs a scan on every page view, and the admin shows "about N" as well as N."""

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if connection.vendor == "postgresql" and query is not None and not query.where:
            table = query.model._meta.db_table
            # One query either way: the statistics' estimate for a big table, an exact count for a small one.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT CASE WHEN reltuples > %s THEN reltuples::bigint "  # noqa: S608 - a model's own table name
                    f"ELSE (SELECT count(*) FROM {connection.ops.quote_name(table)}) END "
                    f"FROM pg_class WHERE relname = %s",
                    [ESTIMATE_ABOVE, table],
                )
                row = cursor.fetchone()
            if row:
                return row[0]
        return super().count


class LargeTableAdmin(admin.ModelAdmin):
    """For tables that grow with the archive: no full recount, no date drill-down over every row."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    # Newest first by primary key: an index scan that stops at the page, whatever the table's size.
    ordering = ["-pk"]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "domain", "created_at"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["text", "start", "end", "attribution", "score", "status", "assignee"]
    readonly_fields = ["text", "start", "end", "attribution", "score"]
    raw_id_fields = ["assignee"]
    extra = 0
    show_change_link = True
    can_delete = False


class StoryArticleInline(admin.TabularInline):
    model = Article
    fields = ["headline", "outlet", "published", "story_locked"]
    readonly_fields = ["headline", "outlet", "published"]
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Story)
class StoryAdmin(LargeTableAdmin):
    list_display = ["title", "created_at", "updated_at"]
    search_fields = ["title"]
    inlines = [StoryArticleInline]
    actions = ["merge_selected"]

    @admin.action(description="Merge the selected stories into the one with most articles")
    def merge_selected(self, request, queryset):
        chosen = sorted(queryset, key=lambda story: (-story.articles.count(), story.pk))
        if len(chosen) < 2:
            self.message_user(request, "Select two or more stories to merge.", messages.WARNING)
            return
        target = chosen[0]
        with transaction.atomic():
            for source in chosen[1:]:
                grouping.merge_stories(source, target)
        self.message_user(request, f"Merged {len(chosen) - 1} stories into “{target}”.", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(LargeTableAdmin):
    list_display = ["headline", "outlet", "published", "language", "added_by", "added_at"]
    list_filter = ["outlet", "language", "published"]
    list_select_related = ["outlet", "added_by"]
    search_fields = ["headline", "url", "body", "byline"]
    readonly_fields = ["content_hash", "added_by", "added_at", "extracted_at"]
    raw_id_fields = ["outlet", "story"]
    inlines = [ClaimInline]

    def save_model(self, request, obj, form, change):
        if not (change and "story" in form.changed_data):
            super().save_model(request, obj, form, change)
            return
        # Moved as the story page moves it: locked there, its conflicts weighed again, the old
        # story gone if empty. No story chosen: a new story of its own (a split).
        chosen = obj.story
        obj.story = Article.objects.get(pk=obj.pk).story
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            grouping.move_article(obj, chosen)

    def has_delete_permission(self, request, obj=None):
        published = _has_published_verdict(obj, "claims__verdicts__is_published")
        return super().has_delete_permission(request, obj) and not published

    def delete_queryset(self, request, queryset):
        keep_published(request, queryset, "claims__verdicts__is_published")
        super().delete_queryset(request, queryset.exclude(claims__verdicts__is_published=True))


class QuantityInline(admin.TabularInline):
    model = Quantity
    fields = [
        "text",
        "value",
        "unit",
        "measure",
        "qualifier",
        "base_value",
        "base_unit",
        "attribution",
        "forecast",
    ]
    extra = 0


class DateMentionInline(admin.TabularInline):
    model = DateMention
    fields = ["text", "value", "granularity", "clock", "start", "end"]
    extra = 0


class ClaimNoteInline(admin.StackedInline):
    model = Note
    fk_name = "claim"
    fields = ["author", "text", "created_at", "updated_at"]
    readonly_fields = ["created_at", "updated_at"]
    raw_id_fields = ["author"]
    extra = 0


@admin.register(Claim)
class ClaimAdmin(LargeTableAdmin, SimpleHistoryAdmin):
    list_display = ["short_text", "outlet", "status", "score", "attribution", "assignee", "updated_at"]
    list_filter = ["status", "article__outlet", "assignee"]
    list_select_related = ["article__outlet", "assignee"]
    search_fields = ["text", "attribution", "article__headline"]
    readonly_fields = ["article", "text", "start", "end", "reasons", "created_at", "updated_at", "version"]
    raw_id_fields = ["assignee"]
    inlines = [QuantityInline, DateMentionInline, ClaimNoteInline]

    def has_delete_permission(self, request, obj=None):
        published = _has_published_verdict(obj, "verdicts__is_published")
        return super().has_delete_permission(request, obj) and not published

    def delete_queryset(self, request, queryset):
        keep_published(request, queryset, "verdicts__is_published")
        super().delete_queryset(request, queryset.exclude(verdicts__is_published=True))

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim: Claim) -> str:
        return claim.text[:100]

    @admin.display(description="outlet", ordering="article__outlet__name")
    def outlet(self, claim: Claim) -> str:
        return claim.article.outlet.name


class LinkNoteInline(admin.StackedInline):
    model = Note
    fk_name = "link"
    fields = ["author", "text", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["author"]
    extra = 0


@admin.register(ClaimLink)
class ClaimLinkAdmin(LargeTableAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "relation", "status", "origin", "kind", "score", "confirmed_by", "updated_at"]
    list_filter = ["relation", "status", "origin", "kind"]
    list_select_related = ["claim_a", "claim_b", "confirmed_by"]
    search_fields = ["explanation", "claim_a__text", "claim_b__text"]
    raw_id_fields = ["claim_a", "claim_b", "created_by", "confirmed_by"]
    readonly_fields = ["created_at", "updated_at", "confirmed_at", "version"]
    inlines = [LinkNoteInline]


@admin.register(Note)
class NoteAdmin(LargeTableAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "author", "claim", "link", "created_at"]
    list_select_related = ["author", "claim", "link"]
    list_filter = ["author"]
    search_fields = ["text"]
    raw_id_fields = ["author", "claim", "link"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "value", "order", "description"]
    list_editable = ["value", "order"]
    ordering = ["order"]


@admin.register(Verdict)
class VerdictAdmin(LargeTableAdmin, SimpleHistoryAdmin):
    list_display = ["claim", "rating", "headline", "author", "is_published", "published_at", "updated_at"]
    list_filter = ["is_published", "rating"]
    list_select_related = ["claim", "rating", "author"]
    search_fields = ["headline", "summary", "claim__text"]
    raw_id_fields = ["claim", "author", "published_by", "based_on"]
    # Publishing goes through the claim page, where the two-person rule and the
    # reasons for changes are enforced; here it is read-only.
    readonly_fields = ["is_published", "created_at", "updated_at", "published_at", "published_by", "version"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_published:
            # A published verdict changes only with a reason, on the claim page.
            return [field.name for field in self.model._meta.fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        # A published verdict is unpublished with a reason on the claim page, never deleted.
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_published)

    def delete_queryset(self, request, queryset):
        keep_published(request, queryset, "is_published")
        super().delete_queryset(request, queryset.filter(is_published=False))


def keep_published(request, queryset, published_lookup: str) -> None:
    """Say which selected items stay because a published fact-check hangs on them."""
    kept = queryset.filter(**{published_lookup: True}).distinct().count()
    if kept:
        messages.warning(
            request,
            f"{kept} selected item(s) kept: a published fact-check cannot be deleted; unpublish it first.",
        )


def _has_published_verdict(obj, lookup: str) -> bool:
    return obj is not None and type(obj).objects.filter(pk=obj.pk, **{lookup: True}).exists()


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class NewsroomUserAdmin(UserAdmin):
    """Chiefs manage Viewers and Editors; only superusers grant Chief, staff or superuser."""

    PRIVILEGED = ("is_superuser", "is_staff", "user_permissions")

    def _is_privileged(self, obj) -> bool:
        return obj is not None and (obj.is_superuser or role_of(obj) == CHIEF)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += self.PRIVILEGED
            if self._is_privileged(obj):
                fields.append("groups")  # a Chief's role, one's own included, is a superuser's to change
        return fields

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and not request.user.is_superuser and obj is not None and obj.is_superuser:
            return False
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (request.user.is_superuser or not self._is_privileged(obj))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.exclude(name=CHIEF)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Quantity)
class QuantityAdmin(LargeTableAdmin):
    list_display = ["text", "value", "unit", "measure", "qualifier", "base_value", "base_unit", "claim"]
    list_filter = ["qualifier"]
    list_select_related = ["claim"]
    search_fields = ["text", "unit"]
    raw_id_fields = ["claim"]


@admin.register(DateMention)
class DateMentionAdmin(LargeTableAdmin):
    list_display = ["text", "value", "granularity", "claim"]
    list_filter = ["granularity"]
    list_select_related = ["claim"]
    search_fields = ["text"]
    raw_id_fields = ["claim"]


class FactCheckForm(forms.ModelForm):
    class Meta:
        model = FactCheck
        fields = [
            "claim_reviewed", "title", "rating", "verdict_label", "publisher", "url", "reviewed_on",
            "language", "claimant",
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        key = archive.fingerprint(
            data.get("claim_reviewed", ""), data.get("publisher", ""), data.get("url", "")
        )
        if FactCheck.objects.filter(fingerprint=key).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                "This publisher's fact-check of this claim at this URL is already stored."
            )
        return data


@admin.register(FactCheck)
class FactCheckAdmin(LargeTableAdmin):
    """The archive new claims are matched against: other publishers' fact-checks and our own."""

    form = FactCheckForm
    list_display = ["claim_reviewed", "publisher", "rating", "verdict_label", "reviewed_on"]
    list_filter = ["verdict_label", "language", "publisher"]
    search_fields = ["claim_reviewed", "title", "publisher", "url"]
    readonly_fields = ["verdict"]

    def save_model(self, request, obj, form, change):
        # The archive counts each word's fact-checks for search: saved through it.
        archive.store(obj)


@admin.register(ArchiveMatch)
class ArchiveMatchAdmin(LargeTableAdmin):
    list_display = ["claim", "factcheck", "score", "status", "decided_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["claim", "factcheck"]
    readonly_fields = ["decided_by", "decided_at"]


class FeedItemInline(admin.TabularInline):
    model = FeedItem
    extra = 0
    max_num = 0  # items come from polls only
    fields = ["title", "url", "published", "seen_at"]
    readonly_fields = fields
    ordering = ["-seen_at"]
    can_delete = False
    show_change_link = False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """Feeds the desk follows; the scheduler polls the active ones at their interval."""

    list_display = ["url", "outlet", "interval_minutes", "active", "last_polled_at", "items_seen", "articles_imported", "last_error"]  # fmt: skip
    list_filter = ["active", "outlet"]
    search_fields = ["url", "outlet__name"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "last_error",
        "items_seen",
        "articles_imported",
    ]
    actions = ["poll_now"]

    def get_inlines(self, request, obj):
        # A feed's items can run to thousands; the admin shows them on the change page only.
        return [FeedItemInline] if obj else []

    @admin.action(description="Poll the selected feeds now", permissions=["change"])
    def poll_now(self, request, queryset):
        jobs.poll_feeds(list(queryset), user=request.user)
        self.message_user(
            request, f"{queryset.count()} feed(s) queued for a poll; see Jobs.", messages.SUCCESS
        )


@admin.register(Job)
class JobAdmin(LargeTableAdmin):
    """Background work: state, error and a retry for the failed ones."""

    list_display = ["pk", "kind", "label", "state", "attempts", "created_at", "finished_at", "error"]
    list_filter = ["state", "kind"]
    search_fields = ["label", "error"]
    raw_id_fields = ["feed", "article", "created_by"]
    readonly_fields = [
        "kind", "state", "batch", "label", "params", "feed", "article", "result", "error", "attempts",
        "created_by", "created_at", "started_at", "finished_at",
    ]  # fmt: skip
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False  # jobs are made by imports, polls and re-extractions

    @admin.action(description="Retry the selected failed jobs", permissions=["change"])
    def retry_failed(self, request, queryset):
        failed = list(queryset.filter(state=Job.State.FAILED))
        for job in failed:
            jobs.retry(job)
        self.message_user(request, f"{len(failed)} failed job(s) queued again.", messages.SUCCESS)


@admin.register(FactRowChoice)
class FactRowChoiceAdmin(SimpleHistoryAdmin):
    """Editors' names, merges and pins on story fact sheets (made on the story page)."""

    list_display = ["story", "key", "label", "merged_into", "pinned_value", "pinned_by", "updated_at"]
    search_fields = ["key", "label", "pinned_value", "story__title"]
    raw_id_fields = ["story", "pinned_by"]
