"""Stories: the list, one story's page, and the editors' moves and merges."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .. import grouping, timeline, workspace
from ..models import Article, Story
from .inputs import id_param

PAGE_SIZE = 30


def story_list(request):
    stories = Story.objects.annotate(
        article_count=Count("articles", distinct=True),
        latest=Max("articles__published"),
    ).order_by("-updated_at", "-pk")
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/story_list.html", {"page": page, "query": ""})


def story_detail(request, pk: int):
    story = get_object_or_404(Story, pk=pk)
    articles = list(
        story.articles.select_related("outlet")
        .defer("body")
        .annotate(claim_count=workspace.claim_count())
        .order_by("published", "outlet__name", "pk")
    )
    conflicts = list(
        workspace.open_conflict_links()
        .filter(Q(claim_a__article__story=story) & Q(claim_b__article__story=story))
        .select_related("claim_a__article__outlet", "claim_b__article__outlet")
        .defer("claim_a__article__body", "claim_b__article__body")
        .order_by("-score", "pk")[:100]
    )
    others = (
        Story.objects.exclude(pk=story.pk)
        .annotate(article_count=Count("articles"))
        .order_by("-updated_at")[:50]
    )
    rows = workspace.story_fact_sheet(story)
    outlets = list(dict.fromkeys(article.outlet.name for article in articles))
    fact_rows = [
        {
            "row": row,
            "cells": [(outlet, row.cells.get(outlet, [])) for outlet in outlets],
            "statements": [s for items in row.cells.values() for s in items],
        }
        for row in rows
    ]
    charts = [
        {"row": row, "svg": mark_safe(timeline.svg(row, f"timeline-{index}"))}  # noqa: S308 - built escaped
        for index, row in enumerate(rows)
        if timeline.worth_a_chart(row)
    ]
    context = {
        "story": story,
        "articles": articles,
        "conflicts": conflicts,
        "others": others,
        "outlets": outlets,
        "fact_rows": fact_rows,
        "row_choices": [(row.key, row.label) for row in rows],
        "can_edit_facts": request.user.has_perm("claims.review_claim"),
        "charts": charts,
    }
    return render(request, "claims/story_detail.html", context)


def story_facts_json(request, pk: int):
    """The story's fact sheet as JSON: rows, cells with claim ids, values in base units and as
    written, sources, times, conflicts."""
    story = get_object_or_404(Story, pk=pk)
    return JsonResponse(fact_sheet_data(story), json_dumps_params={"ensure_ascii": False})


def fact_sheet_data(story: Story) -> dict:
    from ..factsheet import as_json

    return {
        "story": {"id": story.pk, "title": story.title},
        "rows": as_json(workspace.story_fact_sheet(story)),
    }


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def article_move(request, pk: int):
    """Move an article to another story, or to a new one (story=new)."""
    article = get_object_or_404(Article, pk=pk)
    if request.POST.get("story") == "new":
        story = grouping.move_article(article, None)
    else:
        story = grouping.move_article(article, get_object_or_404(Story, pk=id_param(request.POST, "story")))
    messages.success(request, f"Moved to the story “{story}”. The matcher will not move it again.")
    return redirect(story)


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def story_merge(request, pk: int):
    """Merge this story into another."""
    source = get_object_or_404(Story, pk=pk)
    target = get_object_or_404(Story, pk=id_param(request.POST, "into"))
    grouping.merge_stories(source, target)
    messages.success(request, f"Merged into “{target}”.")
    return redirect(target)


FACT_ACTIONS = {"pin", "unpin", "rename", "merge", "unmerge", "move"}


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def story_fact_edit(request, pk: int):
    """An editor's choice on one row of the fact sheet: pin, unpin, rename, merge, unmerge, move."""
    from django.core.exceptions import ValidationError

    from .. import fact_edits
    from ..models import Claim

    story = get_object_or_404(Story, pk=pk)
    action, key, data = request.POST.get("action", ""), request.POST.get("key", ""), request.POST
    try:
        if action == "pin":
            fact_edits.pin(
                story, key, by=request.user, value=data.get("value", ""), note=data.get("note", ""),
                sources=data.get("sources", ""),
            )  # fmt: skip
            done = "Pinned."
        elif action == "unpin":
            fact_edits.unpin(story, key, by=request.user)
            done = "Unpinned."
        elif action == "rename":
            fact_edits.rename(story, key, by=request.user, label=data.get("label", ""))
            done = "Renamed." if data.get("label", "").strip() else "The row has its computed name again."
        elif action == "merge":
            fact_edits.merge(story, key, by=request.user, into=data.get("into", ""))
            done = "Merged."
        elif action == "unmerge":
            fact_edits.unmerge(story, key, by=request.user)
            done = "The row stands on its own again."
        elif action == "move":
            claim_id, _, from_key = data.get("statement", "").partition("|")
            claim = Claim.objects.filter(
                pk=int(claim_id) if claim_id.isdigit() and len(claim_id) < 19 else 0
            ).first()
            if claim is None:
                raise ValidationError("Choose the statement to move.")
            fact_edits.move(story, claim, by=request.user, from_key=from_key, to_key=data.get("to", ""))
            done = "Moved."
        else:
            raise ValidationError(f"Unknown action {action!r}.")
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
    else:
        messages.success(request, done)
    return redirect(f"{story.get_absolute_url()}#facts-h")
