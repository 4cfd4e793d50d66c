"""CPU time of ours against bare spaCy in one process, interleaved, so a shared machine's load falls on both alike.

    .venv/bin/python bench/profile_parse.py --documents 200 --rounds 3
    .venv/bin/python bench/profile_parse.py --documents 200 --rounds 1 --profile 25   # where ours spends it

Builds throughput.py's corpus, loads the pipeline once (bare spaCy is the same model with our components
disabled, as in throughput.py), then alternates rounds: bare `nlp.pipe` over the texts, and our `run` over the
same folder (reading, parsing, assembling, writing JSON Lines). CPU seconds are `time.process_time()` of this
process. The model load is outside both (it is the same load); throughput.py measures the end to end figure.
`--profile N` runs ours once more under cProfile and prints the N functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus

_OURS = {"entity_ruler", "entity_filter", "acronyms", "quantities"}


def _bare_seconds(nlp: object, texts: list[str]) -> float:
    bare = [name for name in nlp.pipe_names if name not in _OURS]  # type: ignore[attr-defined]
    start = time.process_time()
    with nlp.select_pipes(enable=bare):  # type: ignore[attr-defined]
        for _ in nlp.pipe(texts, batch_size=64):  # type: ignore[attr-defined]
            pass
    return time.process_time() - start


_PARSING = [0.0]  # CPU seconds inside `parsing.parse` (the selective spaCy parse) in the last run of ours


def _timed_parse() -> None:
    """`parsing.parse` as the extractor calls it, its CPU time added to _PARSING: the rest is reading, segmenting,
    assembling facts and writing them."""
    import extract.run.extractor as extractor

    parse = extractor.parse

    def timed(*args: object, **kwargs: object) -> Iterator[object]:
        parsed = parse(*args, **kwargs)  # type: ignore[arg-type]
        while True:
            start = time.process_time()
            item = next(parsed, None)
            _PARSING[0] += time.process_time() - start
            if item is None:
                return
            yield item

    extractor.parse = timed  # type: ignore[assignment]


def _ours_seconds(folder: Path, out: Path) -> float:
    from extract.run import Extractor, run

    _PARSING[0] = 0.0
    start = time.process_time()
    result = run(folder, out, Extractor(), on_document=lambda _: None, jobs=1, cache=None)
    assert not result.failures, result.failures
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions of one run of ours")
    args = parser.parse_args()
    from extract.parsing import shared_pipeline

    _timed_parse()

    with tempfile.TemporaryDirectory(prefix="extract-profile-") as temporary:
        folder, out = Path(temporary) / "corpus", Path(temporary) / "facts.jsonl"
        build_corpus(folder, args.documents)
        texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
        words = sum(len(t.split()) for t in texts)
        start = time.process_time()
        nlp = shared_pipeline()
        print(f"{len(texts)} documents, {words:,} words; model load {time.process_time() - start:.1f} CPU s")
        _ours_seconds(folder, out)  # warm-up: quantulum3's tables, first-call caches
        ratios = []
        for number in range(1, args.rounds + 1):
            bare = _bare_seconds(nlp, texts)
            ours = _ours_seconds(folder, out)
            ratios.append(bare / ours)
            print(
                f"round {number}: bare spaCy {bare:.2f} CPU s, ours {ours:.2f} CPU s (parsing {_PARSING[0]:.2f}, "
                f"the rest {ours - _PARSING[0]:.2f}), ours' speed / bare's {bare / ours:.2f}"
            )
        if ratios:
            print(f"ours' speed as a share of bare spaCy's: median {sorted(ratios)[len(ratios) // 2]:.2f}")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(_ours_seconds, folder, out)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
            pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
