"""Database constraints hold whatever code path writes the rows."""

import pytest
from django.db import IntegrityError, transaction

from claims.models import Article, Claim, ClaimLink, Note, Rating, Verdict

from .conftest import make_article, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_it_refuses_the_same_text_twice_for_one_outlet():
    outlet = make_outlet()
    make_article(outlet, body="The mayor said 12 bridges closed.", content_hash="abc")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(outlet, body="The mayor said 12 bridges closed.", content_hash="abc")


def test_it_allows_the_same_text_at_another_outlet():
    make_article(make_outlet("A"), body="Same wire copy.", content_hash="abc")
    make_article(make_outlet("B"), body="Same wire copy.", content_hash="abc")


def test_it_refuses_a_second_article_with_the_same_url_but_allows_many_without():
    make_article(body="One.", url="https://a.example/x")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(body="Two.", url="https://a.example/x")
    make_article(body="Three.", url="")
    make_article(body="Four.", url="")


def test_it_refuses_an_empty_body():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(outlet=make_outlet(), body="", content_hash="empty")


def _two_claims():
    first = make_claim(make_article(make_outlet("A"), body="The dam holds 340 million cubic meters."))
    second = make_claim(make_article(make_outlet("B"), body="The dam holds 300 million cubic meters."))
    return first, second


def test_it_refuses_a_link_from_a_claim_to_itself():
    first, _ = _two_claims()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(claim_a=first, claim_b=first)


def test_it_stores_a_pair_in_one_order_so_a_reversed_duplicate_is_refused():
    first, second = _two_claims()
    link = ClaimLink.objects.create(claim_a=second, claim_b=first)
    assert (link.claim_a_id, link.claim_b_id) == tuple(sorted((first.pk, second.pk)))
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(claim_a=first, claim_b=second)
    assert ClaimLink.between(second, first) == link


def test_the_database_itself_refuses_a_pair_stored_out_of_order():
    first, second = _two_claims()
    low, high = sorted((first.pk, second.pk))
    # bulk_create skips save(), so only the check constraint stands in the way.
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.bulk_create([ClaimLink(claim_a_id=high, claim_b_id=low)])


def test_it_refuses_a_claim_whose_end_is_not_after_its_start():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(article=article, text="", start=5, end=5)


def test_it_refuses_a_check_worthiness_score_outside_0_to_1():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(article, score=1.5)


def test_a_note_belongs_to_exactly_one_claim_or_link(editor):
    first, second = _two_claims()
    link = ClaimLink.objects.create(claim_a=first, claim_b=second)
    Note.objects.create(author=editor, text="checked", claim=first)
    Note.objects.create(author=editor, text="checked", link=link)
    with pytest.raises(IntegrityError), transaction.atomic():
        Note.objects.create(author=editor, text="orphan")
    with pytest.raises(IntegrityError), transaction.atomic():
        Note.objects.create(author=editor, text="both", claim=first, link=link)


def test_only_one_published_verdict_per_claim(editor):
    claim, _ = _two_claims()
    rating = Rating.objects.get(label="False")
    Verdict.objects.create(claim=claim, rating=rating, author=editor, is_published=True)
    Verdict.objects.create(claim=claim, rating=rating, author=editor)  # drafts are fine
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(claim=claim, rating=rating, author=editor, is_published=True)


def test_the_default_rating_scale_is_shipped():
    scale = [(r.value, r.label) for r in Rating.objects.all()]
    assert scale == [
        (1, "False"),
        (2, "Mostly false"),
        (3, "Half true"),
        (4, "Mostly true"),
        (5, "True"),
        (None, "Misleading"),
        (None, "Unverifiable"),
    ]


def test_a_stale_status_change_is_refused_and_the_newer_one_kept(editor, other_editor):
    from claims.models import StaleEdit

    claim = make_claim(make_article())
    seen_by_both = claim.version
    claim.update_review(by=editor, expected_version=seen_by_both, status=Claim.Status.IN_REVIEW)
    stale_copy = Claim.objects.get(pk=claim.pk)
    with pytest.raises(StaleEdit, match="changed by someone else"):
        stale_copy.update_review(
            by=other_editor, expected_version=seen_by_both, status=Claim.Status.DISMISSED
        )
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert claim.history.first().history_user == editor
