"""MyST's documents get docutils' default settings made once (editions.sphinxext.myst_documents):
the same settings as before, each document its own copy."""

from __future__ import annotations

from docutils.frontend import get_default_settings


def comparable(settings) -> dict:  # docutils' Values
    # each document gets a new, empty DependencyList (compared by identity)
    return {name: value for name, value in vars(settings).items() if name != "record_dependencies"}


def test_myst_documents_have_docutils_default_settings_each_its_own() -> None:
    from myst_parser.mdit_to_docutils import base

    from editions.sphinxext import myst_documents

    myst_documents.reuse_default_settings()
    assert base.make_document is myst_documents.make_document
    first = base.make_document()
    first.settings.report_level = 5  # a document may change its settings
    second = base.make_document("page.md")
    assert comparable(second.settings) == comparable(get_default_settings(base.RSTParser))
    assert second.settings is not first.settings and second["source"] == "page.md"
    assert second.settings.record_dependencies is not first.settings.record_dependencies
