"""What a sentence means, as a vector: WordLlama's static word embeddings.

The weights (16 MB) ship inside the `wordllama` wheel and are loaded from
there; nothing is ever downloaded. Vectors are unit length, stored as 256
float32 values (1 KB) so that a dot product is their cosine similarity.
Pure: no ORM, no request.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DIMENSIONS = 256


@functools.cache
def model():
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=DIMENSIONS)


def embed(texts: Sequence[str]) -> list[bytes]:
    """One stored vector per text."""
    if not texts:
        return []
    vectors = model().embed(list(texts), norm=True).astype(np.float32)
    return [row.tobytes() for row in vectors]


def meaning_similarity(first: bytes | memoryview | None, second: bytes | memoryview | None) -> float:
    """Cosine similarity of two stored vectors, 0 when either is missing."""
    if not first or not second:
        return 0.0
    a = np.frombuffer(first, dtype=np.float32)
    b = np.frombuffer(second, dtype=np.float32)
    if a.shape != (DIMENSIONS,) or b.shape != (DIMENSIONS,):
        return 0.0
    return max(0.0, float(np.dot(a, b)))
