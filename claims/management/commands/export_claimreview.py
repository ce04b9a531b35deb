import json

from django.core.management.base import BaseCommand, CommandError

from claims.claimreview import claim_review, published_verdicts, scale_bounds


class Command(BaseCommand):
    help = "Print the schema.org ClaimReview JSON-LD of published verdicts (all, or the one on --claim ID)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--claim", type=int, metavar="ID", help="only the published verdict on this claim"
        )

    def handle(self, *args, **options):
        verdicts = published_verdicts()
        bounds = scale_bounds()
        if options["claim"] is not None:
            verdict = verdicts.filter(claim_id=options["claim"]).first()
            if verdict is None:
                raise CommandError(f"claim {options['claim']} has no published verdict")
            data = claim_review(verdict, bounds=bounds)
        else:
            data = [claim_review(verdict, bounds=bounds) for verdict in verdicts.iterator()]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
