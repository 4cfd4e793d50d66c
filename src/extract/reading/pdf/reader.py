"""A PDF file checked, opened with PDFium and read page by page into a `PdfText` (`read_pdf`), or opened for drawing
its pages (`open_pdf`). PDFium is not thread-safe: every call into it holds one module lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.reading.lazy_numpy import np
from extract.reading.pdf.boxed_text import Boxes, PdfText, no_box_row
from extract.reading.pdf.chars import display_arrays, page_arrays
from extract.reading.pdf.runs import page_runs
from extract.reading.pdf.writing import lay_out

_LOCK = threading.RLock()


class PdfError(Exception):
    """A PDF that cannot be read: `path` and `reason`; str() is "<path>: <reason>"."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _check_bytes(path: Path, data: bytes | None = None) -> None:
    """Refuse what is not a whole PDF file before PDFium (which repairs what it can) sees it (the file's `data`
    when it has been read already)."""
    if data is not None:
        size, head, tail = len(data), data[:1024], data[max(0, len(data) - 8192) :]
    else:
        try:
            size = path.stat().st_size
            with path.open("rb") as f:
                head = f.read(1024)
                f.seek(max(0, size - 8192))
                tail = f.read()
        except OSError as e:
            raise PdfError(path, f"not a readable PDF: {e.strerror or e}") from None
    if size == 0:
        raise PdfError(path, "not a readable PDF: empty file")
    if b"%PDF-" not in head:
        raise PdfError(path, "not a readable PDF: no %PDF header")
    if b"%%EOF" not in tail:
        raise PdfError(path, "not a readable PDF: truncated (no %%EOF at the end)")


def _open(path: Path, data: bytes | None = None):
    try:
        return pdfium.PdfDocument(str(path) if data is None else data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfError(path, "encrypted PDF (password required)") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfError(path, "encrypted PDF (unsupported security handler)") from None
        raise PdfError(path, f"not a readable PDF: {e}") from None
    except (OSError, ValueError) as e:
        raise PdfError(path, f"not a readable PDF: {e}") from None


def read_pdf(path: Path, *, max_pages: int = 500, data: bytes | None = None) -> PdfText:
    """Read the text layer of the PDF at `path` in reading order, one box per char (see the module docstring).
    With `data`, the file's bytes already read, PDFium reads those (from memory) rather than the file again.

    Raises PdfError for an encrypted file, a file that is not a whole PDF, a PDF without text, or one of more than
    `max_pages` pages."""
    path = Path(path)
    _check_bytes(path, data)
    pieces: list[str] = []
    box_pieces: list[np.ndarray] = []
    length = 0  # of the text so far
    starts: list[int] = []
    sizes: list[tuple[float, float]] = []
    with _LOCK:
        doc = _open(path, data)
        try:
            n_pages = len(doc)
            if n_pages == 0:
                raise PdfError(path, "not a readable PDF: no pages")
            if n_pages > max_pages:
                raise PdfError(path, f"{n_pages} pages; the limit is {max_pages}")
            for index in range(n_pages):
                if index:
                    pieces.append("\f")
                    box_pieces.append(no_box_row())
                    length += 1
                starts.append(length)
                page = textpage = None
                try:
                    page = doc[index]
                    width, height, transform = display_arrays(page)
                    textpage = page.get_textpage()
                    _, runs = page_runs(page_arrays(textpage, transform), width, height, page.get_rotation() % 360)
                except pdfium.PdfiumError as e:
                    raise PdfError(path, f"not a readable PDF: page {index + 1}: {e}") from None
                finally:
                    if textpage is not None:
                        textpage.close()
                    if page is not None:
                        page.close()
                sizes.append((width, height))
                first = len(pieces)
                lay_out(runs, pieces, box_pieces)
                length += sum(map(len, pieces[first:]))
        finally:
            doc.close()
    text = "".join(pieces)
    if not text or text.isspace():
        raise PdfError(path, "no text layer (scanned PDF?); OCR is not supported")
    boxes = Boxes.from_array(np.concatenate(box_pieces))
    return PdfText(text=text, page_starts=tuple(starts), page_sizes=tuple(sizes), boxes=boxes)


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfium.PdfDocument]:
    """The PDF checked as `read` checks it and opened with PDFium, closed afterwards; the module's lock is held
    meanwhile (PDFium is not thread-safe)."""
    path = Path(path)
    _check_bytes(path)
    with _LOCK:
        doc = _open(path)
        try:
            yield doc
        finally:
            doc.close()
