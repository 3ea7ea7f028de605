"""What changed in a message: a word-level diff of two texts, the one diff of the project.

Words of Latin-script languages are compared whole; every other character (a Chinese
character, a punctuation mark) is a word of its own, so that a diff of Chinese text
shows the characters that changed, not the whole sentence.  Spaces are kept, so the
pieces put together give back each text.  Two views, one tokenizer and one matcher:
``diff``, the pieces in reading order (the review view marks them), and ``word_diff``,
a line that quotes each changed word, whole, with a few words around it (``make
check``'s fuzzy finding; its words are the tokens between spaces).
"""

from __future__ import annotations

import difflib
import re
from typing import Literal, NamedTuple

from ..languages import CJK_CHARACTERS

_TOKEN = re.compile(rf"[^\W\d_{CJK_CHARACTERS}]+(?:['’-]\w+)*|\d+(?:[.,]\d+)*|\s+|.")


class Piece(NamedTuple):
    kind: Literal["same", "deleted", "inserted"]
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff(old: str, new: str) -> list[Piece]:
    """The pieces of *old* and *new* in reading order: same, deleted (in old only) and
    inserted (in new only); a replaced run is its deletion, then its insertion."""
    a, b = tokens(old), tokens(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            pieces.append(Piece("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Piece("deleted", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("inserted", "".join(b[j1:j2])))
    return _merged(pieces)


def _merged(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].kind == piece.kind:
            merged[-1] = Piece(piece.kind, merged[-1].text + piece.text)
        elif piece.text:
            merged.append(piece)
    return merged



def words(text: str) -> list[str]:
    """The words of *text* between spaces, each made of its tokens (``str.split``'s words)."""
    found, word = [], ""
    for token in tokens(text):
        if token.isspace():
            found += [word] if word else []
            word = ""
        else:
            word += token
    return [*found, word] if word else found


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """How *a* becomes *b*, token by token (or word by word): difflib, spaces as junk."""
    return difflib.SequenceMatcher(lambda token: token.isspace(), a, b, autojunk=False).get_opcodes()


def word_diff(old: str, new: str, context: int = 2, limit: int = 3) -> str:
    """What changed, whole words with *context* words around each change (*limit* changes
    at most), for a line of text: was: "…" / now: "…"."""
    a, b = words(old), words(new)
    was, now = [], []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            continue
        lo_a, hi_a = max(0, i1 - context), min(len(a), i2 + context)
        lo_b, hi_b = max(0, j1 - context), min(len(b), j2 + context)
        was.append(("…" if lo_a else "") + " ".join(a[lo_a:hi_a]) + ("…" if hi_a < len(a) else ""))
        now.append(("…" if lo_b else "") + " ".join(b[lo_b:hi_b]) + ("…" if hi_b < len(b) else ""))
        if len(was) >= limit:
            break
    if not was:
        return "only spacing changed"

    def clip(parts: list[str]) -> str:
        text = " | ".join(parts)
        return text if len(text) <= 160 else text[:159] + "…"

    return f'was: "{clip(was)}" / now: "{clip(now)}"'
