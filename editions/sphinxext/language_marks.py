"""Text a translation leaves in the source language says so, to the ear and to the eye.

In a Chinese page, an untranslated passage (no msgstr yet, or a fuzzy one) falls
back to the English.  It is

* marked as English: docutils' HTML writer turns a ``language-<tag>`` class into
  the element's ``lang`` attribute, so a screen reader reads it with an English
  voice and the browser sets it in Latin fonts;
* labelled, in the edition's language: before the passage, the words the parallel
  edition shows on an untranslated half (``parallel.untranslated_mark``: the one
  message "Not yet translated" of ``sphinx.po``, translated once), with its own
  ``lang``.  In HTML a small framed label (``edition.css``), in the PDF a small grey
  one (``\\editionuntranslated``, ``latex.py``).

A heading is labelled in the page's body only, in HTML only (``LabelHeadings``,
when the page is written): a label in its title would be in the contents, the
sidebar, the window's title and the links to the page, and in the PDF in the
contents, the bookmarks and the running heads.  Everywhere it is still
``lang="en"`` and, in HTML, greyed as untranslated.  A chart's or a key figure's
label is drawn by its own writer, which has room for no label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import extract_messages

from ..languages import is_cjk, language_tag
from .catalog_guard import is_translation
from .current_edition import source_language
from .parallel import LABEL_HOLDERS, MARKED, languages_of, untranslated_mark

if TYPE_CHECKING:
    from sphinx.config import Config

#: Passages labelled where they stand (a heading: see LabelHeadings).
PASSAGES = (nodes.paragraph, nodes.line, nodes.caption, nodes.term, nodes.rubric, nodes.field_name)
UNTRANSLATED = "untranslated"


def _one_language_translation(config: Config) -> bool:
    return is_translation(config) and not languages_of(config)  # a parallel edition marks both halves itself


def _labelled(node: nodes.Element, config: Config) -> nodes.Element:
    node.insert(0, [untranslated_mark(config, language_tag(config.language)), nodes.Text(" ")])
    return node


class MarkUntranslated(SphinxTransform):
    default_priority = 22  # after sphinx.transforms.i18n.Locale (20) and the safety check (21)

    def apply(self, **kwargs: Any) -> None:
        if not _one_language_translation(self.config):
            return
        mark = f"language-{language_tag(source_language(self.config))}"
        for node, message in list(extract_messages(self.document)):  # a list: labelling adds nodes
            if node.get("translated") or not any(ch.isalpha() for ch in message):
                continue
            classes = list(node["classes"])
            node["classes"].append(mark)
            labelled = False
            if isinstance(node, nodes.title):
                node["classes"].append(UNTRANSLATED)
            elif isinstance(node, PASSAGES) and node.parent.__class__.__name__ not in LABEL_HOLDERS:
                node["classes"].append(UNTRANSLATED)
                _labelled(node, self.config)
                labelled = True
            # the parallel edition, written from this reading, shows it its own way
            node[MARKED] = (classes, labelled)


class LabelHeadings(SphinxPostTransform):
    """An untranslated heading's label, in the HTML page's body: added as the page is
    written, after its title went into the contents, the sidebar and the window's title."""

    formats = ("html",)
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if not _one_language_translation(self.config):
            return
        for title in self.document.findall(nodes.title):
            if UNTRANSLATED in title["classes"]:
                _labelled(title, self.config)


class LatinPassages(SphinxPostTransform):
    """In the PDF of a CJK edition, an untranslated passage is set as English, as the
    parallel edition's English column is: its quotes, apostrophes, dashes and ellipsis
    (typographic already: parallel.QuotesOfEachLanguage) in the Latin font, not as
    xeCJK's full-width marks (``\\editionlatintext``, parallel.LATIN_TEXT, in a group
    around the passage; its label, in the edition's language, keeps the edition's marks).
    A heading keeps the edition's: its title is also the bookmarks' and the running head's."""

    builders = ("latex",)
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if not _one_language_translation(self.config) or not is_cjk(self.config.language):
            return
        source = source_language(self.config)
        if is_cjk(source):
            return
        mark = f"language-{language_tag(source)}"
        for node in list(self.document.findall(nodes.TextElement)):
            if (isinstance(node, PASSAGES) and not isinstance(node, nodes.title)
                    and UNTRANSLATED in node["classes"] and mark in node["classes"]):
                node.insert(0, nodes.raw("", r"{\editionlatintext ", format="latex"))
                node.append(nodes.raw("", "}", format="latex"))
