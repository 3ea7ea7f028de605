"""Every node of a page read belongs to the page's document, not to a catalog's.

Sphinx's Locale transform parses each translation (msgstr) as a little document of its
own and puts its nodes into the page; they keep that document as theirs.  Its settings
hold the build's environment (``settings.env``), which Sphinx empties on the page's own
document only, when it pickles the page: so every translated page's doctree pickled the
whole environment once more (zh_CN at 50 times the profile: 0.5 MB a page, two thirds of
each doctree), and Sphinx unpickled one copy of it a page while the LaTeX builder
assembled the book.  At doctree-read, once the page is read, such a node is given back
to the page (its document is its parent's); nothing is written differently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def adopt_foreign_nodes(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: each node that names another document as its own names none (its
    parent's is its document)."""
    for node in doctree.findall(include_self=False):
        if node.__dict__.get("_document") not in (None, doctree):
            node.document = None
