"""Checks reused from translate-toolkit (pofilter's ``translate.filters.checks``).

* ``placeholders``: printf (``%(name)s``, ``%d``) and Python brace (``{name}``)
  placeholders, for entries flagged python-format / python-brace-format (the
  theme's and conf.py's strings in sphinx.po; MyST text has no placeholders,
  and ``{ref}`` is not one);
* ``doubled-word``: a word written twice ("the the", "CCTV CCTV").

pofilter's ``numbers`` check is not used: it flags correct 万/亿 renderings
and passes 1.216亿 for 1.216 billion (see ``numbers.py``).
"""

from __future__ import annotations

from functools import lru_cache

from translate.filters import checks as tt


@lru_cache(maxsize=8)
def _checker(language: str) -> tt.StandardChecker:
    return tt.StandardChecker(tt.CheckerConfig(targetlanguage=language))


def _failures(test, msgid: str, msgstr: str) -> list[str]:
    try:
        test(msgid, msgstr)
    except tt.FilterFailure as failure:
        return [str(m) for m in failure.messages]
    return []


def placeholder_problems(language: str, flags: list[str], msgid: str, msgstr: str) -> list[str]:
    checker = _checker(language)
    found: list[str] = []
    if "python-format" in flags or "c-format" in flags:
        found += _failures(checker.printf, msgid, msgstr)
    if "python-brace-format" in flags:
        found += _failures(checker.pythonbraceformat, msgid, msgstr)
    return found


def doubled_word_problems(language: str, msgid: str, msgstr: str) -> list[str]:
    checker = _checker(language)
    found = _failures(checker.doublewords, msgid, msgstr)
    if found and _failures(checker.doublewords, msgid, msgid) == found:
        return []  # the English has the same repetition
    return found
