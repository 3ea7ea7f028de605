"""Readers of the Chinese edition: a passage still in English (no msgstr, or a fuzzy one)
is labelled "not yet translated" in Chinese, in the site and in the PDF; the label is the
translator's text, escaped once, wherever it lands (editions.sphinxext.language_marks,
.parallel, .keyfigures)."""

from __future__ import annotations

import re

import polib
import pytest
from bs4 import BeautifulSoup

PARAGRAPH = "The Grand Canal runs through the sub-district."
LINK = "Read the [canal history](https://example.org/canal) online."
REF = "See {ref}`the other page <other>` for more."
PARALLEL = {"edition": "en-zh_CN"}
#: A translation of the mark with what HTML and TeX would read as markup (the catalog
#: guard takes it: no tag, entity, quote mark or brace of its own).
SPECIAL = r"尚未&翻译's \y #1 ~"


@pytest.fixture
def half_translated(sample):
    """The sample page with its heading and LINK untranslated, PARAGRAPH fuzzy, REF translated."""
    sample.catalog([polib.POEntry(msgid=PARAGRAPH, msgstr="大运河穿境而过。", flags=["fuzzy"]),
                    (REF, "更多内容见{ref}`另一页 <other>`。"), ("Figure", "指标")])
    sample.catalog({"Not yet translated": "尚未翻译"}, domain="sphinx")
    return sample


def test_each_untranslated_paragraph_is_labelled_in_chinese(half_translated) -> None:
    soup = BeautifulSoup(half_translated.build().page(), "html.parser")
    for english in (PARAGRAPH, "Read the canal history online."):  # fuzzy, then untranslated
        paragraph = next(p for p in soup.select("article p") if english in p.get_text())
        mark = paragraph.find(class_="untranslated-mark")
        assert (paragraph["lang"], mark.get_text(), mark["lang"]) == ("en", "尚未翻译", "zh-CN")
        assert "untranslated" in paragraph["class"]
        assert paragraph.get_text(" ", strip=True) == f"尚未翻译 {english}"  # first, then the English
    translated = next(p for p in soup.select("article p") if "另一页" in p.get_text())
    assert translated.find(class_="untranslated-mark") is None and not translated.get("lang")


def test_a_heading_is_labelled_in_the_body_not_in_its_title(half_translated) -> None:
    build = half_translated.build()
    soup, other = (BeautifulSoup(build.page(name), "html.parser") for name in ("index", "other"))
    for page, heading in ((soup, "article h1"), (other, "article h2")):
        heading = page.select_one(heading)
        assert heading["lang"] == "en" and "untranslated" in heading["class"]
        assert heading.find(class_="untranslated-mark").get_text() == "尚未翻译"
    # the window's title, the sidebar, the page's contents and the links to the page: the heading alone
    assert "尚未翻译" not in soup.title.get_text() + soup.select_one(".sidebar-tree").get_text()
    contents = other.select_one(".toc-tree").get_text()
    assert "Detail" in contents and "尚未翻译" not in contents
    assert "Other page" in soup.select_one(".related-pages").get_text()  # the link to the next page
    assert "尚未翻译" not in soup.select_one(".related-pages").get_text()


def test_the_pdf_labels_each_untranslated_paragraph(half_translated) -> None:
    tex = half_translated.build("latex").tex()
    mark = r"\DUrole{untranslated-mark}{\DUrole{language-zh-CN}{尚未翻译}} "
    assert mark + "The Grand Canal runs through the sub" in tex
    assert mark + "Read the " in tex
    assert r"\DeclareRobustCommand{\editionuntranslated}" in tex  # small and grey (latex.py)
    # not a heading's: its title is the contents', the bookmarks' and the running head's
    assert r"\section{Other page}" "\n" in tex and r"\subsection{Detail}" "\n" in tex


def test_the_pdf_sets_an_untranslated_paragraph_as_english(half_translated) -> None:
    """Its quotes, apostrophes and dashes in the Latin font, as the parallel edition's English
    column (xeCJK took them for full-width marks); its label keeps the edition's."""
    tex = half_translated.build("latex").tex()
    assert r"{\editionlatintext \DUrole{untranslated-mark}" in tex
    assert re.search(r"\{\\editionlatintext \\DUrole\{untranslated-mark\}.*?The Grand Canal runs through the "
                     r"sub\S*district\.\}", tex)
    assert r"\DeclareRobustCommand{\editionlatintext}" in tex and r"\edef\editionowntext" in tex
    assert r"\csname editionowntext\endcsname" in tex  # the label: the edition's marks
    assert r"\editionlatintext \DUrole{untranslated-mark}{\DUrole{language-zh-CN}{尚未翻译}} 更多" not in tex


@pytest.mark.parametrize("options", [{}, PARALLEL], ids=["zh_CN", "en-zh_CN"])
def test_the_label_is_escaped_once_in_html(sample, options) -> None:
    sample.catalog({"Not yet translated": SPECIAL}, domain="sphinx")
    page = sample.build(**options).page()
    marks = BeautifulSoup(page, "html.parser").select("article .untranslated-mark")
    assert marks and {mark.get_text() for mark in marks} == {SPECIAL}
    assert "尚未&amp;翻译" in page and "&amp;amp;" not in page and "&amp;#39;" not in page


@pytest.mark.parametrize("options", [{}, PARALLEL], ids=["zh_CN", "en-zh_CN"])
def test_the_label_is_escaped_once_in_tex(sample, options) -> None:
    sample.catalog({"Not yet translated": SPECIAL}, domain="sphinx")
    tex = sample.build("latex", **options).tex()
    assert r"{\DUrole{language-zh-CN}{尚未\&翻译's \textbackslash{}y \#1 \textasciitilde{}}}" in tex
    assert r"\textbackslash{}\&" not in tex and "&amp;" not in tex


def test_a_tag_in_the_label_is_refused_never_live(sample) -> None:
    sample.catalog({"Not yet translated": "尚未<b>翻译</b>"}, domain="sphinx")
    build = sample.gated()  # the gate stops the edition; behind it, the rules leave the entry out
    for said in (build.gate.warnings, build.warnings):
        assert re.search(r"sphinx\.po:\d+: \[safety\].* adds </b>, <b>", said), said  # at its line
    marks = BeautifulSoup(build.page(), "html.parser").select("article .untranslated-mark")
    assert marks and all(mark.get_text() == "Not yet translated" and not mark.find("b") for mark in marks)
