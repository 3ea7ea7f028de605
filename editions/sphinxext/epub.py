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

The chart and the key figures are the site's HTML (a data table, cards): real text in
the book's fonts, which a reader reflows and reads aloud.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.epub3 import Epub3Builder
from sphinx.util import logging

from ..languages import is_cjk, language_tag
from . import epub_fonts
from .current_edition import cache_folder, edition_of, profile

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates" / "epub"
COVER_IMAGE = "_static/cover.svg"
STYLESHEET = "edition-epub.css"
logger = logging.getLogger(__name__)


def configure_epub(app: Sphinx, config: Config) -> None:
    """config-inited, after the translated values (translated_config, 100): the book's
    metadata, the same for every builder of the edition's environment."""
    edition = edition_of(config)
    project = profile(config)
    if not config.version:  # an EPUB 3 has one; the content's, not the build's (an "env" value, kept stable)
        config.version = config.edition_data_as_of or "1"
    config.epub_basename = edition.download_name("epub").removesuffix(".epub")
    if edition.parallel:  # "Profile · 概况": both titles, as the parallel cover has them
        config.epub_title = f"{project.title} · {config.project}" if config.project != project.title \
            else project.title
    else:
        config.epub_title = config.project
    config.epub_author = config.author
    config.epub_publisher = config.author
    config.epub_copyright = config.copyright
    config.epub_language = language_tag(edition.language)
    config.epub_description = config.edition_subtitle or config.project
    config.epub_contributor = config.author
    # one identifier per edition, stable across builds; Sphinx writes epub_uid as the
    # NCX's dtb:uid and as the OPF identifier's XML id: the same plain name serves both
    config.epub_identifier = config.epub_uid = config.epub_basename
    config.epub_scheme = "URN"
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
        if is_cjk(language):
            text = epub_fonts.used_text(Path(self.outdir), [self.config.epub_title, self.config.project,
                                                            self.config.author, self.config.edition_subtitle])
            fonts = epub_fonts.write_cjk_subset(static, language, text, cache_folder(self.app, "epub-fonts"))
        cover = epub_fonts.cover_svg(self.cover_lines(), self.config.edition_colour, language)
        (static / "cover.svg").write_text(cover, encoding="utf-8")
        (static / STYLESHEET).write_text(epub_fonts.stylesheet(fonts, self.config.edition_colour), encoding="utf-8")
        super().handle_finish()

    def cover_lines(self) -> dict[str, list[str]]:
        config = self.config
        if edition_of(config).parallel:
            project = profile(config)
            return {"title": [project.title, config.project], "subtitle": [config.edition_subtitle],
                    "author": [config.author]}
        return {"title": [config.project], "subtitle": [config.edition_subtitle], "author": [config.author]}

    def handle_page(self, pagename: str, addctx: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        if pagename == "epub-cover":  # Sphinx gives the cover the untranslated project; the book's title
            addctx = {**addctx, "title": self.config.epub_title}
        super().handle_page(pagename, addctx, *args, **kwargs)
