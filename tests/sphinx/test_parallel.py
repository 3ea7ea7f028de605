"""Readers of both languages: the parallel edition sets each block beside its translation.

Built in-process from the sample's source and its catalog (no copy of the text), as
`make` builds en-zh_CN: -D edition=en-zh_CN (Sphinx builds in zh_CN).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

PARAGRAPH = "The Grand Canal runs through the sub-district."
LINK = "Read the [canal history](https://example.org/canal) online."
TRANSLATIONS = {"Sample page": "样例页面", PARAGRAPH: "大运河穿境而过。", "Figure": "指标", "Value": "数值",
                "Area": "面积"}


@pytest.fixture
def parallel(sample):
    sample.catalog(TRANSLATIONS)
    sample.catalog({"Not yet translated": "尚未翻译", "Sample Profile": "样例概况"}, domain="sphinx")
    return sample


def build(parallel, builder: str = "html"):
    return parallel.build(builder, edition="en-zh_CN")


def test_each_paragraph_beside_its_translation_each_half_in_its_language(parallel) -> None:
    page = BeautifulSoup(build(parallel).page(), "html.parser")
    pair = next(p for p in page.select("div.parallel-pair") if PARAGRAPH in p.text)
    source, target = pair.select(":scope > div.parallel-half")
    assert (source["lang"], source.get_text(strip=True)) == ("en", PARAGRAPH)
    assert (target["lang"], target.get_text(strip=True)) == ("zh-CN", "大运河穿境而过。")
    heading = page.select_one("article h1")
    assert [span["lang"] for span in heading.select("span.parallel-source, span.parallel-target")] == ["en", "zh-CN"]
    assert heading.select_one(".parallel-target").get_text() == "样例页面"
    assert "Sample Profile · 样例概况" in page.title.get_text()  # the window's title, too


def test_an_untranslated_message_is_said_to_be_so(parallel) -> None:
    page = BeautifulSoup(build(parallel).page(), "html.parser")
    pair = next(p for p in page.select("div.parallel-pair") if "canal history" in p.text)
    source, target = pair.select(":scope > div.parallel-half")
    assert "untranslated" in target["class"] and target["lang"] == "en"  # the source again, read as English
    assert target.select_one(".untranslated-mark").get_text() == "尚未翻译"
    assert target.select_one(".untranslated-mark")["lang"] == "zh-CN"
    assert "canal history" in source.text and "canal history" in target.text


def test_table_cells_hold_both_texts(parallel) -> None:
    page = BeautifulSoup(build(parallel).page(), "html.parser")
    cells = [cell.get_text(" ", strip=True) for cell in page.select("article table td, article table th")]
    assert "Area 面积" in cells and "Figure 指标" in cells


def test_the_switcher_offers_the_parallel_edition_and_it_links_back(parallel) -> None:
    page = BeautifulSoup(build(parallel).page(), "html.parser")
    links = {a["data-language"]: a["href"] for a in page.select("nav.edition-bar a.language-link")}
    assert links == {"en": "../en/index.html", "zh_CN": "../zh_CN/index.html"}
    # one choice, named by one message in the page's language (sphinx.po; the sample has no
    # translation of it: the English wording, the languages named in English)
    assert page.select_one("nav.edition-bar [aria-current]").get_text() == "English with Chinese"
    zh = BeautifulSoup(parallel.build(edition_languages=["en", "zh_CN"]).page(), "html.parser")
    assert {a["data-language"] for a in zh.select("nav.edition-bar a.language-link")} == {"en", "en-zh_CN"}


def test_the_pdf_source_sets_each_pair_in_two_columns(parallel) -> None:
    tex = build(parallel, "latex").tex()
    assert r"\usepackage{paracol}" in tex
    pair = tex.index("The Grand Canal runs through the sub")  # LaTeX writes the hyphen as \sphinxhyphen{}
    opened = tex.rindex(r"\begin{paracol}{2}", 0, pair)
    assert r"\end{paracol}" not in tex[opened:pair]  # inside an open pair of columns
    assert tex.index(r"\switchcolumn", pair) < tex.index("大运河穿境而过。", pair) < tex.index(r"\end{paracol}", pair)
    assert r"\title{Sample Profile · 样例概况}" in tex  # the cover's and the metadata's title: both
