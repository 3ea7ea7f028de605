"""Readers of every edition: the names glossary of the built profile holds every confirmed
name of the termbase, English and Chinese, and no pending one, on its page of each site
and in each brochure; the pages' links to it land on its rows."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editions.checks import terms
from editions.sphinxext.names_glossary import KIND_GROUPS

ROOT = Path(__file__).resolve().parents[2]
TERMBASE, _problems = terms.load(ROOT / "locales" / "zh_CN" / "termbase.tsv")
NAMES = [term for term in TERMBASE.terms if term.kind in KIND_GROUPS]
CONFIRMED = [(term.english, term.translation) for term in NAMES if not term.pending]
PENDING = [(term.english, term.translation) for term in NAMES if term.pending]
EDITIONS = ["en", "zh_CN", "en-zh_CN"]
#: The glossary page's title in the PDFs' text: its heading, then each of its pages' running head
TITLES = {"en": "Names in English and Chinese", "zh_CN": "中英文名称对照", "en-zh_CN": "中英文名称对照"}


CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_termbase_has_names_of_each_kind() -> None:
    assert len(CONFIRMED) > 20 and PENDING  # the tests below test something


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_confirmed_name_and_no_pending_one_on_the_glossary_page(site: Path, edition: str) -> None:
    article = BeautifulSoup((site / edition / "names.html").read_text(encoding="utf-8"), "html.parser").find("article")
    rows = {tuple(" ".join(cell.get_text().split()) for cell in row.find_all("td")) for row in article.find_all("tr")}
    rows.discard(())  # the heads
    assert set(CONFIRMED) <= rows
    english = {row[0] for row in rows}
    assert [name for name, _chinese in PENDING if name in english] == []
    assert len(rows) == len({english for english, _chinese in CONFIRMED})


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_link_to_the_glossary_lands_on_a_row(site: Path, edition: str) -> None:
    glossary = BeautifulSoup((site / edition / "names.html").read_text(encoding="utf-8"), "html.parser")
    linked = 0
    for page in (site / edition).glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select('article a[href^="names.html#"]'):
            row = glossary.find(id=link["href"].partition("#")[2]).find_parent("tr")
            assert squeeze(link.get_text()) in [squeeze(cell.get_text()) for cell in row.find_all("td")], link
            linked += 1
    assert linked > 30


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_confirmed_name_and_no_pending_one_in_the_brochure(pdfs: Path, edition: str) -> None:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs / f"mishixiang-profile-{edition}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    glossary = squeeze(text.partition(TITLES[edition])[2])  # from its heading (the first time) to the back cover
    # a long English name wraps, its Chinese on its last line, which pdftotext may read
    # between the two (a CJK line sits a point higher): the English is read without it
    latin = CJK.sub("", glossary)
    assert [english for english, _chinese in CONFIRMED if squeeze(english) not in latin] == []
    assert [chinese for _english, chinese in CONFIRMED if squeeze(chinese) not in glossary] == []
    assert [english for english, _chinese in PENDING if squeeze(english) in latin] == []
