"""The progress page and badges (editions.publish.progress) on the tiny profile's catalogs,
in-process: what a hostile translator writes is text, a broken catalog is a row that says
why, and a badge's colour and percentage follow the counts.  (`make` builds them:
tests/pipeline/test_make_progress.py.)"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editions.catalogs.counts import CatalogCounts
from editions.project import load
from editions.publish import progress

TINY = Path(__file__).resolve().parents[1] / "roots" / "test-second-profile"
CATALOGS = Path("locales/en/LC_MESSAGES")
HOSTILE_NAME = "<img src=x onerror=alert(1)>.po"


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    monkeypatch.chdir(root)  # the commands run from the project's root
    return root


def _written(root: Path) -> tuple[BeautifulSoup, ET.Element]:
    progress.write(load(root), ["en"], root / "out")
    page = BeautifulSoup((root / "out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page, ET.parse(root / "out" / "en.svg").getroot()


def _revised(path: Path, value: str) -> None:
    """The catalog's PO-Revision-Date set to *value*, as a translator's tool writes it."""
    text = path.read_text(encoding="utf-8")
    start = text.index('"PO-Revision-Date:')
    end = text.index("\n", start)
    path.write_text(text[:start] + f'"PO-Revision-Date: {value}\\n"' + text[end:], encoding="utf-8")


def test_what_a_hostile_translator_writes_is_text(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visit = tiny / CATALOGS / "visit.po"
    shutil.copy(visit, tiny / CATALOGS / HOSTILE_NAME)  # a name the build refuses; the page names it
    _revised(visit, "<script>alert(2)</script>")
    (tiny / CATALOGS / "index.po").write_text('msgid "x\n<b onmouseover=alert(3)>\n', encoding="utf-8")

    page, _badge = _written(tiny)

    assert page.find("script") is None and page.find("b") is None
    assert [img["src"] for img in page.find_all("img")] == ["en.svg"]  # the badge, and nothing a name made
    assert str(CATALOGS / HOSTILE_NAME) in page.get_text()  # its row, the name as text
    assert any(HOSTILE_NAME in p.get_text() and "[catalog-file]" in p.get_text() for p in page.select("p.problem"))
    row = next(th for th in page.select("tbody th") if th.get_text() == str(CATALOGS / "visit.po")).find_parent("tr")
    assert row.select_one("td.revised").get_text() == "-"  # not a date: not shown
    broken = page.select_one("tr.unreadable")
    assert broken.th.get_text() == str(CATALOGS / "index.po")
    assert f"{CATALOGS / 'index.po'}:1: [catalog-syntax]" in broken.get_text()
    # make stats: the same rows; the broken catalog named, and a failure
    assert progress.print_stats(load(tiny), ["en"]) == 1
    assert f"{CATALOGS / 'index.po'}:1: [catalog-syntax]" in capsys.readouterr().out


def test_the_last_change_is_the_latest_revision_date(tiny: Path) -> None:
    for name, date in (("visit.po", "2026-03-01 10:00+0800"), ("index.po", "2026-02-27 23:00-0500")):
        _revised(tiny / CATALOGS / name, date)
    page, _badge = _written(tiny)
    assert page.select_one("section#en tfoot td.revised").get_text() == "2026-03-01"


def test_the_badge_says_the_share_and_is_an_image_with_a_title(tiny: Path) -> None:
    _page, svg = _written(tiny)
    ns = "{http://www.w3.org/2000/svg}"
    collected = progress.collect(load(tiny), "en")
    title = svg.findtext(f"{ns}title")
    assert svg.get("role") == "img" and svg.get("aria-label") == title
    assert title.startswith(f"English (en): {collected.percent} % translated, {collected.total.translated} of ")
    assert {t.text for t in svg.iter(f"{ns}text")} == {"translated en", f"{collected.percent} %"}
    assert int(svg.get("width")) > 100


@pytest.mark.parametrize(("translated", "untranslated", "percent", "colour"), [
    (10, 0, 100, "#4c1"), (999, 1, 99, "#97ca00"), (90, 10, 90, "#97ca00"), (89, 11, 89, "#dfb317"),
    (50, 50, 50, "#fe7d37"), (1, 2, 33, "#e05d44"), (0, 0, 100, "#4c1")])
def test_a_badge_rounds_down_and_takes_its_colour(translated: int, untranslated: int, percent: int,
                                                   colour: str) -> None:
    counts = CatalogCounts(Path("x.po"), translated=translated, untranslated=untranslated)
    language = progress.LanguageProgress("ja", [progress.CatalogProgress(Path("x.po"), counts)])
    assert language.percent == percent  # 99.9 % is not 100 %: something is left
    assert progress.colour(language.percent) == colour
