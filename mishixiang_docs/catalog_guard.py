"""The build refuses a broken catalog instead of publishing English.

Sphinx compiles each ``.po`` with Babel, which accepts an unterminated string
(dropping its last character), writes a 0-byte ``.mo`` for a catalog whose
charset header is wrong, and keeps an old ``.mo`` when compiling fails: the page
then looks translated but shows stale or English text.  Before Sphinx compiles
anything, every catalog of the edition must pass GNU msgfmt and declare UTF-8;
otherwise the build stops with one line per problem, naming file and line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .catalogs import CatalogError, check_syntax, display_path, locale_paths

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

_CHARSET = re.compile(r'^"Content-Type:\s*text/plain;\s*charset=([^\\"]+)', re.IGNORECASE | re.MULTILINE)


def catalog_problems(path: Path) -> list[str]:
    try:
        check_syntax(path)
    except CatalogError as exc:
        return [f"{display_path(exc.path)}:{exc.line}: [catalog-syntax] {exc.problem}; {exc.advice}"]
    text = path.read_text(encoding="utf-8", errors="replace")
    match = _CHARSET.search(text)
    if not match or match.group(1).strip().lower() not in {"utf-8", "utf8"}:
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        found = match.group(1).strip() if match else "none"
        return [f"{display_path(path)}:{line}: [catalog-header] the header declares charset {found}; "
                'write "Content-Type: text/plain; charset=UTF-8\\n" and save the file as UTF-8']
    return []


def edition_catalogs(app: Sphinx, config: Config) -> list[Path]:
    return locale_paths(app.srcdir, config, "LC_MESSAGES/**/*.po")


def refuse_broken_catalogs(app: Sphinx, config: Config) -> None:
    if not config.language or config.language == "en":
        return
    problems = [p for path in edition_catalogs(app, config) for p in catalog_problems(path)]
    if problems:
        for problem in problems:
            logger.error(problem)
        logger.error("the %s edition was not built: fix the catalog(s) above and build again.",
                     config.language)
        # A clean stop: a SphinxError here would print a traceback and version dump.
        sys.exit(2)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", refuse_broken_catalogs, priority=10)
