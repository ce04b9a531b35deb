import json

from django.core.management.base import BaseCommand

from claims.models import Story


class Command(BaseCommand):
    help = 'Every story and its articles as JSON: [{"id", "title", "articles": [{"id", "outlet", "url", "published"}]}]'

    def handle(self, *args, **options):
        data = [
            {
                "id": story.pk,
                "title": story.title,
                "articles": [
                    {
                        "id": article.pk,
                        "outlet": article.outlet.name,
                        "url": article.web_url,
                        "published": article.published.isoformat() if article.published else None,
                    }
                    for article in story.articles.all()
                ],
            }
            for story in Story.objects.order_by("pk").prefetch_related("articles__outlet")
        ]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
