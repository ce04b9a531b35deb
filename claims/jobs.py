"""Background work: importing files and pages, polling feeds, re-extracting articles.

Every piece of work is a Job row first (what to do, for whom, in which batch), then a Celery task
(claims.tasks.run_job) that runs it on a worker. Running a job is idempotent: a finished job is
never run twice, and the import itself finds an article already imported by URL or text. A lost
database connection or an unreachable server is retried with backoff; anything else fails the
job with its error on the Jobs page, where a Chief can retry it. Each import is one transaction
(claims.ingest), so a failed job leaves nothing half-written.

When no worker can take jobs (Redis down or no worker started), they run in this process,
and the log says so once.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Count, F
from django.utils import timezone

from . import fetching, following, grouping, ingest
from .models import Article, Feed, Job

logger = logging.getLogger(__name__)

# Failures worth trying again later: the database went away, a server could not be reached.
TRANSIENT = (OperationalError, InterfaceError, fetching.FetchUnavailable)
MAX_RETRIES = 5


def new_batch() -> uuid.UUID:
    return uuid.uuid4()


# --- Queueing -------------------------------------------------------------------------------


def queue(kind: str, label: str, **fields) -> Job:
    return queue_many([Job(kind=kind, label=label[:1000], **fields)])[0]


def queue_many(jobs: list[Job]) -> list[Job]:
    """Store the jobs and hand them to a worker (or run them here when there is none)."""
    created = Job.objects.bulk_create(jobs)
    dispatch(created)
    return created


def dispatch(jobs: list[Job]) -> None:
    ids = [job.pk for job in jobs]
    if not ids:
        return
    if runs_inline():
        for job_id in ids:
            run(job_id)
        return
    from .tasks import run_job

    # Queued once the rows are committed, so a fast worker never looks for a job not yet there.
    transaction.on_commit(lambda: [run_job.delay(job_id) for job_id in ids])


def retry(job: Job) -> Job:
    """Run a failed job again (the Jobs page's retry button)."""
    Job.objects.filter(pk=job.pk, state=Job.State.FAILED).update(
        state=Job.State.QUEUED, error="", attempts=0, finished_at=None
    )
    job.refresh_from_db()
    if job.state == Job.State.QUEUED:
        dispatch([job])
        job.refresh_from_db()
    return job


# --- Where jobs run -------------------------------------------------------------------------

_probe_lock = threading.Lock()
_probe = {"until": 0.0, "worker": False, "why": "", "said": False}


def runs_inline() -> bool:
    mode = getattr(settings, "FACTCHECK_TASKS", "auto")
    if mode == "inline":
        return True
    if mode == "celery":
        return False
    return not worker_status()[0]


def worker_status() -> tuple[bool, str]:
    """(a worker takes jobs, why not); asked of the broker at most every 15 to 60 seconds."""
    with _probe_lock:
        now = time.monotonic()
        if now >= _probe["until"]:
            worker, why = _ask_broker()
            _probe.update(until=now + (60 if worker else 15), worker=worker, why=why)
            if not worker and not _probe["said"]:
                logger.warning("Background jobs run in the web process: %s", why)
                _probe["said"] = True
            if worker:
                _probe["said"] = False
        return _probe["worker"], _probe["why"]


def _ask_broker() -> tuple[bool, str]:
    import redis

    from factcheck.celery import app

    url = settings.CELERY_BROKER_URL
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5).ping()
    except (redis.RedisError, OSError, ValueError) as error:
        return False, f"Redis is not reachable at {url} ({error})"
    try:
        replies = app.control.ping(timeout=0.5, limit=1)  # the first answer is enough
    except Exception as error:  # noqa: BLE001 - any broker trouble means: run here
        return False, f"the broker did not answer ({error})"
    if not replies:
        return False, "no worker is running (start one with: celery -A factcheck worker)"
    return True, ""


# --- Running --------------------------------------------------------------------------------


def run(job_id: int, *, final_attempt: bool = True) -> Job | None:
    """Run one job. Returns it, or None when it was already finished or is gone.

    A transient failure is re-raised for the caller to retry, unless this was the final attempt."""
    job = _start(job_id)
    if job is None:
        return None
    try:
        result, article = HANDLERS[job.kind](job)
    except TRANSIENT as error:
        _drop_broken_connection(error)
        if final_attempt:
            _finish(job, Job.State.FAILED, error=f"{error} (gave up after {job.attempts} attempts)")
            return job
        _finish(job, Job.State.RETRYING, error=f"{error} (attempt {job.attempts}; will retry)")
        raise
    except Exception as error:  # noqa: BLE001 - a job's failure is reported on the job, never lost
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.State.FAILED, error=str(error) or type(error).__name__)
        return job
    _finish(job, Job.State.DONE, result=result, article=article)
    return job


def retry_delay(retries: int) -> float:
    """Seconds before the next attempt: doubling from FACTCHECK_TASK_RETRY_DELAY, with jitter."""
    base = float(getattr(settings, "FACTCHECK_TASK_RETRY_DELAY", 5.0))
    return min(300.0, base * 2**retries) * random.uniform(0.8, 1.2)


def _start(job_id: int) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state in (Job.State.DONE, Job.State.FAILED):
            return None
        job.state = Job.State.RUNNING
        job.attempts += 1
        job.started_at = timezone.now()
        job.save(update_fields=["state", "attempts", "started_at"])
    return job


def _finish(job: Job, state: str, *, error: str = "", result: dict | None = None, article=None) -> None:
    job.state = state
    job.error = error[:5000]
    fields = ["state", "error"]
    if state in (Job.State.DONE, Job.State.FAILED):
        job.finished_at = timezone.now()
        fields.append("finished_at")
    if result is not None:
        job.result = result
        job.article = article
        fields += ["result", "article"]
    if state == Job.State.DONE:
        job.data = None  # the upload is in the article now
        fields.append("data")
    try:
        job.save(update_fields=fields)
    except (OperationalError, InterfaceError):
        # The database is still away; the retry (or the Jobs page) will tell.
        _drop_broken_connection(None)
        if state != Job.State.RETRYING:
            raise


def _drop_broken_connection(error) -> None:
    if error is None or isinstance(error, OperationalError | InterfaceError):
        if not connection.in_atomic_block:
            connection.close()


# --- What each kind of job does -------------------------------------------------------------


def _result(outcome: ingest.ImportResult) -> tuple[dict, Article | None]:
    return (
        {
            "status": outcome.status,
            "message": outcome.message,
            "claims": outcome.claim_count,
            "links": outcome.link_count,
            "conflicts": outcome.conflict_count,
        },
        outcome.article,
    )


def _import_file(job: Job):
    outcome = ingest.import_article(
        data=bytes(job.data or b""), filename=job.label, added_by=job.created_by, **job.params
    )
    return _result(outcome)


def _import_url(job: Job):
    params = dict(job.params)
    url = params.pop("url")
    existing = Article.objects.filter(url=url).first()
    if existing is not None:
        return _result(
            ingest.ImportResult(ingest.DUPLICATE, f"already imported as article {existing.pk}", existing)
        )
    try:
        page = fetching.fetch_page(url, accept=fetching.PAGE_TYPES)
    except fetching.FetchUnavailable:
        raise
    except fetching.FetchRefused as refusal:
        return _result(ingest.ImportResult(ingest.REJECTED, str(refusal)))
    filename = "page.txt" if page.content_type == "text/plain" else "page.html"
    outcome = ingest.import_article(
        data=page.data,
        filename=filename,
        url=url,
        added_by=job.created_by,
        max_bytes=fetching.MAX_BYTES,
        **{key: value for key, value in params.items() if value},
    )
    if job.feed_id and outcome.status == ingest.IMPORTED:
        Feed.objects.filter(pk=job.feed_id).update(articles_imported=F("articles_imported") + 1)
    return _result(outcome)


def _poll_feed(job: Job):
    feed = Feed.objects.select_related("outlet").get(pk=job.feed_id)
    try:
        with transaction.atomic():
            # The feed's new items and their import jobs are stored together, or not at all.
            polled = following.poll(feed)
            imports = Job.objects.bulk_create(
                [
                    Job(
                        kind=Job.Kind.IMPORT_URL,
                        label=item.url,
                        batch=job.batch,
                        feed=feed,
                        created_by=job.created_by,
                        params={
                            "url": item.url,
                            "outlet": feed.outlet.name,
                            "headline": item.title,
                            "published": item.published.isoformat() if item.published else "",
                        },
                    )
                    for item in polled.new
                ]
            )
    except (fetching.FetchRefused, ValueError) as error:
        message = str(error) if str(error).startswith(feed.url) else f"{feed.url}: {error}"
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=message[:2000])
        raise
    dispatch(imports)
    return (
        {
            "status": "polled",
            "message": polled.summary(),
            "items": polled.items,
            "new": len(polled.new),
            "repeated": polled.repeated,
            "broken": len(polled.broken),
        },
        None,
    )


def _reextract(job: Job):
    article = Article.objects.get(pk=job.article_id)
    with transaction.atomic():
        if article.story_id is None:
            grouping.assign_story(article)
        claims = ingest.extract_article_claims(article)
        links = ingest.link_new_claims(claims)
    return {
        "status": "done",
        "message": f"{len(claims)} claims, {links} new links",
        "claims": len(claims),
    }, article


HANDLERS = {
    Job.Kind.IMPORT_FILE: _import_file,
    Job.Kind.IMPORT_URL: _import_url,
    Job.Kind.POLL_FEED: _poll_feed,
    Job.Kind.REEXTRACT: _reextract,
}


# --- Starting work --------------------------------------------------------------------------


def poll_feeds(feeds, *, user=None, batch=None) -> uuid.UUID:
    """Queue a poll of each feed (skipping a feed whose poll is already waiting); returns the batch."""
    batch = batch or new_batch()
    waiting = set(
        Job.objects.filter(kind=Job.Kind.POLL_FEED, state__in=Job.PENDING_STATES).values_list(
            "feed_id", flat=True
        )
    )
    queue_many(
        [
            Job(kind=Job.Kind.POLL_FEED, label=feed.url, batch=batch, feed=feed, created_by=user)
            for feed in feeds
            if feed.pk not in waiting
        ]
    )
    return batch


def poll_due_feeds() -> int:
    """Queue a poll of every active feed whose interval has passed; returns how many."""
    feeds = following.due_feeds()
    poll_feeds(feeds)
    return len(feeds)


def import_urls(urls: list[str], *, options: dict, user=None) -> uuid.UUID:
    batch = new_batch()
    queue_many(
        [
            Job(
                kind=Job.Kind.IMPORT_URL,
                label=url,
                batch=batch,
                created_by=user,
                params={"url": following.canonical_url(url), **options},
            )
            for url in urls
        ]
    )
    return batch


def import_files(files: list[tuple[str, bytes, dict]], *, user=None) -> uuid.UUID:
    """files: (name, bytes, options for import_article) for each upload."""
    batch = new_batch()
    queue_many(
        [
            Job(
                kind=Job.Kind.IMPORT_FILE, label=name, batch=batch, created_by=user, data=data, params=options
            )
            for name, data, options in files
        ]
    )
    return batch


def batch_counts(batch) -> dict[str, int]:
    """How many jobs of a batch are pending, imported, duplicate, rejected, failed, polled."""
    counts = {"pending": 0, "imported": 0, "duplicate": 0, "rejected": 0, "failed": 0, "polled": 0, "done": 0}
    rows = Job.objects.filter(batch=batch).values("state", "result__status").annotate(n=Count("id"))
    for row in rows:
        if row["state"] in Job.PENDING_STATES:
            counts["pending"] += row["n"]
        elif row["state"] == Job.State.FAILED:
            counts["failed"] += row["n"]
        else:
            key = row["result__status"] or "done"
            counts[key] = counts.get(key, 0) + row["n"]
    counts["total"] = sum(counts.values())
    counts["finished"] = counts["total"] - counts["pending"]
    return counts
