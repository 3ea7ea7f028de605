"""The Sphinx extension of editions: ``extensions = ["editions.sphinxext"]`` in conf.py.

Everything here runs inside ``sphinx-build``.  This module only wires the parts
together; each concern lives in its own module.
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
    keyfigures,
    language_marks,
    latex,
    links,
    metadata,
    names,
    parallel,
    pdf_tagging,
    review,
    safety,
    template_cache,
    theme_messages,
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
    # Every date of an edition (today, last updated, copyright year, the PDF's)
    # comes from SOURCE_DATE_EPOCH, or else the last commit: set before any is made.
    pin_source_date_epoch(Path(app.confdir))
    app.setup_extension("myst_parser")
    # Every edition_* value of conf.py, once (editions.settings).
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild, types=frozenset(setting.types),
                             description=setting.doc)
    # Before everything: which edition this is (the catalog guard is 10).
    app.connect("config-inited", names.settle_edition, priority=1)
    as_of.setup(app)
    catalog_guard.setup(app)
    charts.setup(app)
    keyfigures.setup(app)
    translated_config.setup(app)
    safety.setup(app)
    links.setup(app)
    language_marks.setup(app)
    parallel.setup(app)
    review.setup(app)
    chinese_search.setup(app)
    theme_messages.setup(app)
    template_cache.setup(app)
    latex.setup(app)
    pdf_tagging.setup(app)  # after latex: its preamble comes last
    metadata.setup(app)
    app.connect("config-inited", add_theme_files)
    app.add_css_file("edition.css")
    app.add_js_file("edition.js")
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
