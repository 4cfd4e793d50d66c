"""Read a PDF's text layer into one text with one box per character, in reading order.

Self-contained: the standard library, numpy and pypdfium2 (PDFium) only. `open_pdf` opens a PDF for drawing its
pages (the report's page images, `checks/page_images.py`).

What `read_pdf` builds, each step in a module of its own:

- `chars`: PDFium's per-character API (FPDFText_CountChars / GetUnicode / GetLooseCharBox, and IsGenerated /
  IsHyphen / GetCharAngle where asked), a page's codes and loose boxes fetched in bulk, the boxes turned to the
  displayed page's top-left origin (crop box, /Rotate applied). Never FPDFText_GetText, which counts UTF-16 units
  and drifts from the char boxes.
- `char_policy`: what a PDFium char reads as (a marked line-end hyphen, a control char, a kept space) and when it
  is rotated: the one policy both run readers follow.
- `runs`: a page's chars as runs (chars that PDFium gives in a row on one line, with no wide gap), whitespace ours,
  found by array operations over the page (`page_runs_by_arrays`), or one char at a time for the rare pages the
  arrays leave out (`page_runs_by_chars`: a surrogate pair, a char with an empty box, a NaN coordinate).
- `order`: runs grouped into rows, and the rows in reading order (column gutters, bands read column by column).
- `writing`: the lines in reading order written as text and boxes (word gaps, tabs, paragraph breaks).
- `boxed_text`: what reading gives (`PdfText`, its `Boxes`), and the box of a span (`box_of`).
- `page_furniture`: running headers, footers and page numbers, by their recurrence across pages.
- `hyphens`: line-end hyphens that split a word, and those of words spelled with their hyphen.
- `reader`: the file checked, opened and read page by page (`read_pdf`, `open_pdf`, `PdfError`).

Cost: no Python object a char. A page's codes and boxes come as numpy arrays (`chars.page_arrays`); its runs are
stretches of one page-wide text and box array (`runs.Page`), and their words (`Run.ink`), the column gutters'
coverage and the furniture lines are found by array operations too, each tested against a one-by-one reference on
every fixture and shared PDF (`tests/test_pdf_chars.py`, `tests/pdf_reference.py`).
"""

from extract.reading.pdf.boxed_text import NO_BOX, Boxes, PdfText, box_of
from extract.reading.pdf.chars import Box
from extract.reading.pdf.hyphens import hyphen_joins, line_end_hyphens
from extract.reading.pdf.page_furniture import furniture
from extract.reading.pdf.reader import PdfError, open_pdf, read_pdf

__all__ = [
    "NO_BOX",
    "Box",
    "Boxes",
    "PdfError",
    "PdfText",
    "box_of",
    "furniture",
    "hyphen_joins",
    "line_end_hyphens",
    "open_pdf",
    "read_pdf",
]
