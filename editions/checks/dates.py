"""Chinese date formats: no zero-padded month or day (GB/T 15835-2011).

``sphinx.po`` translates the site's date formats (``today_fmt``,
``html_last_updated_fmt``: ``%B %-d, %Y``).  Chinese running text writes
2026年3月5日, never 2026年03月05日, so a Chinese date format that spells the
date with 年/月/日 must use ``%-m`` and ``%-d`` (Sphinx turns them into Babel's
``M`` and ``d``), not ``%m``/``%d``, and the full year ``%Y``, not ``%y``.
``%e`` (a space-padded day) is not one of Sphinx's date directives: it would
show as "%e".  The all-digit form with hyphens (``%Y-%m-%d``, 2026-03-05) may
pad, as GB/T 15835-2011 and ISO 8601 allow; it has no Chinese characters.
"""

from __future__ import annotations

import re

from ..catalogs.rules import is_date_format
from .typography import has_chinese

_PADDED = {
    "%m": ("%-m", "the month is zero-padded (2026年03月05日)"),
    "%d": ("%-d", "the day is zero-padded (2026年03月05日)"),
    "%e": ("%-d", "%e (a space-padded day) is not a Sphinx date directive and would show as “%e”"),
    "%y": ("%Y", "the year is cut to two digits"),
}
_DIRECTIVE = re.compile(r"%[-_0^#]?[A-Za-z%]")


def problem(language: str, msgid: str, msgstr: str) -> tuple[str, str] | None:
    """What is wrong with *msgstr* as a Chinese date format (None if *msgid* is no date format)."""
    if not language.startswith("zh") or not msgstr or not is_date_format(msgid) or not has_chinese(msgstr):
        return None
    found = []
    for directive in dict.fromkeys(_DIRECTIVE.findall(msgstr)):
        if directive in _PADDED:
            found.append((directive, *_PADDED[directive]))
    if not found:
        return None
    fixed = msgstr
    for directive, replacement, _ in found:
        fixed = fixed.replace(directive, replacement)
    reasons = "; ".join(f"{d}: {why}" for d, _, why in found)
    return (f"{reasons}: Chinese writes 2026年3月5日 (GB/T 15835-2011)",
            f"write {fixed} ({', '.join(f'{r} for {d}' for d, r, _ in found)})")
