"""Size: a translation too large to parse or to set (the build's own rule,
``editions.catalogs.rules.size_problems``).  Its finding is the entry's only one:
nothing else is parsed or judged."""

from __future__ import annotations

from ..catalogs import rules
from .registry import Message, Problem, content_check


@content_check("size", "a translation over four times the English plus 200 characters, or with a word of "
               "over 80 letters", "ours (editions.catalogs.rules)", order=10, alone=True)
def find(message: Message) -> Problem | None:
    size = rules.size_problems(message.msgid, message.msgstr, message.language)
    return ("; ".join(size), "shorten it") if size else None
