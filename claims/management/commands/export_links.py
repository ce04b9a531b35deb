import json

from django.core.management.base import BaseCommand

from claims.link_export import export_links


class Command(BaseCommand):
    help = "Print every claim link (with its notes and both claims) as a JSON array."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json", help="output format (json)")

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(export_links(), ensure_ascii=False, indent=2))
