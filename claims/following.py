"""Following outlets: reading their RSS and Atom feeds and turning new items into import jobs.

A poll asks for the feed with the ETag and Last-Modified of the last answer (a 304 costs
nothing), parses it with feedparser, skips every item already seen (by its GUID in this feed,
or by its canonical URL in any feed or among the articles), and queues one job per new item;
the job fetches the page and imports it through ingest.import_article, like any other article.
"""

from __future__ import annotations

import datetime
import urllib.parse
from dataclasses import dataclass, field

import feedparser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import fetching

# Query parameters that only track the reader; two links that differ by them are one page.
TRACKING_PARAMETERS = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "cmpid",
    "ocid",
    "ref",
}
TRACKING_PREFIXES = ("utm_", "at_", "itm_")


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    tracking parameters, the rest of the query sorted, no trailing slash on a path."""
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (key, value)
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith(TRACKING_PREFIXES)
    )
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urllib.parse.urlunsplit((scheme, host, path, urllib.parse.urlencode(query), ""))


@dataclass
class FeedEntry:
    guid: str
    url: str  # canonical
    title: str
    published: datetime.datetime | None  # in UTC, as feeds give it


@dataclass
class ParsedFeed:
    entries: list[FeedEntry] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # why each unusable item was skipped


def parse_feed(data: bytes, *, base_url: str = "") -> ParsedFeed:
    """The usable items of an RSS or Atom document; raises ValueError when it is not a feed."""
    parsed = feedparser.parse(data, response_headers={"content-location": base_url} if base_url else None)
    if parsed.bozo and not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        raise ValueError(f"not an RSS or Atom feed ({problem or 'unreadable'})")
    if not parsed.entries and not parsed.get("version"):
        raise ValueError("not an RSS or Atom feed (no feed format recognised)")
    result = ParsedFeed()
    for number, item in enumerate(parsed.entries, start=1):
        link = (item.get("link") or "").strip()
        title = " ".join((item.get("title") or "").split())[:500]
        name = title or f"item {number}"
        if not link:
            result.broken.append(f"{name}: no link")
            continue
        link = urllib.parse.urljoin(base_url, link)
        if urllib.parse.urlsplit(link).scheme not in {"http", "https"}:
            result.broken.append(f"{name}: the link {link[:100]} is not http(s)")
            continue
        try:
            url = canonical_url(link)
        except ValueError:
            result.broken.append(f"{name}: the link {link[:100]} is not a valid address")
            continue
        guid = (item.get("id") or item.get("guid") or url).strip()[:1000]
        moment = item.get("published_parsed") or item.get("updated_parsed")
        published = datetime.datetime(*moment[:6], tzinfo=datetime.UTC) if moment else None
        result.entries.append(FeedEntry(guid=guid, url=url[:1000], title=title, published=published))
    return result


@dataclass
class PollResult:
    not_modified: bool = False
    items: int = 0
    new: list = field(default_factory=list)  # FeedItem rows created
    repeated: int = 0
    broken: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.not_modified:
            return "nothing new (the feed is unchanged)"
        text = f"{self.items} items: {len(self.new)} new, {self.repeated} seen before"
        if self.broken:
            text += f", {len(self.broken)} unusable ({'; '.join(self.broken[:3])})"
        return text


def poll(feed) -> PollResult:
    """Fetch and read one feed; store its new items (the caller queues their imports).

    Fetch failures are recorded on the feed (last_error) and raised."""
    from .models import Article, Feed, FeedItem

    conditional = {}
    if feed.etag:
        conditional["If-None-Match"] = feed.etag
    if feed.last_modified:
        conditional["If-Modified-Since"] = feed.last_modified
    try:
        answer = fetching.fetch_page(feed.url, accept=fetching.FEED_TYPES, headers=conditional)
        parsed = None if answer.not_modified else parse_feed(answer.data, base_url=answer.url)
    except (fetching.FetchRefused, ValueError) as error:
        message = str(error) if str(error).startswith(feed.url) else f"{feed.url}: {error}"
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=message)
        raise
    result = PollResult(not_modified=answer.not_modified)
    with transaction.atomic():
        if parsed is not None:
            result.items = len(parsed.entries) + len(parsed.broken)
            result.broken = parsed.broken
            seen_guids = set(
                feed.items.filter(guid__in=[e.guid for e in parsed.entries]).values_list("guid", flat=True)
            )
            urls = [e.url for e in parsed.entries]
            seen_urls = set(FeedItem.objects.filter(url__in=urls).values_list("url", flat=True))
            seen_urls |= set(Article.objects.filter(url__in=urls).values_list("url", flat=True))
            for entry in parsed.entries:
                if entry.guid in seen_guids or entry.url in seen_urls:
                    result.repeated += 1
                    continue
                seen_guids.add(entry.guid)
                seen_urls.add(entry.url)
                result.new.append(
                    FeedItem.objects.create(
                        feed=feed,
                        guid=entry.guid,
                        url=entry.url,
                        title=entry.title,
                        published=entry.published,
                    )
                )
        Feed.objects.filter(pk=feed.pk).update(
            last_polled_at=timezone.now(),
            last_error="; ".join(result.broken)[:2000] if result.broken else "",
            items_seen=F("items_seen") + len(result.new),
            etag=(answer.headers.get("etag", "") if not answer.not_modified else feed.etag)[:500],
            last_modified=(
                answer.headers.get("last-modified", "") if not answer.not_modified else feed.last_modified
            )[:100],
        )
    return result


def due_feeds(now=None):
    from .models import Feed

    now = now or timezone.now()
    return [feed for feed in Feed.objects.filter(active=True).select_related("outlet") if feed.is_due(now)]


class FeedRefused(ValueError):
    """The feed cannot be followed; the message is for the user."""


def add_feed(url: str, *, outlet: str, interval_minutes: int = 30, active: bool = True, user=None):
    """Follow a feed: the one way in for the feeds page, the admin and `manage.py add_feed`."""
    from .cleaning import CleaningError, check_web_url
    from .ingest import ImportRejected, get_or_create_outlet
    from .models import Feed

    try:
        url = check_web_url(url.strip())
    except CleaningError as error:
        raise FeedRefused(f"not a feed address: {error}") from None
    if not url:
        raise FeedRefused("give the feed's address")
    if interval_minutes < 1:
        raise FeedRefused("the polling interval is at least 1 minute")
    if Feed.objects.filter(url=url).exists():
        raise FeedRefused(f"{url} is already followed")
    with transaction.atomic():
        try:
            the_outlet = get_or_create_outlet(outlet)
        except ImportRejected:
            raise FeedRefused("name the outlet the feed belongs to") from None
        return Feed.objects.create(
            url=url, outlet=the_outlet, interval_minutes=interval_minutes, active=active
        )
