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
