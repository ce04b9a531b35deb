"""RSS and Atom feeds of published fact-checks, beside the ClaimReview JSON feed."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .claimreview import published_verdicts

FEED_ITEMS = 50


class FactChecksRss(Feed):
    description_template = None

    def title(self):
        return f"{settings.FACTCHECK_ORGANIZATION_NAME}: fact-checks"

    def link(self):
        return reverse("public_index")

    def description(self):
        return f"The latest fact-checks published by {settings.FACTCHECK_ORGANIZATION_NAME}."

    def items(self):
        return published_verdicts()[:FEED_ITEMS]

    def item_title(self, verdict):
        return f"{verdict.rating.label}: {verdict.headline or verdict.claim.text[:120]}"

    def item_description(self, verdict):
        claimant = verdict.claim.attribution or verdict.claim.article.outlet.name
        return f"The claim, by {claimant}: “{verdict.claim.text}” Our rating: {verdict.rating.label}."

    def item_link(self, verdict):
        return verdict.get_public_url()

    def item_pubdate(self, verdict):
        return verdict.published_at

    def item_updateddate(self, verdict):
        return verdict.updated_at


class FactChecksAtom(FactChecksRss):
    feed_type = Atom1Feed
    subtitle = FactChecksRss.description
