"""One environment, several builders: each writes every page another one read.

An edition's HTML and PDF share one Sphinx environment (its doctrees), so each source
page is read once.  Sphinx writes a page when the builder that is running read it, or
when its output is older than the source; a page read again because its catalog
changed (the source did not) by the LaTeX builder would never be written by the HTML
builder that comes after it: the site would keep the old translation.

So the environment keeps, for each output folder written from it, the pages read since
(``env.edition_unwritten``, pickled with it): by folder, not by builder, so that two
editions' sites written from one environment each get their due.  An output folder
never written from this environment gets every page: a fresh environment (a clean build,
or one forgotten after a failure) has no record of what the folder holds.
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
    """env-updated: the pages other builds read since this output folder was last written
    (every page, if it never was); this build's reading is owed to each of the others."""
    read = getattr(app, _READ, set())
    unwritten: dict[str, set[str]] = env.__dict__.setdefault("edition_unwritten", {})
    here = str(app.outdir)
    for outdir, pages in unwritten.items():
        if outdir != here:
            pages |= read
    owed = unwritten.get(here)
    unwritten[here] = set()
    return sorted((set(env.all_docs) if owed is None else owed) & env.found_docs)
