"""Read an HTML page's main content into the same blocks as a text report, every character mapped to the raw HTML.

Why a small tree of our own on `html.parser` rather than a BeautifulSoup or lxml tree: a fact's span must point
into the page's decoded text itself (`html[span.start:span.end] == quote`), so every text character needs its
offset in the file. Neither library gives text offsets: bs4 (with its html.parser builder) records only the line
and column of start tags, lxml only a source line, and both rewrite the tree while building it (bs4 merges strings,
libxml2 moves misplaced nodes and silently cuts documents nested deeper than 256 elements), so mapping their text
nodes back to the file would be guesswork. `html.parser.HTMLParser` is the same tolerant tokenizer bs4 uses, and
with `convert_charrefs=False` it reports every text run and every character reference separately, with
`getpos()` at its first character. From those events we build a light tree (tag, attributes, offset, children;
text leaves with offsets), take the structural decisions on it (main content, what to drop, headings, tables),
and feed the text through `clean.TextBuilder`, which keeps the map: a reference such as `&amp;` maps to its
first character and remembers where it ends, so a quote running over tags or references is the raw HTML slice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from extract.clean import Block, CleanText, SegmentKind, TextBuilder, _is_figure_line, _is_label, classify
from extract.offsets import MappedText

MAX_DEPTH = 200  # deeper nesting is refused: no real report needs it, and it is a classic parser bomb
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
# A start tag closes these open elements first (the end tags HTML lets authors omit).
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
_NO_HINTS = frozenset({"html", "body", "main", "article"})
_HINT_SPLIT = re.compile(r"[\s_-]+")


class HtmlError(Exception):
    """An HTML page that cannot be read as a report (truncated, nested too deep); the message says why."""


@dataclass(slots=True)
class Text:
    decoded: str  # the text (a character reference decoded)
    start: int  # offset of its first character in the HTML
    end: int
    reference: bool  # a character reference (&amp; &#8217;) rather than literal text


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str]
    start: int
    parent: Element | None = None
    children: list[Element | Text] = field(default_factory=list)

    def hints(self) -> set[str]:
        """Words of the class and id attributes ("share-buttons" -> share, buttons; "sr-only" -> sronly too)."""
        words: set[str] = set()
        for name in ("class", "id"):
            for value in self.attrs.get(name, "").lower().split():
                words.update(w for w in _HINT_SPLIT.split(value) if w)
                words.add(value.replace("-", "").replace("_", ""))
        return words

    def iter(self, tag: str) -> list[Element]:
        found: list[Element] = []
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag:
                    found.append(child)
                found.extend(child.iter(tag))
        return found

    def text_length(self) -> int:
        return sum(
            len(c.decoded.strip()) if isinstance(c, Text) else c.text_length()
            for c in self.children
            if isinstance(c, Text) or not _dropped(c, inside_content=True)
        )


class _TreeBuilder(HTMLParser):
    """html.parser events -> Element tree with source offsets."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self.root = Element("#document", {}, 0)
        self.current = self.root
        self.depth = 0
        self.closed_html = False

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        while self.current.tag in _IMPLIED_END.get(tag, ()):
            self._pop()
        element = Element(tag, {k: v or "" for k, v in attrs}, self.source_offset(), self.current)
        self.current.children.append(element)
        if tag not in VOID_TAGS:
            self.current = element
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise HtmlError(f"HTML nested deeper than {MAX_DEPTH} elements")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.source_offset(), self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag == "html":
            self.closed_html = True
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None:
            return  # a stray end tag: ignored, as browsers do
        while self.current is not node:
            self._pop()
        self._pop()

    def _pop(self) -> None:
        if self.current.parent is not None:
            self.current = self.current.parent
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        start = self.source_offset()
        self.current.children.append(Text(data, start, start + len(data), reference=False))

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
        literal = decoded == self.source[start:end]  # an unknown name: the text stays as written
        self.current.children.append(Text(decoded, start, end, reference=not literal))


def parse(source: str) -> Element:
    """The page's tree; raises HtmlError for a truncated page or one nested too deep."""
    builder = _TreeBuilder(source)
    builder.feed(source)
    leftover = builder.rawdata[builder.rawdata.find("<") :] if "<" in builder.rawdata else ""
    if leftover.lstrip().startswith("<") and leftover.strip() != "<":
        raise HtmlError("truncated HTML (the file ends inside a tag or comment)")
    builder.close()
    if re.search(r"<html[\s>]", source, re.IGNORECASE) and not builder.closed_html:
        raise HtmlError("truncated HTML (no closing </html> tag)")
    return builder.root


def check(source: str) -> None:
    """Raise HtmlError if the page cannot be read (run at ingestion, so the failure names the file)."""
    parse(source)


def clean_html(source: str) -> CleanText:
    """Segments of an HTML page's main content, mapped to offsets in `source` (the decoded HTML)."""
    try:
        root = parse(source)
    except HtmlError:
        root = _TreeBuilder(source).root  # ingestion refuses such pages; cleaning never raises
    collector = _Collector()
    for node in _content_roots(root):
        collector.walk(node)
    collector.flush()
    return classify(collector.blocks, headings_from_text=False)


def _content_roots(root: Element) -> list[Element]:
    """The page's main content: <main> (or role=main), else its largest <article>, else the whole page."""
    mains = [e for e in root.iter("main")] or [e for e in _all(root) if e.attrs.get("role") == "main"]
    if mains:
        return mains[:1]
    articles = root.iter("article")
    if articles:
        return [max(articles, key=lambda a: a.text_length())]
    return [root]


def _all(node: Element) -> list[Element]:
    found: list[Element] = []
    for child in node.children:
        if isinstance(child, Element):
            found.append(child)
            found.extend(_all(child))
    return found


def _dropped(element: Element, *, inside_content: bool) -> bool:
    if element.tag in DROP_TAGS or (element.tag in PAGE_FRAME_TAGS and not inside_content):
        return True
    if element.attrs.get("role", "").lower() in DROP_ROLES or "hidden" in element.attrs:
        return True
    if element.attrs.get("aria-hidden", "").lower() == "true":
        return True
    # class/id hints; never on the page's frame elements (WordPress puts "comments-open" on <body>)
    return element.tag not in _NO_HINTS and bool(element.hints() & DROP_HINTS)


def _inside_content(element: Element) -> bool:
    node = element.parent
    while node is not None:
        if node.tag in ("article", "main") or node.attrs.get("role") == "main":
            return True
        node = node.parent
    return False


class _Collector:
    """Walks the content, cutting it into blocks at block elements."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.builder = TextBuilder()

    def flush(self, kind: SegmentKind | None = None, reason: str = "") -> None:
        mapped = self.builder.mapped
        if mapped.length:
            self.blocks.append(Block([mapped.text], mapped, kind, reason))
        self.builder = TextBuilder()

    def walk(self, node: Element) -> None:
        for child in node.children:
            if isinstance(child, Text):
                _add_text(self.builder, child)
            elif not _dropped(child, inside_content=_inside_content(child)):
                self._element(child)

    def _element(self, element: Element) -> None:
        tag = element.tag
        if tag in HEADING_TAGS:
            self._own_block(element, SegmentKind.HEADING)
        elif tag == "figcaption" or element.hints() & CAPTION_HINTS:
            self._own_block(element, SegmentKind.BOILERPLATE, "photo caption")
        elif tag == "tr":
            self.flush()
            row = _row(element)
            if row.mapped.length:
                self.blocks.append(row)
        elif tag in ("br", "hr", "img"):
            self.builder.gap(element.start)
        elif tag in BLOCK_TAGS:
            self.flush()
            self.walk(element)
            self.flush()
        else:
            self.walk(element)

    def _own_block(self, element: Element, kind: SegmentKind, reason: str = "") -> None:
        """A heading or a caption: all its text is one block, whatever it nests (a credit <span>, a <p>)."""
        self.flush()
        _cell_text(element, self.builder)
        self.flush(kind, reason)


def _add_text(builder: TextBuilder, text: Text) -> None:
    if text.reference:
        builder.add_decoded(text.decoded, text.start, text.end)
    else:
        builder.add(text.decoded, text.start)


def _cell_text(element: Element, builder: TextBuilder) -> None:
    for child in element.children:
        if isinstance(child, Text):
            _add_text(builder, child)
        elif not _dropped(child, inside_content=True):
            if child.tag in BLOCK_TAGS or child.tag in ("br", "hr", "img"):
                builder.gap(child.start)
            _cell_text(child, builder)


def _row(row: Element) -> Block:
    """A table row. Label and figure ("Detainees visited | 1,020,088") read as a statistic, figure first
    ("1,020,088 Detainees visited", each part still mapped to its own cell); other rows join cells with " | "."""
    cells: list[MappedText] = []
    for cell in (c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")):
        builder = TextBuilder()
        _cell_text(cell, builder)
        if builder.mapped.length:
            cells.append(builder.mapped)
    if len(cells) == 2:
        texts = [c.text for c in cells]
        for figure, label in ((0, 1), (1, 0)):
            if _is_figure_line(texts[figure]) and _is_label(texts[label]):
                joined = _join([cells[figure], cells[label]], " ")
                return Block([joined.text], joined, SegmentKind.STATISTIC)
    if not cells:  # text straight inside <tr>, as a sloppy page may have it
        builder = TextBuilder()
        _cell_text(row, builder)
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
