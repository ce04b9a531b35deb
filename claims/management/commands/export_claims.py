import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from claims.exports import changed_since, claims_data, csv_lines


class Command(BaseCommand):
    help = (
        "Print claims with their links, conflicts, notes and verdicts that changed since DATE "
        "(YYYY-MM-DD or an ISO date-time), for incremental exports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, metavar="DATE")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, **options):
        raw = options["since"]
        try:
            since = datetime.datetime.fromisoformat(raw)
        except ValueError:
            raise CommandError(f"--since {raw!r} is not a date (YYYY-MM-DD) or ISO date-time") from None
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        claims = changed_since(since)
        if options["format"] == "csv":
            for line in csv_lines(claims):
                self.stdout.write(line, ending="")
            return
        self.stdout.write(json.dumps(claims_data(claims), ensure_ascii=False, indent=2))
