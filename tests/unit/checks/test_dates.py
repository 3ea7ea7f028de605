"""make check: dates — a date format renders the date it is given, and a Chinese one
does not zero-pad month or day (GB/T 15835-2011).

sphinx.po translates the site's date formats (conf.py's today_fmt, html_last_updated_fmt):
2026年3月5日, never 2026年03月05日, so %-m and %-d, not %m and %d.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from editions.catalogs import rules
from editions.checks import dates, pofilter

ROOT = Path(__file__).resolve().parents[3]


def _interface(checks, msgid: str, msgstr: str, page: str = "sphinx") -> Path:
    return checks.write([checks.entry(msgid, msgstr, flags=("python-format",))], page=page,
                         termbase="english\tchinese\tkind\tnote\n")


@pytest.mark.parametrize("msgid, msgstr, expected, advice", [
    ("%B %-d, %Y", "%Y年%m月%d日", "%m: the month is zero-padded", "write %Y年%-m月%-d日"),
    ("%B %d, %Y", "%Y年%m月%d日", "%d: the day is zero-padded", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%Y年%-m月%d日", "%d: the day", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%Y年%m月%-d日", "%m: the month", "write %Y年%-m月%-d日"),
    ("%B %-d, %Y", "%y年%-m月%-d日", "%y: the year is cut", "write %Y年%-m月%-d日"),
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


# -- The date a format renders, read back (the build's rule too) ----------------------------------

@pytest.mark.parametrize("msgstr, expected", [
    ("%Y年%d月%-m日", "renders 30 November 2026 as 2026年30月11日 (day and month swapped)"),
    ("2026年1月1日", "renders 30 November 2026 as 2026年1月1日, and every other date too (a fixed text"),
    # right for one date only: the second known date gives it away
    ("2026年11月30日", "as 2026年11月30日, and every other date too"),
    ("2026年%-m月%-d日", "renders 5 March 2027 as 2026年3月5日 (its year reads 2026)"),
    ("%-m月%-d日", "renders 30 November 2026 as 11月30日 (it has no directive for the year, which the English"),
    ("%Y年%-m月", "as 2026年11月 (it has no directive for the day"),
    ("%Y年%-m月%e日", "as 2026年11月%e日 (%e: not one of Sphinx's date directives, printed as it is)"),
    ("%Y年%-m月%Q日", "(%Q: not one of Sphinx's date directives"),
    ("%Y年%-m月%_d日", "(%_d: not one of Sphinx's date directives"),
    ("%-d日%-m月%Y年", "as 30日11月2026年 (Chinese writes the year, the month, then the day)"),
    ("%d-%m-%Y", "as 30-11-2026 (Chinese writes the year"),
])
def test_a_date_format_that_renders_another_date_is_a_finding(checks, msgstr: str, expected: str) -> None:
    po = _interface(checks, "%B %-d, %Y", msgstr)
    finding = checks.run().only("dates")
    assert finding["line"] == checks.line_of(po, "%B %-d, %Y")
    assert expected in finding["message"] and finding["advice"] == "write %Y年%-m月%-d日", finding


@pytest.mark.parametrize("msgstr", ["%Y年%d月%-m日", "2026年1月1日", "%Y年%-m月%e日", "%-m月%-d日"])
def test_the_build_leaves_such_a_date_format_out(msgstr: str) -> None:
    found = rules.breaches("%B %-d, %Y", msgstr, True, None)
    assert [(b.rule, b.refused) for b in found] == [("dates", True)], found
    assert found[0].message.startswith("the translation renders ")  # "the translation of '%B %-d, %Y' renders …"


@pytest.mark.parametrize("msgid, msgstr", [
    ("%B %-d, %Y", "%Y年%-m月%-d日"),
    ("%B %d, %Y", "%Y-%m-%d"),
    ("%B %-d, %Y", "%Y年%B%-d日"),       # 2026年十一月30日: Babel's month name, still the date
    ("%B %Y", "%Y年%-m月"),
    ("%B %-d, %Y, %H:%M", "%Y年%-m月%-d日 %H:%M"),
    ("%H:%M", "%H:%M"),                  # no date, but not a fixed text: the known dates' times differ
])
def test_date_formats_that_render_the_date(msgid: str, msgstr: str) -> None:
    assert dates.problem("zh_CN", msgid, msgstr) is None
    assert rules.breaches(msgid, msgstr, True, None) == []


def test_the_project_date_formats_pass() -> None:
    catalog = polib.pofile(str(ROOT / "locales/zh_CN/LC_MESSAGES/sphinx.po"))
    formats = [e for e in catalog if rules.is_date_format(e.msgid) and e.msgstr]
    assert formats  # today_fmt, html_last_updated_fmt
    for entry in formats:
        assert dates.problem("zh_CN", entry.msgid, entry.msgstr) is None, entry
        assert rules.breaches(entry.msgid, entry.msgstr, True, None, language="zh_CN") == [], entry


@pytest.mark.parametrize("msgid, is_date", [
    ("%B %-d, %Y", True), ("%B %d, %Y", True), ("%Y", True), ("%H:%M", True),
    ("%d", False), ("%d pages", False), ("%s", False), ("%(last_updated)s", False), ("100%", False),
    ("%(name)s, %B", False),  # Sphinx would print %(name)s as it is: not one of ours
])
def test_one_definition_of_a_date_format(msgid: str, is_date: bool) -> None:
    assert rules.is_date_format(msgid) is is_date
    assert pofilter.is_date_format is rules.is_date_format
