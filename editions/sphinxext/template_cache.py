"""The templates compiled once, not at every build: the theme's, and the extension's
own (editions.templating).

Jinja compiles each template of the theme when a build first renders it: about
0.4 s of a small HTML build, every edition, every time.  Jinja's bytecode cache,
kept in the build folder beside the doctrees, lets the next build of any edition
load them instead.  Entries are keyed by template name and the checksum of its
source, so an edited template is compiled again; Jinja writes each entry to a
temporary file and renames it, so editions built side by side share it safely.
Translations are not in the compiled code: ``_()`` runs when a page is rendered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

from .. import templating
from .current_edition import cache_folder

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def cache_compiled_templates(app: Sphinx) -> None:
    # the extension's own templates (TeX and HTML fragments: editions.templating) too
    ours = cache_folder(app, "jinja-cache") / "editions"
    ours.mkdir(exist_ok=True)
    templating.keep_compiled(ours)
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None or environment.bytecode_cache is not None:  # not Jinja, or cached already
        return
    environment.bytecode_cache = FileSystemBytecodeCache(str(cache_folder(app, "jinja-cache")))
