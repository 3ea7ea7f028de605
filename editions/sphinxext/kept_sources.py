"""The sources a translation's reading keeps for the parallel edition: beside its doctrees,
not in them.

parallel.KeepSource copies each message's source onto its node while a translation's
page is read; the copies are quoted (parallel.QuotesOfEachLanguage) and the headings'
collected (shared_environment.KeptTitles) as the page is read.  Once it is read
(doctree-read, after the collectors), ``set_aside`` moves them to a file of the page in
the environment's doctree folder (``kept-sources/<page>.pickle``): the node keeps where
its copy is (page, reading, index).  The translation's own formats never load them:
Sphinx holds every doctree it read while it writes (and the LaTeX builder the whole
book), and with the copies inside, zh_CN's process took a third more memory.  The
parallel edition loads a page's file as it writes the page (``Pages``, for
parallel.SetSideBySide).

A page read again gets a new file, and a node names the reading it was kept by: a copy
of another reading (a file left by a build that stopped half-way) is refused, never paired.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import SphinxError

from ..handoff import KEPT_SOURCES

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The node attribute a kept copy is moved out of (parallel.KeepSource), with its message.
KEPT, KEPT_MESSAGE = "editions_source", "editions_msgid"
#: Where its copy is once the page is read: (page, reading, index in the page's file).
KEPT_AT = "editions_kept_at"


class StaleSource(SphinxError):
    """A kept source of another reading of the page than its doctree's, or none: the build
    stops (and the driver forgets the environment: the next build reads every page)."""

    category = "Kept sources"


def side_file(doctreedir: str | Path, docname: str) -> Path:
    return Path(doctreedir) / KEPT_SOURCES / f"{docname}.pickle"


def set_aside(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read, last: the page's kept copies into its file, each node left with
    where its copy is.  A page that keeps none has no file (any earlier one is removed)."""
    docname = app.env.current_document.docname
    path = side_file(app.doctreedir, docname)
    found = list(doctree.findall(lambda n: isinstance(n, nodes.Element) and KEPT in n.attributes))
    if not found:
        path.unlink(missing_ok=True)
        return
    reading = os.urandom(8).hex()
    kept = []
    for index, node in enumerate(found):
        kept.append((node.attributes.pop(KEPT), node.attributes.pop(KEPT_MESSAGE)))
        node[KEPT_AT] = (docname, reading, index)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    with open(partial, "wb") as handle:
        pickle.dump((reading, kept), handle, pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)  # whole or not at all


def forget(doctreedir: str | Path) -> None:
    """Every page's file: the environment is forgotten, its pages are read again."""
    shutil.rmtree(Path(doctreedir) / KEPT_SOURCES, ignore_errors=True)


class Pages:
    """The kept sources of the pages one document holds (a page; the PDF's book), each
    page's file loaded once, when its first node asks."""

    def __init__(self, doctreedir: str | Path) -> None:
        self.doctreedir = doctreedir
        self.loaded: dict[str, tuple[str, list[tuple[nodes.Element, str]]]] = {}

    def source(self, at: tuple[str, str, int]) -> tuple[nodes.Element, str]:
        """The source copy and message kept at *at* (a node's ``KEPT_AT``)."""
        docname, reading, index = at
        if docname not in self.loaded:
            try:
                with open(side_file(self.doctreedir, docname), "rb") as handle:
                    self.loaded[docname] = pickle.load(handle)
            except OSError as exc:
                raise StaleSource(f"{docname}: the sources kept for the parallel edition are missing ({exc})") from None
        kept_reading, kept = self.loaded[docname]
        if kept_reading != reading or index >= len(kept):
            raise StaleSource(f"{docname}: the sources kept for the parallel edition are of another reading")
        return kept[index]
