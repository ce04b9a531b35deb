from django.core.management.base import BaseCommand, CommandError

from claims import grouping
from claims.ingest import extract_article_claims, link_new_claims
from claims.models import Article


class Command(BaseCommand):
    help = (
        "Extract the claims of articles again (all, or those given). Idempotent: claims found again keep "
        "their status, assignee, links, notes and verdicts; new claims are matched across outlets. "
        "Articles without a story are put in one; an editor's story choice is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", default=[], metavar="ID")

    def handle(self, *args, **options):
        articles = Article.objects.order_by("pk")
        if options["article"]:
            articles = articles.filter(pk__in=options["article"])
            missing = set(options["article"]) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
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
