"""The learned comparison: its shipped model, its training command, and linking with it."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from claims import learned, matching
from claims.conflicts import facts_from
from claims.extraction import extract_dates, extract_quantities
from claims.models import ClaimLink
from claims.tests.conftest import make_article, make_claim, make_outlet


def facts(text: str):
    dates = extract_dates(text)
    return facts_from(text=text, quantities=extract_quantities(text, 0, dates), dates=dates)


def test_the_shipped_model_loads_from_the_repo_and_weighs_a_pair():
    model = learned.Model.load()  # a file in the repo: nothing is downloaded
    assert model.names == learned.FEATURES
    assert len(model.weights) == len(model.means) == len(model.scales) == len(learned.FEATURES)
    assert 0 < model.threshold < 1 and model.trained_on
    same = facts("The flood killed 41 people in Estrava, the agency said.")
    again = facts("The Estrava flood left 41 people dead, according to the agency.")
    other = facts("Tram fares in Ostrel rose by 3 crowns on Monday.")
    _, signals_same = matching.score_pair(same, again, context=0.5, rules=True)
    _, signals_other = matching.score_pair(same, other, context=0.0, rules=True)
    p_same = model.probability(learned.features(same, again, signals_same))
    p_other = model.probability(learned.features(same, other, signals_other))
    assert 0 <= p_other < p_same <= 1


def test_train_matcher_learns_from_the_labelled_sets_and_reports_leaving_events_out(tmp_path):
    out = StringIO()
    target = tmp_path / "model.json"
    call_command("train_matcher", "--output", str(target), stdout=out)
    report = out.getvalue()
    assert "hand-set rules" in report and "learned, leave one event out" in report
    data = json.loads(target.read_text())
    assert data["names"] == list(learned.FEATURES)
    assert learned.Model.load(target).probability({}) >= 0


def _pair():
    one = make_article(make_outlet("Harbor Courier"), body="The flood killed 41 people in Estrava, the agency said.",
                       published="2026-03-14")  # fmt: skip
    two = make_article(make_outlet("Estrava Daily"), body="The Estrava flood killed 41 people, the agency said.",
                       published="2026-03-14")  # fmt: skip
    return make_claim(one), make_claim(two)


def _model(intercept: float) -> learned.Model:
    n = len(learned.FEATURES)
    return learned.Model(learned.FEATURES, (0.0,) * n, (1.0,) * n, (0.0,) * n, intercept, threshold=0.5)


@pytest.mark.django_db
def test_an_active_model_decides_which_pairs_are_linked():
    a, b = _pair()
    with matching.using_model(_model(-30.0)):  # never the same fact
        assert matching.link_claims([a]) == 0
    assert not ClaimLink.objects.exists()
    with matching.using_model(_model(30.0)):  # always the same fact, and sure of it
        assert matching.link_claims([a]) == 1
    link = ClaimLink.objects.get()
    assert (link.relation, link.status, link.score) == ("agrees", "confirmed", 1.0)


@pytest.mark.django_db
def test_the_setting_chooses_rules_or_the_shipped_model(settings):
    settings.FACTCHECK_MATCHER = "rules"
    assert matching.active_model() is None
    settings.FACTCHECK_MATCHER = "learned"
    assert matching.active_model() == learned.shipped()
