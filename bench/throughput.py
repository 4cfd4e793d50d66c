"""Throughput of the pipeline against bare spaCy and quantulum3 on corpora of 100, 1,000 and 10,000 reports.

    .venv/bin/python bench/throughput.py --sizes 100,1000
    .venv/bin/python bench/throughput.py --sizes 10000 --rows ours,jobs2   # the scaling rows only
    .venv/bin/python bench/throughput.py --sizes '' --big-mb 5            # one 5 MB document
    .venv/bin/python bench/throughput.py --sizes 1000 --rows ours,jobs2,dask1,dask   # the Dask engine (extract[dask])

Each measurement runs in a child process of its own, so its model load time and peak RSS are its own (workers'
peak RSS comes from RUSAGE_CHILDREN of that child). Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL_DOCUMENTS = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests/fixtures/docs").glob("*.txt"))]

_PLACES = ["Aden", "Juba", "Kharkiv", "Cali", "Goma", "Mosul", "Baku", "Bamako", "Maiduguri", "Kabul"]
_ORGS = ["the ICRC", "the Yemen Red Crescent Society", "the South Sudan Red Cross", "local authorities"]
_QUALIFIERS = ["", "nearly ", "more than ", "about ", "at least ", "over ", "some "]
_THINGS = [
    "people received food parcels",
    "families were reunited",
    "detainees were visited",
    "households received cash grants",
    "patients were treated in supported hospitals",
    "prosthetic devices were fitted",
    "tonnes of seeds were distributed",
    "Red Cross messages were exchanged",
]

# Sentences without figures, as most of a real report's prose is: the seeds state 14 and 33 figures per 1,000
# words, so a paragraph mixes figures with context (who, where, why) rather than listing one figure a sentence.
_NARRATIVE = [
    "Armed clashes around {place} continued to force families from their homes and cut them off from services.",
    "{org} maintained a regular dialogue with the authorities on the protection of civilians in {place}.",
    "Access to markets, health care and clean water remained difficult for communities living near the front line.",
    "Working with {org}, teams assessed needs in remote areas and adapted their response as the situation changed.",
    "Many of the people displaced by the fighting had already fled their homes once or twice before.",
    "The delegation reminded all parties of their obligations under international humanitarian law.",
    "In {place}, damaged infrastructure and rising prices made daily life harder for those who had stayed.",
    "Volunteers of {org} helped to identify the most vulnerable households and to follow up on their situation.",
    "Detaining authorities received confidential feedback on the conditions of detention and the treatment of "
    "detainees.",
    "Weapon contamination remained a threat to farmers returning to their fields around {place}.",
    "Hospitals in {place} struggled to cope with the influx of wounded people and with shortages of supplies.",
    "The families of missing people continued to search for news of their relatives, often for years.",
]


def _narrative(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(_NARRATIVE).format(place=rng.choice(_PLACES), org=rng.choice(_ORGS)) for _ in range(count)]


def synthetic_report(rng: random.Random, number: int) -> str:
    """A report in the style of the seeds: title, opening, sections of prose with figures among sentences without
    them, a statistics block."""
    place, year = rng.choice(_PLACES), rng.randint(2019, 2025)
    half = rng.choice(["first half of", "second half of", ""])
    lines = [f"{place}: facts and figures {half} {year}".replace("  ", " "), ""]
    lines.append(
        f"In the {half or 'course of'} {year}, {rng.choice(_ORGS)} worked with communities in {place} "
        f"affected by conflict and violence."
    )
    lines.append("")
    for section in rng.sample(["Protection", "Health", "Economic security", "Water and habitat", "Detention"], 3):
        lines += [section, ""]
        for _ in range(rng.randint(1, 3)):
            sentences = [
                f"{rng.choice(_QUALIFIERS).capitalize() or ''}{rng.randint(2, 40_000):,} {rng.choice(_THINGS)}"
                f" in {rng.choice(_PLACES)}, with {rng.choice(_ORGS)}."
                for _ in range(rng.randint(1, 2))
            ]
            sentences += _narrative(rng, 2 * len(sentences) + rng.randint(0, 2))
            rng.shuffle(sentences)
            lines += [" ".join(s[0].upper() + s[1:] for s in sentences), ""]
    lines += ["Our work in numbers", ""]
    for _ in range(rng.randint(2, 4)):
        lines += [f"{rng.randint(10, 9_000):,}", "", rng.choice(_THINGS).split(" were")[0].split(" received")[0], ""]
    lines.append(f"Report {number}.")
    return "\n".join(lines) + "\n"


def build_corpus(folder: Path, size: int, seed: int = 2024) -> None:
    """`size` documents: the real reports first, then synthetic ones (seeded, so every run builds the same)."""
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    for path in REAL_DOCUMENTS[:size]:
        shutil.copy(path, folder / path.name)
    for number in range(max(0, size - len(REAL_DOCUMENTS))):
        (folder / f"syn_{number:05d}.txt").write_text(synthetic_report(rng, number), "utf-8")


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _texts(folder: Path) -> list[str]:
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]


def measure(kind: str, folder: Path, out: Path, jobs: int, cache_dir: Path | None) -> dict[str, Any]:
    """One measurement, run inside a child process."""
    texts = _texts(folder)
    words = sum(len(t.split()) for t in texts)
    load: float | None = None  # our pipeline loads the model lazily, inside its timed run
    start = time.perf_counter()
    if kind == "spacy":
        from extract.parsing import build_pipeline

        nlp = build_pipeline()
        load = time.perf_counter() - start
        ours = {"entity_ruler", "entity_filter", "acronyms", "quantities"}
        bare = [name for name in nlp.pipe_names if name not in ours]
        start = time.perf_counter()
        with nlp.select_pipes(enable=bare):
            for _ in nlp.pipe(texts, batch_size=64):
                pass
    elif kind == "quantulum3":
        from quantulum3 import parser

        parser.parse("warm up: 3 km")
        load = time.perf_counter() - start
        start = time.perf_counter()
        for text in texts:
            parser.parse(text)
    else:
        from extract.reading import SourceDocument
        from extract.run import Extractor, FactCache, run

        cache = FactCache.open(cache_dir) if cache_dir else None
        extractor = None
        if kind == "ours-loaded":
            # Load the model (and warm quantulum3's unit reader) before the clock starts, as for bare spaCy.
            extractor = Extractor()
            warm = SourceDocument("warm", Path("warm.txt"), "Warm-up: 5 km for 3 people.", "0" * 64, "txt", "utf-8")
            list(extractor.extract([warm]))
            load = time.perf_counter() - start
            start = time.perf_counter()
        marks: list[float] = []

        def mark(_: object) -> None:
            marks.append(time.perf_counter())

        if kind == "dask":  # a LocalCluster of `jobs` worker processes, started inside the timed run
            from extract.run import dask_engine

            result = dask_engine.run(folder, out, on_document=mark, cache=cache, workers=jobs)
        else:
            result = run(folder, out, extractor, on_document=mark, jobs=jobs, cache=cache)
        assert not result.failures, result.failures
        deciles = _decile_rates(start, marks)
    seconds = time.perf_counter() - start
    return {
        "deciles": deciles if kind != "spacy" and kind != "quantulum3" else [],
        "seconds": seconds,
        "load": load,
        "documents": len(texts),
        "words": words,
        "rss_main": _peak_mib(resource.RUSAGE_SELF),
        "rss_child": _peak_mib(resource.RUSAGE_CHILDREN),
    }


def _decile_rates(start: float, marks: list[float]) -> list[float]:
    """Documents/s in each tenth of the corpus (the first tenth includes model load): flat means it scales."""
    if len(marks) < 10:
        return []
    rates, previous, step = [], start, len(marks) / 10
    for tenth in range(1, 11):
        index = round(tenth * step) - 1
        rates.append((round(tenth * step) - round((tenth - 1) * step)) / max(marks[index] - previous, 1e-9))
        previous = marks[index]
    return rates


def in_child(kind: str, folder: Path, out: Path, jobs: int = 1, cache_dir: Path | None = None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--measure", kind, str(folder), str(out), str(jobs), str(cache_dir or "")]
    completed = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.splitlines()[-1])


MIN_DECILE_CORPUS = 1_000
ROWS = ("spacy", "quantulum3", "ours", "ours-loaded", "jobs2", "cache", "dask1", "dask")


def bench(size: int, work: Path, rows_wanted: tuple[str, ...] = ROWS) -> list[tuple[str, dict[str, Any]]]:
    folder = work / f"corpus_{size}"
    build_corpus(folder, size)
    plan = [
        ("spacy", "bare spaCy nlp.pipe", lambda: in_child("spacy", folder, work / "unused")),
        ("quantulum3", "quantulum3 parse", lambda: in_child("quantulum3", folder, work / "unused")),
        ("ours", "ours, 1 process", lambda: in_child("ours", folder, work / f"facts_{size}_1.jsonl")),
        (
            "ours-loaded",
            "ours, 1 process, model loaded first",
            lambda: in_child("ours-loaded", folder, work / f"facts_{size}_1b.jsonl"),
        ),
        ("jobs2", "ours, 2 processes", lambda: in_child("ours", folder, work / f"facts_{size}_2.jsonl", jobs=2)),
        ("dask1", "ours, dask, 1 worker", lambda: in_child("dask", folder, work / f"facts_{size}_d1.jsonl", jobs=1)),
        ("dask", "ours, dask, 2 workers", lambda: in_child("dask", folder, work / f"facts_{size}_d2.jsonl", jobs=2)),
    ]
    if {"dask1", "dask"} & set(rows_wanted) and importlib.util.find_spec("distributed") is None:
        print("dask rows skipped: install the extra, pip install -e '.[dask]'", file=sys.stderr)
        rows_wanted = tuple(r for r in rows_wanted if r not in {"dask1", "dask"})
    rows = [(label, measure_row()) for key, label, measure_row in plan if key in rows_wanted]
    for other, name in (("jobs2", "2"), ("dask1", "d1"), ("dask", "d2")):
        if {"ours", other} <= set(rows_wanted):
            same = (work / f"facts_{size}_1.jsonl").read_bytes() == (work / f"facts_{size}_{name}.jsonl").read_bytes()
            print(f"{size}: {other} output identical to --jobs 1: {same}", file=sys.stderr)
    if "cache" in rows_wanted:
        rows += _cache_rows(size, work, folder)
    return rows


def _cache_rows(size: int, work: Path, folder: Path) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    cache_dir = work / f"cache_{size}"
    out = work / f"facts_{size}_cached.jsonl"
    in_child("ours", folder, out, cache_dir=cache_dir)  # fill the cache
    rows.append(("ours, unchanged re-run (cache)", in_child("ours", folder, out, cache_dir=cache_dir)))
    changed = sorted(folder.glob("syn_*.txt") or folder.glob("*.txt"))[0]
    changed.write_text(changed.read_text("utf-8") + "\nA further 12 wells were repaired.\n", "utf-8")
    rows.append(("ours, one document changed (cache)", in_child("ours", folder, out, cache_dir=cache_dir)))
    return rows


def table(results: dict[int, list[tuple[str, dict[str, Any]]]]) -> str:
    header = "| docs | what | seconds | docs/s | words/s | model load s | peak RSS main MiB | peak RSS worker MiB |"
    lines = [header, "|" + "---|" * 8]
    for size, rows in results.items():
        for label, row in rows:
            rate = row["documents"] / row["seconds"]
            lines.append(
                f"| {size} | {label} | {row['seconds']:.2f} | {rate:.1f} | {row['words'] / row['seconds']:,.0f} | "
                f"{'in run' if row['load'] is None else format(row['load'], '.1f')} | "
                f"{row['rss_main']:.0f} | {row['rss_child']:.0f} |"
            )
        named = dict(rows)
        bare = named.get("bare spaCy nlp.pipe")
        for label, key in (
            ("end to end", "ours, 1 process"),
            ("model loaded first", "ours, 1 process, model loaded first"),
        ):
            if bare and key in named:
                share = bare["seconds"] / named[key]["seconds"]
                lines.append(f"| {size} | ours ({label}) words/s as a share of bare spaCy's | {share:.2f} | | | | | |")
        if "ours, 1 process" in named and "ours, 2 processes" in named:
            speedup = named["ours, 1 process"]["seconds"] / named["ours, 2 processes"]["seconds"]
            lines.append(f"| {size} | speed-up of --jobs 2 over --jobs 1 | {speedup:.2f} | | | | | |")
        if "ours, dask, 1 worker" in named and "ours, dask, 2 workers" in named:
            speedup = named["ours, dask, 1 worker"]["seconds"] / named["ours, dask, 2 workers"]["seconds"]
            lines.append(f"| {size} | speed-up of dask 2 workers over 1 worker | {speedup:.2f} | | | | | |")
    return "\n".join(lines)


def deciles(results: dict[int, list[tuple[str, dict[str, Any]]]]) -> str:
    """Documents/s per tenth of each corpus, for our uncached runs: the scaling check. Documents complete in
    chunks (a batch of segments, a worker's chunk), so a tenth of a corpus under 1,000 documents means nothing."""
    lines = ["| docs | what | documents/s in each tenth of the corpus (the first includes start-up) |", "|---|---|---|"]
    for size, rows in results.items():
        if size < MIN_DECILE_CORPUS:
            continue
        for label, row in rows:
            if row.get("deciles") and "cache" not in label:
                lines.append(f"| {size} | {label} | {' '.join(f'{r:.1f}' for r in row['deciles'])} |")
    return "\n".join(lines)


def big_document(megabytes: float, work: Path) -> str:
    """One document of `megabytes` MB (synthetic reports back to back): time, memory, and exact spans."""
    folder = work / "big"
    folder.mkdir(parents=True)
    rng, parts, size, number = random.Random(7), [], 0, 0
    while size < megabytes * 1_000_000:
        parts.append(synthetic_report(rng, number))
        size += len(parts[-1].encode("utf-8"))
        number += 1
    (folder / "big.txt").write_text("\n".join(parts), "utf-8")
    out = work / "big.jsonl"
    row = in_child("ours", folder, out)
    text = (folder / "big.txt").read_text("utf-8")
    facts = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    exact = sum(text[f["span"]["start"] : f["span"]["end"]] == f["quote"] for f in facts)
    return (
        f"one document of {size / 1e6:.1f} MB ({row['words']:,} words): {row['seconds']:.1f} s, "
        f"{row['words'] / row['seconds']:,.0f} words/s, peak RSS {row['rss_main']:.0f} MiB, "
        f"{len(facts):,} facts, quote == source[span] for {exact:,} of {len(facts):,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes ('' for none)")
    parser.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated subset of {','.join(ROWS)}")
    parser.add_argument("--big-mb", type=float, default=0, help="also time one document of this many MB (e.g. 5)")
    parser.add_argument("--measure", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, folder, out, jobs, cache_dir = args.measure
        print(json.dumps(measure(kind, Path(folder), Path(out), int(jobs), Path(cache_dir) if cache_dir else None)))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = tuple(r.strip() for r in args.rows.split(",") if r.strip())
    if unknown := set(rows) - set(ROWS):
        parser.error(f"unknown rows: {sorted(unknown)}")
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as temporary:
        results = {}
        for size in sizes:
            results[size] = bench(size, Path(temporary), rows)
            print(table({size: results[size]}), flush=True)  # each size as soon as it is measured
        if len(sizes) > 1:
            print(table(results))
        if results:
            print(deciles(results))
        if args.big_mb:
            print(big_document(args.big_mb, Path(temporary)), flush=True)


if __name__ == "__main__":
    main()
