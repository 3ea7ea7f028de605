"""docutils' default settings made once for MyST, not once a message.

Sphinx parses each translated message with MyST (``sphinx.transforms.i18n``: every
message of every page it reads in a translation), and MyST, given the page's
document to parse into, still makes a document of its own first and drops it:
``options.get("document", make_document())`` (myst-parser 5.2.0,
``mdit_to_docutils.base``).  Making it builds docutils' option parser for its
default settings, 1.5 ms: a tenth of a second for a page of seventy messages, read
again after a translator's change, and every page's in a full build.  Its
``make_document`` gets those settings made once, a copy for each document.
"""

from __future__ import annotations

from copy import copy
from functools import cache
from typing import Any

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import DependencyList, new_document


@cache
def _default_settings(parser_cls: Any) -> Any:  # docutils' Values
    return get_default_settings(parser_cls)


def make_document(source_path: str = "notset", parser_cls: Any = None) -> nodes.document:
    """MyST's ``make_document``: a new document with the parser class's default settings
    (its own copy: a document may change its settings)."""
    from myst_parser.mdit_to_docutils.base import RSTParser

    settings = copy(_default_settings(parser_cls or RSTParser))
    settings.record_dependencies = DependencyList()  # as docutils' Values makes one for each
    return new_document(source_path, settings=settings)


def reuse_default_settings() -> None:
    from myst_parser.mdit_to_docutils import base

    if hasattr(base, "make_document"):  # the function MyST's renderer calls by this name
        base.make_document = make_document
