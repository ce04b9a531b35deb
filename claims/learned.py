"""A learned comparison: how likely two claims state the same fact, from the matcher's signals,
by a logistic regression trained on labelled pairs (`python manage.py train_matcher`).

The model is a small JSON file (claims/matcher_model.json: feature names, scaling, weights), read
without scikit-learn; training needs scikit-learn. Pure: no ORM, no request.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from . import conflicts

MODEL_PATH = Path(__file__).resolve().parent / "matcher_model.json"
GENERIC_MEASURES = frozenset({"people", "count", "rank", ""})

FEATURES = (
    "words",  # shared content words
    "entities",  # shared names
    "source",  # the same source named
    "units",  # figures of a comparable unit
    "dates",  # a day in common
    "frames",  # rival accounts of one event ("video conference" / "phone call")
    "context",  # how much the two articles are about the same story
    "meaning",  # cosine similarity of the sentence embeddings
    "shared_measure",  # a figure of the same measure on both sides (deaths and deaths)
    "values_consistent",  # such figures agree under their qualifiers
    "value_ratio",  # the closest such pair's smaller / larger value
    "both_figures",  # both claims carry a figure
    "days_apart",  # days between the two reports, capped at 14, over 14
)


def _measured(facts: conflicts.ClaimFacts) -> list[conflicts.Figure]:
    return [f for f in facts.figures if f.measure not in GENERIC_MEASURES and not f.forecast]


def features(a: conflicts.ClaimFacts, b: conflicts.ClaimFacts, signals: dict[str, float]) -> dict[str, float]:
    """The model's inputs for a pair: the matcher's signals and what the figures say."""
    pairs = [(fa, fb) for fa in _measured(a) for fb in _measured(b) if fa.measure == fb.measure]
    ratio = 0.0
    for fa, fb in pairs:
        low, high = sorted((abs(fa.base_value or fa.value), abs(fb.base_value or fb.value)))
        ratio = max(ratio, low / high if high else 1.0)
    days = 14
    if a.published and b.published:
        days = min(14, abs((a.published - b.published).days))
    return {
        **{name: float(signals.get(name, 0.0)) for name in FEATURES[:8]},
        "shared_measure": 1.0 if pairs else 0.0,
        "values_consistent": 1.0 if any(conflicts.consistent(fa, fb) for fa, fb in pairs) else 0.0,
        "value_ratio": ratio,
        "both_figures": 1.0 if a.figures and b.figures else 0.0,
        "days_apart": days / 14,
    }


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float = 0.5  # from here a pair is linked (chosen leaving one event out, best F1)
    trained_on: str = ""  # what it learned from, for people

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept
        for name, mean, scale, weight in zip(self.names, self.means, self.scales, self.weights, strict=True):
            z += weight * (values.get(name, 0.0) - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


@functools.cache
def shipped() -> Model | None:
    """The model file in the repo, or None when there is none."""
    return Model.load() if MODEL_PATH.exists() else None


def best_threshold(probabilities: list[float], labels: list[int]) -> float:
    """The threshold with the best F1 (ties: the higher, fewer links for editors to check)."""
    best, best_f1 = 0.5, -1.0
    for threshold in [step / 100 for step in range(10, 90, 5)] + [step / 100 for step in range(90, 100)]:
        tp = sum(1 for p, y in zip(probabilities, labels, strict=True) if p >= threshold and y)
        fp = sum(1 for p, y in zip(probabilities, labels, strict=True) if p >= threshold and not y)
        fn = sum(1 for p, y in zip(probabilities, labels, strict=True) if p < threshold and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 >= best_f1:
            best, best_f1 = threshold, f1
    return best


def out_of_fold(rows: list[dict[str, float]], labels: list[int], groups: list[str]) -> list[float | None]:
    """Each row's probability from a model trained without its event (rows pairing two events,
    "A|B", are learned from but never scored; None also when the rest holds one class)."""
    result: list[float | None] = [None] * len(rows)
    for event in sorted({g for g in groups if "|" not in g}):
        train_idx = [i for i, g in enumerate(groups) if event not in g.split("|")]
        if len({labels[i] for i in train_idx}) < 2:
            continue
        model = fit([rows[i] for i in train_idx], [labels[i] for i in train_idx])
        for i, g in enumerate(groups):
            if g == event:
                result[i] = model.probability(rows[i])
    return result


def train(rows: list[dict[str, float]], labels: list[int], groups: list[str], trained_on: str = "") -> Model:
    """The model and its threshold, chosen on probabilities of events each model never saw."""
    scored = [(p, y) for p, y in zip(out_of_fold(rows, labels, groups), labels, strict=True) if p is not None]
    threshold = best_threshold([p for p, _ in scored], [y for _, y in scored]) if scored else 0.5
    model = fit(rows, labels)
    return Model(**{**asdict(model), "threshold": threshold, "trained_on": trained_on})


def fit(rows: list[dict[str, float]], labels: list[int]) -> Model:
    """Logistic regression on standardised features; classes weighted (few pairs are one fact)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[row[name] for name in FEATURES] for row in rows], dtype=float)
    y = np.array(labels)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    fitted = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit((x - means) / scales, y)
    return Model(
        names=FEATURES,
        means=tuple(round(float(v), 6) for v in means),
        scales=tuple(round(float(v), 6) for v in scales),
        weights=tuple(round(float(v), 6) for v in fitted.coef_[0]),
        intercept=round(float(fitted.intercept_[0]), 6),
    )
