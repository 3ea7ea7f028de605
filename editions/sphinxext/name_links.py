"""Each name's first mention on a page links to its row of the names glossary
(editions.sphinxext.names_glossary): in each language of the edition (the English in en,
the Chinese in zh_CN, both in en-zh_CN), the first time on the page, in the body text only
(never in a heading, a link, literal text, a table, a chart, a key figure or a caption).

A name is found as the terms check finds a term (``Termbase.spans_in``: whole words, the
longest term at each place), the Chinese by the longest form at each character: a name
inside a longer term of the termbase (a slogan that holds it) is not that name.  The link
is a ``pending_xref`` that ``resolve_link`` resolves to the row's anchor on the site; in
the PDF, and where no page holds the glossary, the name stays plain text.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from ..checks import terms
from ..languages import is_cjk, language_tag
from .current_edition import edition_of, profile
from .names_glossary import LINK_CLASS, LINK_TYPE, TABLE_CLASS, Name, glossary, termbases_read
from .parallel import LABEL_HOLDERS, parallel_half

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The finders of each build's editions, by edition (forked parallel readers inherit them).
_finders: weakref.WeakKeyDictionary[Config, dict[str, dict[str, Forms]]] = weakref.WeakKeyDictionary()

#: Text inside these is never linked: headings, links, literal text, drawings, captions.
_NOT_LINKED = (nodes.title, nodes.subtitle, nodes.rubric, nodes.reference, addnodes.pending_xref, nodes.literal,
               nodes.FixedTextElement, nodes.raw, nodes.image, nodes.caption, nodes.target, nodes.comment,
               nodes.substitution_definition, nodes.Invisible, nodes.table)


def _language_of(text: nodes.Text, default: str) -> str | None:
    """The BCP 47 tag of *text*'s language (its nearest half or ``language-`` class), or
    None where it must not be linked (inside one of ``_NOT_LINKED``)."""
    node = text.parent
    tag = None
    while node is not None:
        if isinstance(node, _NOT_LINKED) or node.__class__.__name__ in (*LABEL_HOLDERS, "key_figures", "chart"):
            return None
        if "untranslated-mark" in node.get("classes", []):
            return None
        if tag is None:
            if isinstance(node, parallel_half):
                tag = node["lang"]
            else:
                tag = next((c[len("language-"):] for c in node.get("classes", []) if c.startswith("language-")),
                           None)
        node = node.parent
    return tag or default


class Forms:
    """Finds the names of one language in a text: the longest term of the termbase at
    each place (a name inside a longer term, a slogan that holds it, is not that name)."""

    def __init__(self, language: str, termbase: terms.Termbase, anchors: dict[str, str], source: bool) -> None:
        self.source = source
        self.termbase = termbase
        self.anchors = anchors  # form (casefolded for the source) -> anchor of its glossary row
        self.words = not is_cjk(language)  # CJK: names have no spaces around them
        by_first: dict[str, list[str]] = {}
        for term in termbase.terms:
            if term.translation:
                by_first.setdefault(term.translation[0], []).append(term.translation)
        self.by_first = {first: sorted(set(forms), key=len, reverse=True) for first, forms in by_first.items()}

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, anchor) of each name of *text*, in order."""
        if self.source:
            for start, end, term in self.termbase.spans_in(text):
                if anchor := self.anchors.get(" ".join(term.english.casefold().split())):
                    yield start, end, anchor
            return
        index = 0
        while index < len(text):
            found = next((form for form in self.by_first.get(text[index], ())
                          if text.startswith(form, index) and self._bounded(text, index, index + len(form))), None)
            if found is None:
                index += 1
                continue
            if anchor := self.anchors.get(found):
                yield index, index + len(found), anchor
            index += len(found)

    def _bounded(self, text: str, start: int, end: int) -> bool:
        if not self.words:
            return True
        return not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def _forms_of(config: Config) -> dict[str, Forms]:
    """The finders of the edition's languages, by BCP 47 tag."""
    names = [Name(*name) for name in config.edition_names]
    if not names:
        return {}
    project = profile(config)
    source = project.source_language
    termbases = termbases_read.get(config) or glossary(config)[2]
    finders: dict[str, Forms] = {}
    for language in edition_of(config).languages:
        if language == source:
            every = [term for termbase in termbases.values() for term in termbase.terms]
            if not every:
                continue
            merged = terms.Termbase(next(iter(termbases.values())).path, every)
            anchors = {" ".join(dict(n.forms)[source].casefold().split()): n.anchor for n in names}
            finders[language_tag(language)] = Forms(language, merged, anchors, source=True)
        elif language in termbases:
            anchors = {}
            for name in names:
                anchors.setdefault(dict(name.forms).get(language, ""), name.anchor)
            anchors.pop("", None)
            finders[language_tag(language)] = Forms(language, termbases[language], anchors, source=False)
    return finders


def _link(text: str, anchor: str) -> addnodes.pending_xref:
    """A reference to the glossary's row (``resolve_link``)."""
    return addnodes.pending_xref("", nodes.inline(text, text, classes=[LINK_CLASS]), refdomain="", reftype=LINK_TYPE,
                                 reftarget=anchor, refwarn=False)


def resolve_link(app: Sphinx, env: Any, node: addnodes.pending_xref, contnode: nodes.Element) -> nodes.Node | None:
    """missing-reference: a name's link to its row of the glossary, on the site; None, the
    name plain text without a warning, where no page holds the glossary and in the PDF (a
    brochure for print: a coloured name on every page is noise on paper, and each link
    costs the tagged PDF its Link structure, 2-4 s of XeLaTeX an edition)."""
    if node.get("reftype") != LINK_TYPE or app.builder.format != "html":
        return None
    docname, anchor = env.domains.standard_domain.anonlabels.get(node["reftarget"], ("", ""))
    if not docname:
        return None
    return make_refnode(app.builder, node["refdoc"], docname, anchor, contnode)


class LinkFirstMentions(SphinxTransform):
    """Each name's first mention on a page, in each language of the reading, links to the
    glossary.  A parallel edition's source texts are put beside their translations as the
    page is written (parallel.SetSideBySide): their names are linked then (LinkSourceMentions)."""

    # after the translations (Locale, 20) and smart quotes (749, 750): a quote mark beside
    # a name is read with the text around it, not at a node's end
    default_priority = 755

    def apply(self, **kwargs: Any) -> None:
        pair = edition_of(self.config).pair
        link_first_mentions(self.document, self.config, skip=language_tag(pair[0]) if pair else None)


class LinkSourceMentions(SphinxPostTransform):
    """In a parallel edition, as a page is written: each name's first mention in the source
    language, once its texts stand beside their translations (SetSideBySide, 1), before
    the references are resolved (10)."""

    default_priority = 2

    def run(self, **kwargs: Any) -> None:
        pair = edition_of(self.config).pair
        if pair:
            link_first_mentions(self.document, self.config, only=language_tag(pair[0]))


def link_first_mentions(document: nodes.document, config: Config, only: str | None = None,
                        skip: str | None = None) -> None:
    """Link each name's first mention on each page of *document* (one page, or the PDF's
    book of them), in each language of the edition (the BCP 47 tag *only*, or every one but
    *skip*)."""
    if not config.edition_names:
        return
    edition = config.edition  # a parallel edition reads as its translation's: one set of finders each
    by_edition = _finders.setdefault(config, {})
    if edition not in by_edition:  # once a build
        by_edition[edition] = _forms_of(config)
    finders = {tag: finder for tag, finder in by_edition[edition].items()
               if (only is None or tag == only) and tag != skip}
    if not finders:
        return
    own = language_tag(config.language)
    glossaries = {_page_of(table) for table in document.findall(nodes.table) if TABLE_CLASS in table["classes"]}
    linked: dict[nodes.Element, set[tuple[str, str]]] = {}  # by page: the first mention on each
    for element in list(document.findall(nodes.TextElement)):
        _join_texts(element)
    for text in list(document.findall(nodes.Text)):
        tag = _language_of(text, own)
        finder = finders.get(tag or "")
        page = _page_of(text)
        if finder is None or page in glossaries:
            continue
        parts: list[nodes.Node] = []
        at = 0
        value = str(text)
        for start, end, anchor in finder.spans(value):
            if (tag, anchor) in linked.setdefault(page, set()):
                continue
            linked[page].add((tag, anchor))
            parts += [nodes.Text(value[at:start]), _link(value[start:end], anchor)]
            at = end
        if parts:
            parts.append(nodes.Text(value[at:]))
            text.parent.replace(text, [part for part in parts if not isinstance(part, nodes.Text) or str(part)])


def _page_of(node: nodes.Node) -> nodes.Element:
    """The page *node* is on: the document, or in the PDF's book the page's part of it
    (the toctree's pages are inlined, each in a ``start_of_file``)."""
    while node.parent is not None and not isinstance(node, addnodes.start_of_file):
        node = node.parent
    return node


def _join_texts(element: nodes.Element) -> None:
    """Adjacent texts as one: MyST makes a line break a text of its own ("the Old", "\n",
    "Town"), and a name may span it."""
    index = 0
    while index < len(element.children) - 1:
        first, second = element.children[index], element.children[index + 1]
        if isinstance(first, nodes.Text) and isinstance(second, nodes.Text):
            element.replace(first, nodes.Text(str(first) + str(second)))
            element.remove(second)
        else:
            index += 1
