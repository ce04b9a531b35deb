"""Putting articles in stories, and the editors' moves and merges (claims.stories decides alike-ness).

An editor's choice is final: an article an editor moved is locked in its
story, and neither re-import nor re-extraction moves it again.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Substr

from . import matching, stories
from .models import Article, Story

CANDIDATE_ARTICLES = 300  # recent articles with a story, compared with a new one


def _profile(article: Article) -> stories.Profile:
    return stories.profile(article.headline, article.body, article.published, _vector(article.lead_embedding))


def _vector(value) -> bytes | None:
    return bytes(value) if value is not None else None  # PostgreSQL hands back a memoryview


def assign_story(article: Article) -> Story:
    """Put an article without a story in the most alike recent story, or a new one."""
    if article.story_id is not None:
        return article.story
    recent = Article.objects.filter(story__isnull=False).exclude(pk=article.pk)
    if article.published:
        recent = recent.filter(
            Q(published__isnull=True)
            | Q(
                published__range=(
                    article.published - stories.LONG_WINDOW,
                    article.published + stories.LONG_WINDOW,
                )
            )
        )
    # Only the lead counts: fetch that, not 300 whole bodies.
    recent = recent.annotate(lead=Substr("body", 1, stories.LEAD_CHARACTERS))
    members = [
        (
            other.story_id,
            stories.profile(other.headline, other.lead, other.published, _vector(other.lead_embedding)),
        )
        for other in recent.order_by("-pk").only("pk", "story_id", "headline", "published", "lead_embedding")[
            :CANDIDATE_ARTICLES
        ]
    ]
    found = stories.matching_stories(_profile(article), members)
    if not found:
        story = Story.objects.create(title=_title(article))
    else:
        story = Story.objects.get(pk=found[0])
        # The article bridges stories the matcher made apart: they tell one event. Stories an
        # editor arranged (any article locked in them) are left as they are.
        bridged = Story.objects.filter(pk__in=found[1:]).exclude(articles__story_locked=True)
        for other in bridged:
            joined = list(other.articles.values_list("pk", flat=True))
            other.articles.update(story=story)
            other.delete()
            matching.reweigh_after_story_change(joined)
    article.story = story
    article.save(update_fields=["story"])
    story.save(update_fields=["updated_at"])  # the newest stories come first
    return story


def _title(article: Article) -> str:
    return (article.headline or article.body.split("\n", 1)[0])[:500]


@transaction.atomic
def move_article(article: Article, story: Story | None) -> Story:
    """An editor moves an article to another story, or to a new one of its own (`story=None`)."""
    old = article.story
    if story is None:
        story = Story.objects.create(title=_title(article))
    article.story, article.story_locked = story, True
    article.save(update_fields=["story", "story_locked"])
    matching.reweigh_after_story_change([article.pk])
    if old is not None and old.pk != story.pk:
        remaining = old.articles.order_by("published", "pk").first()
        if remaining is None:
            old.delete()
        elif old.title == _title(article):
            # The story was named after the article that left: name it after one that stayed.
            old.title = _title(remaining)
            old.save(update_fields=["title", "updated_at"])
    return story


@transaction.atomic
def merge_stories(source: Story, target: Story) -> Story:
    """Everything in `source` joins `target`, locked there; `source` goes."""
    if source.pk == target.pk:
        return target
    joined = list(source.articles.values_list("pk", flat=True))
    source.articles.update(story=target, story_locked=True)
    source.delete()
    matching.reweigh_after_story_change(joined)
    target.save(update_fields=["updated_at"])
    return target
