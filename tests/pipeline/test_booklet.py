"""The office's printer: `make booklet` imposes each brochure's A5 pages two to an A4
landscape sheet, in the order that prints on both sides and folds into the brochure."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures.projects import built_once
from pypdf import PdfReader

from editions.publish.booklet import booklet_order

EDITIONS = ["en", "zh_CN", "en-zh_CN"]  # the parallel edition's brochure too


@pytest.fixture(scope="session")
def booklets(built_project: Path, tmp_path_factory: pytest.TempPathFactory, make) -> Path:
    """A copy of the built profile after `make booklet`, made once a run: its output."""
    def build(project: Path) -> None:
        shutil.copytree(built_project, project, symlinks=True)
        result = make(project, "booklet")
        assert sorted(line.split()[:2] for line in result.stdout.splitlines()) == sorted(
            [edition, "booklet"] for edition in EDITIONS), result.stdout

    return built_once(tmp_path_factory, "booklet", build)


BACK_COVER = ("Published by", "编印单位")  # the imprint is on the back cover (tests/pipeline/test_pdf.py)


def page_number(path: Path, page: int, half: str, pages: int = 0) -> int | None:
    """The page number ("3 / 7") printed on the left or right half of a booklet page, or
    None for a blank half; the cover, which has no number, is 1, and the back cover,
    which has none either, *pages*."""
    reader = PdfReader(path)
    width = float(reader.pages[page - 1].mediabox.width)
    x = 0 if half == "left" else int(width / 2)
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-x", str(x), "-y", "0", "-W",
                           str(int(width / 2)), "-H", "600", "-layout", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    if not text.strip():
        return None
    if any(word in text for word in BACK_COVER):
        return pages
    number = re.search(r"(\d+)\s*/\s*\d+\s*$", text.strip())
    return int(number.group(1)) if number else 1


@pytest.mark.parametrize("language", EDITIONS)
def test_the_booklet_is_the_brochure_on_a4_sheets_in_folding_order(booklets: Path, language: str) -> None:
    pdf = booklets / "_build" / "pdf"
    reading = PdfReader(pdf / f"mishixiang-profile-{language}.pdf")
    booklet_file = pdf / f"mishixiang-profile-{language}-booklet.pdf"
    booklet = PdfReader(booklet_file)
    pages = len(reading.pages)
    padded = -(-pages // 4) * 4
    assert len(booklet.pages) == padded // 2  # two A5 pages a side
    for page in booklet.pages:  # A4 landscape, mm: 297 x 210
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        assert page.get("/Rotate", 0) == 0
    printed = [page_number(booklet_file, side, half, pages) for side in range(1, len(booklet.pages) + 1)
               for half in ("left", "right")]
    blank = [page for page in range(1, pages + 1) if not reading.pages[page - 1].extract_text().strip()]
    assert printed == [None if page in blank else page for page in booklet_order(pages)]
    # the first sheet carries the first page and the back cover: the last page (a brochure
    # not designed to whole sheets would get blank pages after its last: 13 pages are 16
    # with 14, 15, 16 blank; the brochure's own blank pages are where it puts them)
    assert printed[1] == 1 and printed[0] == (pages if pages == padded else None)
    assert printed.count(None) == padded - pages + len(blank)
    assert sorted(p for p in printed if p) == [page for page in range(1, pages + 1) if page not in blank]
    assert "mishixiang-profile-" + language + "-booklet.pdf" not in {p.name for p in (booklets / "_build" / "html" /
                                                                                       "pdf").iterdir()}


@pytest.mark.parametrize("language", EDITIONS)
def test_a_booklet_adds_no_blank_page_and_ends_with_the_back_cover(booklets: Path, language: str) -> None:
    # the brochure is designed to a multiple of four pages (its blank pages, if any, stand
    # before its back cover): folded, its back cover is the booklet's, no empty paper after it
    pdf = booklets / "_build" / "pdf"
    pages = len(PdfReader(pdf / f"mishixiang-profile-{language}.pdf").pages)
    booklet_file = pdf / f"mishixiang-profile-{language}-booklet.pdf"
    assert pages % 4 == 0 and len(PdfReader(booklet_file).pages) == pages // 2
    assert page_number(booklet_file, 1, "left", pages) == pages and page_number(booklet_file, 1, "right") == 1


def test_booklets_are_byte_identical_when_made_again(booklets: Path, make, tmp_path: Path) -> None:
    booklets = Path(shutil.copytree(booklets, tmp_path / "project", symlinks=True))  # others read the shared one
    pdf = booklets / "_build" / "pdf"
    first = pdf / "mishixiang-profile-zh_CN-booklet.pdf"
    kept = pdf.parent / "kept.pdf"
    shutil.copy2(first, kept)
    first.unlink()
    (booklets / "_build" / ".stamps" / "booklet-zh_CN").unlink()
    make(booklets, "booklet", LANGUAGES="zh_CN")
    assert filecmp.cmp(first, kept, shallow=False)


def test_a_missing_brochure_is_built_first(built_copy: Path, make) -> None:
    (built_copy / "_build" / "pdf" / "mishixiang-profile-en.pdf").unlink()
    (built_copy / "_build" / ".stamps" / "pdf-en").unlink()
    result = make(built_copy, "booklet", LANGUAGES="en")
    assert [line.split()[:2] for line in result.stdout.splitlines()] == [["en", "PDF"], ["en", "booklet"]]
    assert (built_copy / "_build" / "pdf" / "mishixiang-profile-en-booklet.pdf").is_file()
