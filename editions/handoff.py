"""What the Sphinx extension leaves for the publishing driver to read, named once for
both: the extension writes it during a build, the driver reads it after."""

from __future__ import annotations

from pathlib import Path

#: Each page of a PDF edition announces itself in XeLaTeX's log with this prefix,
#: so that a failure, a crash or a time-out can name the page being typeset.
PAGE_MARKER = "editions-page:"


#: The catalog guard's one line on what an edition shows in the source language (fuzzy
#: and untranslated messages), in the doctree folder it is read into, for the driver to
#: print: one file an edition (zh_CN and en-zh_CN share a folder), named by warnings_file.
WARNINGS_FILE = "translation-warnings.txt"


def warnings_file(doctrees: Path, edition: str) -> Path:
    """Where the catalog guard leaves *edition*'s line, in the doctree folder *doctrees*."""
    return doctrees / f"{edition}-{WARNINGS_FILE}"


#: The sources a translation's reading keeps for the parallel edition, a file a page, in
#: the doctree folder (editions.sphinxext.kept_sources); forgotten with the environment.
KEPT_SOURCES = "kept-sources"
