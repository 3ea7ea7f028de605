"""The EPUB edition: Sphinx's own EPUB 3 builder, for phones and e-readers.

``python -m editions build epub zh_CN`` writes it from the edition's environment,
after the HTML, as ``<basename>-<edition>.epub`` (editions.edition).  What this module
adds to Sphinx's builder:

* the book's metadata from the edition (config-inited, for every builder: some
  ``epub_*`` values are "env" ones, and the edition's formats share one environment):
  its title, author and ``dc:language`` (a BCP 47 tag, zh-CN) in the edition's language;
* Sphinx's plain epub theme, not the site's: no Furo page, no edition bar (its links
  lead to other editions of the site), no script;
* a cover: the edition's title, subtitle and author drawn as outlines of the Noto CJK
  font in the profile's colour (epub_fonts.cover_svg): an SVG image that needs no font;
* in a CJK edition, the Chinese in the PDF's Noto Serif CJK, subset to the characters
  the book uses and declared with ``@font-face`` (a reader without a CJK font renders it);
  the subset is kept in ``_build/doctrees/epub-fonts/`` by its characters.

The key figures are the site's cards (real text in the book's fonts); the chart is an
image with its text alternative (chart_image), drawn when charts.py visits it in a book.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.epub3 import Epub3Builder
from sphinx.util import logging

from ..languages import is_cjk, language_tag
from . import epub_fonts, translated_config
from .current_edition import cache_folder, edition_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..edition import Edition

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates" / "epub"
COVER_IMAGE = "_static/cover.svg"
STYLESHEET = "edition-epub.css"
logger = logging.getLogger(__name__)


def book_name(edition: Edition) -> str:
    """The book's file name without ``.epub``: also its identifier (``epub_uid``, an "env"
    value: a parallel edition reads with its translation's, editions.sphinxext.shared_environment)."""
    return edition.download_name("epub").removesuffix(".epub")


def configure_epub(app: Sphinx, config: Config) -> None:
    """config-inited, after the translated values (translated_config, 100): the book's
    metadata, the same for every builder of the edition's environment."""
    edition = edition_of(config)
    if not config.version:  # an EPUB 3 has one; the content's, not the build's (an "env" value, kept stable)
        config.version = config.edition_data_as_of or "1"
    config.epub_basename = book_name(edition)
    config.epub_title = config.project  # a parallel edition's names it in both languages (translated_config)
    config.epub_author = config.author
    config.epub_publisher = config.author
    config.epub_copyright = config.copyright
    config.epub_language = language_tag(edition.language)
    config.epub_description = config.edition_subtitle or config.project
    config.epub_contributor = config.author
    # one identifier per edition, stable across builds; Sphinx writes epub_uid as the
    # NCX's dtb:uid and as the OPF identifier's XML id: the same plain name serves both
    config.epub_identifier = config.epub_uid = config.epub_basename
    config.epub_cover = (COVER_IMAGE, "epub-cover.html")
    config.epub_show_urls = "no"  # the links stay links; an address in the text is noise on a phone
    config.epub_use_index = False  # no index entries: an empty index page
    config.epub_css_files = []
    # Sphinx's backup of its build record when the configuration changed: not part of the book
    config.epub_exclude_files = [*config.epub_exclude_files, ".buildinfo.bak"]


class EditionEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder with the edition's cover, font and stylesheet."""

    name = "epub"

    def init(self) -> None:
        # the plain epub theme: the site's templates (Furo's page, the edition bar) are not the book's
        self.config.templates_path = [str(TEMPLATES)]
        self.config.html_static_path = []
        self.config.html_additional_pages = {}  # the site's 404 page
        self.config.html_favicon = None
        super().init()

    def init_js_files(self) -> None:
        """No script in the book: a reader may not run it, and nothing in it needs one."""
        self._js_files = []

    def prepare_writing(self, docnames: Any) -> None:
        # Sphinx's EPUB pages say no language: a reader picks its fonts and voice by it, and
        # the stylesheet's :lang() sets a parallel book's English apart
        tag = html.escape(language_tag(self.config.language), quote=True)
        self.html_tag = (f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
                         f'lang="{tag}" xml:lang="{tag}">')
        super().prepare_writing(docnames)

    def add_js_file(self, filename: str, **kwargs: Any) -> None:
        """The site's scripts (edition.js, Sphinx's search) stay on the site."""

    def add_css_file(self, filename: str, **kwargs: Any) -> None:
        """The book's stylesheet alone (after the theme's): the site's is made for Furo."""
        if filename == STYLESHEET:
            super().add_css_file(filename, **kwargs)

    def init_css_files(self) -> None:
        self._css_files = []
        self.add_css_file(STYLESHEET)

    def handle_finish(self) -> None:
        """Before Sphinx lists the manifest: the cover image, the font subset and the
        stylesheet that declares it, from the pages as written."""
        # the last build's cover page: Sphinx would list it twice in the spine
        (Path(self.outdir) / self.coverpage_name).unlink(missing_ok=True)
        static = Path(self.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        for stale in static.glob(f"{epub_fonts.FONT_STEM}*"):
            stale.unlink()
        language = self.config.language
        fonts: list[str] = []
        try:
            if is_cjk(language):
                text = epub_fonts.used_text(Path(self.outdir), [self.config.epub_title, self.config.author,
                                                                self.config.edition_subtitle])
                fonts = epub_fonts.write_cjk_subset(static, language, text, cache_folder(self.app, "epub-fonts"))
            cover = epub_fonts.cover_svg(self.cover_lines(), self.config.edition_colour, language)
        except epub_fonts.FontMissing as exc:
            # one line, as the catalog guard stops an edition: no traceback for a missing package
            logger.error("%s", exc)
            sys.exit(2)
        (static / "cover.svg").write_text(cover, encoding="utf-8")
        (static / STYLESHEET).write_text(epub_fonts.stylesheet(fonts, self.config.edition_colour), encoding="utf-8")
        super().handle_finish()

    def cover_lines(self) -> dict[str, list[str]]:
        """The cover's title, subtitle and author: a parallel edition's one language a line."""
        config = self.config

        def lines(name: str) -> list[str]:
            value, source = config[name], translated_config.source_value(self.app, name)
            if edition_of(config).parallel and source and value.startswith(source + translated_config.SEPARATOR):
                return [source, value.removeprefix(source + translated_config.SEPARATOR)]
            return [value] if value else []

        return {"title": lines("project"), "subtitle": lines("edition_subtitle"), "author": lines("author")}
