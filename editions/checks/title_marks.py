"""Book-title marks 《》 are for works only (GB/T 15834-2011, 4.15 and A.13).

A book, newspaper, film... takes 《》 (《人民日报》海外版).  Honours, awards,
courses, programmes, campaigns, activities and slogans are not works: they take
“” or no marks (首个“无违建街道”, 全市首批“美丽河道”, “育苗强苗”培养计划).  The
termbase says which is which: a term whose ``kind`` is in ``terms.NOT_WORKS``
(honour, campaign, programme, event, slogan) may not stand inside 《》 in a
Chinese translation; ``work`` may.  Only the visible text is looked at (not
inline code, not link targets).
"""

from __future__ import annotations

import re

from .registry import Message, Problem, content_check
from .terms import Termbase

_TITLE = re.compile(r"《([^《》]*)》")


def problem(termbase: Termbase, visible: str) -> tuple[str, str] | None:
    """What in *visible* (a translation's text) is a non-work in 《》, or None."""
    if "《" not in visible or not termbase.not_works:
        return None
    found = []
    for match in _TITLE.finditer(visible):
        inner = match.group(1)
        term = next((t for t in termbase.not_works if t.translation in inner), None)
        if term is not None:
            found.append((match.group(0), inner, term))
    if not found:
        return None
    listed = "; ".join(f"{title}: {term.translation} is {_article(term.kind)} {term.kind} "
                       f"({termbase.display}:{term.line}), not a work" for title, _, term in found)
    fixes = ", ".join(f"“{inner}”" for _, inner, _ in found)
    return (f"《》 around what is not a work: {listed} (GB/T 15834-2011 4.15: 《》 only for books, "
            "newspapers, films and other works)",
            f"write {fixes} or no marks (in a list item); if it really is a work, set its kind to "
            f"`work` in {termbase.display}")


def _article(kind: str) -> str:
    return "an" if kind in {"honour", "event"} or kind[:1] in "aeiou" else "a"


@content_check("title-marks", "《》 around a termbase term that is not a work (honour, campaign, programme, "
               "event, slogan): only works take 《》", "ours (termbase kinds; GB/T 15834-2011 4.15)",
               order=100, waivable=True, languages=("zh",), needs_termbase=True)
def find(message: Message) -> Problem | None:
    assert message.context.termbase is not None
    return problem(message.context.termbase, message.visible[1])
