"""Celery tasks. The work itself is in claims.jobs; these only carry a job id to a worker
and schedule retries."""

from celery import shared_task
from django.db import close_old_connections

from . import jobs


@shared_task(bind=True, max_retries=jobs.MAX_RETRIES, acks_late=True)
def run_job(self, job_id: int) -> None:
    close_old_connections()
    try:
        jobs.run(job_id, final_attempt=self.request.retries >= self.max_retries)
    except jobs.TRANSIENT as error:
        raise self.retry(exc=error, countdown=jobs.retry_delay(self.request.retries)) from error


@shared_task
def poll_due_feeds() -> int:
    """Run every minute by `celery -A factcheck beat`: queue a poll of each feed that is due."""
    close_old_connections()
    return jobs.poll_due_feeds()
