"""Read an HTML page's main content into the same blocks as a text report, every character mapped to the raw HTML.

Two readings of the page, each used for what it does well. The tree comes from BeautifulSoup with the lxml
parser: libxml2 repairs broken markup as a browser does (implied end tags, misnested inline tags, stray end
tags), so the structural decisions (main content, what to drop, headings, captions, table rows, list items) are
taken on the page as it is meant, through bs4's API. But a fact's span must point into the file itself
(`html[span.start:span.end] == quote`), and neither bs4 nor lxml says where a text node came from (lxml keeps a
source line at most). So the offsets come from the stdlib `html.parser` tokenizer, run over the same file with
`convert_charrefs=False`: it reports every text run and every character reference separately, at its exact
offset, and every start tag. Its text is one stream of decoded characters, each with its source offsets (a
reference such as `&amp;` is one character mapped to the whole reference, and a CRLF one newline, as libxml2
reads them), cut wherever markup stands between two runs.

Alignment walks the tree's strings in document order and finds each one (whitespace at its ends aside) in that
stream: normally where the previous one ended, skipping what the tree left out (whitespace, mostly), else further
ahead, else anywhere not yet used (a node lxml moved). A match must begin and end where markup cuts the stream,
so a short string is never found inside a longer one. A string that cannot be found exactly (a NUL that libxml2
reads as U+FFFD, markup inside <xmp> that lxml reads as text, a reference at the very end of the file that only
lxml decodes) is dropped and counted in `Alignment.dropped`: it leaves a word gap and nothing else, so no fact
can point at characters it was not read from. Tags take the offset of the tokenizer's start tag of the same
name, in order; tags lxml invented (html, head, body) take the offset of their first aligned text, or their
parent's.

The tokenizer runs first and refuses what must not reach libxml2: a truncated page, and nesting deeper than
MAX_DEPTH, counted as libxml2 will nest the elements (libxml2 cuts deep documents silently, dropping their text).
Misnesting that the count misses and lxml still turns into deeper nesting is refused once the tree is built.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, PageElement, PreformattedString, Tag
from bs4.exceptions import ParserRejectedMarkup

from extract.reading.normalise import TextBuilder
from extract.reading.offsets import MappedText
from extract.reading.segments import Block, CleanText, SegmentKind, classify, is_figure_line, is_label

MAX_DEPTH = 200  # deeper nesting is refused: no real report needs it, and it is a classic parser bomb
# More elements are refused: a report page has a few thousand, and the parsed tree costs about 1.5 kB an element
# (8 MiB of "<i>1</i>" is a million elements, over 2 GB), so this bounds a page's memory whatever its shape.
MAX_ELEMENTS = 100_000
VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)  # elements without content or end tag
DROP_TAGS = frozenset(
    [
        "head",
        "title",
        "nav",
        "aside",
        "script",
        "style",
        "noscript",
        "form",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "textarea",
        "object",
        "canvas",
        "video",
        "audio",
        "map",
        "dialog",
        "menu",
    ]
)
PAGE_FRAME_TAGS = frozenset({"header", "footer"})  # dropped unless inside the article (an article's own header)
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"})
DROP_HINTS = frozenset(
    [
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "share",
        "sharing",
        "social",
        "comment",
        "comments",
        "respond",
        "disqus",
        "related",
        "newsletter",
        "subscribe",
        "breadcrumb",
        "breadcrumbs",
        "sidebar",
        "menu",
        "nav",
        "navbar",
        "navigation",
        "footer",
        "masthead",
        "advert",
        "advertisement",
        "promo",
        "popup",
        "modal",
        "skip",
        "pagination",
        "pager",
        "tags",
        "sronly",
        "visuallyhidden",
        "toolbar",
    ]
)
CAPTION_HINTS = frozenset({"caption", "figcaption", "credit", "credits", "copyright", "photocredit"})
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figure",
        "footer",
        "header",
        "hgroup",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Only to count the depth lxml will build, closing elements as libxml2 does: a start tag closes these open
# elements first (the end tags HTML lets authors omit), and an end tag does not close an element of higher
# priority opened inside its own (a </b> leaves the <div> inside it open).
_IMPLIED_END = {
    "p": {"p"},
    "li": {"li", "p"},
    "dt": {"dt", "dd", "p"},
    "dd": {"dt", "dd", "p"},
    "tr": {"tr", "td", "th", "p"},
    "td": {"td", "th", "p"},
    "th": {"td", "th", "p"},
    "option": {"option"},
    **{h: {"p"} for h in HEADING_TAGS},
    **{b: {"p"} for b in ("div", "ul", "ol", "table", "section", "article", "figure", "blockquote", "dl")},
}
_END_PRIORITY = {
    "div": 150,
    "td": 160,
    "th": 160,
    "tr": 170,
    "thead": 180,
    "tbody": 180,
    "tfoot": 180,
    "table": 190,
    "head": 200,
    "body": 200,
    "html": 220,
}
_DEFAULT_PRIORITY = 100
_NO_HINTS = frozenset({"html", "body", "main", "article"})
_HINT_SPLIT = re.compile(r"[\s_-]+")
_CARRIAGE_RETURN = re.compile(r"\r\n?")
_NON_SPACE = re.compile(r"\S")
MAX_CANDIDATES = 256  # places tried for one string before it is dropped: bounds the work on a hostile page


class HtmlError(Exception):
    """An HTML page that cannot be read as a report (truncated, nested too deep); the message says why."""


@dataclass(slots=True)
class Run:
    """A piece of the page's text as the tokenizer read it."""

    text: str  # decoded
    start: int  # offset of its first character in the HTML
    end: int
    literal: bool  # text is source[start:end], character for character; else all of it maps to start..end


class _Scanner(HTMLParser):
    """html.parser events -> the page's text runs, the places where markup cuts them, and its start tags."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self.runs: list[Run] = []
        self.length = 0  # decoded characters so far
        self.cuts: list[int] = [0]  # stream positions where markup stands between two runs
        self.start_tags: list[tuple[str, int]] = []
        self.open: list[str] = []  # open elements, only to count the depth
        self.closed_html = False

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_tag(tag)
        while self.open and self.open[-1] in _IMPLIED_END.get(tag, ()):
            self.open.pop()
        if tag not in VOID_TAGS:
            self.open.append(tag)
            if len(self.open) > MAX_DEPTH:
                raise HtmlError(f"HTML nested deeper than {MAX_DEPTH} elements")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_tag(tag)  # <div/> is empty for libxml2 too

    def handle_endtag(self, tag: str) -> None:
        self._cut()
        if tag == "html":
            self.closed_html = True
        priority = _END_PRIORITY.get(tag, _DEFAULT_PRIORITY)
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i] == tag:
                del self.open[i:]
                return
            if _END_PRIORITY.get(self.open[i], _DEFAULT_PRIORITY) > priority:
                return  # a stray end tag, or one that cannot close what is open inside it: ignored

    def handle_comment(self, data: str) -> None:
        self._cut()

    handle_decl = handle_pi = unknown_decl = handle_comment

    def handle_data(self, data: str) -> None:
        start = self.source_offset()
        position = 0
        for match in _CARRIAGE_RETURN.finditer(data):  # libxml2 reads CRLF and CR as one newline
            self._add(Run(data[position : match.start()], start + position, start + match.start(), literal=True))
            self._add(Run("\n", start + match.start(), start + match.end(), literal=False))
            position = match.end()
        self._add(Run(data[position:], start + position, start + len(data), literal=True))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        start = self.source_offset()
        end = start + len(raw)
        if self.source.startswith(";", end):
            end += 1
        decoded = unescape(self.source[start:end])
        self._add(Run(decoded, start, end, literal=decoded == self.source[start:end]))

    def _add(self, run: Run) -> None:
        if run.text:
            self.runs.append(run)
            self.length += len(run.text)

    def _start_tag(self, tag: str) -> None:
        self._cut()
        self.start_tags.append((tag, self.source_offset()))
        if len(self.start_tags) > MAX_ELEMENTS:
            raise HtmlError(f"HTML with more than {MAX_ELEMENTS:,} elements")

    def _cut(self) -> None:
        if self.cuts[-1] != self.length:
            self.cuts.append(self.length)


@dataclass(slots=True)
class _Stream:
    """The page's text as the tokenizer read it: decoded characters, each mapped to its source offsets."""

    runs: list[Run]
    cuts: list[int]  # positions where markup cut the text
    start_tags: list[tuple[str, int]]
    text: str = ""
    positions: list[int] = field(default_factory=list)  # stream position of each run's first character

    def __post_init__(self) -> None:
        self.text = "".join(run.text for run in self.runs)
        position = 0
        for run in self.runs:
            self.positions.append(position)
            position += len(run.text)

    def source_start(self, position: int) -> int:
        i = bisect_right(self.positions, position) - 1
        run = self.runs[i]
        return run.start + (position - self.positions[i]) if run.literal else run.start

    def pieces(self, start: int, end: int) -> list[Run]:
        """The runs of stream characters start..end-1, cut to them."""
        pieces: list[Run] = []
        i = bisect_right(self.positions, start) - 1
        while i < len(self.runs) and self.positions[i] < end:
            run, base = self.runs[i], self.positions[i]
            low, high = max(start, base) - base, min(end, base + len(run.text)) - base
            if run.literal:
                pieces.append(Run(run.text[low:high], run.start + low, run.start + high, literal=True))
            else:  # a reference is never cut from its source: each of its characters maps to all of it
                pieces.append(Run(run.text[low:high], run.start, run.end, literal=False))
            i += 1
        return pieces

    def stretch(self, start: int, end: int) -> tuple[int, int]:
        """The positions of the cuts around stream characters start..end-1."""
        before, after = bisect_right(self.cuts, start) - 1, bisect_left(self.cuts, end)
        return self.cuts[before], self.cuts[after] if after < len(self.cuts) else len(self.text)

    def fills_stretch(self, start: int, end: int) -> bool:
        """True if only whitespace stands between characters start..end-1 and the cuts around them."""
        before, after = self.stretch(start, end)
        return not _NON_SPACE.search(self.text, before, start) and not _NON_SPACE.search(self.text, end, after)


@dataclass(slots=True)
class Alignment:
    """Where the tree's strings and tags stand in the HTML."""

    texts: dict[int, list[Run | int]] = field(default_factory=dict)  # id of a string -> its runs and word gaps
    offsets: dict[int, int] = field(default_factory=dict)  # id of a tag -> offset of its start tag
    dropped: list[str] = field(default_factory=list)  # strings not found exactly in the tokenizer's text
    depth: int = 0  # how deep the tree nests

    def add_text(self, string: NavigableString, builder: TextBuilder) -> None:
        for item in self.texts.get(id(string), ()):
            if isinstance(item, int):
                builder.gap(item)
            elif item.literal:
                builder.add(item.text, item.start)
            else:
                builder.add_decoded(item.text, item.start, item.end)

    def offset(self, tag: Tag) -> int:
        return self.offsets.get(id(tag), 0)


class _Aligner:
    """Finds the tree's strings, one after the other, in the tokenizer's text; each character is used once."""

    def __init__(self, stream: _Stream) -> None:
        self.stream = stream
        self.cursor = 0
        self._used_starts: list[int] = []
        self._used_ends: list[int] = []

    def align(self, string: str) -> list[Run | int] | None:
        """The runs and gaps of `string`; None if it is not in the text exactly."""
        core = string.strip()
        if not core:
            return [self.here()]
        start = self._find(core)
        if start is None:
            return None
        end = start + len(core)
        self._use(start, end)
        before, after = self.stream.stretch(start, end)
        items: list[Run | int] = []
        if string[0].isspace():  # its whitespace, as a gap at the first character of the whitespace
            items.append(self.stream.source_start(before if before < start else start))
        items.extend(self.stream.pieces(start, end))
        if string[-1].isspace():
            items.append(self.stream.source_start(end if end < after else end - 1))
        return items

    def here(self) -> int:
        """The offset where the text reads next (a gap for whitespace, or for a string that was dropped)."""
        text = self.stream.text
        return self.stream.source_start(min(self.cursor, len(text) - 1)) if text else 0

    def _find(self, core: str) -> int | None:
        start = self._search(core, self.cursor, len(self.stream.text))
        if start is not None:
            self.cursor = start + len(core)
            return start
        return self._search(core, 0, min(len(self.stream.text), self.cursor + len(core) - 1))  # a node lxml moved

    def _search(self, core: str, start: int, stop: int) -> int | None:
        text = self.stream.text
        position = text.find(core, start, stop)
        for _ in range(MAX_CANDIDATES):
            if position < 0:
                return None
            end = position + len(core)
            if self._free(position, end) and self.stream.fills_stretch(position, end):
                return position
            position = text.find(core, position + 1, stop)
        return None

    def _free(self, start: int, end: int) -> bool:
        i = bisect_right(self._used_starts, start) - 1
        if i >= 0 and self._used_ends[i] > start:
            return False
        return i + 1 >= len(self._used_starts) or self._used_starts[i + 1] >= end

    def _use(self, start: int, end: int) -> None:
        i = bisect_right(self._used_starts, start)
        self._used_starts.insert(i, start)
        self._used_ends.insert(i, end)


def scan(source: str) -> _Stream:
    """The page read by the tokenizer; raises HtmlError for a truncated page or one nested too deep."""
    scanner = _Scanner(source)
    scanner.feed(source)
    leftover = scanner.rawdata[scanner.rawdata.find("<") :] if "<" in scanner.rawdata else ""
    if leftover.lstrip().startswith("<") and leftover.strip() != "<":
        raise HtmlError("truncated HTML (the file ends inside a tag or comment)")
    scanner.close()
    if re.search(r"<html[\s>]", source, re.IGNORECASE) and not scanner.closed_html:
        raise HtmlError("truncated HTML (no closing </html> tag)")
    return _Stream(scanner.runs, scanner.cuts, scanner.start_tags)


@dataclass(slots=True)
class Page:
    soup: BeautifulSoup
    alignment: Alignment


def _read_page(source: str) -> Page:
    stream = scan(source)
    with warnings.catch_warnings():  # a short page that looks like a file name, an XHTML prolog: read all the same
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(source, "lxml")
    alignment = align(soup, stream)
    if alignment.depth > MAX_DEPTH:  # misnesting the tokenizer cannot see, which lxml turns into nesting
        raise HtmlError(f"HTML nested deeper than {MAX_DEPTH} elements")
    return Page(soup, alignment)


def read_page(source: str) -> Page:
    """The page's tree, its strings and tags aligned with `source`; raises HtmlError if it cannot be read
    (truncated, nested too deep, or markup the parser rejects)."""
    try:
        return _read_page(source)
    except (ParserRejectedMarkup, UnicodeEncodeError) as error:  # lxml takes no lone surrogates
        raise HtmlError(f"HTML the parser rejects ({type(error).__name__})") from error


def page_segments(page: Page) -> CleanText:
    """Segments of a page's main content, mapped to offsets in the decoded HTML it was read from."""
    collector = _Collector(page.alignment)
    for node in _content_roots(page.soup):
        collector.walk(node)
    collector.flush()
    return classify(collector.blocks, headings_from_text=False)


def align(soup: BeautifulSoup, stream: _Stream) -> Alignment:
    """Every string of the tree found in the tokenizer's text, in document order; every tag given an offset."""
    aligner = _Aligner(stream)
    alignment = Alignment(offsets={id(soup): 0})
    queues: dict[str, list[int]] = {}
    for name, offset in reversed(stream.start_tags):  # so that pop() gives each name's tags in source order
        queues.setdefault(name, []).append(offset)
    depths = {id(soup): 0}
    invented: list[Tag] = []  # tags lxml added, waiting for their first text
    for node in soup.descendants:
        if isinstance(node, Tag):
            depths[id(node)] = depth = depths[id(node.parent)] + 1
            alignment.depth = max(alignment.depth, depth)
            queue = queues.get(node.name)
            if queue:
                alignment.offsets[id(node)] = queue.pop()
            else:
                invented.append(node)
        elif _is_text(node):
            items = aligner.align(node)
            if items is None:
                alignment.dropped.append(str(node))
                items = [aligner.here()]
            alignment.texts[id(node)] = items
            first = next((item.start for item in items if isinstance(item, Run)), None)
            if invented and first is not None:
                _place_invented(invented, node, first, alignment)
    _place_invented(invented, None, 0, alignment)
    return alignment


def _place_invented(invented: list[Tag], string: PageElement | None, offset: int, alignment: Alignment) -> None:
    """Tags lxml added take the offset of the first text inside them (`string`, at `offset`), else their parent's."""
    ancestors = {id(parent) for parent in string.parents} if string is not None else set()
    for tag in invented:  # parents before children: a parent's offset is known when its child needs it
        inside = id(tag) in ancestors
        alignment.offsets[id(tag)] = offset if inside else alignment.offset(tag.parent)
    invented.clear()


def _is_text(node: PageElement) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)  # not a comment, doctype


def _attribute(tag: Tag, name: str) -> str:
    value = tag.get(name, "")
    return value if isinstance(value, str) else " ".join(value)  # class and a few others come as lists


def _hints(tag: Tag) -> set[str]:
    """Words of the class and id attributes ("share-buttons" -> share, buttons; "sr-only" -> sronly too)."""
    words: set[str] = set()
    for name in ("class", "id"):
        for value in _attribute(tag, name).lower().split():
            words.update(w for w in _HINT_SPLIT.split(value) if w)
            words.add(value.replace("-", "").replace("_", ""))
    return words


def _text_length(tag: Tag) -> int:
    return sum(
        len(child.strip()) if _is_text(child) else _text_length(child)
        for child in tag.children
        if _is_text(child) or (isinstance(child, Tag) and not _dropped(child, inside_content=True))
    )


def _content_roots(soup: BeautifulSoup) -> list[Tag]:
    """The page's main content: <main> (or role=main), else its largest <article>, else the whole page."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if isinstance(main, Tag):
        return [main]
    articles = soup.find_all("article")
    if articles:
        return [max(articles, key=_text_length)]
    return [soup]


def _dropped(tag: Tag, *, inside_content: bool) -> bool:
    if tag.name in DROP_TAGS or (tag.name in PAGE_FRAME_TAGS and not inside_content):
        return True
    if _attribute(tag, "role").lower() in DROP_ROLES or tag.has_attr("hidden"):
        return True
    if _attribute(tag, "aria-hidden").lower() == "true":
        return True
    # class/id hints; never on the page's frame elements (WordPress puts "comments-open" on <body>)
    return tag.name not in _NO_HINTS and bool(_hints(tag) & DROP_HINTS)


def _inside_content(tag: Tag) -> bool:
    return any(p.name in ("article", "main") or _attribute(p, "role") == "main" for p in tag.parents)


class _Collector:
    """Walks the content, cutting it into blocks at block elements."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.blocks: list[Block] = []
        self.builder = TextBuilder()

    def flush(self, kind: SegmentKind | None = None, reason: str = "") -> None:
        mapped = self.builder.mapped
        if mapped.length:
            self.blocks.append(Block([mapped.text], mapped, kind, reason))
        self.builder = TextBuilder()

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if not _dropped(child, inside_content=_inside_content(child)):
                    self._element(child)
            elif _is_text(child):
                self.alignment.add_text(child, self.builder)

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name in HEADING_TAGS:
            self._own_block(tag, SegmentKind.HEADING)
        elif name == "figcaption" or _hints(tag) & CAPTION_HINTS:
            self._own_block(tag, SegmentKind.BOILERPLATE, "photo caption")
        elif name == "tr":
            self.flush()
            row = self._row(tag)
            if row.mapped.length:
                self.blocks.append(row)
        elif name in ("br", "hr", "img"):
            self.builder.gap(self.alignment.offset(tag))
        elif name in BLOCK_TAGS:
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.walk(tag)

    def _own_block(self, tag: Tag, kind: SegmentKind, reason: str = "") -> None:
        """A heading or a caption: all its text is one block, whatever it nests (a credit <span>, a <p>)."""
        self.flush()
        self._cell_text(tag, self.builder)
        self.flush(kind, reason)

    def _cell_text(self, tag: Tag, builder: TextBuilder) -> None:
        for child in tag.children:
            if _is_text(child):
                self.alignment.add_text(child, builder)
            elif isinstance(child, Tag) and not _dropped(child, inside_content=True):
                if child.name in BLOCK_TAGS or child.name in ("br", "hr", "img"):
                    builder.gap(self.alignment.offset(child))
                self._cell_text(child, builder)

    def _row(self, row: Tag) -> Block:
        """A table row. Label and figure ("Detainees visited | 1,020,088") read as a statistic, figure first
        ("1,020,088 Detainees visited", each part still mapped to its own cell); other rows join cells with " | "."""
        cells: list[MappedText] = []
        for cell in (c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")):
            builder = TextBuilder()
            self._cell_text(cell, builder)
            if builder.mapped.length:
                cells.append(builder.mapped)
        if len(cells) == 2:
            texts = [c.text for c in cells]
            for figure, label in ((0, 1), (1, 0)):
                if is_figure_line(texts[figure]) and is_label(texts[label]):
                    joined = _join([cells[figure], cells[label]], " ")
                    return Block([joined.text], joined, SegmentKind.STATISTIC)
        if not cells:  # text straight inside <tr>, as a sloppy page may have it
            builder = TextBuilder()
            self._cell_text(row, builder)
            cells = [builder.mapped]
        joined = _join(cells, " | ")
        return Block([joined.text], joined)


def _join(parts: list[MappedText], separator: str) -> MappedText:
    """Parts joined by `separator`, whose characters map to the source gap between the parts they separate."""
    joined = MappedText()
    for part in parts:
        if joined.length:
            gap = joined.source_end(joined.length - 1)
            if part.to_source(0) < gap:  # put before a part that precedes it in the source: map into the gap between
                gap = part.source_end(part.length - 1)
            for char in separator:
                joined.append(char, gap)
        joined.extend(part)
    return joined
