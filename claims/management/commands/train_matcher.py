from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims import learned
from claims.labelled_pairs import all_rows, without

BENCH = Path(settings.BASE_DIR) / "bench"


def _counts(predicted: list[bool], gold: list[bool]) -> tuple[int, int, int]:
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(predicted, gold, strict=True) if g and not p)
    return tp, fp, fn


def _line(name: str, tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"  {name:<34} precision {precision:.2f}  recall {recall:.2f}  (tp {tp}, fp {fp}, fn {fn})"


class Command(BaseCommand):
    help = (
        "Retrain the learned comparison (claims/matcher_model.json) from the labelled pairs of the "
        "invented sets and, when rebuilt, the real reports; print leave-one-event-out precision and "
        "recall of 'these two claims state one fact' beside the hand-set rules."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=learned.MODEL_PATH)
        parser.add_argument(
            "--threshold", type=float, default=None, help="default: FACTCHECK_SUGGEST_THRESHOLD"
        )
        parser.add_argument("--dry-run", action="store_true", help="report only; write no model")

    def handle(self, *args, **options):
        threshold = options["threshold"] or settings.FACTCHECK_SUGGEST_THRESHOLD
        rows, real = all_rows(BENCH)
        if not real:
            self.stdout.write(
                "the real reports are absent (bench/real/README.md): training on invented sets only"
            )
        groups = sorted({row.group for row in rows if "|" not in row.group})
        positives = sum(row.same_fact for row in rows)
        if positives < 5 or len(groups) < 3:
            raise CommandError(f"too few labelled pairs to learn from ({positives} of {len(rows)})")
        self.stdout.write(
            f"{len(rows)} labelled pairs ({positives} of one fact) from {len(groups)} events "
            f"({len({r.group for r in real})} real)"
        )
        # Leave one event out: each event is scored by a model, and a threshold, that never saw it
        # (the threshold is chosen by leaving one event out among the other events).
        learned_predictions: dict[int, bool] = {}
        thresholds = []
        for group in groups:
            train = without(rows, group)
            if len({r.same_fact for r in train}) < 2:
                continue
            model = learned.train(
                [r.features for r in train], [int(r.same_fact) for r in train], [r.group for r in train]
            )
            thresholds.append(model.threshold)
            for index, row in enumerate(rows):
                if row.group == group:
                    learned_predictions[index] = model.probability(row.features) >= model.threshold
        from claims.matching import RELATED_MARGIN

        rules = [r.rule_score >= threshold + (RELATED_MARGIN if r.related_only else 0.0) for r in rows]
        within_events = [r for r in rows if "|" not in r.group]
        for name, subset in (("all events", within_events), ("real events", real)):
            if not subset:
                continue
            indexes = [i for i, r in enumerate(rows) if r in subset and i in learned_predictions]
            gold = [rows[i].same_fact for i in indexes]
            self.stdout.write(f"{name} ({len(indexes)} pairs, {sum(gold)} of one fact):")
            self.stdout.write(_line("hand-set rules", *_counts([rules[i] for i in indexes], gold)))
            self.stdout.write(
                _line(
                    "learned, leave one event out", *_counts([learned_predictions[i] for i in indexes], gold)
                )
            )
        self.stdout.write(
            f"thresholds chosen per left-out event: {min(thresholds):.2f} to {max(thresholds):.2f}"
        )
        model = learned.train(
            [r.features for r in rows],
            [int(r.same_fact) for r in rows],
            [r.group for r in rows],
            trained_on=f"{len(rows)} pairs, {len(groups)} events ({len({r.group for r in real})} real)",
        )
        weights = ", ".join(
            f"{n} {w:+.2f}"
            for n, w in sorted(zip(model.names, model.weights, strict=True), key=lambda x: -abs(x[1]))
        )
        self.stdout.write(f"threshold {model.threshold:.2f}; weights (standardised): {weights}")
        if options["dry_run"]:
            return
        model.save(options["output"])
        learned.shipped.cache_clear()
        self.stdout.write(f"wrote {options['output']}")
