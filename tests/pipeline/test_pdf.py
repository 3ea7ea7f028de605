"""Readers: the PDF brochures, read back with poppler's tools and pypdf."""

from __future__ import annotations

import filecmp
import re
import subprocess
from pathlib import Path

import polib
import pytest
from pypdf import PdfReader


ROOT = Path(__file__).resolve().parents[2]

LANGUAGES = ["en", "zh_CN"]
CATALOGS = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"


def pdf_path(pdfs: Path, language: str) -> Path:
    return pdfs / f"mishixiang-profile-{language}.pdf"


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def translation(catalog: str, msgid_start: str) -> str:
    po = polib.pofile(str(CATALOGS / f"{catalog}.po"))
    return next(e.msgstr for e in po if e.msgid.startswith(msgid_start))


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_brochures_exist_and_the_site_links_them(pdfs: Path, site: Path, language: str) -> None:
    assert pdf_path(pdfs, language).read_bytes().startswith(b"%PDF")
    page = site / language / "economy.html"
    href = re.search(r'class="pdf-link" href="([^"]+)"', page.read_text(encoding="utf-8")).group(1)
    target = (page.parent / href).resolve()
    assert target.name == f"mishixiang-profile-{language}.pdf"
    assert filecmp.cmp(target, pdf_path(pdfs, language), shallow=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_embedded(pdfs: Path, language: str) -> None:
    out = subprocess.run(["pdffonts", str(pdf_path(pdfs, language))], capture_output=True, text=True,
                         check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        emb = row[-5]  # columns: name type... encoding emb sub uni object ID
        assert emb == "yes", f"font {row[0]} is not embedded"
    if language == "zh_CN":
        assert any("CJK" in row[0] for row in rows)


def test_chinese_text_copies_out_as_chinese(pdfs: Path) -> None:
    text = squeeze(pdftotext(pdf_path(pdfs, "zh_CN")))
    for catalog, start in [("index", "Located in the center"), ("economy", "23 commercial buildings"),
                           ("outlook", "In the future")]:
        paragraph = squeeze(translation(catalog, start))
        assert len(paragraph) > 30, f"{catalog}: not translated"
        assert paragraph[:20] in text, f"{catalog}: {paragraph[:20]!r} not in the PDF text"
        assert paragraph[-15:] in text


def test_chinese_brochure_labels_are_chinese(pdfs: Path) -> None:
    path = pdf_path(pdfs, "zh_CN")
    text = pdftotext(path)
    assert "目录" in text
    for english in ("Contents", "Table", "Page", "Release", "Chapter", "Index"):
        assert not re.search(rf"\b{english}\b", text), f"English label {english!r} in the Chinese PDF"
    assert not re.search(r"图\s*1\s*:", text)  # "图1 标题", no English colon
    titles = outline_titles(PdfReader(path))
    assert titles and all(re.search(r"[\u4e00-\u9fff]", t) for t in titles), titles


def test_english_brochure_outline_is_english(pdfs: Path) -> None:
    titles = outline_titles(PdfReader(pdf_path(pdfs, "en")))
    assert "At a glance" in titles and "Solid economic foundation" in titles


@pytest.mark.parametrize(("language", "title", "author", "subject", "lang"), [
    ("en", "Mishixiang Sub-district Profile", "Mishixiang Sub-district Office", "Gongshu District, Hangzhou", "en"),
    ("zh_CN", "米市巷街道概况", "米市巷街道办事处", "杭州市拱墅区", "zh-CN"),
])
def test_metadata_per_edition(pdfs: Path, language: str, title: str, author: str, subject: str, lang: str) -> None:
    path = pdf_path(pdfs, language)
    info = pdfinfo(path)
    assert info["Title"] == title
    assert info["Author"] == author
    assert info["Subject"] == subject
    assert "Mishixiang" in info["Keywords"] or "米市巷" in info["Keywords"]
    assert PdfReader(path).trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_count_fits_a_brochure(pdfs: Path, language: str) -> None:
    # cover + contents/text: the one page of source text makes 4 to 6 A4 pages
    pages = int(pdfinfo(pdf_path(pdfs, language))["Pages"])
    assert 4 <= pages <= 6, pages


def test_cover_page_has_title_and_subtitle_only(pdfs: Path) -> None:
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8",
                            str(pdf_path(pdfs, "zh_CN")), "-"], capture_output=True, text=True).stdout
    assert squeeze(cover) == "米市巷街道概况杭州市拱墅区米市巷街道办事处"


def test_two_builds_are_byte_identical(pdfs: Path, project: Path, make) -> None:
    make(project, "pdf", LANGUAGES="zh_CN")  # a clean build of its own, in another folder
    assert filecmp.cmp(pdf_path(pdfs, "zh_CN"), pdf_path(project / "_build" / "pdf", "zh_CN"), shallow=False)


@pytest.mark.parametrize(("language", "label"), [("en", "More than 1 million yuan"), ("zh_CN", "纳税超100万元")])
def test_tax_chart_is_drawn_in_the_brochure(pdfs: Path, language: str, label: str) -> None:
    text = pdftotext(pdf_path(pdfs, language))
    assert label in text and "133" in text
    # vector graphics: the page with the chart has no embedded image
    images = subprocess.run(["pdfimages", "-list", str(pdf_path(pdfs, language))], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert images == []
