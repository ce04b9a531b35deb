from django.core.management.base import BaseCommand, CommandError

from claims.following import FeedRefused, add_feed


class Command(BaseCommand):
    help = "Follow an outlet's RSS or Atom feed; the scheduler (celery -A factcheck beat) polls it."

    def add_arguments(self, parser):
        parser.add_argument("url", help="the feed's address (http or https)")
        parser.add_argument("--outlet", required=True, help="the outlet's name; a new outlet is created")
        parser.add_argument(
            "--interval", type=int, default=30, metavar="MINUTES", help="poll every N minutes (30)"
        )
        parser.add_argument("--inactive", action="store_true", help="add it paused")

    def handle(self, *args, **options):
        try:
            feed = add_feed(
                options["url"],
                outlet=options["outlet"],
                interval_minutes=options["interval"],
                active=not options["inactive"],
            )
        except FeedRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"feed {feed.pk}: {feed.url} for {feed.outlet}, polled every {feed.interval_minutes} minutes"
            + ("" if feed.active else " (paused)")
        )
