import time

from django.core.management.base import BaseCommand, CommandError

from claims import jobs
from claims.models import Feed, Job


class Command(BaseCommand):
    help = (
        "Queue a poll of every active feed now. With --wait, return when the polls and the imports "
        "they started have finished, printing counts. Without a worker the work is done here."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wait", action="store_true", help="wait for the polls and their imports")
        parser.add_argument(
            "--timeout", type=float, default=3600, help="give up waiting after N seconds (3600)"
        )

    def handle(self, *args, **options):
        feeds = list(Feed.objects.filter(active=True).select_related("outlet"))
        if not feeds:
            self.stdout.write("no active feed to poll (add one with: manage.py add_feed URL --outlet NAME)")
            return
        batch = jobs.poll_feeds(feeds)
        queued = Job.objects.filter(batch=batch).count()
        self.stdout.write(f"{queued} of {len(feeds)} feeds queued for a poll (batch {batch})")
        if not options["wait"]:
            return
        deadline = time.monotonic() + options["timeout"]
        while (counts := jobs.batch_counts(batch))["pending"]:
            if time.monotonic() > deadline:
                raise CommandError(f"gave up waiting: {counts['pending']} jobs still pending")
            time.sleep(0.5)
        polls = Job.objects.filter(batch=batch, kind=Job.Kind.POLL_FEED)
        new_items = sum(job.result.get("new", 0) for job in polls if job.state == Job.State.DONE)
        self.stdout.write(
            f"{counts['polled']} feeds polled, {new_items} new items: {counts['imported']} imported, "
            f"{counts['duplicate']} already imported, {counts['rejected']} refused, {counts['failed']} failed"
        )
        for job in Job.objects.filter(batch=batch, state=Job.State.FAILED):
            self.stdout.write(f"failed: {job.label}: {job.error}")
