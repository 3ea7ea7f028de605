"""make progress: the translation progress page and a badge per language, built by `make`
from the catalogs alone, and saying what `make stats` says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import polib
from bs4 import BeautifulSoup

CATALOG = Path("locales/en/LC_MESSAGES/visit.po")  # the tiny profile is translated into English
SVG = "{http://www.w3.org/2000/svg}"


def _page(project: Path) -> BeautifulSoup:
    return BeautifulSoup((project / "_build/progress/index.html").read_text(encoding="utf-8"), "html.parser")


def _row(page: BeautifulSoup, catalog: Path) -> dict[str, str]:
    cell = next(th for th in page.select("tbody th[scope=row]") if th.get_text() == str(catalog))
    return {td["class"][0]: td.get_text() for td in cell.find_parent("tr").find_all("td")}


def _total(page: BeautifulSoup, language: str) -> dict[str, str]:
    return {td["class"][0]: td.get_text() for td in page.select(f"section#{language} tfoot td")}


def _badge(project: Path, language: str) -> tuple[str, list[str], str]:
    """The badge's title, its words, and the colour of its right half."""
    svg = ET.parse(project / "_build/progress" / f"{language}.svg").getroot()
    assert svg.get("role") == "img" and svg.get("aria-label") == svg.findtext(f"{SVG}title")
    words = list(dict.fromkeys(text.text for text in svg.iter(f"{SVG}text")))
    return svg.findtext(f"{SVG}title"), words, svg.findall(f"{SVG}g/{SVG}rect")[1].get("fill")


def _stats_row(out: str, name: str) -> list[int]:
    """translated, fuzzy, untranslated, obsolete, office of make stats' row *name*."""
    row = next(line for line in out.splitlines() if line.startswith(name))
    return [int(n) for n in row[len(name):].split()[:5]]


def _share(total: dict[str, str]) -> int:
    """The percentage a badge shows: translated of all messages, rounded down."""
    return 100 * int(total["translated"]) // sum(int(total[k]) for k in ("translated", "fuzzy", "untranslated"))


def _page_counts(cells: dict[str, str]) -> list[int]:
    return [int(cells[key]) for key in ("translated", "fuzzy", "untranslated", "obsolete", "office")]


def test_make_builds_the_page_and_a_fuzzy_entry_changes_it(built_second_profile: Path, make) -> None:
    project = built_second_profile
    page = _page(project)  # written by the shared build's `make`
    before = _row(page, CATALOG)
    assert (before["fuzzy"], before["untranslated"], before["office"]) == ("0", "0", "0")
    share_before = _share(_total(page, "en"))
    assert _badge(project, "en")[1] == ["translated en", f"{share_before} %"]
    assert page.select_one("section#en img")["src"] == "en.svg"

    # nothing changed: nothing done (a catalog touched but not changed is no change either)
    (project / CATALOG).touch()
    assert "progress" not in make(project, "progress").stdout

    # a translator's tool marks one entry fuzzy and another asks the office
    po = polib.pofile(str(project / CATALOG))
    translated = po.translated_entries()
    translated[0].flags.append("fuzzy")
    translated[1].tcomment = "review: ask the office: is it one bridge or two?"
    po.save()

    out = make(project, "progress").stdout
    assert out.startswith("progress _build/progress/index.html (en ")

    page = _page(project)
    after = _row(page, CATALOG)
    assert int(after["translated"]) == int(before["translated"]) - 1
    assert (after["fuzzy"], after["office"]) == ("1", "1")
    total = _total(page, "en")
    share = _share(total)
    assert share < share_before
    title, words, colour = _badge(project, "en")
    assert words == ["translated en", f"{share} %"]
    assert f"{share} % translated, {total['translated']} of " in title
    assert colour == "#e05d44"  # the tiny profile's interface is mostly untranslated: red
    assert "1 question in" in page.select_one("section#en p.summary").get_text()

    # make stats prints the same counts, per catalog and in all
    stats = make(project, "stats").stdout
    assert _stats_row(stats, str(CATALOG)) == _page_counts(after)
    assert _stats_row(stats, "en (all catalogs)") == _page_counts(total)

