"""The Sphinx extension of editions: ``extensions = ["editions.sphinxext"]`` in conf.py.

Everything here runs inside ``sphinx-build``.  Each concern lives in its own module;
this one wires them together, all of it in ``setup()``, in the order Sphinx runs it.

Sphinx calls an event's handlers by priority (low first; 500 when none is given) and
applies a document's transforms by ``default_priority``; equal ones in the order they
are registered here.  ``tests/sphinx/test_wiring.py`` holds the order written below to
the order Sphinx runs, so a step moved or given another priority is seen.  Sphinx's own
steps that ours are placed around: its config-inited handlers (500; numfig_format's
translations at 800), ``sphinx.transforms.i18n.Locale`` (20, puts the translations into
a page) and smart quotes (750).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import pin_source_date_epoch
from ..settings import SETTINGS
from . import (
    as_of,
    catalog_guard,
    charts,
    chinese_search,
    current_edition,
    epub,
    extract_theme_strings,
    imprint,
    kept_sources,
    keyfigures,
    language_marks,
    latex,
    links,
    long_lived,
    metadata,
    myst_documents,
    name_links,
    names_glossary,
    page_document,
    parallel,
    pdf_tagging,
    review,
    safety,
    shared_environment,
    template_cache,
    translated_config,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

HERE = Path(__file__).resolve().parent


def add_theme_files(app: Sphinx, config: Config) -> None:
    # Our templates come first so that they can extend the theme's ("!page.html").
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    # A "page not found" page in each edition's language.
    config.html_additional_pages = {"404": "404.html", **config.html_additional_pages}


def setup(app: Sphinx) -> ExtensionMetadata:
    # Every date of an edition (today, last updated, copyright year, the PDF's) comes
    # from SOURCE_DATE_EPOCH, or else the last commit: set before any is made.
    pin_source_date_epoch(Path(app.confdir))
    app.setup_extension("myst_parser")
    myst_documents.reuse_default_settings()  # not an option parser a message (myst_documents)
    # Every edition_* value of conf.py, once (editions.settings).
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild, types=frozenset(setting.types),
                             description=setting.doc)

    # -- What the pages may use: directives and nodes (no order) --------------------------
    app.add_directive("as-of", as_of.AsOfDirective)
    app.add_directive("chart", charts.ChartDirective)
    app.add_node(charts.chart, html=(charts.visit_chart_html, None), latex=(charts.visit_chart_latex, None),
                 text=(charts.visit_chart_text, None))
    app.add_directive("key-figures", keyfigures.KeyFiguresDirective)
    app.add_directive("names-glossary", names_glossary.NamesGlossaryDirective)
    app.add_node(names_glossary.names_glossary, latex=(names_glossary.visit_names_glossary_latex, None))
    app.add_node(keyfigures.key_figures, html=(keyfigures.visit_key_figures_html, None),
                 latex=(keyfigures.visit_key_figures_latex, None), text=(keyfigures.visit_key_figures_text, None))
    # drawn by its panel: never visited on its own
    alone = (keyfigures.not_drawn_alone, None)
    app.add_node(keyfigures.key_figure, html=alone, latex=alone, text=alone)
    app.add_node(parallel.parallel_pair, html=(parallel.visit_pair_html, parallel.depart_div_html),
                 latex=(parallel.visit_pair_latex, parallel.depart_pair_latex),
                 text=(parallel.visit_pair_text, parallel.depart_pair_text))
    app.add_node(parallel.parallel_half, html=(parallel.visit_half_html, parallel.depart_div_html),
                 latex=(parallel.visit_half_latex, parallel.depart_half_latex),
                 text=(parallel.visit_pair_text, parallel.depart_pair_text))
    for node, visit, depart in ((review.review_deleted, review.visit_deleted, review.depart_deleted),
                                (review.review_inserted, review.visit_inserted, review.depart_inserted)):
        hidden = (review.not_shown, review.not_shown)  # the review is HTML only
        app.add_node(node, html=(visit, depart), latex=hidden, text=hidden)
    # the EPUB: Sphinx's builder with the edition's cover, font and stylesheet
    app.add_builder(epub.EditionEpubBuilder, override=True)
    app.add_css_file("edition.css")
    app.add_js_file("edition.js")

    # -- config-inited: conf.py is read, no builder yet ------------------------------------
    # 1. Which edition this is (-D edition, or -D language): its languages, the site's.
    app.connect("config-inited", current_edition.settle_edition, priority=1)
    # 2. The gate: the edition's catalogs checked with make check's rules; an error stops
    #    the build before anything reads a translation.  Sphinx gets checked copies.
    app.connect("config-inited", catalog_guard.check_catalogs, priority=10)
    # 3. Sphinx's interface catalogs again, in the edition's language, from those copies.
    app.connect("config-inited", catalog_guard.interface_in_edition_language, priority=11)
    # 4. A reference a translation drops is reported by the guard, at the catalog's line.
    app.connect("config-inited", catalog_guard.own_reference_check, priority=11)
    # 5. html_baseurl with the edition's folder: the back cover (8) prints it.
    app.connect("config-inited", links.place_in_site, priority=50)
    # 6. conf.py's values a reader sees (title, author, dates), translated before Sphinx's
    #    own handlers (500) read them.
    app.connect("config-inited", translated_config.translate_config, priority=100)
    # 7. The "not yet translated" mark's words, from the checked sphinx.po (2).
    app.connect("config-inited", parallel.keep_mark_words, priority=100)
    # 7b. The names glossary: the termbases' confirmed names, its words from sphinx.po (2).
    app.connect("config-inited", names_glossary.collect_names, priority=100)
    # 8. LaTeX: fonts, covers, running heads, from the translated values (6).
    app.connect("config-inited", latex.configure_latex, priority=150)
    # 8b. The EPUB's metadata from the edition and the translated values (6), for every
    #     builder (some are "env" values: the edition's formats share one environment).
    app.connect("config-inited", epub.configure_epub, priority=150)
    # 9. PDF tagging: its preamble after the LaTeX set-up's (8).
    app.connect("config-inited", pdf_tagging.add_preamble, priority=160)
    # 9b. A Latin-script PDF's font for its names glossary's CJK names.
    app.connect("config-inited", names_glossary.print_preamble, priority=160)
    # 10. Translated conf.py values made safe for each place they land, once all are set.
    app.connect("config-inited", safety.secure_config, priority=200)
    # 11. Chinese search with jieba, the termbase's words in its dictionary.
    app.connect("config-inited", chinese_search.register_chinese_search)
    app.connect("config-inited", chinese_search.termbase_dictionary)
    # 12. Our templates and static files, in front of the theme's.
    app.connect("config-inited", add_theme_files)
    # 13. Chinese figure numbers, after Sphinx fills numfig_format with its own (800).
    app.connect("config-inited", latex.cjk_numbering, priority=850)
    # 14. A parallel edition reads as its translation's edition, into an environment they
    #     share; it is itself again when it writes (write-started, below).
    app.connect("config-inited", shared_environment.read_as_translation, priority=900)

    # -- builder-inited: the builder exists, no page read yet ------------------------------
    # conf.py's translatable values, then the theme's strings, into sphinx.pot (gettext builder)
    app.connect("builder-inited", translated_config.add_config_messages)
    # docutils settings no page may loosen (raw, file insertion); translations escaped for
    # the templates they land in
    app.connect("builder-inited", safety.secure_docutils_settings)
    app.connect("builder-inited", safety.escape_interface_translations)
    # the review view: its catalogs read, make check run on them
    app.connect("builder-inited", review.start)
    app.connect("builder-inited", chinese_search.use_build_cache_for_jieba)
    app.connect("builder-inited", extract_theme_strings.add_theme_messages)
    app.connect("builder-inited", template_cache.cache_compiled_templates)
    app.connect("builder-inited", imprint.add_messages)
    app.connect("builder-inited", names_glossary.add_messages)
    app.connect("builder-inited", pdf_tagging.add_document_metadata)
    # last: what exists now lives to the end of the build, out of the collector's way
    app.connect("builder-inited", long_lived.set_aside, priority=900)

    # -- Reading a page: transforms (Sphinx's Locale, 20, puts the translations in) --------
    app.add_transform(safety.RecordMessagePayloads)  # 19: what each English message carries
    app.add_transform(parallel.KeepSource)  # 19: the English, kept on its node for the parallel edition
    app.add_transform(safety.RejectTranslatedPayloads)  # 21: a translation that adds any is refused
    app.add_transform(language_marks.MarkUntranslated)  # 22: the English a translation lacks, marked
    app.add_transform(parallel.QuotesOfEachLanguage)  # 749: smart quotes of each language's text, the kept too
    app.add_transform(name_links.LinkFirstMentions)  # 755: each name's first mention, in the reading's language
    app.add_env_collector(shared_environment.KeptTitles)  # the headings' kept English, for the titles
    # the kept English out of the doctree, into a file of the page, once read (after the collectors)
    app.connect("doctree-read", kept_sources.set_aside, priority=900)
    # a translation's nodes the page's, not their catalog message's document (which holds the environment)
    app.connect("doctree-read", page_document.adopt_foreign_nodes, priority=900)
    app.connect("env-get-outdated", review.every_page_again)  # a review re-reads every page
    # a parallel edition reads as its translation's (again, if the application builds again)
    app.connect("env-before-read-docs", shared_environment.read_again_as_translation)
    # one environment, several builders (formats, editions): each writes what another read
    app.connect("env-before-read-docs", shared_environment.note_pages_read)
    app.connect("env-updated", shared_environment.pages_to_write)

    # -- Writing: the environment saved; the written edition's values back -----------------
    app.connect("write-started", shared_environment.write_as_edition)
    # LaTeX values escaped once the environment is saved: the HTML shares it (numfig_format)
    app.connect("write-started", safety.escape_latex_context)

    # -- Writing a page: post-transforms, then the page's context --------------------------
    app.add_post_transform(parallel.SetSideBySide)  # 1: each English block beside its translation
    app.add_post_transform(shared_environment.SayInBothLanguages)  # 2: the glossary's heads, both languages
    app.add_post_transform(name_links.LinkSourceMentions)  # 2: each name's first mention, the English paired (1)
    app.add_post_transform(pdf_tagging.MarkHeadingLanguages)  # 195
    app.add_post_transform(language_marks.LabelHeadings)  # 200
    app.add_post_transform(language_marks.LatinPassages)  # 200
    app.add_post_transform(parallel.SplitListsForPrint)  # 200
    app.add_post_transform(pdf_tagging.MarkForTagging)  # 210: after the lists are split (200)
    app.add_post_transform(latex.PageMarkers)  # 999: each page named in TeX's log
    app.connect("missing-reference", name_links.resolve_link)  # a name's link to the glossary
    app.connect("doctree-resolved", review.place_notes)
    app.connect("html-page-context", safety.escape_config_context)
    app.connect("html-page-context", links.add_edition_links)
    app.connect("html-page-context", metadata.add_page_metadata)

    # -- build-finished ------------------------------------------------------------------
    app.connect("build-finished", metadata.write_sitemap)
    # a parallel edition's environment as it was read (its titles in one language)
    app.connect("build-finished", shared_environment.unpair_titles, priority=900)
    app.connect("build-finished", long_lived.hand_back, priority=900)

    # env_version: Sphinx reads every page again when it changes. The code that shapes the
    # doctrees is part of every page's input, so an edited extension is not served stale.
    return {"version": "1", "env_version": code_version(), "parallel_read_safe": True,
            "parallel_write_safe": True}


def code_version() -> int:
    """A number that changes with any source file of the extension or of what it imports
    (the same files as the Makefile's SOURCES, which make rebuilds an edition for)."""
    import hashlib

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*package.glob("*.py"), *(package / "sphinxext").rglob("*"),
                        *(package / "catalogs").rglob("*.py")]):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return int.from_bytes(digest.digest()[:6], "big")
