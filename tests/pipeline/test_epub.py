"""Readers: the EPUB books, opened as a reader opens them (a zip of XML), from the
session's build of the profile (`make` builds them with the HTML and the PDFs)."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import pytest
from fontTools.ttLib import TTFont

from editions.sphinxext.epub_fonts import CJK

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ["en", "zh_CN", "en-zh_CN"]
TAGS = {"en": "en", "zh_CN": "zh-CN", "en-zh_CN": "zh-CN"}  # a parallel book's language is its translation's
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "c": "urn:oasis:names:tc:opendocument:xmlns:container", "x": "http://www.w3.org/1999/xhtml",
      "svg": "http://www.w3.org/2000/svg"}


class Book:
    """An EPUB: its package document (OPF) and its files, by their paths in the zip."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path)
        container = ElementTree.fromstring(self.zip.read("META-INF/container.xml"))
        self.opf_path = container.find(".//c:rootfile", NS).get("full-path")
        self.opf = ElementTree.fromstring(self.zip.read(self.opf_path))
        self.base = PurePosixPath(self.opf_path).parent

    def read(self, href: str) -> bytes:
        return self.zip.read(str(self.base / href))

    def metadata(self, name: str) -> list[str]:
        return [element.text for element in self.opf.findall(f"opf:metadata/dc:{name}", NS)]

    @property
    def manifest(self) -> dict[str, ElementTree.Element]:
        return {item.get("id"): item for item in self.opf.findall("opf:manifest/opf:item", NS)}

    @property
    def spine(self) -> list[str]:
        """The hrefs of the reading order (linear items)."""
        manifest = self.manifest
        return [manifest[ref.get("idref")].get("href") for ref in self.opf.findall("opf:spine/opf:itemref", NS)
                if ref.get("linear") != "no"]

    def page(self, href: str) -> ElementTree.Element:
        return ElementTree.fromstring(self.read(href))


def epubcheck(book: Path) -> subprocess.CompletedProcess[str]:
    """The W3C's validator (debian-packages.txt, test group).  Debian's /usr/bin/epubcheck is
    a link to the jar itself: run with java.  A one-shot run needs no optimising compiler
    nor a parallel collector: with them the JVM spends 7 s of CPU a book, without them 3."""
    found = shutil.which("epubcheck")
    assert found, "epubcheck is not installed: apt-get install epubcheck (debian-packages.txt, test group)"
    return subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(Path(found).resolve()),
                           "--quiet", str(book)], capture_output=True, text=True)


def text_of(element: ElementTree.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


@pytest.fixture(scope="module")
def books(built_project: Path) -> dict[str, Book]:
    return {name: Book(built_project / "_build" / "epub" / f"mishixiang-profile-{name}.epub") for name in EDITIONS}


def reading_order(site: Path, edition: str) -> list[str]:
    """The site's pages in their toctree order: from the front page, each page's "next"."""
    pages, page = [], "index"
    while page:
        pages.append(page)
        html = (site / edition / f"{page}.html").read_text("utf-8")
        found = re.search(r'<link rel="next"[^>]*href="([^"]+)\.html"', html)
        page = found.group(1) if found else ""
    return pages


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_zip_is_an_epub_and_its_metadata_the_editions(books: dict[str, Book], site: Path, edition: str) -> None:
    book = books[edition]
    first = book.zip.infolist()[0]  # a reader finds the type in the first, uncompressed entry
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert book.zip.read("mimetype") == b"application/epub+zip"
    assert book.opf.get("version") == "3.0"
    assert book.metadata("language") == [TAGS[edition]]
    # the title in the edition's language, as its site's pages have it
    site_title = re.search(r'<meta property="og:site_name" content="([^"]+)"',
                           (site / edition / "index.html").read_text("utf-8"))
    title = book.metadata("title")
    assert len(title) == 1 and title[0]
    if edition != "en-zh_CN":
        assert title[0] == site_title.group(1).replace("&amp;", "&")
    else:  # both titles, source first
        assert title[0] == f"{books['en'].metadata('title')[0]} · {books['zh_CN'].metadata('title')[0]}"
    assert book.metadata("identifier") == [f"mishixiang-profile-{edition}"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_spine_is_the_cover_then_the_toctree_order(books: dict[str, Book], site: Path, edition: str) -> None:
    book = books[edition]
    assert book.spine == ["epub-cover.xhtml", *(f"{page}.xhtml" for page in reading_order(site, edition))]
    assert len(book.spine) == 8 and book.spine[-1] == "names.xhtml"  # the cover, six pages, the names glossary
    # the cover: an image of the manifest, named by the book's title for a screen reader
    cover_id = book.opf.find("opf:metadata/opf:meta[@name='cover']", NS).get("content")
    cover = book.manifest[cover_id]
    assert cover.get("media-type") == "image/svg+xml"
    image = book.page("epub-cover.xhtml").find(".//x:img", NS)
    assert image.get("src") == cover.get("href") and image.get("alt") == book.metadata("title")[0]
    svg = ElementTree.fromstring(book.read(cover.get("href")))
    assert svg.find("svg:title", NS).text == book.metadata("title")[0]
    assert svg.find(".//svg:text", NS) is None and len(svg.findall("svg:path", NS)) >= 3  # outlines: no font needed


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_script_and_no_link_to_the_site(books: dict[str, Book], edition: str) -> None:
    book = books[edition]
    assert not [name for name in book.zip.namelist() if name.endswith(".js")]
    for item in book.manifest.values():
        if item.get("media-type") == "application/xhtml+xml":
            page = book.read(item.get("href")).decode("utf-8")
            assert "<script" not in page and "edition-bar" not in page and "hreflang" not in page


def test_the_chinese_book_has_the_chinese_text(books: dict[str, Book], site: Path) -> None:
    book = books["zh_CN"]
    for page in reading_order(site, "zh_CN"):
        html = (site / "zh_CN" / f"{page}.html").read_text("utf-8")
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)).strip().rstrip("¶")
        content = book.page(f"{page}.xhtml")
        assert CJK.search(heading) and text_of(content.find(".//x:h1", NS)) == heading
        # the language a reader picks its fonts and voice by
        assert content.get("lang") == "zh-CN" and content.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    first = text_of(book.page("index.xhtml").find(".//x:p", NS))
    assert first.startswith("米市巷街道地处杭州市中心")


def site_part(site: Path, edition: str, page: str, tag: str, selector: str) -> ElementTree.Element:
    html = (site / edition / f"{page}.html").read_text("utf-8")
    return ElementTree.fromstring(re.search(rf'<{tag} class="{selector}[^"]*".*?</{tag}>', html, re.S).group(0))


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_key_figures_are_the_sites(books: dict[str, Book], site: Path, edition: str) -> None:
    """Drawn by the same code as the site's cards: the same text."""
    found = [e for e in books[edition].page("index.xhtml").iter() if "key-figures" in (e.get("class") or "").split()]
    assert len(found) == 1
    assert text_of(found[0]) == text_of(site_part(site, edition, "index", "dl", "key-figures"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_chart_is_an_image_with_its_text_alternative(books: dict[str, Book], site: Path, edition: str) -> None:
    """The site's chart (a table: a row a bar) as an image whose alternative text says each
    bar's label and value in order, the caption under it as text; the image's text outlines."""
    book = books[edition]
    figure = next(e for e in book.page("economy.xhtml").iter() if "chart" in (e.get("class") or "").split())
    table = site_part(site, edition, "economy", "figure", "chart")
    assert text_of(figure.find("x:figcaption", NS)) == text_of(table.find("figcaption"))
    image = figure.find("x:img", NS)
    alt, src = image.get("alt"), image.get("src")
    rows = table.findall(".//tr")
    assert len(rows) == 4
    at = 0
    for row in rows:  # each label's halves, then its value, in the order of the bars
        for half in [text_of(span) for span in row.find("th").iter("span")] or [text_of(row.find("th"))]:
            if half not in ("·", ""):
                at = alt.index(half, at)
        value = re.match(r"[\d,.]+", text_of(row.find(".//span[@class='chart-value']"))).group(0)
        at = alt.index(value, at)
    item = next(item for item in book.manifest.values() if item.get("href") == src)
    assert item.get("media-type") == "image/svg+xml"
    svg = ElementTree.fromstring(book.read(src))
    assert svg.find("svg:title", NS).text == alt and svg.find(".//svg:text", NS) is None
    assert len(svg.findall("svg:rect", NS)) == len(rows)


@pytest.mark.parametrize("edition", ["zh_CN", "en-zh_CN"])
def test_the_chinese_renders_without_the_readers_fonts(books: dict[str, Book], edition: str) -> None:
    """The CJK font subset: in the manifest as a font, declared with @font-face, and with a
    glyph for every CJK character of the book."""
    book = books[edition]
    fonts = [item for item in book.manifest.values() if item.get("href").endswith(".woff")]
    assert [font.get("media-type") for font in fonts] == ["font/woff"]
    href = fonts[0].get("href")
    stylesheet = next(book.read(item.get("href")).decode() for item in book.manifest.values()
                      if item.get("href").endswith("edition-epub.css"))
    assert f'src: url("{PurePosixPath(href).name}")' in stylesheet and "@font-face" in stylesheet
    used = set()
    for item in book.manifest.values():
        if item.get("media-type") == "application/xhtml+xml":
            used |= set(CJK.findall(text_of(book.page(item.get("href")))))
    assert len(used) > 300
    covered = set(map(chr, TTFont(BytesIO(book.read(href))).getBestCmap()))
    assert used <= covered
    assert len(covered) < 2 * len(used) + 100  # a subset, not the font


def test_the_english_book_carries_no_cjk_font(books: dict[str, Book]) -> None:
    assert not [item for item in books["en"].manifest.values() if item.get("href").endswith(".woff")]


@pytest.mark.parametrize("edition", EDITIONS)
def test_epubcheck_finds_nothing(books: dict[str, Book], edition: str) -> None:
    """No error and no warning from the W3C's validator."""
    result = epubcheck(books[edition].path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERROR" not in result.stdout + result.stderr and "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_offers_the_editions_epub(books: dict[str, Book], built_project: Path, site: Path,
                                             edition: str) -> None:
    """Every page's download menu, beside the PDF: the book, the file `make` published."""
    for page in sorted((site / edition).glob("*.html")):
        if page.name in ("search.html", "genindex.html", "404.html"):
            continue
        html = page.read_text("utf-8")
        found = re.search(r'<a class="epub-link" href="([^"]+)" type="application/epub\+zip">', html)
        assert found, page
        assert 'class="pdf-link"' in html[:found.start()]  # after the PDF
        target = (page.parent / found.group(1)).resolve()
        assert filecmp.cmp(target, books[edition].path, shallow=False)
    front = (site / "index.html").read_text("utf-8")
    assert f'href="epub/mishixiang-profile-{edition}.epub" type="application/epub+zip"' in front


def test_a_hostile_title_stays_text_in_every_part_of_the_book(built_second_profile: Path, make) -> None:
    """A translator's title with XML's special characters (the tiny profile, written in
    Chinese, translated into English): the package document, the navigation, the cover
    page and the cover image hold it as text, and epubcheck still finds nothing."""
    catalog = built_second_profile / "locales" / "en" / "LC_MESSAGES" / "sphinx.po"
    hostile = "Riverside & R&D Brief"  # the gate refuses quotes, <, > and entities in an interface string
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgstr "Riverside Sub-district Brief"', f'msgstr "{hostile}"'), encoding="utf-8")
    result = make(built_second_profile, "epub", LANGUAGES="en", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    book = Book(built_second_profile / "_build" / "epub" / "riverside-brief-en.epub")
    assert book.metadata("title") == [hostile] and book.metadata("language") == ["en"]
    assert book.page("epub-cover.xhtml").find(".//x:img", NS).get("alt") == hostile
    cover_id = book.opf.find("opf:metadata/opf:meta[@name='cover']", NS).get("content")
    assert ElementTree.fromstring(book.read(book.manifest[cover_id].get("href"))).find("svg:title", NS).text == hostile
    nav = book.page("nav.xhtml")  # parses: the headings' and the title's text escaped
    assert nav is not None
    check = epubcheck(book.path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_site_offers_the_epubs_that_exist(built_second_profile: Path, make) -> None:
    """As for the PDFs: `make html` alone offers the books already built, no link leads nowhere."""
    project = built_second_profile
    (project / "_build" / "epub" / "riverside-brief-en.epub").unlink()  # gone: no link may lead to it
    out = make(project, "html").stdout  # the EPUBs offered changed: every edition's links are written again
    assert sorted(line.split()[0] for line in out.splitlines()) == ["en", "zh_CN", "zh_CN-en"], out
    page = (project / "_build" / "html" / "en" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="\.\./epub/([^"]+)"', page) == ["riverside-brief-zh_CN-en.epub"]
    front = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "epub/riverside-brief-zh_CN.epub" in front and "epub/riverside-brief-en.epub" not in front
    assert make(project, "html").stdout == ""  # and then nothing to do
