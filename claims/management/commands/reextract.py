from django.core.management.base import BaseCommand, CommandError

from claims import grouping, jobs
from claims.ingest import extract_article_claims, link_new_claims
from claims.models import Article, Job


class Command(BaseCommand):
    help = (
        "Extract the claims of articles again (all, or those given). Idempotent: claims found again keep "
        "their status, assignee, links, notes and verdicts; new claims are matched across outlets. "
        "Articles without a story are put in one; an editor's story choice is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", default=[], metavar="ID")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue one job per article for the workers (see the Jobs page) instead of working here.",
        )

    def handle(self, *args, **options):
        articles = Article.objects.order_by("pk")
        if options["article"]:
            articles = articles.filter(pk__in=options["article"])
            missing = set(options["article"]) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        if options["background"]:
            batch = jobs.new_batch()
            queued = jobs.queue_many(
                [
                    Job(kind=Job.Kind.REEXTRACT, label=f"article {pk}", article_id=pk, batch=batch)
                    for pk in articles.values_list("pk", flat=True)
                ]
            )
            self.stdout.write(f"{len(queued)} articles queued for re-extraction (batch {batch})")
            return
        for article in articles.iterator():
            if article.story_id is None:
                grouping.assign_story(article)
            before = article.claims.count()
            created = extract_article_claims(article)
            links = link_new_claims(created)
            after = article.claims.count()
            self.stdout.write(
                f"article {article.pk}: {after} claims ({len(created)} new, {before + len(created) - after} removed), "
                f"{links} new links"
            )
