"""Readers of the parallel brochure: each English paragraph and its Chinese start on
the same page, at the same height, the English on the left.

The pairs are read from the built parallel site (every paragraph and list item set
in two columns); their places from the PDF, with poppler's ``pdftotext -bbox``.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pytest
from bs4 import BeautifulSoup

from editions.project import load

PROJECT = load(Path(__file__).resolve().parents[2])
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)"')
LINE = 11.0  # points: one line of the brochure's body text, about


class Line(NamedTuple):
    page: int
    column: str  # "left" or "right"
    top: float
    text: str  # words joined by spaces (English is searched in it; Chinese with the spaces out)


def lines_of(pdf: Path) -> list[Line]:
    """Each page's lines of text, one column at a time, from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        middle = float(PAGE.match("<page " + page).group(1)) / 2
        rows: dict[tuple[str, float], list[tuple[float, str]]] = defaultdict(list)
        for x, y, word in WORD.findall(page):
            column = "left" if float(x) < middle else "right"
            # a CJK line sits a point higher than a Latin one: rows keyed to the point, merged below
            rows[(column, round(float(y)))].append((float(x), BeautifulSoup(word, "html.parser").text))
        for (column, top), words in sorted(rows.items()):
            found.append(Line(number, column, top, " ".join(w for _x, w in sorted(words))))
    return found


def pairs_of(page: Path) -> list[tuple[str, str]]:
    """(English, Chinese) of every pair the brochure sets in two columns: paragraphs and
    list items in the page's flow (in a table cell the two are set one under the other;
    a key figure is no pair: its card holds both, one under the other, see
    test_pdf.test_the_parallel_brochure_has_the_key_figures_in_both_languages)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    pairs = []
    for pair in soup.select("article div.parallel-pair"):
        if {a.name for a in pair.parents} & {"td", "th", "aside", "blockquote", "figure", "dl"}:
            continue
        if pair.find_parent(class_=re.compile(r"admonition|topic|sidebar")):
            continue
        # (inline markup, a link to the names glossary, is part of its line: no space around it)
        source, target = (" ".join(h.get_text().split()) for h in pair.select(":scope > div.parallel-half"))
        pairs.append((source, target))
    return pairs


QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
LIST_MARK = re.compile(r"^(?:[•–—-]|\d+\.|\(?[a-z0-9]\))\s*")  # a list item's bullet or number


def start(text: str, english: bool) -> str:
    """The first few words of an English text, or characters of a Chinese one: enough to
    find it, within the first line."""
    text = text.translate(QUOTES)
    if english:
        return " ".join(text.split()[:3])
    return re.sub(r"\s+", "", text)[:5]


def places(lines: list[Line], text: str, column: str, english: bool) -> list[Line]:
    wanted = start(text, english)
    found = []
    for line in lines:
        if line.column != column:
            continue
        words = LIST_MARK.sub("", line.text.translate(QUOTES))
        whole = (words if english else words.replace(" ", "")).startswith(wanted)
        # a narrow column's first line may hold fewer words than that (two at least), the
        # last one hyphenated: "National Harmonious", "Provincial Comprehensive Ad-"
        first_words = english and len(words.split()) >= 2 and wanted.startswith(words.removesuffix("-"))
        if whole or first_words:
            found.append(line)
    return found


@pytest.fixture(scope="module")
def parallel_lines(pdfs: Path) -> list[Line]:
    name = PROJECT.parallels_of(PROJECT.languages)[0]
    return lines_of(pdfs / PROJECT.pdf_name(name))


@pytest.mark.parametrize("name", PROJECT.pages)
def test_each_paragraph_and_its_translation_start_side_by_side(site: Path, parallel_lines: list[Line],
                                                               name: str) -> None:
    pairs = pairs_of(site / "en-zh_CN" / f"{name}.html")
    assert pairs, "no pair on the page"
    problems = []
    for english, chinese in pairs:
        left = places(parallel_lines, english, "left", english=True)
        right = places(parallel_lines, chinese, "right", english=False)
        if not left or not right:
            problems.append(f"not found in its column: {start(english, True)!r} / {start(chinese, False)!r}")
        elif not any(a.page == b.page and abs(a.top - b.top) < LINE for a in left for b in right):
            problems.append(f"apart: {start(english, True)!r} (p. {left[0].page}, {left[0].top} pt) / "
                            f"{start(chinese, False)!r} (p. {right[0].page}, {right[0].top} pt)")
    assert not problems, "\n".join(problems)


def test_the_key_figures_hold_both_languages_in_each_card_not_in_pairs(site: Path) -> None:
    # so no pair of the page is left out of the test above: the panel has none
    panel = BeautifulSoup((site / "en-zh_CN" / "index.html").read_text(encoding="utf-8"),
                          "html.parser").select_one("article dl.key-figures")
    cards = panel.select(".key-figure")
    assert len(cards) == 7 and not panel.select(".parallel-pair")
    assert all(card.select_one("dt > .key-figure-second[lang='zh-CN']") for card in cards)


# -- The English set as English ---------------------------------------------------------------

QUOTED = re.compile(r"“[^“”]*”|\w+’\w*")  # a quotation, an apostrophe
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def word_width(pdf: Path, text: str) -> float:
    """The width, in points, of the first word of *pdf* that is *text*."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = re.search(rf'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">{re.escape(text)}</word>',
                      html)
    assert found, text
    return float(found.group(2)) - float(found.group(1))


def test_the_english_column_has_the_english_editions_quotes(pdfs: Path, parallel_lines: list[Line]) -> None:
    # typographic quotes, an opening one before a word (not ”Brand districts…”, TeX's
    # reading of a straight quote), set in the English font (not xeCJK's full-width mark)
    english = " ".join(word for line in parallel_lines if line.column == "left" for word in line.text.split()
                       if not CJK.search(word))  # (a Chinese line's opening mark may hang into the left half)
    assert english.count("“") >= 10 and english.count("“") == english.count("”"), english.count("“")
    assert not re.search(r"”\w|\"", english), re.findall(r".{20}”\w+", english)
    assert abs(word_width(pdfs / PROJECT.pdf_name("en-zh_CN"), "“Brand")
               - word_width(pdfs / PROJECT.pdf_name("en"), "“Brand")) < 0.5
    chinese = " ".join(line.text for line in parallel_lines if line.column == "right")
    assert chinese.count("“") >= 10  # the Chinese column keeps its own


@pytest.mark.parametrize("name", PROJECT.pages)
def test_the_parallel_sites_english_has_the_english_editions_quotes(site: Path, name: str) -> None:
    def article(edition: str, selector: str) -> str:
        soup = BeautifulSoup((site / edition / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        return " ".join(" ".join(node.get_text(" ").split()) for node in soup.select(selector))

    english = article("en", "article p")
    halves = article("en-zh_CN", "article div.parallel-half[lang='en']")
    assert QUOTED.findall(halves) == QUOTED.findall(english) and '"' not in halves
