"""Claim embeddings: loaded from the wordllama wheel with no network, stored once per claim."""

import socket
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from claims import embeddings
from claims.ingest import import_article
from claims.matching import find_similar
from claims.models import Claim


def test_the_model_loads_from_its_wheel_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the embedding model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    embeddings.model.cache_clear()
    vectors = embeddings.embed(["The dam failed on Saturday.", "Stock markets rose on Monday."])
    assert [len(v) for v in vectors] == [embeddings.DIMENSIONS * 4] * 2
    assert abs(np.linalg.norm(np.frombuffer(vectors[0], dtype=np.float32)) - 1) < 1e-4


def test_alike_sentences_are_nearer_than_unrelated_ones():
    flood, flood_again, market = embeddings.embed(
        [
            "Floodwater forced 12,000 residents from their homes in the valley.",
            "About 12,000 people were evacuated as the river flooded the valley.",
            "The central bank left interest rates unchanged on Thursday.",
        ]
    )
    assert (
        embeddings.meaning_similarity(flood, flood_again) > embeddings.meaning_similarity(flood, market) + 0.1
    )
    assert embeddings.meaning_similarity(flood, None) == 0.0
    assert embeddings.meaning_similarity(flood, b"\x00" * 12) == 0.0  # not a vector of ours


@pytest.mark.django_db
def test_each_claim_stores_its_vector_once_and_reextract_fills_missing_ones():
    body = "About 1,200 residents were evacuated from the valley on Monday, the civil protection agency said."
    article = import_article(text=body, outlet="Harbor Courier", published="2026-03-09").article
    claim = article.claims.get()
    assert len(bytes(claim.embedding)) == embeddings.DIMENSIONS * 4
    Claim.objects.update(embedding=None)
    call_command("reextract", stdout=StringIO())
    claim.refresh_from_db()
    assert claim.embedding is not None and claim.history.count() == 1  # no history row for a vector

    result = find_similar("residents evacuated from the valley", limit=3)
    assert result[0].claim == claim and result[0].signals["meaning"] > 0.3
