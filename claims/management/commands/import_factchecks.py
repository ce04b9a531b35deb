from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import archive
from claims.factcheck_formats import FormatError, parse
from claims.fetching import FetchRefused, fetch


class Command(BaseCommand):
    help = (
        "Add published fact-checks to the archive that new claims are matched against: ClaimReview "
        "JSON-LD (one object, a list or an @graph; also inside an HTML page), Fact Check Tools JSON, "
        "JSON lists of records, or CSV with a claim_reviewed column. Already stored ones are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--publisher", default="", help="publisher for records that do not name one")

    def handle(self, *args, **options):
        created = skipped = 0
        failures = []
        for source in options["sources"]:
            try:
                if source.startswith(("http://", "https://")):
                    data = fetch(source)
                else:
                    path = Path(source)
                    if not path.is_file():
                        raise FormatError(f"{source}: no such file")
                    data = path.read_bytes()
                records = parse(data, source, publisher=options["publisher"])
            except (FormatError, FetchRefused) as error:
                failures.append(str(error))
                self.stderr.write(f"{source}: refused: {error}")
                continue
            result = archive.add(records)
            created += len(result.created)
            skipped += result.skipped
            self.stdout.write(
                f"{source}: {len(result.created)} added, {result.skipped} already in the archive"
                + (f", {len(result.refused)} left out" if result.refused else "")
            )
            for reason in result.refused:
                self.stderr.write(f"  left out: {reason}")
        self.stdout.write(f"{created} fact-checks added, {skipped} already there")
        if failures and len(failures) == len(options["sources"]):
            raise CommandError("nothing imported: " + "; ".join(failures))
