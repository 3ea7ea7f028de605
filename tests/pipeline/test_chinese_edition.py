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
