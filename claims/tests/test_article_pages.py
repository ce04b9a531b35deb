"""The articles list and article page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .conftest import make_article, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_the_articles_page_lists_articles_with_their_outlets(client, viewer):
    make_article(make_outlet("Harbor Courier"), headline="Dam breach forces evacuation")
    client.force_login(viewer)
    response = client.get(reverse("article_list"))
    assert response.status_code == 200
    assert "Dam breach forces evacuation" in response.text and "Harbor Courier" in response.text


def test_the_list_filters_by_date(client, viewer):
    make_article(make_outlet("Harbor Courier"), headline="March story", body="A.", published="2026-03-14")
    make_article(make_outlet("Harbor Courier"), headline="April story", body="B.", published="2026-04-02")
    client.force_login(viewer)
    response = client.get(reverse("article_list"), {"date_from": "2026-04-01", "date_to": "2026-04-30"})
    assert "April story" in response.text and "March story" not in response.text


def test_the_list_filters_by_outlet(client, viewer):
    make_article(make_outlet("Harbor Courier"), headline="Courier story", body="A.")
    make_article(make_outlet("Northline Wire"), headline="Wire story", body="B.")
    client.force_login(viewer)
    response = client.get(reverse("article_list"), {"outlet": "northline-wire"})
    assert "Wire story" in response.text and "Courier story" not in response.text


def test_the_list_costs_a_fixed_number_of_queries(client, viewer, django_assert_max_num_queries):
    client.force_login(viewer)
    outlet = make_outlet()
    for i in range(5):
        make_claim(make_article(outlet, body=f"Story {i} said 3 people died.", headline=f"S{i}"))
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("article_list"))
    for i in range(5, 50):
        make_claim(make_article(outlet, body=f"Story {i} said 3 people died.", headline=f"S{i}"))
    with django_assert_max_num_queries(len(five.captured_queries)):
        response = client.get(reverse("article_list"))
    assert response.text.count("<tr>") == 51


def test_the_article_page_escapes_markup_in_the_body(client, viewer):
    article = make_article(body='Officials said <script>alert("x")</script> 40 homes flooded.')
    make_claim(article)
    client.force_login(viewer)
    response = client.get(article.get_absolute_url())
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


def test_the_article_page_highlights_each_claim_with_a_link_to_it(client, viewer):
    article = make_article(body="First paragraph, no claim.\n\nThe council said 40 homes were flooded.")
    claim = make_claim(article, "The council said 40 homes were flooded.")
    client.force_login(viewer)
    response = client.get(article.get_absolute_url())
    assert f'href="{claim.get_absolute_url()}">The council said 40 homes were flooded.</a>' in response.text
