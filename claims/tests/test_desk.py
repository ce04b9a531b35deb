"""The desk's recent activity shows people's actions and sums up the matcher's."""

import pytest
from django.db import transaction
from django.urls import reverse

from claims.ingest import import_article
from claims.models import ClaimLink
from claims.review import update_link

from .conftest import make_user

pytestmark = pytest.mark.django_db

BODY = "About {n},000 residents were evacuated from the Sella valley on Monday, the civil protection agency said."


def test_the_matchers_links_are_summed_up_and_peoples_actions_listed(client, viewer, editor):
    colleague = make_user("cora_colleague", "Editor")
    for n, outlet in ((12, "Harbor Courier"), (15, "Estrava Daily"), (12, "Northline Wire")):
        result = import_article(
            text=BODY.format(n=n), outlet=outlet, published="2026-03-14", added_by=colleague
        )
        assert result.ok
    links = list(ClaimLink.objects.all())
    assert len(links) >= 2  # made by the matcher, during cora's imports
    client.force_login(viewer)
    page = client.get(reverse("home")).content.decode()
    assert "the matcher linked" in page and f"{len(links)} pairs of claims in 3 articles" in page
    assert "linked conflicts" not in page and "linked agrees" not in page  # not one line per link
    link = links[0]
    with transaction.atomic():
        update_link(link, by=colleague, action="confirm", expected_version=link.version)
    page = client.get(reverse("home")).content.decode()
    assert "<strong>cora_colleague</strong> confirmed a link as" in page


def test_the_desk_costs_the_same_queries_with_more_activity(
    client, viewer, editor, django_assert_max_num_queries
):
    client.force_login(viewer)
    for n, outlet in ((12, "Harbor Courier"), (15, "Estrava Daily")):
        import_article(text=BODY.format(n=n), outlet=outlet, published="2026-03-14", added_by=editor)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("home"))
    for n, outlet in ((13, "Northline Wire"), (14, "Valley Wire"), (16, "Port Gazette")):
        import_article(text=BODY.format(n=n), outlet=outlet, published="2026-03-14", added_by=editor)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))


def test_the_desk_lists_stories_with_open_conflicts_first_with_their_counts(client, viewer):
    from claims.models import Story

    for n, outlet in ((12, "Harbor Courier"), (15, "Estrava Daily"), (18, "Northline Wire")):
        import_article(text=BODY.format(n=n), outlet=outlet, published="2026-03-14")
    calm = "The Ostrel tram museum reopened on Monday after a repaint, the city said."
    import_article(text=calm, outlet="Harbor Courier", published="2026-05-02")
    story = Story.objects.filter(articles__outlet__name="Estrava Daily").get()
    open_conflicts = ClaimLink.objects.filter(relation="conflicts").count()
    assert open_conflicts >= 2
    client.force_login(viewer)
    page = client.get(reverse("home")).content.decode()
    assert "Stories with open conflicts" in page
    assert f'href="{story.get_absolute_url()}"' in page and f"✗ {open_conflicts} open conflicts" in page
    assert "tram museum" not in page.split("Stories with open conflicts")[1].split("Newest conflicts")[0]
