"""Text a translation leaves in the source language says so: ``lang="en"``.

In a Chinese page, an untranslated paragraph (no msgstr yet, or a fuzzy one)
falls back to the English.  Marked as English, it is read by a screen reader
with an English voice and set in the browser's English fonts, instead of
being read as Chinese.  docutils' HTML writer turns a ``language-<tag>`` class
into the element's ``lang`` attribute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from ..languages import language_tag
from .catalog_guard import is_translation, source_language
from .parallel import languages_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class MarkUntranslated(SphinxTransform):
    default_priority = 22  # after sphinx.transforms.i18n.Locale (20) and the safety check (21)

    def apply(self, **kwargs: Any) -> None:
        if not is_translation(self.config) or languages_of(self.config):
            return  # a parallel edition marks both halves itself
        mark = f"language-{language_tag(source_language(self.config))}"
        for node, message in extract_messages(self.document):
            if not node.get("translated") and any(ch.isalpha() for ch in message):
                node["classes"].append(mark)


def setup(app: Sphinx) -> None:
    app.add_transform(MarkUntranslated)
