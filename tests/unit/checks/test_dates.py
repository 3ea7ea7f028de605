"""make check: dates — a Chinese date format does not zero-pad month or day (GB/T 15835-2011).

sphinx.po translates the site's date formats (conf.py's today_fmt, html_last_updated_fmt):
2026年3月5日, never 2026年03月05日, so %-m and %-d, not %m and %d.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editions.catalogs import rules
from editions.checks import pofilter


def _interface(checks, msgid: str, msgstr: str, page: str = "sphinx") -> Path:
    return checks.write([checks.entry(msgid, msgstr, flags=("python-format",))], page=page,
                         termbase="english\tchinese\tkind\tnote\n")


@pytest.mark.parametrize("msgid, msgstr, expected, advice", [
    ("%B %-d, %Y", "%Y年%m月%d日", "%m: the month is zero-padded", "write %Y年%-m月%-d日"),
    ("%B %d, %Y", "%Y年%m月%d日", "%d: the day is zero-padded", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%Y年%-m月%d日", "%d: the day", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%Y年%m月%-d日", "%m: the month", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%y年%-m月%-d日", "%y: the year is cut", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%Y年%-m月%e日", "%e (a space-padded day)", "write %Y年%-m月%-d日"),
])
def test_zero_padded_chinese_date_is_a_finding(checks, msgid: str, msgstr: str, expected: str,
                                               advice: str) -> None:
    po = _interface(checks, msgid, msgstr)
    status, findings = checks.run()
    finding = checks.only(findings, "dates")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert finding["file"] == "locales/zh_CN/LC_MESSAGES/sphinx.po"
    assert expected in finding["message"] and "GB/T 15835-2011" in finding["message"]
    assert advice in finding["advice"]


@pytest.mark.parametrize("msgid, msgstr", [
    ("%B %-d, %Y", "%Y年%-m月%-d日"),
    ("%B %d, %Y", "%Y年%-m月%-d日"),
    # the all-digit form may pad (GB/T 15835-2011, ISO 8601): 2026-03-05
    ("%B %-d, %Y", "%Y-%m-%d"),
    # not a date format: %d is a printf placeholder here
    ("%d pages", "%d页"),
])
def test_unpadded_chinese_date_passes(checks, msgid: str, msgstr: str) -> None:
    _interface(checks, msgid, msgstr)
    status, findings = checks.run()
    assert checks.errors(findings) == [] and status == 0, findings


def test_only_the_interface_catalog(checks) -> None:
    """Page text is MyST, not a date format (a page catalog has no strftime entries)."""
    _interface(checks, "%B %-d, %Y", "%Y年%m月%d日", page="economy")
    assert checks.errors(checks.run()[1], "dates") == []


@pytest.mark.parametrize("msgid, is_date", [
    ("%B %-d, %Y", True), ("%B %d, %Y", True), ("%Y", True), ("%H:%M", True),
    ("%d", False), ("%d pages", False), ("%s", False), ("%(last_updated)s", False), ("100%", False),
    ("%(name)s, %B", False),  # Sphinx would print %(name)s as it is: not one of ours
])
def test_one_definition_of_a_date_format(msgid: str, is_date: bool) -> None:
    assert rules.is_date_format(msgid) is is_date
    assert pofilter.is_date_format is rules.is_date_format
