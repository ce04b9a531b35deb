import json

from django.core.management.base import BaseCommand, CommandError

from claims import archive
from claims.figures import as_json
from claims.matching import find_similar


class Command(BaseCommand):
    help = (
        "Ranked claims from the whole database that are most like TEXT, with scores, and the "
        "published fact-checks that may already answer it."
    )

    def add_arguments(self, parser):
        parser.add_argument("text", help="a claim or a few words")
        parser.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of lines")

    def handle(self, *args, **options):
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        if not options["text"].strip():
            raise CommandError("give some text to search for")
        results = find_similar(options["text"], limit=options["limit"])
        checked = archive.search(options["text"], limit=options["limit"])
        if options["json"]:
            claims = [
                {
                    "id": found.claim.pk,
                    "score": found.score,
                    "relation": found.comparison.relation,
                    "kind": found.comparison.kind or None,
                    "explanation": found.comparison.explanation,
                    "outlet": found.claim.article.outlet.name,
                    "article": found.claim.article.headline,
                    "url": found.claim.article.url,
                    "text": found.claim.text,
                    "quantities": [as_json(q) for q in found.claim.quantities.all()],
                }
                for found in results
            ]
            factchecks = [
                {
                    "id": hit.factcheck.pk,
                    "url": hit.factcheck.url,
                    "claim_reviewed": hit.factcheck.claim_reviewed,
                    "publisher": hit.factcheck.publisher,
                    "rating": hit.factcheck.rating_shown,
                    "verdict_label": hit.factcheck.verdict_label or None,
                    "date": hit.factcheck.reviewed_on.isoformat() if hit.factcheck.reviewed_on else None,
                    "score": hit.score,
                    "match": hit.in_words,
                }
                for hit in checked
            ]
            data = {"claims": claims, "factchecks": factchecks}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not results:
            self.stdout.write("no similar claims")
        for found in results:
            claim = found.claim
            self.stdout.write(f"{found.score:.2f}  #{claim.pk}  {claim.article.outlet.name}: {claim.text}")
        if checked:
            self.stdout.write("already checked:")
        for hit in checked:
            fc = hit.factcheck
            self.stdout.write(
                f"{hit.score:.2f}  {fc.publisher}: {fc.rating_shown}: {fc.claim_reviewed}  {fc.url}"
            )
