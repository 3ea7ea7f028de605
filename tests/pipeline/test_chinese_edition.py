"""Chinese readers: the whole text is translated, with every figure right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editions.catalogs import language_catalogs
from editions.catalogs.counts import count_catalog
from editions.project import load

ROOT = Path(__file__).resolve().parents[2]

CATALOGS = language_catalogs(ROOT / "locales", "zh_CN")


def test_there_is_a_catalog_per_page_and_for_the_interface() -> None:
    pages = set(load(ROOT).pages)
    assert {p.stem for p in CATALOGS} == pages | {"sphinx"}


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.name)
def test_catalog_is_fully_translated(catalog: Path) -> None:
    counts = count_catalog(catalog)
    assert (counts.fuzzy, counts.untranslated, counts.obsolete) == (0, 0, 0)
    assert counts.translated > 0


def text_of(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / "zh_CN" / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    return re.sub(r"\s+", "", soup.find("article").get_text())


@pytest.mark.parametrize(("page", "facts"), [
    ("index", ["3.59平方公里", "常住人口3.9万", "3000余家", "1954年", "7个社区", "12.16亿元", "超3亿元"]),
    ("economy", ["23幢", "12.16亿元", "3亿元", "5家企业纳税超1亿元", "9家企业纳税超5000万元",
                 "133家企业纳税超100万元", "25家企业纳税达1000万元", "8万平方米", "500强"]),
    ("environment", ["第十三届", "三改一拆", "五水共治", "河长制"]),
    ("livelihood", ["“6+N”", "“1+6”", "360度", "110", "连续举办20届", "近10万"]),
    ("party-building", ["近3000人"]),
    ("outlook", ["“十三五”"]),
])
def test_figures_reach_the_chinese_edition(site: Path, page: str, facts: list[str]) -> None:
    text = text_of(site, page)
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"{page}: {missing}"


def test_a_wrong_magnitude_would_show(site: Path) -> None:
    # 1.216 billion is 12.16亿, never 1.216亿: the English number must not leak through
    text = text_of(site, "economy")
    assert "1.216亿" not in text and "1.216" not in text


def test_every_termbase_term_is_used_consistently() -> None:
    import polib

    from editions.checks import terms

    termbase, problems = terms.load(ROOT / "locales" / "zh_CN" / "termbase.tsv")
    assert termbase is not None and not problems
    assert len(termbase.terms) >= 60
    used = set()
    inconsistent = []
    for catalog in CATALOGS:
        for entry in polib.pofile(str(catalog)).translated_entries():
            used.update(t.english for t in termbase.terms_in(entry.msgid))
            if found := terms.problem(termbase, entry.msgid, entry.msgstr):
                inconsistent.append(f"{catalog.name}:{entry.linenum}: {found[0]}")
    assert not inconsistent, "\n".join(inconsistent)
    # a termbase row that no message uses is a stale row
    assert {t.english for t in termbase.terms} - used == set()


def test_the_pages_say_what_year_the_content_describes(site: Path, pdfs: Path) -> None:
    """Review 2026-12 §1.9: the figures and the outlook are of 2018, said in both languages,
    on the site and in the PDFs, from one value (conf.py's edition_data_as_of)."""
    from editions.project import literal_settings

    year = literal_settings(ROOT / "conf.py")["edition_data_as_of"]
    assert year == "2018"
    for page in set((ROOT / "docs").glob("*.md")) - {ROOT / "docs" / "EDITORIAL.md"}:  # {as_of}, never the year
        assert "as of 2018" not in page.read_text(encoding="utf-8"), page
    zh = BeautifulSoup((site / "zh_CN" / "index.html").read_text(encoding="utf-8"), "html.parser")
    en = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert zh.select_one("p.key-figures-caption").get_text() == f"数据截至{year}年"
    assert en.select_one("p.key-figures-caption").get_text() == f"Figures as of {year}"
    assert f"均截至{year}年" in zh.select_one("p.as-of").get_text()
    assert f"are as of {year}." in en.select_one("p.as-of").get_text()
    assert f"以上展望为{year}年时所作" in text_of(site, "outlook")
    import subprocess

    for edition, words in (("zh_CN", [f"数据截至{year}年", f"均截至{year}年"]),
                           ("en", [f"Figures as of {year}", f"are as of {year}"])):
        text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdfs / f"mishixiang-profile-{edition}.pdf"), "-"],
                                                 capture_output=True, text=True, check=True).stdout)
        assert all(re.sub(r"\s+", "", w) in text for w in words), edition


def test_the_chart_says_the_tiers_are_cumulative(site: Path) -> None:
    """Review 2026-12 §1.7 and U7: the overlapping tiers are not to be added up; the text
    alternative is written as Chinese is (full-width marks, the unit)."""
    def rows(language: str) -> tuple[str, list[tuple[str, str]]]:
        page = BeautifulSoup((site / language / "economy.html").read_text(encoding="utf-8"), "html.parser")
        chart = page.select_one("figure.chart")  # a table: what a screen reader reads is its text
        return chart.figcaption.get_text(), [(row.th.get_text(), row.select_one(".chart-value").get_text())
                                             for row in chart.select("table.chart-table tr")]

    caption, zh = rows("zh_CN")
    assert "累计口径：各档均含更高档次的企业" in caption
    assert zh[:2] == [("纳税超1亿元", "5家"), ("纳税超5000万元", "9家")]  # the unit read with each value
    caption, en = rows("en")
    assert "cumulative tiers" in caption
    assert en[0] == ("More than 100 million yuan", "5 enterprises")
