"""Reading a PDF against the pipeline's time for the same text: the issue wants reading <= a tenth of it.

    .venv/bin/python bench/pdf_reading.py                 # tests/fixtures/pdf, tests/fixtures/pdf_lines, ../shared/pdf
    EXTRACT_SHARED_PDF=DIR .venv/bin/python bench/pdf_reading.py   # the shared corpus elsewhere (a clone in /tmp)
    .venv/bin/python bench/pdf_reading.py FILE.pdf ...    # these files only
    .venv/bin/python bench/pdf_reading.py --repeat 5
    .venv/bin/python bench/pdf_reading.py --clock cpu     # CPU time of this process: steadier on a loaded machine
    .venv/bin/python bench/pdf_reading.py --floor 20      # also PDFium alone, the best of 20 runs (below)

Per PDF: "read" is `extract.reading.read(path)` (PDFium's characters and boxes, reading order, furniture, line-end
hyphens, segments), the best of `--repeat` runs; "pipeline" is the whole pipeline on the text read, written as a
.txt (read, parse, assemble: `Extractor.extract`), with the spaCy model loaded first, the best of `--repeat` runs.
The ratio is read / pipeline. A PDF that is refused (no text layer, encrypted) is listed with its reason. The clock is
wall time (`time.perf_counter`) unless `--clock cpu` (`time.process_time`: what other processes take of the machine
counts less, which makes runs on a shared machine comparable).

With `--floor N`, two more columns: what PDFium alone takes of the same PDF, the best of N runs: "PDFium load" is
reading the file's bytes, opening the document from them, and loading each page and its text page (PDFium parses
the page's content stream and its fonts there); "+ chars" adds the code and loose box of every char by the
reader's own calls (`chars._fetched`, the cheapest ctypes path). No reader of PDFium's per-char API can go below
"+ chars"; what "read" spends above it is ours (reading order, furniture, hyphens, segments).
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

from extract.reading import IngestError, read
from extract.run import Extractor

ROOT = Path(__file__).resolve().parent.parent
SHARED_PDF = Path(os.environ.get("EXTRACT_SHARED_PDF") or ROOT.parent / "shared" / "pdf")
FOLDERS = [ROOT / "tests/fixtures/pdf", ROOT / "tests/fixtures/pdf_lines", SHARED_PDF]
TARGET = 0.1


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter


def _best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = _clock()
        work()
        times.append(_clock() - start)
    return min(times)


def pdfium_alone(path: Path, chars: bool) -> None:
    """Open the PDF from its bytes, load each page and its text page; with `chars`, fetch every char's code and
    loose box as the reader does."""
    import pypdfium2 as pdfium

    from extract.reading.pdf.chars import _fetched

    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            if chars:
                collections.deque(_fetched(textpage)[2], maxlen=0)  # the codes: a lazy map, drained
            textpage.close()
            page.close()
    finally:
        doc.close()


def measure(path: Path, extractor: Extractor, repeat: int, work: Path, floor: int = 0) -> dict[str, object]:
    try:
        document = read(path)
    except IngestError as error:
        return {"name": path.name, "refused": error.reason}
    text = work / f"{path.stem}.txt"
    text.write_text(document.source.text, encoding="utf-8")
    reading = _best(repeat, lambda: read(path))
    pipeline = _best(repeat, lambda: [d.facts for d in extractor.extract([read(text)])])
    layout = document.source.layout
    alone = {}
    if floor:
        alone = {
            "load": _best(floor, lambda: pdfium_alone(path, False)),
            "load_chars": _best(floor, lambda: pdfium_alone(path, True)),
        }
    return {
        **alone,
        "name": path.name,
        "pages": len(layout.page_starts),
        "chars": len(layout.text),
        "read": reading,
        "pipeline": pipeline,
        "ratio": reading / pipeline if pipeline else float("inf"),
    }


def table(rows: list[dict[str, object]]) -> str:
    floor = any("load" in row for row in rows)
    head = "| PDF | pages | characters | read s | chars/s read | pipeline s (same text) | read / pipeline |"
    if floor:
        head += " PDFium load s | + chars s | load / pipeline | load + chars / pipeline |"
    lines = [head, "|---" * head.count(" | ") + "|---|"]
    for row in rows:
        if "refused" in row:
            lines.append(f"| {row['name']} | | | refused: {row['refused']} | | | |")
            continue
        line = (
            f"| {row['name']} | {row['pages']} | {row['chars']:,} | {row['read']:.4f} | "
            f"{row['chars'] / row['read']:,.0f} | {row['pipeline']:.3f} | {row['ratio']:.3f} |"
        )
        if floor:
            line += (
                f" {row['load']:.4f} | {row['load_chars']:.4f} | {row['load'] / row['pipeline']:.3f} |"
                f" {row['load_chars'] / row['pipeline']:.3f} |"
            )
        lines.append(line)
    read_rows = [r for r in rows if "refused" not in r]
    if read_rows:
        total_read = sum(r["read"] for r in read_rows)
        total_pipeline = sum(r["pipeline"] for r in read_rows)
        worst = max(read_rows, key=lambda r: r["ratio"])
        line = (
            f"| all {len(read_rows)} read | {sum(r['pages'] for r in read_rows)} | "
            f"{sum(r['chars'] for r in read_rows):,} | {total_read:.4f} | | {total_pipeline:.3f} | "
            f"{total_read / total_pipeline:.3f} (worst {worst['ratio']:.3f}, {worst['name']}) |"
        )
        if floor:
            load = sum(r["load"] for r in read_rows)
            load_chars = sum(r["load_chars"] for r in read_rows)
            line += (
                f" {load:.4f} | {load_chars:.4f} | {load / total_pipeline:.3f} | {load_chars / total_pipeline:.3f} |"
            )
        lines.append(line)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs (default: the fixture and shared folders)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="wall time (default) or CPU time")
    parser.add_argument("--floor", type=int, default=0, help="also time PDFium alone, the best of N runs")
    args = parser.parse_args()
    global _clock
    _clock = CLOCKS[args.clock]
    files = args.files or [p for folder in FOLDERS if folder.is_dir() for p in sorted(folder.glob("*.pdf"))]
    extractor = Extractor()
    extractor.nlp  # noqa: B018  (load the model before any clock starts)
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(path, extractor, args.repeat, Path(tmp), args.floor) for path in files]
    print(table(rows))
    over = [r["name"] for r in rows if "ratio" in r and r["ratio"] > TARGET]
    if over:
        print(f"reading above {TARGET} of the pipeline's time: {', '.join(over)}", file=sys.stderr)


if __name__ == "__main__":
    main()
