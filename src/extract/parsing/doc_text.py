"""The text of a Doc, read once per component call.

`Doc.text` joins every token on each access: a rule that reads it once per figure costs the whole document per
figure (quadratic on a long flattened table). The quantity component keeps the text for the length of its call;
`doc_text` gives it to every rule module, and falls back on `Doc.text` outside that call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc

_KEY = "extract.doc_text"  # a lookup of one call, never a result: removed before the Doc leaves the component


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    return doc.text if text is None else text


@contextmanager
def text_held(doc: Doc) -> Iterator[str]:
    """The Doc's text, held for `doc_text` while the block runs (the Doc must not change meanwhile)."""
    text = doc.text
    doc.user_data[_KEY] = text
    try:
        yield text
    finally:
        doc.user_data.pop(_KEY, None)
