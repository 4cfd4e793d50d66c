"""The PDF reader (extract.reading.pdf): real PDFs of others (shared/pdf beside the project) and our fixtures.

A second reader (pdfplumber, on pdfminer.six) checks the char boxes: the chars it finds inside a word's box spell
the word."""

from __future__ import annotations

import functools
import hashlib
import json
import math
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.reading.pdf import (
    NO_BOX,
    Boxes,
    PdfError,
    PdfText,
    box_of,
    furniture,
    hyphen_joins,
    line_end_hyphens,
    read_pdf,
)

from .conftest import SHARED_PDF

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
GOLD = ROOT / "tests" / "fixtures" / "pdf_gold"
SHARED = SHARED_PDF

OURS = sorted(FIXTURES.glob("*.pdf"))
THEIRS = sorted(SHARED.glob("*.pdf")) if SHARED.is_dir() else []
NO_TEXT = {"issue-203-decimalize.pdf"}
WARN = SHARED / "WARN-Report-for-7-1-2015-to-03-25-2016.pdf"
PAPER = SHARED / "issue-982-example.pdf"  # two columns, a page number opening every page

needs_shared = pytest.mark.skipif(not THEIRS, reason=f"{SHARED} is missing")


@functools.cache
def read(path: Path) -> PdfText:
    return read_pdf(path)


def shared_params():
    return [pytest.param(p, id=p.name) for p in THEIRS] or [pytest.param(None, marks=needs_shared, id="shared-missing")]


ALL = [pytest.param(p, id=p.name) for p in OURS] + shared_params()


def test_fixtures_are_there():
    assert len(OURS) == 3
    assert len(list(GOLD.glob("*.json"))) == 3


# ------------------------------------------------------------------------------------------------ invariants


@pytest.mark.parametrize("path", ALL)
def test_reads_or_refuses_with_a_reason(path):
    if path.name in NO_TEXT:
        with pytest.raises(PdfError) as err:
            read(path)
        assert err.value.reason == "no text layer (scanned PDF?); OCR is not supported"
        assert str(err.value) == f"{path}: {err.value.reason}"
        return
    pdf = read(path)
    assert len(pdf.boxes) == len(pdf.text)
    n = len(pdf.page_starts)
    assert n == len(pdf.page_sizes) >= 1
    assert pdf.page_starts[0] == 0
    assert pdf.text.count("\f") == n - 1
    for i, start in enumerate(pdf.page_starts[1:], 1):
        assert pdf.text[start - 1] == "\f"
        assert pdf.page_starts[i - 1] < start
        assert pdf.boxes[start - 1] == NO_BOX
    for page in range(1, n + 1):
        width, height = pdf.page_sizes[page - 1]
        start, end = pdf.page_span(page)
        assert "\f" not in pdf.text[start:end]
        for i in range(start, end):
            x0, top, x1, bottom = pdf.boxes[i]
            if pdf.text[i] in "\n\t":
                assert pdf.boxes[i] == NO_BOX
            elif not pdf.text[i].isspace():  # on the page (a glyph may stick out of it)
                assert x0 <= x1 and top <= bottom, (pdf.text[i], pdf.boxes[i])
                assert x1 >= -1 and x0 <= width + 1 and bottom >= -1 and top <= height + 1, (pdf.text[i], pdf.boxes[i])
    assert "\r" not in pdf.text
    assert not re.search(r"[\ud800-\udfff]", pdf.text)
    assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f]", pdf.text)  # controls other than \t \n \f
    assert "\n\n\n" not in pdf.text


def _spell(chars: list[dict]) -> str:
    return unicodedata.normalize("NFKC", "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])))


def _agrees(ours: str, theirs: str) -> bool:
    """Equal once whitespace is dropped and ligatures unfolded; or ours a subsequence of theirs (text drawn over
    text, as in a clipped cell, puts a second reader's hidden chars inside the box too)."""
    a = unicodedata.normalize("NFKC", re.sub(r"\s+", "", ours))
    b = re.sub(r"\s+", "", theirs)
    if a == b:
        return True
    it = iter(b)
    return all(ch in it for ch in a)


@pytest.mark.parametrize("path", ALL)
def test_a_second_reader_finds_the_same_chars_in_the_boxes(path):
    pdfplumber = pytest.importorskip("pdfplumber")
    if path.name in NO_TEXT:
        pytest.skip("no text layer")
    pdf = read(path)
    n = len(pdf.page_starts)
    pages = sorted({1, (n + 1) // 2, n})  # the first, middle and last pages (pdfplumber is slow)
    rnd = random.Random(path.name)
    checked = bad = 0
    examples = []
    with pdfplumber.open(path) as plumber:
        for page in pages:
            start, end = pdf.page_span(page)
            words = [m for m in re.finditer(r"\S+", pdf.text[start:end])]
            chars = plumber.pages[page - 1].chars
            for m in rnd.sample(words, min(40, len(words))):
                got, (x0, top, x1, bottom) = box_of(pdf, start + m.start(), start + m.end())
                assert got == page
                inside = [
                    c
                    for c in chars
                    if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5
                    and top - 0.5 <= (c["top"] + c["bottom"]) / 2 <= bottom + 0.5
                ]
                checked += 1
                if not _agrees(m.group(), _spell(inside)):
                    bad += 1
                    examples.append((page, m.group(), _spell(inside)))
    assert checked
    limit = 0 if path.parent == FIXTURES else 0.02 * checked
    assert bad <= limit, examples[:5]


# ------------------------------------------------------------------------------------------------ gold


def _locate(text: str, quote: str, occurrence: int) -> int:
    pos = -len(quote)
    for _ in range(occurrence):
        pos = text.find(quote, pos + len(quote))
        assert pos != -1, f"{quote!r} does not occur {occurrence} time(s)"
    return pos


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_gold_quotes_the_text_read_pdf_gives(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pdf = read(FIXTURES / gold["source"]["file"])
    assert gold["doc_id"] == gold_path.stem
    # the gold refers to the file's bytes, as every gold file does; its quotes to the text read from them
    assert hashlib.sha256((FIXTURES / gold["source"]["file"]).read_bytes()).hexdigest() == gold["text_sha256"]
    for fact in gold["facts"]:
        _locate(pdf.text, fact["quote"], fact["occurrence"])
        assert fact["number"] in fact["quote"]
    for non in gold["non_facts"]:
        _locate(pdf.text, non["quote"], non["occurrence"])


# ------------------------------------------------------------------------------------------------ furniture


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_furniture_is_the_running_headers_and_page_numbers_and_nothing_else(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pdf = read(FIXTURES / gold["source"]["file"])
    expected = set()
    for non in gold["non_facts"]:
        if non["why"] == "page furniture":
            start = _locate(pdf.text, non["quote"], non["occurrence"])
            expected.add((start, start + len(non["quote"]), "page furniture"))
    found = set(furniture(pdf))
    assert len(expected) >= 2 * len(pdf.page_starts)  # a header and a page number on every page
    assert found == expected
    facts = [_locate(pdf.text, f["quote"], f["occurrence"]) for f in gold["facts"]]
    assert not any(a <= f < b for f in facts for a, b, _ in found)


@needs_shared
def test_furniture_of_a_paper_is_its_page_numbers():
    pdf = read(PAPER)
    found = furniture(pdf)
    assert [pdf.text[a:b] for a, b, _ in found] == [str(k) for k in range(1, 9)]
    for (a, _, _), start in zip(found, pdf.page_starts, strict=True):
        assert a == start  # each opens its page


@needs_shared
def test_furniture_of_the_warn_report_flags_none_of_its_table():
    """The WARN report has no running header, footer or page number (its pages end and start with table rows,
    'Layoff Permanent' at the bottom of most of them): nothing may be flagged."""
    assert furniture(read(WARN)) == []


def test_a_one_page_document_has_no_furniture():
    pdf = PdfText(text="Page 1\nSome text", page_starts=(0,), page_sizes=((100.0, 100.0),), boxes=Boxes([NO_BOX] * 16))
    assert furniture(pdf) == []


@needs_shared
def test_no_furniture_on_one_page_pdfs():
    for path in THEIRS:
        if path.name not in NO_TEXT and len(read(path).page_starts) == 1:
            assert furniture(read(path)) == []


# ------------------------------------------------------------------------------------------------ reading order


def test_two_columns_read_column_by_column():
    text = read(FIXTURES / "pf01_kenya_floods_2023.pdf").text
    left_start = text.index("Since early November 2023")
    left_end = text.index("18,500 hygiene kits were distributed.")
    right_start = text.index("Volunteers went from tent to tent")
    right_end = text.index("agreed with the affected communities.")
    assert left_start < left_end < right_start < right_end
    # the left column is whole: its lines follow each other
    assert "unusually heavy El Niño\nrains have caused severe flooding across Kenya." in text
    assert "the worst drought in 40 years" in text
    # the table under the columns is read row by row
    assert "Shelter and settlements\t4,200\t1,350\t2,850" in text


def test_a_table_and_its_caption_under_columns_come_after_both_columns():
    text = read(FIXTURES / "pf03_syria_floods_2019.pdf").text
    order = [
        "Food parcels for a family of five",
        "Water quality was\n",
        "tested every week",
        "only half of the\nplanned cash grants can be paid.",
        "Humanitarian funding by sector (USD millions)",
        "Sector\tRequired\tReceived\tCoverage",
        "Food security\t1.60\t0.74\t46%",
    ]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


LEFT = [
    "In the first half of the year the delegation",
    "visited 4,500 detainees in 12 places of",
    "detention and helped 300 families to",
    "restore contact with relatives held far",
    "from home. It also repaired water networks",
    "that serve about 20,000 people in the",
    "eastern districts, where fighting had",
    "damaged pumping stations and pipes.",
]
RIGHT = [
    "Health teams supported 9 hospitals and",
    "14 primary health-care centres, which",
    "together carried out some 62,000",
    "consultations. More than 1,100 wounded",
    "patients received surgical care, and 250",
    "physiotherapy sessions were given to",
    "people with disabilities in the capital",
    "and in two provincial towns this year.",
]


@pytest.mark.parametrize("gutter", [6, 9, 14, 30])
def test_two_columns_drawn_row_by_row_read_column_by_column(tmp_path, gutter):
    """A producer that draws line 1 of both columns, then line 2, ...: PDFium joins the two halves of a row with a
    space when the gutter is narrow; the gutter is found from the words all the same."""
    pikepdf = pytest.importorskip("pikepdf")
    doc = pikepdf.new()
    font = doc.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    ops = []
    for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        y = 760 - 13 * i
        ops.append(f"BT /F1 10 Tf 50 {y} Td ({left}) Tj ET")
        ops.append(f"BT /F1 10 Tf {240 + gutter} {y} Td ({right}) Tj ET")  # the widest left line ends at 239.5
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=doc.make_stream("\n".join(ops).encode()),
    )
    doc.pages.append(pikepdf.Page(page))
    doc.save(tmp_path / "rows.pdf")
    assert read_pdf(tmp_path / "rows.pdf").text == "\n".join(LEFT) + "\n\n" + "\n".join(RIGHT)


@needs_shared
def test_a_real_two_column_paper_reads_column_by_column():
    pdf = read(PAPER)
    start, end = pdf.page_span(2)
    page = pdf.text[start:end]
    left = page.index("makes a step in the direction which goes downwards.")
    left_last = page.index("technique is called Google DeepDream.")
    right = page.index("It has become famous in the internet [Red].")
    assert left < left_last < right
    assert "Convolution layers learn a convolution; this means they learn\nthe weights of an image filter." in page


@needs_shared
def test_a_table_reads_row_by_row():
    text = read(WARN).text
    assert "06/22/2015\t03/25/2016\t07/01/2015\tMaxim Integrated Product\tSan Jose\t150\tClosure Permanent\n" in text
    assert "Total\t632\t53,454\t295\t11\t90\t212\t12\t12" in text


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_rotated_page_reads_as_displayed(tmp_path, rotation):
    """A page stored sideways with /Rotate to show it upright reads as the upright original, same boxes."""
    pikepdf = pytest.importorskip("pikepdf")
    src = FIXTURES / "pf01_kenya_floods_2023.pdf"
    matrix = {90: "0 1 -1 0 {h} 0", 180: "-1 0 0 -1 {w} {h}", 270: "0 -1 1 0 0 {w}"}[rotation]
    with pikepdf.open(src) as doc:
        for page in doc.pages:
            w, h = float(page.mediabox[2]), float(page.mediabox[3])
            page.contents_coalesce()
            page.Contents.write(f"q {matrix.format(w=w, h=h)} cm\n".encode() + page.Contents.read_bytes() + b"\nQ")
            if rotation != 180:
                page.MediaBox = [0, 0, h, w]
            page.Rotate = rotation
        doc.save(tmp_path / "rotated.pdf")
    base, turned = read(src), read_pdf(tmp_path / "rotated.pdf")
    assert turned.text == base.text
    for a, b in zip(base.page_sizes, turned.page_sizes, strict=True):
        assert b == pytest.approx(a, abs=0.01)
    for ch, a, b in zip(base.text, base.boxes, turned.boxes, strict=True):
        if not ch.isspace():
            assert b == pytest.approx(a, abs=0.05), ch


# ------------------------------------------------------------------------------------------------ box_of


def test_box_of_a_quote_is_the_union_of_its_chars():
    pdf = read(FIXTURES / "pf01_kenya_floods_2023.pdf")
    start = pdf.text.index("at least 71 people")
    page, (x0, top, x1, bottom) = box_of(pdf, start, start + len("at least 71 people"))
    assert page == 1
    width, height = pdf.page_sizes[0]
    assert 0 < x0 < x1 < width / 2  # in the left column
    assert 0 < top < bottom < height and bottom - top < 15  # one line
    first, last = pdf.boxes[start], pdf.boxes[start + len("at least 71 people") - 1]
    assert (x0, top) == (first[0], min(first[1], last[1]))
    assert x1 == last[2]


def test_box_of_a_span_across_a_page_break_is_its_first_page_part():
    pdf = read(FIXTURES / "pf01_kenya_floods_2023.pdf")
    brk = pdf.page_starts[1] - 1
    page, box = box_of(pdf, brk - 11, brk + 20)  # "Page 1 of 2\f..."
    assert page == 1
    assert box == box_of(pdf, brk - 11, brk)[1]
    assert box_of(pdf, brk, brk + 1) == (1, NO_BOX)  # the "\f" alone: no ink
    assert box_of(pdf, brk + 1, brk + 5)[0] == 2
    with pytest.raises(ValueError):
        box_of(pdf, len(pdf.text), len(pdf.text) + 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_box_of_holds_every_inked_char_of_the_span_on_its_page(data):
    pdf = read(FIXTURES / "pf03_syria_floods_2019.pdf")
    start = data.draw(st.integers(0, len(pdf.text) - 1))
    end = data.draw(st.integers(start, min(len(pdf.text), start + 400)))
    page, (x0, top, x1, bottom) = box_of(pdf, start, end)
    assert page == pdf.page_at(start)
    _, page_end = pdf.page_span(page)
    for i in range(start, min(end, page_end)):
        b = pdf.boxes[i]
        if not pdf.text[i].isspace() and b != NO_BOX:
            assert x0 <= b[0] and b[2] <= x1 and top <= b[1] and b[3] <= bottom


# ------------------------------------------------------------------------------------------------ hyphens


def _synthetic(text: str) -> PdfText:
    return PdfText(text=text, page_starts=(0,), page_sizes=((500.0, 500.0),), boxes=Boxes([NO_BOX] * len(text)))


def test_hyphen_joins_line_end_hyphens_that_split_a_word():
    text = (
        "the humani-\ntarian needs of 3,000 people in the north-\nEast, a well-known fact:\nwell-\nknown. 2015-\n2016"
    )
    pdf = _synthetic(text)
    assert hyphen_joins(pdf) == [text.index("humani-") + 6]
    assert pdf.text == text
    joined, kept = line_end_hyphens(pdf)
    assert joined == hyphen_joins(pdf) and kept == [text.index("well-\n") + 4]


@needs_shared
def test_hyphen_joins_on_a_real_paper():
    pdf = read(PAPER)
    joins = hyphen_joins(pdf)
    words = {re.search(r"\w+-\n\w+", pdf.text[i - 20 : i + 20]).group() for i in joins}
    assert "experi-\nence" in words and "con-\ntrast" in words
    assert all(pdf.text[i] == "-" and pdf.text[i + 1] == "\n" for i in joins)


# ------------------------------------------------------------------------------------------------ errors


def _reason(path: Path) -> str:
    with pytest.raises(PdfError) as err:
        read_pdf(path)
    assert err.value.path == path
    assert str(err.value) == f"{path}: {err.value.reason}"
    return err.value.reason


def test_an_encrypted_pdf_is_refused(tmp_path):
    src = FIXTURES / "pf02_icrc_detention_2018.pdf"
    locked = tmp_path / "locked.pdf"
    try:
        import pikepdf
    except ImportError:
        pikepdf = None
    if pikepdf is not None:
        with pikepdf.open(src) as doc:
            doc.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
    elif shutil.which("qpdf"):
        subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(src), str(locked)], check=True)
    else:
        pytest.skip("neither pikepdf nor qpdf can encrypt here")
    assert _reason(locked) == "encrypted PDF (password required)"


def test_a_pdf_encrypted_with_an_owner_password_only_is_read(tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    src = FIXTURES / "pf02_icrc_detention_2018.pdf"
    with pikepdf.open(src) as doc:
        doc.save(tmp_path / "owner.pdf", encryption=pikepdf.Encryption(user="", owner="owner", R=4))
    assert read_pdf(tmp_path / "owner.pdf").text == read(src).text


def test_a_truncated_pdf_is_refused(tmp_path):
    data = (FIXTURES / "pf01_kenya_floods_2023.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    assert _reason(cut).startswith("not a readable PDF: ")


def test_random_bytes_and_an_empty_file_are_refused(tmp_path):
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(random.Random(7).randbytes(5000))
    assert _reason(noise).startswith("not a readable PDF: ")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert _reason(empty) == "not a readable PDF: empty file"
    assert _reason(tmp_path / "missing.pdf").startswith("not a readable PDF: ")
    a_dir = tmp_path / "folder.pdf"
    a_dir.mkdir()
    assert _reason(a_dir).startswith("not a readable PDF: ")


def test_a_pdf_header_on_garbage_is_refused(tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(3000) + b"\n%%EOF\n")
    assert _reason(fake).startswith("not a readable PDF: ")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(0.02, 0.98), st.binary(min_size=1, max_size=40)), min_size=1, max_size=6))
def test_damaged_bytes_give_a_text_or_a_pdf_error(tmp_path_factory, damage):
    """Whatever the damage, a PdfText or a PdfError: never a PDFium exception or a crash."""
    data = bytearray((FIXTURES / "pf03_syria_floods_2019.pdf").read_bytes())
    for where, junk in damage:
        at = int(where * len(data))
        data[at : at + len(junk)] = junk
    path = tmp_path_factory.mktemp("damaged") / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        pdf = read_pdf(path)
    except PdfError as e:
        assert e.reason
    else:
        assert len(pdf.text) == len(pdf.boxes)


@needs_shared
def test_too_many_pages_are_refused():
    with pytest.raises(PdfError) as err:
        read_pdf(WARN, max_pages=5)
    assert err.value.reason == "16 pages; the limit is 5"


# ------------------------------------------------------------------------------------------------ rendering


# ------------------------------------------------------------------------------------------------ char policies


def _layout(chars, width=300.0, height=200.0):
    """The text and boxes of one page whose PDFium chars are a list of (code, generated, (left, bottom, right, top),
    hyphen), in user space with the origin at the bottom-left. Read both ways (the codes and boxes as lists, one char
    at a time, and as arrays): the same text and boxes."""
    from extract.reading.pdf import runs, writing
    from extract.reading.pdf.chars import PageChars

    boxes = [(left, height - top, right, height - bottom) for _, _, (left, bottom, right, top), _ in chars]
    codes = [code for code, _, _, _ in chars]
    results = []
    for as_arrays in (False, True):
        page = PageChars(
            codes=np.array(codes, dtype=np.int64) if as_arrays else codes,
            boxes=np.array(boxes, dtype=np.float64).reshape(len(boxes), 4) if as_arrays else boxes,
            is_generated=lambda i: chars[i][1],
            is_hyphen=lambda i: chars[i][3],
            angle=lambda i: 0.0,
        )
        _, found = runs.page_runs(page, width, height)
        text, box_pieces = [], []
        writing.lay_out(found, text, box_pieces)
        out_boxes = [tuple(b) for b in np.concatenate(box_pieces).tolist()] if box_pieces else []
        results.append(("".join(text), out_boxes))
    assert results[0] == results[1]
    return results[0]


def _line(text, x, y, step=6.0, h=10.0):
    """Chars of `text` on the baseline y from x, one `step` apart (" " a real space)."""
    return [(ord(c), False, (x + k * step, y, x + (k + 1) * step, y + h), False) for k, c in enumerate(text)]


def test_generated_spaces_and_line_breaks_become_our_whitespace():
    gen_space = [(0x20, True, (0, 0, 0, 0), False)]
    crlf = [(0x0D, True, (0, 0, 0, 0), False), (0x0A, True, (0, 0, 0, 0), False)]
    chars = _line("ab", 10, 150) + gen_space + _line("cd", 28, 150) + crlf + _line("ef", 10, 137)
    text, boxes = _layout(chars)
    assert text == "ab cd\nef"
    assert boxes[2] == NO_BOX and boxes[5] == NO_BOX
    assert boxes[0] == (10, 40, 16, 50)  # top-left origin: top = 200 - 160


def test_surrogates_controls_hyphens_and_empty_boxes():
    y = 150
    chars = [
        (0xD835, False, (10, y, 16, y + 10), False),  # a surrogate pair: one char, both boxes
        (0xDF0E, False, (12, y, 18, y + 10), False),
        (0xDC00, False, (18, y, 24, y + 10), False),  # a lone surrogate
        (0x01, False, (24, y, 30, y + 10), False),  # a control char with ink
        (0x00, False, (30, y, 30, y), False),  # a control char without ink: dropped
        (ord("x"), False, (30, y, 30, y), False),  # an empty box: kept, after the previous char
        (ord("f"), False, (30, y, 36, y + 10), False),  # a ligature: two chars, one box
        (ord("i"), False, (30, y, 36, y + 10), False),
        (0x02, False, (36, y, 40, y + 10), True),  # PDFium's line-end hyphen
        (ord("q"), False, (500, y, 506, y + 10), False),  # off the page: dropped
    ]
    chars += [(0xAD, False, (10, 139, 14, 149), False)]  # a drawn soft hyphen, on the next line
    text, boxes = _layout(chars)
    assert text == "\U0001d70e\ufffd\ufffdxfi-\n-"
    assert boxes[0] == (10, 40, 18, 50)
    assert boxes[3] == (30, 40, 30, 50)  # "x": zero width at the right edge of the char before it
    assert boxes[4] == boxes[5] == (30, 40, 36, 50)


def test_boxes_is_a_read_only_sequence_of_tuples():
    boxes = Boxes([(1.0, 2.0, 3.0, 4.0), NO_BOX, (5.5, 6.0, 7.0, 8.25)])
    assert len(boxes) == 3
    assert boxes[0] == (1.0, 2.0, 3.0, 4.0) and boxes[-1] == (5.5, 6.0, 7.0, 8.25)
    assert boxes[1:] == (NO_BOX, (5.5, 6.0, 7.0, 8.25))
    assert list(boxes) == [(1.0, 2.0, 3.0, 4.0), NO_BOX, (5.5, 6.0, 7.0, 8.25)]
    assert boxes == Boxes(list(boxes)) and boxes == list(boxes)
    assert hash(boxes) == hash(Boxes(list(boxes)))
    with pytest.raises(IndexError):
        boxes[3]
    pdf = read(FIXTURES / "pf02_icrc_detention_2018.pdf")
    assert hash(pdf) == hash(read_pdf(FIXTURES / "pf02_icrc_detention_2018.pdf"))  # a frozen value


def test_rotated_runs_read_by_arrays_as_one_char_at_a_time():
    """A margin stamp (chars turned a quarter, stacked up the page) between upright lines: the array reader finds
    the same runs as the reader that goes one char at a time, the stamp's chars one run whatever their boxes."""
    from extract.reading.pdf import runs
    from extract.reading.pdf.chars import PageChars

    height = 200.0
    chars = _line("ab cd", 10, 150)
    stamp = [(ord(c), False, (280, 20 + 8 * k, 290, 28 + 8 * k), False) for k, c in enumerate("arXiv")]
    chars += [(0x0D, True, (0, 0, 0, 0), False), (0x0A, True, (0, 0, 0, 0), False)]
    chars += stamp + _line("ef", 10, 137)
    turned = set(range(len(_line("ab cd", 10, 150)) + 2, len(_line("ab cd", 10, 150)) + 2 + len(stamp)))
    boxes = [(left, height - top, right, height - bottom) for _, _, (left, bottom, right, top), _ in chars]
    codes = [code for code, _, _, _ in chars]

    def page(as_arrays):
        return PageChars(
            codes=np.array(codes, dtype=np.int64) if as_arrays else codes,
            boxes=np.array(boxes, dtype=np.float64) if as_arrays else boxes,
            is_generated=lambda i: chars[i][1],
            is_hyphen=lambda i: chars[i][3],
            angle=lambda i: math.pi / 2 if i in turned else 0.0,
        )

    def runs_of(found):
        pg, runs = found
        return pg.text, pg.boxes.tolist(), [(r.start, r.stop, r.x0, r.top, r.x1, r.bottom, r.rotated) for r in runs]

    by_arrays = runs.page_runs_by_arrays(page(True), 300.0, height, 0)
    assert by_arrays is not None
    assert runs_of(by_arrays) == runs_of(runs.page_runs_by_chars(page(False), 300.0, height, 0))
    assert [r.chars for r in by_arrays[1] if r.rotated] == ["arXiv"]
