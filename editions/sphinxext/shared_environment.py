"""One environment, several builders: each writes every page another one read.

An edition's HTML and PDF share one Sphinx environment (its doctrees), so each source
page is read once.  Sphinx writes a page when the builder that is running read it, or
when its output is older than the source; a page read again because its catalog
changed (the source did not) by the LaTeX builder would never be written by the HTML
builder that comes after it: the site would keep the old translation.

So the environment keeps, for each builder that has written from it, the pages read
since (``env.edition_unwritten``, pickled with it).  A builder that has never written
from this environment writes every page: a fresh environment (a clean build, or one
forgotten after a failure) has no record of what its output holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The pages this build read (env-before-read-docs), per application.
_READ = "_edition_pages_read"


def note_pages_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """env-before-read-docs: the pages this builder reads."""
    setattr(app, _READ, set(docnames))


def pages_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: the pages other builders read since this one last wrote (every page,
    if it never has); this build's reading is owed to each of the others."""
    read = getattr(app, _READ, set())
    unwritten: dict[str, set[str]] = env.__dict__.setdefault("edition_unwritten", {})
    for builder, pages in unwritten.items():
        if builder != app.builder.name:
            pages |= read
    owed = unwritten.get(app.builder.name)
    unwritten[app.builder.name] = set()
    return sorted((set(env.all_docs) if owed is None else owed) & env.found_docs)
