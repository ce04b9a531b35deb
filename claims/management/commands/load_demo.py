from pathlib import Path

from django.core.management.base import BaseCommand

from claims import archive
from claims.factcheck_formats import parse
from claims.ingest import import_article

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = (
        "Load the demo: published fact-checks from two invented fact-checkers, then articles (a fictional "
        "event told by three outlets that disagree), matched against them. Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        added = archive.add(parse((DEMO_DIR / "factchecks.json").read_bytes(), "factchecks.json"))
        self.stdout.write(
            f"factchecks.json: {len(added.created)} fact-checks added, {added.skipped} already there"
        )
        for path in sorted(DEMO_DIR.glob("*.txt")):
            result = import_article(data=path.read_bytes(), filename=path.name)
            self.stdout.write(f"{path.name}: {result.message}")
