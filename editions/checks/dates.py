"""Date formats: the date the translation renders, and no zero-padded Chinese month or day.

``sphinx.po`` translates the site's date formats (``today_fmt``,
``html_last_updated_fmt``: ``%B %-d, %Y``).  First the build's own rule
(``rules.date_format_problem``): the format must render a known date as that
date, read back (not 2026年30月11日 for 30 November 2026, not a fixed
2026年1月1日, no directive Sphinx would print as it is, such as ``%e``).

Then GB/T 15835-2011: Chinese running text writes 2026年3月5日, never
2026年03月05日, so a Chinese date format that spells the date with 年/月/日
must use ``%-m`` and ``%-d`` (Sphinx turns them into Babel's ``M`` and ``d``),
not ``%m``/``%d``, and the full year ``%Y``, not ``%y``.  The all-digit form
with hyphens (``%Y-%m-%d``, 2026-03-05) may pad, as GB/T 15835-2011 and
ISO 8601 allow; it has no Chinese characters.
"""

from __future__ import annotations

from ..catalogs.rules import DATE_DIRECTIVE, date_format_problem, is_date_format
from ..languages import is_chinese
from .registry import INTERFACE, Message, Problem, content_check
from .typography import has_chinese

_PADDED = {
    "%m": ("%-m", "the month is zero-padded (2026年03月05日)"),
    "%d": ("%-d", "the day is zero-padded (2026年03月05日)"),
    "%y": ("%Y", "the year is cut to two digits"),
}


def problem(language: str, msgid: str, msgstr: str) -> tuple[str, str] | None:
    """What is wrong with *msgstr* as a date format (None if *msgid* is no date format)."""
    if not msgstr or not is_date_format(msgid):
        return None
    if wrong := date_format_problem(msgid, msgstr, language):
        return wrong  # the build leaves it out too
    if not is_chinese(language) or not has_chinese(msgstr):
        return None
    found = []
    for directive in dict.fromkeys(DATE_DIRECTIVE.findall(msgstr)):
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


@content_check("dates", "a date format in sphinx.po that renders another date (read back from two known dates: "
               "day and month swapped, a fixed date, a part of the English's dropped); in Chinese, a zero-padded "
               "month or day or a cut year (write %-m, %-d, %Y)", "Sphinx's format_date + ours (GB/T 15835-2011)",
               order=110, languages=("zh",), catalogs=INTERFACE)
def find(message: Message) -> Problem | None:
    return problem(message.language, message.msgid, message.msgstr)
