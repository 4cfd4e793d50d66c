"""Score extracted facts against gold files (format: docs/GOLD_FORMAT.md).

A predicted fact matches a gold fact when its span overlaps the gold number's place in the text and its
value equals the gold value within 0.5% (vague amounts: the overlap is enough; ranges: both bounds).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.models import FactRecord, GoldFact, GoldFile, Qualifier

TOLERANCE = 0.005


class GoldError(Exception):
    pass


def load_gold(path: Path) -> GoldFile:
    try:
        return GoldFile.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GoldError(f"{path}: {error}") from error


def load_gold_dir(folder: Path) -> list[GoldFile]:
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise GoldError(f"{folder}: no gold files (*.json)")
    return [load_gold(p) for p in paths]


def locate(text: str, quote: str, occurrence: int) -> int:
    """Start of the `occurrence`-th (1-based, non-overlapping) occurrence of `quote` in `text`."""
    position = -len(quote)
    for _ in range(occurrence):
        position = text.find(quote, position + len(quote))
        if position < 0:
            raise GoldError(f"quote {quote!r} does not occur {occurrence} time(s)")
    return position


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or a == b


def normalise_unit(unit: str | None) -> str | None:
    return " ".join(unit.lower().split()) if unit else None


UNIT_ERROR_CLASSES = ("missing", "spurious", "fewer_modifiers", "more_modifiers", "other")


def _head(unit: str) -> str:
    word = unit.split()[-1]
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def unit_error_class(expected: str | None, got: str | None) -> str:
    """How a wrong unit is wrong: none read (`missing`), one read where the gold has none (`spurious`), the same head
    noun with fewer or more modifiers than the gold ("cases" for "confirmed cases": `fewer_modifiers`), or another
    noun (`other`)."""
    if expected is None:
        return "spurious"
    if got is None:
        return "missing"
    if _head(expected) != _head(got):
        return "other"
    return "fewer_modifiers" if len(got) < len(expected) else "more_modifiers"


def values_agree(gold: GoldFact, predicted: FactRecord) -> bool:
    quantity = predicted.quantity
    if gold.value is not None:
        return _close(gold.value, quantity.value)
    if gold.qualifier is Qualifier.VAGUE:
        return True
    return _close(gold.low, quantity.low) and _close(gold.high, quantity.high)


@dataclass(slots=True)
class Mismatch:
    quote: str
    expected: str
    got: str


@dataclass(slots=True)
class DocumentScore:
    doc_id: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    qualifier_correct: int = 0
    unit_correct: int = 0
    trap_hits: list[str] = field(default_factory=list)
    span_mismatches: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    qualifier_errors: list[Mismatch] = field(default_factory=list)
    unit_errors: list[Mismatch] = field(default_factory=list)
    unit_error_classes: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_correct / self.matched if self.matched else 1.0

    @property
    def unit_accuracy(self) -> float:
        return self.unit_correct / self.matched if self.matched else 1.0

    def as_dict(self) -> dict[str, object]:
        data = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        data["qualifier_errors"] = [vars_of(m) for m in self.qualifier_errors]
        data["unit_errors"] = [vars_of(m) for m in self.unit_errors]
        data.update(
            precision=round(self.precision, 4),
            recall=round(self.recall, 4),
            f1=round(self.f1, 4),
            qualifier_accuracy=round(self.qualifier_accuracy, 4),
            unit_accuracy=round(self.unit_accuracy, 4),
        )
        return data


def vars_of(mismatch: Mismatch) -> dict[str, str]:
    return {"quote": mismatch.quote, "expected": mismatch.expected, "got": mismatch.got}


def score_document(gold: GoldFile, text: str, predicted: list[FactRecord]) -> DocumentScore:
    score = DocumentScore(gold.doc_id, gold=len(gold.facts), predicted=len(predicted))
    for fact in predicted:
        if text[fact.span.start : fact.span.end] != fact.quote:
            score.span_mismatches.append(fact.id)
    unmatched = list(predicted)
    for expected in gold.facts:
        quote_start = locate(text, expected.quote, expected.occurrence)
        offset = expected.quote.find(expected.number)
        number_start = quote_start + max(offset, 0)
        number_end = number_start + (len(expected.number) if offset >= 0 else len(expected.quote))
        found = next(
            (
                fact
                for fact in unmatched
                if fact.span.start < number_end and number_start < fact.span.end and values_agree(expected, fact)
            ),
            None,
        )
        if found is None:
            score.misses.append(f"{expected.quote!r} = {expected.value if expected.value is not None else 'vague'}")
            continue
        unmatched.remove(found)
        score.matched += 1
        if found.quantity.qualifier is expected.qualifier:
            score.qualifier_correct += 1
        else:
            score.qualifier_errors.append(
                Mismatch(found.quote, expected.qualifier.value, found.quantity.qualifier.value)
            )
        if normalise_unit(found.quantity.unit) == normalise_unit(expected.unit):
            score.unit_correct += 1
        else:
            score.unit_errors.append(Mismatch(found.quote, str(expected.unit), str(found.quantity.unit)))
            kind = unit_error_class(normalise_unit(expected.unit), normalise_unit(found.quantity.unit))
            score.unit_error_classes[kind] = score.unit_error_classes.get(kind, 0) + 1
    score.extras = [f"{fact.quote!r} = {fact.quantity.value}" for fact in unmatched]
    for trap in gold.non_facts:
        start = locate(text, trap.quote, trap.occurrence)
        end = start + len(trap.quote)
        score.trap_hits += [
            f"{fact.quote!r} on non-fact {trap.quote!r} ({trap.why})"
            for fact in predicted
            if fact.span.start < end and start < fact.span.end
        ]
    return score


@dataclass(slots=True)
class EvaluationReport:
    documents: list[DocumentScore]

    @property
    def overall(self) -> DocumentScore:
        total = DocumentScore("overall")
        for doc in self.documents:
            total.gold += doc.gold
            total.predicted += doc.predicted
            total.matched += doc.matched
            total.qualifier_correct += doc.qualifier_correct
            total.unit_correct += doc.unit_correct
            for kind, count in doc.unit_error_classes.items():
                total.unit_error_classes[kind] = total.unit_error_classes.get(kind, 0) + count
            total.trap_hits += doc.trap_hits
            total.span_mismatches += doc.span_mismatches
        return total

    def as_json(self) -> str:
        overall = self.overall.as_dict()
        for key in ("misses", "extras", "qualifier_errors", "unit_errors", "warnings"):
            overall.pop(key)
        return json.dumps({"overall": overall, "documents": [d.as_dict() for d in self.documents]}, indent=2)


def evaluate(golds: Iterable[GoldFile], texts: dict[str, str], facts: list[FactRecord]) -> EvaluationReport:
    """Score `facts` against each gold file; `texts` maps doc_id to the document's decoded text."""
    by_doc: dict[str, list[FactRecord]] = {}
    for fact in facts:
        by_doc.setdefault(fact.doc_id, []).append(fact)
    scores = []
    for gold in golds:
        if gold.doc_id not in texts:
            raise GoldError(f"no document text for gold {gold.doc_id!r}")
        scores.append(score_document(gold, texts[gold.doc_id], by_doc.get(gold.doc_id, [])))
    return EvaluationReport(scores)
