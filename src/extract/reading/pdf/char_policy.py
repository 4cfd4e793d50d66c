"""What a PDFium char reads as, and when it is rotated: the one policy that both run readers (`runs`) follow.

- A surrogate pair that PDFium reports as two chars becomes one char with the union of both boxes; a lone
  surrogate, a control char or an unmapped glyph that has ink becomes U+FFFD (without ink it is dropped).
- Line-end hyphens: PDFium marks a hyphen that ends a line (reports it as U+0002 or U+FFFE); it becomes "-", and so
  does a soft hyphen (U+00AD) that the PDF draws (`decoded`).
- Whitespace is ours: PDFium's generated "\\r\\n" are dropped (lines come from the boxes), its generated spaces and
  the PDF's own spaces become one " " between words; the PDF's own NBSP, narrow NBSP and thin space are kept
  inside a word, as in "3\\u202f000" (`KEEP_SPACES`). Only spaces and line breaks can be generated
  (`GENERATED_CODES`): other chars skip the question.
- Rotation: a char is rotated when its angle, turned by the page's /Rotate, is more than 0.02 rad from upright as
  displayed (`rotation_test`). A rotated run goes on while its chars are rotated, whatever their boxes, up to a line
  break; an upright run goes on while the geometry of two boxes says so. The angle is asked only where it can
  matter: of a run's first char, and of each char of a rotated run.
- Right-to-left letters (Hebrew, Arabic) step back in x within a word without starting a new run (`is_rtl`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

KEEP_SPACES = frozenset("\u00a0\u202f\u2009")  # kept inside a word ("3\u202f000")
HYPHEN_CODES = frozenset((0x02, 0x2D, 0xAD, 0xFFFE))
GENERATED_CODES = frozenset((0x20, 0x0A, 0x0D))
ASCII = [chr(u) for u in range(0x80)]

_PI2 = 2 * math.pi
_UPRIGHT = 0.02  # radians either side of upright


def decoded(code: int, index: int, is_hyphen: Callable[[int], bool]) -> str:
    """A char code that is no surrogate, as the text holds it: a hyphen PDFium marks (or a soft hyphen) as "-", a
    control char as a tab, a line break or U+FFFD, any other code as itself."""
    if code in HYPHEN_CODES and (code == 0xAD or is_hyphen(index)):
        return "-"
    if code < 0x20 or 0x7F <= code < 0xA0 or code in (0xFFFE, 0xFFFF):
        return "\t" if code == 0x09 else ("\n" if code in (0x0A, 0x0D) else "\ufffd")
    return chr(code)


def rotation_test(angle: Callable[[int], float], rotation: int) -> Callable[[int], bool]:
    """Whether char i is rotated as displayed, `angle(i)` its angle (PDFium's, radians) on a page of /Rotate
    `rotation` (clockwise degrees)."""
    turn = math.radians(rotation)

    def rotated(index: int) -> bool:
        return _UPRIGHT < (angle(index) + turn) % _PI2 < _PI2 - _UPRIGHT

    return rotated


def is_rtl(ch: str) -> bool:
    o = ord(ch)
    return 0x0590 <= o <= 0x08FF or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC
