"""Small things on the pages: times, titles, scores in words, the history after in-page actions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.templatetags.factdesk import ago


def test_ago_says_just_now_under_a_minute_and_the_time_after():
    now = timezone.now()
    assert ago(now) == "just now"
    assert ago(now - datetime.timedelta(seconds=59)) == "just now"
    assert ago(now - datetime.timedelta(minutes=3)) == "3\xa0minutes ago"
    assert ago(None) == ""


@pytest.mark.django_db
def test_the_claim_page_title_says_which_claim(client, viewer, troops):
    client.force_login(viewer)
    page = client.get(troops[0].get_absolute_url()).content.decode()
    assert (
        "<title>Claim: U.S. intelligence points to about 175,000 Russian troops, a… · Fact desk</title>"
        in page
    )


@pytest.mark.django_db
def test_scores_on_the_claim_page_are_said_in_words_with_the_number_in_a_tooltip(client, viewer, troops):
    client.force_login(viewer)
    page = client.get(troops[0].get_absolute_url()).content.decode()
    assert 'title="match score 0.80 of 1">very likely the same fact</span> ·' in page
    assert "Check-worthiness" in page and 'title="score 0.00 of 1">little to check<' in page


@pytest.mark.django_db
def test_an_in_page_action_refreshes_the_history_and_says_which_link(client, editor, troops):
    from claims.models import ClaimLink

    claim = troops[0]
    link = ClaimLink.objects.get()
    client.force_login(editor)
    response = client.post(
        reverse("link_update", args=[link.pk]),
        {"action": "dismiss", "version": link.version, "claim": claim.pk},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="links",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="history" aria-labelledby="history-title" hx-swap-oob="true"' in html
    assert "link with Seed Outlet Two&#x27;s claim updated" in html
    assert "<del>Confirmed</del> → <ins>Dismissed</ins>" in html or "<del>confirmed</del>" in html


@pytest.mark.django_db
def test_dates_read_the_same_everywhere(client, viewer, troops):
    client.force_login(viewer)
    queue = client.get(reverse("queue"), {"status": "flagged"}).content.decode()
    claim_page = client.get(troops[0].get_absolute_url()).content.decode()
    for page in (queue, claim_page):
        assert "4 Dec 2021" in page
        assert "Dec. 4, 2021" not in page and "December 4, 2021" not in page
