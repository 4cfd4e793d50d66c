"""Peak memory of one `extract run` on the worst input shapes at the size limit (8 MiB).

Each shape is written to a folder of its own and run in a child process; its peak RSS is read with
resource.getrusage(RUSAGE_CHILDREN) (ru_maxrss, the largest child so far, so shapes run from smallest to largest
expected and each in a fresh child of a fresh helper). Usage: `python bench/memory.py [--mib 8] [--shape NAME]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SHAPES = {
    "html_italic_numbers": ("page.html", "<html><body>", "<i>1</i>", "</body></html>"),
    "html_short_paragraphs": ("page.html", "<html><body>", "<p>7 people</p>", "</body></html>"),
    # the most elements a page may have (reading.html.MAX_ELEMENTS), each a paragraph with figures
    "html_paragraphs_at_element_limit": (
        "page.html",
        "<html><body>",
        "<p>The ICRC and the Red Crescent fed 300 people and repaired 12 wells in 7 places last year.</p>\n",
        "</body></html>",
    ),
    "text_single_newlines": ("report.txt", "", "The ICRC visited 1,200 detainees in 14 places.\n", ""),
    "text_one_paragraph": ("report.txt", "", "We fed 300 people and repaired 12 wells. ", ""),
}


def write_shape(folder: Path, name: str, size: int) -> None:
    filename, head, unit, tail = SHAPES[name]
    count = (size - len(head) - len(tail)) // len(unit)
    (folder / filename).write_text(head + unit * count + tail, "utf-8")


def measure(name: str, size: int) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of a run on the shape, in a child of a fresh helper process."""
    code = (
        "import resource, subprocess, sys, time; t = time.monotonic(); "
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.monotonic() - t, rc)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_shape(folder, name, size)
        command = [sys.executable, "-m", "extract", "run", str(folder), "--out", str(Path(tmp) / "out.jsonl")]
        out = subprocess.run(
            [sys.executable, "-c", code, *command, "--no-cache", "--quiet"], capture_output=True, text=True, check=True
        ).stdout.split()
    return int(out[0]) / 1024, float(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=7.9)
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append")
    args = parser.parse_args()
    size = int(args.mib * 1024 * 1024)
    print(f"{'shape':24} {'MiB':>5} {'peak RSS MB':>12} {'seconds':>8} {'exit':>5}")
    for name in args.shape or SHAPES:
        peak, seconds, rc = measure(name, size)
        print(f"{name:24} {args.mib:5.1f} {peak:12.0f} {seconds:8.1f} {rc:5d}", flush=True)


if __name__ == "__main__":
    main()
