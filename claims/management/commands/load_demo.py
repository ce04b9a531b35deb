from pathlib import Path

from django.core.management.base import BaseCommand

from claims.ingest import import_article

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = (
        "Load the demo articles (a fictional event told by three outlets that disagree). Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        for path in sorted(DEMO_DIR.glob("*.txt")):
            result = import_article(data=path.read_bytes(), filename=path.name)
            self.stdout.write(f"{path.name}: {result.message}")
