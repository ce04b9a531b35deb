import json

from django.core.management.base import BaseCommand, CommandError

from claims.models import Story
from claims.views.stories import fact_sheet_data


class Command(BaseCommand):
    help = "Print a story's fact sheet as JSON: one row per fact, what each outlet said, where they differ."

    def add_arguments(self, parser):
        parser.add_argument("story", type=int, help="the story's id (see /stories/ or export_stories)")

    def handle(self, *args, **options):
        story = Story.objects.filter(pk=options["story"]).first()
        if story is None:
            raise CommandError(f"no story {options['story']}")
        self.stdout.write(json.dumps(fact_sheet_data(story), ensure_ascii=False, indent=2))
