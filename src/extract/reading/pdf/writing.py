"""A page's lines in reading order written out as text, with one box per char.

Between two runs of one line: nothing if they touch (closer than `_TOUCH_GAP` times the text height), " " for a
word gap, "\\t" for a wide gap (a table cell or a tab stop, `runs.WIDE_GAP` times the text height or more). Lines
end with "\\n"; a paragraph gap (more than `_PARA_GAP` line heights), a column change or a block change gives an
empty line ("\\n\\n"). Rotated text (a margin stamp) comes after the page's other lines. Every char written here has
the zero box.
"""

from __future__ import annotations

from extract.reading.lazy_numpy import np
from extract.reading.pdf.boxed_text import no_box_row
from extract.reading.pdf.order import median, reading_order, rows_of
from extract.reading.pdf.runs import WIDE_GAP, Run

_TOUCH_GAP = 0.12  # runs closer than this are one word
_PARA_GAP = 0.7  # a vertical gap between lines wider than this is a paragraph break


def lay_out(runs: list[Run], out_text: list[str], out_boxes: list[np.ndarray]) -> None:
    """Append the page's text in reading order to out_text (pieces of text) and out_boxes (the pieces' boxes, (k, 4)
    arrays: a run's slice of its page's boxes, one zero row for each char we insert)."""
    upright = [r for r in runs if not r.rotated]
    rotated = [r for r in runs if r.rotated]
    lines = reading_order(rows_of(upright)) if upright else []
    if rotated:
        lines.append(None)
        lines.extend([r] for r in rotated)
    blank = False
    prev: list[Run] | None = None
    add_text = out_text.append
    add_boxes = out_boxes.append
    no_row = no_box_row()
    for line in lines:
        if line is None:
            blank = True
            continue
        if prev is not None:
            p_bottom = max(r.bottom for r in prev)
            top = min(r.top for r in line)
            h = max(median([r.h for r in line]), median([r.h for r in prev]))
            gap = top - p_bottom
            if blank or gap > _PARA_GAP * h or gap < -2 * h:
                add_text("\n")
                add_boxes(no_row)
            add_text("\n")
            add_boxes(no_row)
        blank = False
        last: Run | None = None
        for run in line:
            if last is not None:
                gap = run.x0 - last.x1
                h = max(run.h, last.h)
                if gap >= WIDE_GAP * h:
                    add_text("\t")
                    add_boxes(no_row)
                elif gap > _TOUCH_GAP * h:
                    add_text(" ")
                    add_boxes(no_row)
            page = run.page
            add_text(page.text[run.start : run.stop])
            add_boxes(page.boxes[run.start : run.stop])
            last = run
        prev = line
