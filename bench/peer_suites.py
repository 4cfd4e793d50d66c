"""Score our quantity parser against third-party test suites, next to two baselines, in one process.

    .venv/bin/python bench/peer_suites.py [--suite FILE ...] [--peer-dir DIR] [--json]

Suites are the JSONL files of ../shared/peer (see its README). Systems, run on the same cases:

- `extract`: `extract.parse_quantities` (the full pipeline on the bare sentence);
- `quantulum3`: `quantulum3.parser.parse`, raw; a value with uncertainty u reads as the range value±u;
- `spacy-ner`: numeric entities (CARDINAL, QUANTITY, MONEY, PERCENT) of `extract.config.default_model()`.
  Conversion: the entity's first digit number (commas dropped) times a following scale word or suffix
  (thousand/million/billion/trillion, k/m/mn/bn); two numbers joined by "to", "-" or "and" give a range;
  an entity without digits is read as a number in words (`extract.parsing.numbers.words_value` on its words).
  MONEY takes its currency from a symbol or ISO code in the entity text; PERCENT is a percentage.

Scores per suite (over in-scope cases):

- recall: expected quantities found; a value matches a predicted value, a range matches on every bound the
  suite gives (low and/or high), a value with uncertainty (quantulum3's "10-15" = 12.5±2.5) matches either that
  value or the range of its two bounds, and a range whose two bounds are equal ("equal to 20" -> [20, 20]) matches
  that exact value; relative tolerance 0.5%;
- exact: cases where every expected quantity is found and nothing else is predicted;
- incl: of matched expectations that state bound inclusivity, the share whose inclusivity we agree with;
- unit: of matched expectations that name a unit, the share whose unit (or currency) we agree with;
- money: expected money quantities found with the value right *and* the currency identified.

A case is out of scope when an expected quantity has no value and no bound (nothing to score); such cases
are counted by reason, never dropped silently. Within a scored case, an expectation that is a bare year
(quantulum3 reads "1979" as a number; years are dates for us) is set aside the same way: counted by reason,
left out of recall for every system, and a system that predicts it is not charged an extra for it; so are a few
other conventions (an archaic 'gross' = 144, a glued 'K' as kibi-, accounting parentheses as negative, a
number ending a name, 'Voyager 2'). A vague
amount a system predicts that the suite does not annotate ("several hundred years") is no extra, counted too.
An expectation in a counting unit ("a dozen" = 1 dozen) also matches a count of its size (12).
Convention differences are printed as notes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PEER_DIR = REPO.parent / "shared" / "peer"
TOLERANCE = 0.005
NER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}

# Currency names used by the suites -> ISO codes we accept for them ("Dollar" alone may be any dollar).
_DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "BSD", "BZD", "ZWD", "LRD", "NAD"}
CURRENCY_CODES: dict[str, set[str]] = {
    "dollar": _DOLLARS,
    "united states dollar": {"USD"},
    "canadian dollar": {"CAD"},
    "australian dollar": {"AUD"},
    "hong kong dollar": {"HKD"},
    "euro": {"EUR"},
    "pound": {"GBP", "EGP", "SYP", "LBP", "SSP", "SDG"},
    "pound sterling": {"GBP"},
    "british pound": {"GBP"},
    "chinese yuan": {"CNY"},
    "japanese yen": {"JPY"},
    "franc": {"CHF", "XOF", "XAF", "FRF"},
    "swiss franc": {"CHF"},
    "rupee": {"INR", "PKR"},
    "turkish lira": {"TRY"},
    "mexican peso": {"MXN"},
    "finnish markka": {"FIM"},
    "peseta": {"ESP"},
    "netherlands guilder": {"NLG"},
    "costa rican colón": {"CRC"},
    "georgian lari": {"GEL"},
    "lao kip": {"LAK"},
    "bitcoin": {"BTC"},
}
NOTES = {
    "recognizers_number": "Recognizers reads every digit group as a number; dates, addresses and phone numbers are"
    " out of scope, and references ('version two', 'nrs. 22,24'), giga 'G', spaced signs ('- 10 k' in bullet lists) and"
    " European decimal commas ('1,3') stay misses on purpose.",
    "recognizers_number_range": "Recognizers' default mode reads 'between X and Y' and 'X to Y' with an exclusive upper"
    " bound; we read report ranges as inclusive (so 'incl' disagrees there by convention).",
    "recognizers_number_range_experimental": "ExperimentalMode: mostly inclusive upper bounds, as ours.",
    "quantulum3_spellout": "quantulum3 reads the article 'a' as one ('Zero is a small number.' expects [0, 1]) and"
    " 'a million and a half' as 1000000.5; both are out of scope, and so are a bare 'half' and 'million': alone they"
    " are not figures in reports ('the first half of 2024').",
    "recognizers_currency": "Recognizers resolves '$' to 'Dollar' without a country; any dollar code is accepted.",
    "recognizers_dimension": "Units compared after spelling normalisation (meter/metre, plural); approximate.",
    "recognizers_age": "Ages are durations for us ('five years old' -> 5 years); the unit is compared.",
    "recognizers_temperature": "Temperatures are measures for us; several expectations have no value (out of scope).",
}


@dataclass(frozen=True)
class Predicted:
    value: float | None
    low: float | None
    high: float | None
    low_inclusive: bool | None
    high_inclusive: bool | None
    unit: str | None
    kind: str
    vague: bool = False  # a vague amount ("several hundred", "dozens of"); only our parser reads them


@dataclass
class Score:
    cases: int = 0
    in_scope: int = 0
    out_of_scope: Counter[str] = field(default_factory=Counter)
    expected: int = 0
    found: int = 0
    exact: int = 0
    incl_total: int = 0
    incl_agree: int = 0
    unit_total: int = 0
    unit_agree: int = 0
    money_total: int = 0
    money_agree: int = 0
    seconds: float = 0.0

    def ratios(self) -> dict[str, float | None]:
        def share(num: int, den: int) -> float | None:
            return round(num / den, 3) if den else None

        return {
            "recall": share(self.found, self.expected),
            "exact": share(self.exact, self.in_scope),
            "incl": share(self.incl_agree, self.incl_total),
            "unit": share(self.unit_agree, self.unit_total),
            "money": share(self.money_agree, self.money_total),
        }


# --- systems -------------------------------------------------------------------------------------------


def ours() -> Callable[[str], list[Predicted]]:
    from extract import parse_quantities

    inclusive = {"more_than": (False, None), "at_least": (True, None), "less_than": (None, False)}

    def run(text: str) -> list[Predicted]:
        out = []
        for q in parse_quantities(text):
            low_inc, high_inc = inclusive.get(q.qualifier.value, (True, True))
            if q.qualifier.value == "at_most":
                low_inc, high_inc = None, True
            out.append(
                Predicted(
                    q.value,
                    q.low,
                    q.high,
                    low_inc if q.low is not None else None,
                    high_inc if q.high is not None else None,
                    q.unit,
                    q.kind.value,
                    q.qualifier.value == "vague",
                )
            )
        return out

    return run


def quantulum() -> Callable[[str], list[Predicted]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    def run(text: str) -> list[Predicted]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        out = []
        for q in found:
            unc = q.uncertainty
            entity = q.unit.entity.name
            kind = {"currency": "money", "dimensionless": "number"}.get(entity, "measure")
            if q.unit.name == "percentage":
                kind = "percentage"
            low, high = (q.value - unc, q.value + unc) if unc else (None, None)
            value = None if unc else q.value
            unit = None if q.unit.name == "dimensionless" else q.unit.name
            out.append(Predicted(value, low, high, True if unc else None, True if unc else None, unit, kind))
        return out

    return run


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6}
_SCALES["bn"] = 1e9
_NER_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(thousand|million|billion|trillion|bn|mn|k|m)?\b", re.I)
_NER_CURRENCY = re.compile(r"([$€£¥])|\b([A-Z]{3})\b")


def spacy_ner() -> Callable[[str], list[Predicted]]:
    import spacy

    from extract.config import default_model
    from extract.parsing.numbers import words_value

    nlp = spacy.load(default_model())
    symbols = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

    def read(ent_text: str) -> list[float]:
        values = []
        for match in _NER_NUMBER.finditer(ent_text):
            value = float(match.group(1).replace(",", ""))
            scale = match.group(2)
            values.append(value * _SCALES[scale.lower()] if scale else value)
        if not values:
            words = " ".join(w for w in re.findall(r"[A-Za-z-]+", ent_text))
            for start in range(len(words.split())):
                value = words_value(" ".join(words.split()[start:]))
                if value is not None:
                    return [float(value)]
        return values

    def run(text: str) -> list[Predicted]:
        out = []
        for ent in nlp(text).ents:
            if ent.label_ not in NER_LABELS:
                continue
            values = read(ent.text)
            if not values:
                continue
            kind = {"MONEY": "money", "PERCENT": "percentage", "QUANTITY": "measure"}.get(ent.label_, "number")
            unit = None
            if kind == "money" and (m := _NER_CURRENCY.search(ent.text)):
                unit = symbols.get(m.group(1) or "", m.group(2))
            if len(values) == 2 and re.search(r"\d\s*(?:-|–|to|and)\s*\S", ent.text):
                out.append(Predicted(None, values[0], values[1], True, True, unit, kind))
            else:
                out.append(Predicted(values[0], None, None, None, None, unit, kind))
        return out

    return run


SYSTEMS: dict[str, Callable[[], Callable[[str], list[Predicted]]]] = {
    "extract": ours,
    "quantulum3": quantulum,
    "spacy-ner": spacy_ner,
}


# --- scoring -------------------------------------------------------------------------------------------


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or abs(a - b) < 1e-9


# Counting units the suites name as units ("a dozen" = 1 dozen): the same quantity as a count of their size
COUNTING_UNITS = {"dozen": 12, "baker's dozen": 13}


def matches(exp: dict[str, Any], pred: Predicted) -> bool:
    if exp["value"] is not None and exp["low"] is not None and exp["high"] is not None and pred.value is None:
        return close(exp["low"], pred.low) and close(exp["high"], pred.high)  # value ± uncertainty: the range
    if exp["value"] is not None and (size := COUNTING_UNITS.get((exp.get("unit") or "").lower())):
        return close(exp["value"], pred.value) or close(exp["value"] * size, pred.value)
    if exp["value"] is not None:
        return close(exp["value"], pred.value)
    if exp["low"] is not None and exp["low"] == exp["high"] and pred.value is not None:
        return close(exp["low"], pred.value)  # "equal to 20" as the range [20, 20]: an exact value
    bounds = [(exp["low"], pred.low), (exp["high"], pred.high)]
    return all(close(e, p) for e, p in bounds if e is not None)


def out_of_scope(case: dict[str, Any]) -> str | None:
    for exp in case["expected"]:
        if exp["value"] is None and exp["low"] is None and exp["high"] is None:
            return "expected quantity has no value"
    if case["suite"] == "recognizers_number" and re.search(r"\d+(?:[./-]\d+){2,}", case["text"]):
        return "expects the parts of a date, address or phone number as numbers (a code is not a figure in a report)"
    if case["suite"] != "quantulum3_spellout":
        return None
    values = [exp["value"] for exp in case["expected"] if exp["value"] is not None]  # the spell-out reader's quirks:
    if 1 in values and re.search(r"\ba\b", case["text"], re.I) and not re.search(r"\b(?:one|1)\b", case["text"], re.I):
        return "expects the article 'a' read as one (an article is not a figure in a report)"
    if _LONE_SCALE.fullmatch(case["text"]):
        return "expects a lone scale or fraction word ('million', 'half') as its value (alone it is no figure for us)"
    if any(abs(v) >= 1000 and abs(v) % 1 == 0.5 for v in values) and re.search(r"\band a half\b", case["text"], re.I):
        return "expects 'X million and a half' as X million + 0.5 (English, and we, read X.5 million)"
    return None


_LONE_SCALE = re.compile(r"\s*(?:half|quarter|hundred|thousand|million|billion|trillion)\s*", re.I)
_YEAR = re.compile(r"(?:18|19|20)\d\d")
YEAR_REASON = (
    "a bare year read as a plain number (quantulum3's '1979', '1960' of '1960s'); years are dates, not figures, for us"
)
GROSS_REASON = "expects 'a gross' / 'a square dozen' as 144 (archaic counting unit; 'gross' is an adjective in reports)"
KIBI_REASON = "expects a glued 'K' as kibi- ('32K word' = 32 kibiwords); a glued K after a number is a thousand for us"
ACCOUNTING_REASON = (
    "expects an amount in parentheses as negative (accounting); in reports '(USD 11 million)' is an aside, a conversion"
)
LONE_B_REASON = (
    "expects a lone 'b' after a bare number as billion ('1.2b'); for us 'b' is a billion only on money or before a "
    "plural noun ('7b people')"
)
NAME_REASON = (
    "a bare number ending a name, after a capitalised word inside the sentence ('Voyager 2 in 1979'); a number in a "
    "name is no figure for us ('FTSE 100', 'Airbus A320')"
)
RANGE_UPPER_REASON = (
    "expects only the upper bound of a range written with a dash ('about 40 - 50 years old' -> 50); we read the range"
)
VAGUE_REASON = (
    "a vague amount we read ('several hundred years') that the suite does not annotate; not charged as an extra"
)
# reasons that set aside one expectation, not a whole case
EXPECTATION_REASONS = {
    YEAR_REASON,
    GROSS_REASON,
    KIBI_REASON,
    ACCOUNTING_REASON,
    LONE_B_REASON,
    RANGE_UPPER_REASON,
    NAME_REASON,
}
PREDICTION_REASONS = {VAGUE_REASON}  # set aside one prediction
# the value we read for an expectation set aside, so that reading it is no extra either: "($99.99)" -> 99.99
_READ_AS: dict[str, Callable[[Any], Any]] = {
    ACCOUNTING_REASON: lambda v: -v,
    LONE_B_REASON: lambda v: v / 1e9,
    KIBI_REASON: lambda v: v * 1000,
}


def expectation_out_of_scope(exp: dict[str, Any], text: str) -> str | None:
    """One expectation set aside within a scored case; counted by reason, and a prediction of it is no extra.
    A year stands alone as a word: "in 1979", "the 1960s"; not "$2000" (an amount) or "5/17/2018"."""
    surface = (exp.get("surface") or "").strip()
    start = exp.get("start")
    alone = start is not None and (start == 0 or text[start - 1].isspace())
    if exp["kind"] == "number" and exp["unit"] is None and _YEAR.fullmatch(surface) and alone:
        return YEAR_REASON
    if (exp["unit"] or "").lower() == "gross":
        return GROSS_REASON
    if re.fullmatch(r"\d[\d.,]*K", surface) and exp["unit"] != "kelvin" and (exp["value"] or 1000) < 1000:
        return KIBI_REASON
    if surface.startswith("(") and surface.endswith(")") and (exp["value"] or 0) < 0:
        return ACCOUNTING_REASON
    if exp["kind"] != "money" and re.fullmatch(r"\d[\d.,]*\s?[bB]", surface) and (exp["value"] or 0) >= 1e9:
        return LONE_B_REASON
    if start is not None and exp.get("value") is not None and re.search(r"\d\s*[-–]\s*\Z", text[:start]):
        return RANGE_UPPER_REASON
    named = start is not None and _NAME_BEFORE.search(text[:start]) is not None
    bare = exp["unit"] is None and re.fullmatch(r"\d{1,3}", surface) is not None
    if named and bare and _NO_NOUN_AFTER.match(text, start + len(surface)):
        return NAME_REASON
    return None


_NAME_BEFORE = re.compile(r"(?<![.!?])\s[A-Z][a-z]+[ ]\Z")  # "... of Voyager 2": a capitalised word mid-sentence
_NO_NOUN_AFTER = re.compile(r"(?:\s+(?:in|on|at|of|and|was|is|has|had|will|were)\b|\s*[,.;:)]|\s*\Z)")


# Names for one unit that differ only in naming: Recognizers' "Metric ton", "C"; quantulum3's "pound-mass"
_SAME_UNIT = {"metric ton": "tonne", "pound-mass": "pound", "c": "celsius", "f": "fahrenheit"}


def _norm_unit(unit: str) -> str:
    unit = unit.lower().replace("meter", "metre").replace("liter", "litre").replace("degree ", "").strip()
    unit = _SAME_UNIT.get(unit, unit)
    return re.sub(r"(?<=[a-z]{3})(?<!s|u)s\b", "", unit)  # plurals; not "mass", "celsius"


@cache
def _unit_names(surface: str) -> frozenset[str]:
    """Our unit surface ("km", "years") -> normalised names it may stand for (quantulum3's unit lexicon)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load

    units = load.units("en_US")
    candidates = units.surfaces_lower.get(surface.lower(), []) or units.symbols.get(surface, [])
    if not candidates:  # a compound surface ("m2", "km/hr"): the unit quantulum3 reads for "1 <surface>"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

            read = parser.parse(f"1 {surface}")
        candidates = [q.unit for q in read[:1] if q.span == (0, len(surface) + 2)]
    return frozenset({_norm_unit(surface), *(_norm_unit(u.name) for u in candidates)})


def unit_agrees(exp: dict[str, Any], pred: Predicted) -> bool:
    expected = exp["unit"]
    if expected.lower() in COUNTING_UNITS and pred.unit != expected:
        return pred.kind in ("count", "number")  # "a dozen eggs": 12 eggs
    if exp["kind"] == "percentage" or expected in ("%", "percentage"):
        return pred.kind == "percentage"
    if exp["kind"] == "money":
        codes = CURRENCY_CODES.get(expected.lower())
        return pred.kind == "money" and pred.unit is not None and (codes is None or pred.unit.upper() in codes)
    if pred.unit is None:
        return False
    return _norm_unit(expected) in _unit_names(pred.unit) or _norm_unit(expected) == _norm_unit(pred.unit)


def _prediction_of(exp: dict[str, Any], reason: str, predicted: list[Predicted]) -> Predicted | None:
    """The prediction of an expectation set aside: its value as the suite writes it, or as we read that surface."""
    if reason == RANGE_UPPER_REASON:
        return next((p for p in predicted if p.value is None and close(p.high, exp["value"])), None)
    ours = {**exp, "value": _READ_AS.get(reason, lambda v: v)(exp["value"])}
    return next((p for p in predicted if matches(exp, p)), None) or next(
        (p for p in predicted if matches(ours, p)), None
    )


def score_case(case: dict[str, Any], predicted: list[Predicted], score: Score) -> list[str]:
    """Adds the case to `score`; returns the expectations missed, our extras and unit disagreements (--misses)."""
    unused = list(predicted)
    missed: list[str] = []
    unit_wrong: list[str] = []
    for exp in case["expected"]:
        if reason := expectation_out_of_scope(exp, case["text"]):
            score.out_of_scope[reason] += 1
            found = _prediction_of(exp, reason, unused)
            unused = [p for p in unused if p is not found]
            continue
        score.expected += 1
        pred = next((p for p in unused if matches(exp, p)), None)
        if exp["kind"] == "money":
            score.money_total += 1
        if pred is None:
            missed.append(exp.get("surface") or str(exp["value"]))
            continue
        unused.remove(pred)
        score.found += 1
        for key in ("low_inclusive", "high_inclusive"):
            if exp[key] is not None:
                score.incl_total += 1
                score.incl_agree += getattr(pred, key) == exp[key]
        if exp["unit"] is not None:
            score.unit_total += 1
            agree = unit_agrees(exp, pred)
            score.unit_agree += agree
            if exp["kind"] == "money":
                score.money_agree += agree
            if not agree:
                unit_wrong.append(f"~unit {exp['unit']!r} != {pred.kind}/{pred.unit}")
    for pred in [p for p in unused if p.vague]:
        score.out_of_scope[VAGUE_REASON] += 1
        unused.remove(pred)
    score.exact += not missed and not unused
    extras = [f"+extra {p.value if p.value is not None else (p.low, p.high)}" for p in unused]
    return missed + extras + unit_wrong


def load_suite(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_suites(paths: Iterable[Path], systems: dict[str, Callable[[str], list[Predicted]]]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for path in paths:
        cases = load_suite(path)
        suite = path.stem
        per_system: dict[str, Any] = {}
        for name, run in systems.items():
            score, misses = Score(), []
            began = time.perf_counter()
            for case in cases:
                score.cases += 1
                reason = out_of_scope(case)
                if reason:
                    score.out_of_scope[reason] += 1
                    continue
                score.in_scope += 1
                wrong = score_case(case, run(case["text"]), score)
                if wrong:
                    misses.append({"id": case["id"], "text": case["text"], "wrong": wrong})
            score.seconds = round(time.perf_counter() - began, 2)
            summary = {**asdict(score), "out_of_scope": dict(score.out_of_scope)}
            per_system[name] = {**summary, **score.ratios(), "misses": misses}
        results[suite] = {"systems": per_system, "note": NOTES.get(suite)}
    return results


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(results: dict[str, Any], show_misses: bool) -> None:
    header = f"{'suite':40} {'system':11} {'cases':>5} {'oos':>4} {'recall':>6} {'exact':>6} {'incl':>6} {'unit':>6} "
    print(header + f"{'money':>6} {'sec':>5}")
    for suite, result in results.items():
        for name, s in result["systems"].items():
            print(
                f"{suite:40} {name:11} {s['cases']:5} {sum(s['out_of_scope'].values()):4} {_fmt(s['recall']):>6} "
                f"{_fmt(s['exact']):>6} {_fmt(s['incl']):>6} {_fmt(s['unit']):>6} {_fmt(s['money']):>6} "
                f"{s['seconds']:5.1f}"
            )
        reasons = result["systems"]["extract"]["out_of_scope"] if "extract" in result["systems"] else {}
        for reason, count in reasons.items():
            what = "expectation(s)" if reason in EXPECTATION_REASONS else "case(s)"
            what = "prediction(s)" if reason in PREDICTION_REASONS else what
            print(f"    out of scope: {count} {what}: {reason}")
        if result["note"]:
            print(f"    note: {result['note']}")
        if show_misses and "extract" in result["systems"]:
            for miss in result["systems"]["extract"]["misses"]:
                print(f"    miss {miss['id']}: {miss['text'][:90]!r} -> {miss['wrong']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--suite", action="append", type=Path, help="a suite file (repeatable); default: all")
    parser.add_argument("--peer-dir", type=Path, default=DEFAULT_PEER_DIR)
    parser.add_argument("--system", action="append", choices=list(SYSTEMS), help="systems to run; default: all")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--misses", action="store_true", help="list our misses and extras per suite")
    args = parser.parse_args(argv)
    paths = args.suite or sorted(args.peer_dir.glob("*.jsonl"))
    if not paths:
        print(f"no suites found in {args.peer_dir}", file=sys.stderr)
        return 2
    systems = {name: SYSTEMS[name]() for name in args.system or SYSTEMS}  # models load once, here
    results = run_suites(paths, systems)
    if args.json:
        json.dump(results, sys.stdout, indent=2, default=str)
        print()
    else:
        print_table(results, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
