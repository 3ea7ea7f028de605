"""What changed in a message: a word-level diff of two texts.

Words of Latin-script languages are compared whole; every other character (a Chinese
character, a punctuation mark) is a word of its own, so that a diff of Chinese text
shows the characters that changed, not the whole sentence.  Spaces are kept, so the
pieces put together give back each text.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal, NamedTuple

_TOKEN = re.compile(r"[^\W\d_\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+(?:['’-]\w+)*|\d+(?:[.,]\d+)*|\s+|.",
                    re.UNICODE)


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
    matcher = difflib.SequenceMatcher(lambda token: token.isspace(), a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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
