"""Checks reused from translate-toolkit (pofilter's ``translate.filters.checks``).

* ``placeholders``: printf (``%(name)s``, ``%d``) and Python brace (``{name}``)
  placeholders, for entries flagged python-format / python-brace-format (the
  theme's and conf.py's strings in sphinx.po; MyST text has no placeholders,
  and ``{ref}`` is not one).  A date format (``%B %d, %Y``) is not printf: its
  translation may use other directives (ours);
* ``doubled-word``: a word written twice ("the the", "CCTV CCTV"), with the
  Chinese text spaced apart so that pofilter sees its words; plus our list of
  Chinese characters that are never doubled (的的, 被被).

pofilter's ``numbers`` check is not used: it flags correct 万/亿 renderings
and passes 1.216亿 for 1.216 billion (see ``numbers.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from translate.filters import checks as tt

from ..catalogs.markup import OBJECT
from ..catalogs.rules import DATE_DIRECTIVE, STRFTIME, is_date_format
from ..languages import HAN
from .registry import Message, Problem, content_check


@lru_cache(maxsize=8)
def _checker(language: str) -> tt.StandardChecker:
    return tt.StandardChecker(tt.CheckerConfig(targetlanguage=language))


def _failures(test, msgid: str, msgstr: str) -> list[str]:
    try:
        test(msgid, msgstr)
    except tt.FilterFailure as failure:
        return [str(m) for m in failure.messages]
    return []


# A date format (conf.py's today_fmt "%B %d, %Y", rules.is_date_format) is no printf
# format: its translation may reorder and change directives ("%Y年%-m月%-d日"); it is
# checked as a date format instead.


def date_format_problems(msgid: str, msgstr: str) -> list[str] | None:
    """None if *msgid* is no date format; else what is wrong with *msgstr* as one."""
    if not is_date_format(msgid):
        return None
    bad = sorted({f"%{d[-1]}" for d in DATE_DIRECTIVE.findall(msgstr) if d[-1] not in STRFTIME})
    if bad:
        return [f"{', '.join(bad)} is not a date directive (the English is a date format: "
                f"use %Y, %m, %d, %B, ...)"]
    if not DATE_DIRECTIVE.search(msgstr):
        return ["the English is a date format; the translation has no date directive (%Y, %m, %d, ...)"]
    return []


def placeholder_problems(language: str, flags: list[str], msgid: str, msgstr: str) -> list[str]:
    checker = _checker(language)
    found: list[str] = []
    if "python-format" in flags or "c-format" in flags:
        date = date_format_problems(msgid, msgstr)
        found += date if date is not None else _failures(checker.printf, msgid, msgstr)
    if "python-brace-format" in flags:
        found += _failures(checker.pythonbraceformat, msgid, msgstr)
    return found


# pofilter finds words between spaces; Chinese has none, so runs of Chinese
# characters and of other text are spaced apart first ("中央电视台CCTV CCTV报道"
# -> "中央电视台 CCTV CCTV 报道").  Chinese reduplication is often right (常常,
# 谢谢, 人人): only characters that are never doubled in correct text are looked
# for (的的, 在在, 被被, ...), ours.
_HAN_RUN = re.compile(f"([{HAN}]+)")
_NEVER_DOUBLED = re.compile(r"([的在与及为将把被并])\1")


def doubled_word_problems(language: str, msgid: str, msgstr: str) -> list[str]:
    checker = _checker(language)
    # the texts come without markup: nothing for pofilter's XML filter to strip, whose
    # regular expression is quadratic on a run of "<"
    msgid, msgstr = (text.replace("<", " ").replace(">", " ") for text in (msgid, msgstr))
    spaced = " ".join(_HAN_RUN.sub(r" \1 ", msgstr).split())
    found = _failures(checker.doublewords, msgid, spaced)
    if found and _failures(checker.doublewords, msgid, msgid) == found:
        found = []  # the English has the same repetition
    for match in _NEVER_DOUBLED.finditer(msgstr):
        found.append(f"'{match.group(1)}' is written twice ('{match.group(0)}')")
    return found


@content_check("placeholders", "%(name)s / {name} placeholders that differ from the English",
               "translate-toolkit (printf, pythonbraceformat) + msgfmt --check-format", order=50)
def find_placeholders(message: Message) -> Problem | None:
    found = placeholder_problems(message.language, message.entry.flags, message.msgid, message.msgstr)
    rejected = message.catalog.format_errors.get(message.entry.linenum, [])
    if not found and not rejected:
        return None
    advice = "keep the placeholders of the English (%(name)s, {name}), same names, same count"
    if rejected:
        advice += "; msgfmt rejects the catalog, so the build stops until this is fixed"
    return "; ".join(found or rejected), advice


@content_check("doubled-word", "a word written twice in a row", "translate-toolkit (doublewords)", order=60,
               waivable=True)
def find_doubled_words(message: Message) -> Problem | None:
    visible_id, visible_str = message.visible
    found = doubled_word_problems(message.language, visible_id.replace(OBJECT, " "), visible_str.replace(OBJECT, " "))
    return ("; ".join(found), "delete the repeated word") if found else None
