"""Readers: the PDF brochures, read back with poppler's tools and pypdf."""

from __future__ import annotations

import filecmp
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

import polib
import pytest
from fixtures.projects import built_once
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]

LANGUAGES = ["en", "zh_CN"]
EDITIONS = [*LANGUAGES, "en-zh_CN"]  # the parallel edition is a brochure of the same design
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
def test_a_brochure_of_a5_pages(pdfs: Path, language: str) -> None:
    # cover + text: the one page of source text makes 6 to 12 A5 pages, without a contents page
    reader = PdfReader(pdf_path(pdfs, language))
    assert 6 <= len(reader.pages) <= 12, len(reader.pages)
    for page in reader.pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == (420, 595)  # A5, mm: 148 x 210
    assert not re.search(r"\b(Contents|目录)\b", pdftotext(pdf_path(pdfs, language)))


#: The edition's date (conftest's SOURCE_DATE_EPOCH, 2026-01-01) and the year of its figures
#: (conf.py's edition_data_as_of), as each language writes them.
DATES = {"en": "January 1, 2026", "zh_CN": "2026年1月1日"}
AS_OF = {"en": "Figures as of 2018", "zh_CN": "数据截至2018年"}


def test_cover_page_has_title_subtitle_author_date_and_year_of_the_figures(pdfs: Path) -> None:
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8",
                            str(pdf_path(pdfs, "zh_CN")), "-"], capture_output=True, text=True).stdout
    assert squeeze(cover) == "米市巷街道概况杭州市拱墅区米市巷街道办事处2026年1月1日数据截至2018年"


def test_two_builds_are_byte_identical(pdfs: Path, project: Path, make) -> None:
    # A clean build of its own, in another folder, of the parallel brochure: it holds every
    # kind of element the other two have (both languages, cover and back cover, key figures,
    # chart, the tagged structure of each half), at a third of the cost of all three.
    make(project, "_build/.stamps/pdf-en-zh_CN")
    assert sorted(p.name for p in (project / "_build" / "pdf").glob("*.pdf")) == ["mishixiang-profile-en-zh_CN.pdf"]
    assert filecmp.cmp(pdf_path(pdfs, "en-zh_CN"), pdf_path(project / "_build" / "pdf", "en-zh_CN"), shallow=False)


@pytest.mark.parametrize(("language", "label"), [("en", "More than 1 million yuan"), ("zh_CN", "纳税超100万元")])
def test_tax_chart_is_drawn_in_the_brochure(pdfs: Path, language: str, label: str) -> None:
    text = pdftotext(pdf_path(pdfs, language))
    assert label in text and "133" in text
    # vector graphics: the page with the chart has no embedded image
    images = subprocess.run(["pdfimages", "-list", str(pdf_path(pdfs, language))], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert images == []


# -- The brochure's design, read back --------------------------------------------------------------

TITLES = {"en": "Mishixiang Sub-district Profile", "zh_CN": "米市巷街道概况"}
#: The running title, a line a language.
HEADERS = {"en": [TITLES["en"]], "zh_CN": [TITLES["zh_CN"]], "en-zh_CN": [TITLES["en"], TITLES["zh_CN"]]}
ALL = ("-f", "1", "-l", "99")


def pdftotext_page(path: Path, page: int, *options: str) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", *options, str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


class Word(NamedTuple):
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def words(path: Path, first: int = 1, last: int = 99) -> list[Word]:
    """Every word of pages *first* to *last* with its box, in points (pdftotext -bbox)."""
    xhtml = subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-bbox", "-enc", "UTF-8", str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    found = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=first):
        for word in page.iter(f"{XHTML}word"):
            box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            found.append(Word(number, word.text or "", *box))
    return found


XHTML = "{http://www.w3.org/1999/xhtml}"


def key_figures(language: str) -> list[tuple[str, str]]:
    """(label, number) of each figure of docs/data/key-figures.csv, in the edition's words."""
    import csv

    from editions.sphinxext.keyfigures import split_figure

    lines = (ROOT / "docs" / "data" / "key-figures.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    if language == "en":
        return [(row["label"], split_figure(row["figure"]).number) for row in rows]
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGS / "index.po"))}
    return [(po[row["label"]], split_figure(po[row["figure"]]).number) for row in rows]


@pytest.mark.parametrize("language", LANGUAGES)
def test_key_figures_are_large_numerals_on_the_first_pages(pdfs: Path, language: str) -> None:
    found = words(pdf_path(pdfs, language), 1, 2)
    body = sorted(w.height for w in found)[len(found) // 2]  # the text's usual height
    figures = key_figures(language)
    assert len(figures) == 7
    for label, number in figures:
        heights = [w.height for w in found if w.text == number]
        assert heights and max(heights) >= 20, (number, heights)  # points
        assert max(heights) >= 2 * body
        assert squeeze(label) in squeeze(" ".join(w.text for w in found)), label


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_panel_reads_figure_then_label(pdfs: Path, language: str) -> None:
    # the order of the text in the page (what a screen reader or a copy gets): words,
    # number and unit of a figure, then its label
    text = squeeze(pdftotext_page(pdf_path(pdfs, language), 2, "-raw"))
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGS / "index.po"))}
    figure = "Morethan3,000" if language == "en" else squeeze(po["More than 3,000"])
    label = "Enterprisesandinstitutions" if language == "en" else po["Enterprises and institutions"]
    assert figure + label in text


def text_pages(path: Path) -> list[int]:
    """The pages between the covers that hold text: not the blank pages before the back cover."""
    pages = int(pdfinfo(path)["Pages"])
    return [page for page in range(2, pages) if pdftotext_page(path, page).strip()]


@pytest.mark.parametrize("language", EDITIONS)
def test_running_header_and_page_numbers_on_every_page_but_the_covers(pdfs: Path, language: str) -> None:
    path = pdf_path(pdfs, language)
    pages = int(pdfinfo(path)["Pages"])
    for cover in (1, pages):  # the cover and the back cover: no header, no number
        assert not re.search(r"\d\s*/\s*\d", pdftotext_page(path, cover))
    shown = text_pages(path)
    assert shown == list(range(2, shown[-1] + 1))  # the text runs on; what blank pages there are, are at its end
    for page in shown:
        lines = [line.strip() for line in pdftotext_page(path, page, "-layout").splitlines() if line.strip()]
        for line, title in zip(lines, HEADERS[language], strict=False):  # the running title, top left
            assert line.startswith(title), (page, line)
        assert re.fullmatch(rf"{page}\s*/\s*{pages}", lines[-1]), (page, lines[-1])  # "3 / 7", bottom


@pytest.mark.parametrize(("language", "section"), [("en", ["Recent years"]), ("zh_CN", ["近年来的发展"]),
                                                   ("en-zh_CN", ["Recent years", "近年来的发展"])])
def test_the_running_header_names_the_section_in_the_editions_language(pdfs: Path, language: str,
                                                                      section: list[str]) -> None:
    path = pdf_path(pdfs, language)
    page = next(page for page in text_pages(path)  # the first page it heads
                if section[0] in pdftotext_page(path, page, "-layout").strip().splitlines()[0])
    header = pdftotext_page(path, page, "-layout").strip().splitlines()
    for line, title, name in zip(header[:len(section)], HEADERS[language], section, strict=True):  # a line each
        assert squeeze(line) == squeeze(title + name)


def test_the_parallel_cover_names_the_profile_in_both_languages(pdfs: Path) -> None:
    cover = [line.strip() for line in pdftotext_page(pdf_path(pdfs, "en-zh_CN"), 1, "-layout").splitlines()
             if line.strip()]
    assert " ".join(cover[:2]) == TITLES["en"] and cover[2:] == [  # the title wraps on the A5 page
        TITLES["zh_CN"], "Gongshu District, Hangzhou", "杭州市拱墅区",
        "Mishixiang Sub-district Office", "米市巷街道办事处",
        DATES["en"], DATES["zh_CN"], AS_OF["en"], AS_OF["zh_CN"]]


@pytest.mark.parametrize("language", ["en", "en-zh_CN"])
def test_the_cover_title_is_not_squeezed(pdfs: Path, language: str) -> None:
    # 26 pt bold sans: the font's own space (TeX Gyre Heros: 0.28 em), not one shrunk to
    # squeeze the line (it was 0.13 em in en) nor stretched (0.54 em in en-zh_CN)
    first, second = [w for w in words(pdf_path(pdfs, language), 1, 1) if w.text in ("Mishixiang", "Sub-district")][:2]
    size = first.height  # pdftotext's box of this font: the type size
    assert first.y_min == second.y_min and 0.25 <= (second.x_min - first.x_max) / size <= 0.32


@pytest.mark.parametrize("language", EDITIONS)
def test_no_heading_ends_a_page(pdfs: Path, language: str) -> None:
    # a section's or subsection's heading (12.5 pt and more) is never the last line of a
    # page's text: what it opens follows it
    path = pdf_path(pdfs, language)
    for page in text_pages(path):
        text = [w for w in words(path, page, page) if not re.fullmatch(r"\d+|/", w.text)]  # less "3 / 12"
        last = max(w.y_max for w in text)
        assert all(w.height < 12 for w in text if w.y_max > last - 3), (page, [w.text for w in text][-5:])


def headings(path: Path) -> list[tuple[int, float, str]]:
    """Each section's and subsection's heading (12.5 and 15 pt: not the 24 pt numerals of
    the key figures, nor the 10 pt subsubsections) of the text pages: (page, top, text
    with its words squeezed); a heading's lines, and a parallel one's two halves, are one
    heading.  Checked against the PDF's bookmarks."""
    titles = {squeeze(title) for title in outline_titles(PdfReader(path))}
    found: list[tuple[int, float, str]] = []
    lines: list[list[Word]] = []
    for word in sorted((w for w in words(path, 2, text_pages(path)[-1]) if 12 < w.height < 20),
                       key=lambda w: (w.page, w.y_max)):
        if lines and lines[-1][0].page == word.page and word.y_max - lines[-1][0].y_max < 3:
            lines[-1].append(word)  # the same line (a CJK half sits a point higher)
        else:
            lines.append([word])
    for line in lines:
        page = line[0].page
        text = squeeze("".join(w.text for w in sorted(line, key=lambda w: w.x_min)))
        top = min(w.y_min for w in line)
        if found and found[-1][0] == page and found[-1][2] not in titles and any(
                title.startswith(found[-1][2] + text) for title in titles):
            found[-1] = (page, found[-1][1], found[-1][2] + text)  # the next line of a heading that wraps
        else:
            found.append((page, top, text))
    assert [text for _page, _top, text in found if text not in titles] == []
    return found


@pytest.mark.parametrize("language", EDITIONS)
def test_the_running_head_names_the_section_in_force_at_the_top_of_the_page(pdfs: Path, language: str) -> None:
    # the section whose heading is at or above the top of the page's text: the heading
    # that opens the page, else the last one before the page; nothing before the first
    path = pdf_path(pdfs, language)
    found = headings(path)
    assert len(found) >= 8
    for page in text_pages(path):
        on_page = words(path, page, page)
        header_bottom = max(w.y_max for w in on_page if w.y_max < 80 and w.height < 9)  # 8 pt, over the rule
        body = [w for w in on_page if w.y_min > header_bottom and w.height > 9]
        opening = [text for p, top, text in found if p == page and top <= min(w.y_min for w in body) + 1]
        before = [text for p, _top, text in found if p < page]
        expected = opening[0] if opening else (before[-1] if before else "")
        middle = float(PdfReader(path).pages[page - 1].mediabox.width) / 2
        head = squeeze("".join(w.text for w in sorted((w for w in on_page if w.y_max <= header_bottom
                                                        and w.x_min > middle), key=lambda w: (w.y_min, w.x_min))))
        assert head == expected.replace("·", ""), (page, head, expected)


@pytest.mark.parametrize("language", EDITIONS)
def test_a_brochure_is_a_multiple_of_four_pages_ending_with_its_back_cover(pdfs: Path, language: str) -> None:
    # a folded sheet is four pages: the booklet needs no blank page of its own, and the back
    # cover is the last page; the blank pages (at most three) stand before it, after the text
    path = pdf_path(pdfs, language)
    pages = int(pdfinfo(path)["Pages"])
    assert pages % 4 == 0
    shown = text_pages(path)
    assert pages - 2 - len(shown) < 4
    for blank in range(shown[-1] + 1, pages):
        assert pdftotext_page(path, blank).strip() == ""
    assert "Published by" in pdftotext_page(path, pages) or "编印单位" in pdftotext_page(path, pages)


BACK_COVER = {  # what the back cover says: the title first
    "en": [TITLES["en"], "Gongshu District, Hangzhou", AS_OF["en"], "Published by", "Mishixiang Sub-district Office",
           "Edition", DATES["en"], "This profile is also published as an accessible web edition (HTML)."],
    "zh_CN": [TITLES["zh_CN"], "杭州市拱墅区", AS_OF["zh_CN"], "编印单位", "米市巷街道办事处", "印发日期",
              DATES["zh_CN"], "本概况另有无障碍网络版（HTML）。"],
}
BACK_COVER["en-zh_CN"] = BACK_COVER["en"][:1] + BACK_COVER["zh_CN"][:1] + BACK_COVER["en"][1:] + BACK_COVER["zh_CN"][1:]


@pytest.mark.parametrize("language", EDITIONS)
def test_the_back_cover_is_the_imprint_in_the_editions_languages(pdfs: Path, language: str) -> None:
    # no site address without SITE_URL (see test_the_back_cover_has_the_site_and_its_qr_code)
    path = pdf_path(pdfs, language)
    text = squeeze(pdftotext_page(path, int(pdfinfo(path)["Pages"])))
    title = "".join(squeeze(line) for line in BACK_COVER[language][:len(HEADERS[language])])
    assert text.startswith(title), text
    for line in BACK_COVER[language]:
        assert squeeze(line) in text, (line, text)
    assert "http" not in text and "Online" not in text and "网络版为" not in text


SITE = "https://example.org/mishixiang"


@pytest.fixture(scope="session")
def online_pdfs(built_project: Path, tmp_path_factory: pytest.TempPathFactory, make) -> Path:
    """The parallel brochure of a site whose address is known (make SITE_URL=...), built once
    a run: its back cover has both languages' lines; the address is the edition's."""
    def build(path: Path) -> None:
        shutil.copytree(built_project, path, symlinks=True)
        make(path, "_build/.stamps/pdf-en-zh_CN", SITE_URL=SITE)

    return built_once(tmp_path_factory, "online", build) / "_build" / "pdf"


@pytest.mark.parametrize("language", ["en-zh_CN"])
def test_the_back_cover_has_the_site_and_its_qr_code(online_pdfs: Path, tmp_path: Path, language: str) -> None:
    path = pdf_path(online_pdfs, language)
    last = int(pdfinfo(path)["Pages"])
    assert last % 4 == 0
    url = f"{SITE}/{language}/"  # this edition's home on the site
    text = squeeze(pdftotext_page(path, last))
    assert url in text  # (the address may wrap in its column)
    online = {"en": ["Online", "The online edition is accessible"], "zh_CN": ["网络版", "网络版为无障碍版本"]}
    for word in online.get(language, online["en"] + online["zh_CN"]):
        assert squeeze(word) in text, word
    assert "HTML" not in text  # the line for a site without an address is not there
    links = [annot.get_object()["/A"]["/URI"] for annot in PdfReader(path).pages[last - 1].get("/Annots", [])
             if annot.get_object().get("/A", {}).get("/URI")]
    assert links == [url]
    subprocess.run(["pdftoppm", "-f", str(last), "-l", str(last), "-r", "150", "-png", "-singlefile", str(path),
                    str(tmp_path / "back")], check=True)
    read = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "back.png")], capture_output=True, text=True)
    assert read.stdout.split() == [url], read.stderr  # a QR code of the address, that a phone reads


def test_the_parallel_brochure_has_the_key_figures_in_both_languages(pdfs: Path) -> None:
    # after the cover and the introduction's pairs: page 2 or 3
    found = words(pdf_path(pdfs, "en-zh_CN"), 1, 3)
    text = squeeze(" ".join(w.text for w in found))
    for (english, number), (chinese, _number) in zip(key_figures("en"), key_figures("zh_CN"), strict=True):
        heights = [w.height for w in found if w.text == number]
        assert heights and max(heights) >= 20, (number, heights)  # the English figure's number, large
        assert squeeze(english) in text and squeeze(chinese) in text
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGS / "index.po"))}
    assert squeeze(po["39,000"]) in text and squeeze(po["1.216 billion yuan"]) in text  # the Chinese figures too


def pixels(path: Path, page: int, box: Word) -> list[bytes]:
    """The colours (RGB) of the pixels in *box* on *page*, rendered at 72 dpi: a pixel a point."""
    x, y = int(box.x_min), int(box.y_min)
    ppm = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "72", "-x", str(x), "-y", str(y),
                          "-W", str(int(box.x_max) - x + 1), "-H", str(int(box.y_max) - y + 1), str(path)],
                         capture_output=True, check=True).stdout
    data = ppm.split(b"\n", 3)[3]  # P6, width height, 255, then the pixels
    return [data[i:i + 3] for i in range(0, len(data) - 2, 3)]


@pytest.mark.parametrize(("language", "heading"), [("en", "Recent"), ("zh_CN", "近年来的发展"), ("en-zh_CN", "Recent")])
def test_section_openers_are_in_the_brand_colour(pdfs: Path, language: str, heading: str) -> None:
    path = pdf_path(pdfs, language)
    word = next(w for w in words(path) if w.text == heading and w.height > 12)  # the heading, not the header
    inked = [p for p in pixels(path, word.page, word) if sum(p) < 450]  # the strokes, not their soft edges
    blue = [p for p in inked if p[2] - p[0] > 60]  # conf.py's edition_colour is #2B5D8A; black text has none
    assert len(inked) > 50 and len(blue) > 0.9 * len(inked), (len(blue), len(inked))


def body_lines(path: Path, page: int) -> list[Word]:
    """The lines of body text (10 pt) of *page*, top to bottom: pdftotext gives a line of
    Chinese as one word."""
    return sorted((w for w in words(path, page, page) if 9 < w.height < 11), key=lambda w: (w.y_max, w.x_min))


def test_chinese_lines_are_spaced_for_chinese_reading(pdfs: Path) -> None:
    # the lines of Chinese text are 1.5 characters apart or more (from one line's top to the next's)
    def leading(language: str) -> float:
        tops = sorted({round(w.y_min, 1) for w in body_lines(pdf_path(pdfs, language), 3)})
        steps = sorted(b - a for a, b in itertools.pairwise(tops) if b - a > 5)  # not a bullet beside its line
        return steps[len(steps) // 2]
    assert leading("zh_CN") >= 1.5 * 10
    assert leading("en") < 1.4 * 10  # English keeps its own


def test_no_chinese_paragraph_ends_with_one_character_alone(pdfs: Path) -> None:
    path = pdf_path(pdfs, "zh_CN")
    lonely, paragraphs = [], 0
    for page in text_pages(path):
        lines = body_lines(path, page)
        right = max(w.x_max for w in lines)
        for above, line in itertools.pairwise(lines):
            if above.x_max > right - 12 and 0 < line.y_max - above.y_max < 20:  # a full line, then the next
                paragraphs += 1
                text = re.sub(r"[\W_]", "", line.text)
                if len(text) == 1 and re.match(r"[\u4e00-\u9fff]", text):
                    lonely.append((page, above.text[-10:], line.text))
    assert paragraphs > 20 and lonely == []


def test_in_the_parallel_brochure_each_column_keeps_its_languages_paragraphs(pdfs: Path) -> None:
    # the Chinese indented two characters (CJK_BODY), the English set flush and ragged (its
    # column's settings stay in it: paracol's columns share the page's)
    found = [w for w in words(pdf_path(pdfs, "en-zh_CN"), 2, 2) if 9 < w.height < 11]
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGS / "index.po"))}
    intro = next(msgid for msgid in po if msgid.startswith("Located in the center"))
    first = next(w for w in found if w.text.startswith(po[intro][:6]))
    second = min((w for w in found if w.y_min > first.y_max and w.x_min > first.x_min - 40), key=lambda w: w.y_min)
    assert first.x_min - second.x_min > 15, (first, second)  # about 2 x 10 pt
    located = next(w for w in found if w.text == "Located")
    below = min((w for w in found if w.y_min > located.y_max and w.x_max < first.x_min - 20),
                key=lambda w: (w.y_min, w.x_min))
    assert abs(located.x_min - below.x_min) < 1, (located, below)
