"""Readers: the key figures at a glance, from one data file: cards in the site, a panel
of large numerals in the PDF, labels and figures translated through the page's catalog."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from editions.sphinxext.keyfigures import split_figure

DATA = ("# a comment for the editors\nlabel,figure\nArea,3.59 square kilometers\n"
        'Permanent population,"39,000"\nEnterprises,"More than 3,000"\n')
PAGE = "(sample)=\n# Sample page\n\n```{key-figures} data/figures.csv\n:name: figures\n```\n"
CHINESE = {"Area": "辖区面积", "3.59 square kilometers": "3.59平方公里", "Permanent population": "常住人口",
           "39,000": "3.9万人", "Enterprises": "企业", "More than 3,000": "超3000家"}


@pytest.fixture
def figured(sample):
    (sample.path / "data").mkdir()
    (sample.path / "data" / "figures.csv").write_text(DATA, encoding="utf-8")
    (sample.path / "index.md").write_text(PAGE + "\n```{toctree}\n:hidden:\n\nother\n```\n", encoding="utf-8")
    return sample


def cards(build) -> list[tuple[str, str, str]]:
    """(label, number, the figure's whole text) of each card."""
    panel = BeautifulSoup(build.page(), "html.parser").find("dl", class_="key-figures")
    return [(card.dt.get_text(), card.dd.find(class_="key-figure-number").get_text(), card.dd.get_text())
            for card in panel.find_all("div", class_="key-figure")]


@pytest.mark.parametrize(("text", "parts"), [
    ("3.59 square kilometers", ("", "3.59", " square kilometers")),
    ("39,000", ("", "39,000", "")),
    ("More than 3,000", ("More than ", "3,000", "")),
    ("More than 300 million yuan", ("More than ", "300", " million yuan")),
    ("3.9万人", ("", "3.9", "万人")),
    ("超3亿元", ("超", "3", "亿元")),
    ("１２．１６亿元", ("", "１２．１６", "亿元")),
    ("七个", ("", "七个", "")),  # no digits: all of it is the number
    ("  1954 \n", ("", "1954", "")),
])
def test_a_figure_is_words_number_words(text: str, parts: tuple[str, str, str]) -> None:
    assert split_figure(text)[:3] == parts


def test_cards_are_drawn_from_the_data_file(figured) -> None:
    build = figured.build(language="en")
    assert cards(build) == [("Area", "3.59", "3.59 square kilometers"), ("Permanent population", "39,000", "39,000"),
                            ("Enterprises", "3,000", "More than 3,000")]
    panel = BeautifulSoup(build.page(), "html.parser").find("dl", class_="key-figures")
    assert panel["id"] == "figures"
    assert "--edition-colour: #2B5D8A" in panel["style"]  # conf.py's edition_colour
    assert figured.path / "data" / "figures.csv" in build.app.env.dependencies["index"]  # a change rebuilds the page


def test_labels_and_figures_are_messages_of_the_page_catalog(figured) -> None:
    import polib

    build = figured.build("gettext", language="en")
    msgids = [e.msgid for e in polib.pofile(str(build.outdir / "index.pot"))]
    assert set(CHINESE) <= set(msgids)
    assert msgids.index("Area") + 1 == msgids.index("3.59 square kilometers")  # each label before its figure


def test_translated_figures_in_the_cards_and_the_pdf_panel(figured) -> None:
    figured.catalog(CHINESE)
    assert cards(figured.build()) == [("辖区面积", "3.59", "3.59平方公里"), ("常住人口", "3.9", "3.9万人"),
                                      ("企业", "3000", "超3000家")]
    tex = figured.build("latex").tex()
    assert r"\begin{editionkeyfigures}" in tex and r"\newenvironment{editionkeyfigures}" in tex
    assert r"\editionkeyfigure{\editionkfnumber{3.9}\editionkfwords{万人}}{常住人口}" in tex
    assert r"\editionkeyfigure{\editionkfwords{超}\editionkfnumber{3000}\editionkfwords{家}}{企业}" in tex


HOSTILE = 'label,figure\n"A </dt><script>alert(1)</script>",5\nB \\input{/etc/passwd},"7 {\\bf x} $y$"\n'


def test_labels_and_figures_stay_text_in_html_and_tex(figured) -> None:
    (figured.path / "data" / "figures.csv").write_text(HOSTILE, encoding="utf-8")
    page = figured.build(language="en").page()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    tex = figured.build("latex", language="en").tex()
    assert r"\input{/etc/passwd}" not in tex and r"\textbackslash{}input\{/etc/passwd\}" in tex
    assert r"\editionkfnumber{7}\editionkfspace{}\editionkfwords{\{\textbackslash{}bf x\} \$y\$}" in tex


def test_english_words_keep_their_spaces_in_the_pdf_panel(figured) -> None:
    tex = figured.build("latex", language="en").tex()
    assert (r"\editionkeyfigure{\editionkfwords{More than}\editionkfspace{}\editionkfnumber{3,000}}{Enterprises}"
            in tex)
    assert r"\editionkfnumber{3.59}\editionkfspace{}\editionkfwords{square kilometers}" in tex


BAD = {  # one page, four data files: one build
    "columns.csv": ("name,count\nx,1\n",
                    r"key figures data/columns\.csv: expected a CSV file with the columns label,figure"),
    "label.csv": ("label,figure\nArea,3.59\n,7\n", r"data/label\.csv:3: a figure without a label"),
    "digits.csv": ("# source: the office\nlabel,figure\nArea,3.59\nCommunities,seven\n",
                   r"data/digits\.csv:4: the figure 'seven' has no number in digits"),
    "empty.csv": ("label,figure\n", r"key figures data/empty\.csv has no rows"),
}


def test_a_bad_data_file_names_file_line_and_what_to_do(figured) -> None:
    page = "(sample)=\n# Sample page\n"
    for name, (data, _problem) in BAD.items():
        (figured.path / "data" / name).write_text(data, encoding="utf-8")
        page += f"\n```{{key-figures}} data/{name}\n```\n"
    (figured.path / "index.md").write_text(page + "\n```{toctree}\n:hidden:\n\nother\n```\n", encoding="utf-8")
    build = figured.build(language="en")
    for _data, problem in BAD.values():
        assert re.search(r"index\.md:\d+: .*" + problem, build.warnings), (problem, build.warnings)
    assert "key-figures" not in build.page()


# -- Translators' text, and the parallel edition -----------------------------------------------

# What a translator writes, as hostile as the safety check lets through: an HTML tag written
# as entities (text to Markdown: "<script>" reaches the writers), TeX's special characters.
# A TeX command or raw HTML never gets that far: the safety check leaves it out.
HOSTILE_MSGSTR = {"Area": "面积 &lt;script&gt;alert(1)&lt;/script&gt;",
                  "3.59 square kilometers": r"3.59 {平方} 公里 & 100% #1 ~ ^ _x a\b",
                  "Permanent population": r"人口 \\input{/etc/passwd}", "39,000": "3.9万人 <script>"}


@pytest.mark.parametrize("parallel", [False, True], ids=["zh_CN", "en-zh_CN"])
def test_a_translators_label_and_figure_stay_text_in_the_cards_and_the_panel(figured, parallel: bool) -> None:
    figured.catalog(HOSTILE_MSGSTR)
    options = {"edition": "en-zh_CN"} if parallel else {}
    build = figured.gated(**options)  # the gate stops it; behind it, what is used is text
    page = build.page()
    card = BeautifulSoup(page, "html.parser").select_one("dl.key-figures .key-figure")
    assert card.dt.get_text().endswith("面积 <script>alert(1)</script>")  # used, as text
    assert "<script>alert(1)" not in page and "面积 &lt;script&gt;alert(1)&lt;/script&gt;" in page
    for refused in ("Permanent population", "39,000"):  # a TeX command, raw HTML: the English shows
        line = next(n for n, text in enumerate(figured.catalog_path().read_text(encoding="utf-8").splitlines(),
                                               start=1) if text == f'msgid "{refused}"')
        line += 1  # its msgstr
        assert re.search(rf"index\.po:{line}: \[safety\] the translation of '{refused}' adds", build.warnings)
        assert re.search(rf"index\.po:{line}: \[safety\] .*adds", build.gate.warnings)
    tex = figured.gated("latex", **options).tex()
    assert r"\input{/etc/passwd}" not in tex and "人口" not in tex
    assert r"面积 <script>alert(1)</script>}" in tex  # no HTML in TeX: text as it is
    special = r"\{平方\} 公里 \& 100\% \#1 \~{} \^{} \_x a\textbackslash{}b}"
    # the translation's figure whole under the English one, or its words beside its number
    assert (r"\editionkfsecond{\editionlang{zh-CN}{3.59 " if parallel else r"\editionkfwords{") + special in tex


PARALLEL = {key: value for key, value in CHINESE.items() if key != "Enterprises"}  # one label untranslated


def parallel_build(figured, builder: str = "html"):
    figured.catalog(PARALLEL)
    figured.catalog({"Not yet translated": "尚未翻译"}, domain="sphinx")
    return figured.build(builder, edition="en-zh_CN")


def test_a_parallel_card_shows_label_and_figure_in_both_languages(figured) -> None:
    panel = BeautifulSoup(parallel_build(figured).page(), "html.parser").find("dl", class_="key-figures")
    shown = []
    for card in panel.find_all("div", class_="key-figure"):
        label = [(span["lang"], span.get_text()) for span in card.dt.find_all("span", recursive=False)]
        figure = [(span["lang"], span.get_text()) for span in card.dd.find_all("span", recursive=False)]
        shown.append((label, figure, card.dd.find(class_="key-figure-number").get_text()))
    assert shown[:2] == [
        (
            [("en", "Area"), ("zh-CN", "辖区面积")],
            [("en", "3.59 square kilometers"), ("zh-CN", "3.59平方公里")],
            "3.59",
        ),
        ([("en", "Permanent population"), ("zh-CN", "常住人口")], [("en", "39,000"), ("zh-CN", "3.9万人")], "39,000"),
    ]
    # untranslated: the English again, read as English, said to be so in Chinese
    untranslated = panel.find_all("div", class_="key-figure")[2].dt.find(class_="key-figure-second")
    assert "untranslated" in untranslated["class"] and untranslated["lang"] == "en"
    mark = untranslated.find(class_="untranslated-mark")
    assert (mark.get_text(), mark["lang"]) == ("尚未翻译", "zh-CN")
    assert untranslated.get_text(" ", strip=True) == "Enterprises 尚未翻译"


def test_the_parallel_pdf_panel_has_both_languages_under_one_large_number(figured) -> None:
    tex = parallel_build(figured, "latex").tex()
    # each half in its language (a Span with its /Lang in the tagged PDF)
    assert (r"\editionkeyfigure{\editionlang{en}{\editionkfnumber{39,000}}"
            r"\par\editionkfsecond{\editionlang{zh-CN}{3.9万人}}}"
            r"{\editionlang{en}{Permanent population}\par \editionlang{zh-CN}{常住人口}}") in tex
    assert (r"\editionkeyfigure{\editionlang{en}{\editionkfwords{More than}\editionkfspace{}\editionkfnumber{3,000}}"
            r"\par\editionkfsecond{\editionlang{zh-CN}{超3000家}}}{\editionlang{en}{Enterprises}"
            r"\par \editionlang{en}{Enterprises} \editionlang{zh-CN}{\editionkfuntranslated{尚未翻译}}}") in tex
    assert r"\begin{paracol}" not in tex[tex.index(r"\begin{editionkeyfigures}"):tex.index(r"\end{editionkeyfigures}")]


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_the_mark_of_an_untranslated_label_is_escaped_once(figured, builder: str) -> None:
    # the translator's words for the mark, with what HTML and TeX read as markup
    figured.catalog(PARALLEL)
    figured.catalog({"Not yet translated": r"尚未&翻译's \y #1"}, domain="sphinx")
    build = figured.build(builder, edition="en-zh_CN")
    if builder == "html":
        mark = BeautifulSoup(build.page(), "html.parser").select_one("dl.key-figures .untranslated-mark")
        assert mark.get_text() == r"尚未&翻译's \y #1" and "&amp;amp;" not in build.page()
    else:
        assert r"\editionkfuntranslated{尚未\&翻译's \textbackslash{}y \#1}" in build.tex()
