"""Parallel text (English | 简体中文): each block of the source beside its translation.

A parallel edition is written from its translation's environment (shared_environment.py).
A translation's reading keeps a copy of each message's source (KeepSource, beside the
doctrees: kept_sources.py); a parallel edition's page is paired as written (SetSideBySide):

* a paragraph (or a line) becomes a ``parallel_pair``: the source half and the
  translated half, each with its own ``lang``.  In HTML a two-column grid whose
  halves start on the same line (one column on a phone, the translation under its
  source); in the PDF a ``paracol`` environment, whose columns start at the same
  height;
* a heading, caption, term, chart label or key figure keeps its place (a section
  has one title) and holds both texts: ``<source> · <translation>`` (``halves``
  reads them back for the writers that draw a label themselves);
* in a list, each item is a pair (in the PDF: a one-item list in each column);
  in a table, each cell holds both texts, the translation under its source;
* a message without a translation (or a fuzzy one, which Sphinx does not use) shows
  its source in both halves, the second marked as not yet translated: no one is misled.

Nothing here knows Chinese: the edition's two languages come from its name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from docutils.utils import normalize_language_tag, smartquotes
from sphinx.locale import _
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import extract_messages

from ..languages import cjk_region, is_cjk, language_tag
from .current_edition import edition_of, source_language
from .kept_sources import KEPT, KEPT_AT, KEPT_MESSAGE, Pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Interface words of the parallel edition (in sphinx.pot, translated in sphinx.po).
MESSAGES = ("Not yet translated",)  # the first: edition_untranslated_mark's default (editions.settings)
SEPARATOR = " · "


class parallel_pair(nodes.General, nodes.Element):
    """Two halves: the source and its translation."""


class parallel_half(nodes.General, nodes.Element):
    """One language's half of a pair; ``lang`` is its BCP 47 tag."""


def languages_of(config: Config) -> tuple[str, str] | None:
    """(source, translation) of a parallel edition, or None for a one-language one."""
    return edition_of(config).pair


def _inline_pair(source: list[nodes.Node], translation: list[nodes.Node], tags: tuple[str, str],
                 translated: bool, config: Config) -> list[nodes.Node]:
    """Both texts in one line of text (a heading, a caption, a term, a chart label)."""
    first = nodes.inline("", "", *source, classes=["parallel-source", f"language-{tags[0]}"])
    second = nodes.inline("", "", *translation,
                          classes=["parallel-target", f"language-{tags[1] if translated else tags[0]}"])
    if not translated:
        second["classes"].append("untranslated")
        second += [nodes.Text(" "), untranslated_mark(config, tags[1])]
    return [first, nodes.inline(SEPARATOR, SEPARATOR, classes=["parallel-separator"]), second]


def untranslated_mark(config: Config, tag: str) -> nodes.inline:
    """The label of a text left untranslated, in the language *tag* (the translation's);
    also the Chinese edition's (editions.sphinxext.language_marks)."""
    text = config.edition_untranslated_mark
    return nodes.inline(text, text, classes=["untranslated-mark", f"language-{tag}"])


def keep_mark_words(app: Sphinx, config: Config) -> None:
    """config-inited: the mark's words as sphinx.po has them, plain text.  Not ``_()`` while
    pages are read: by then safety.py has escaped every interface translation for the
    build's output (builder-inited), and the writers escaped the mark a second time
    (``&amp;amp;`` on the page, ``\\textbackslash{}\\&`` in the PDF).  A config value: an
    edited translation of it re-reads every page."""
    config.edition_untranslated_mark = str(_(MESSAGES[0]))


def _without_ids(node: nodes.Element) -> nodes.Element:
    """A copy that claims no id of the page (the translation's half keeps them), and that
    holds no page: a copy keeps its original's document, which the environment would
    pickle with each heading it keeps (shared_environment.KeptTitles)."""
    for sub in node.findall():
        if isinstance(sub, nodes.Element):
            sub["ids"] = []
        sub.document = None
    return node


#: The nodes a parallel edition pairs: blocks (a paragraph, a line), and lines of text
#: that keep their place (a heading, a caption, a term, a rubric, a field's name).
PAIRED = (nodes.paragraph, nodes.line, nodes.title, nodes.caption, nodes.term, nodes.rubric, nodes.field_name)


class KeepSource(SphinxTransform):
    """Before translation: a copy of each message's source (claiming no id) and its
    message, kept on its node while the page is read (``KEPT``, ``KEPT_MESSAGE``:
    attributes, not children, which no writer, search index or ``astext()`` sees), then
    beside the doctree (kept_sources.set_aside).  A translation's environment (zh_CN) is
    read once and written as the translation's edition and as the parallel one (en-zh_CN),
    which sets each copy beside its translation when it is written (SetSideBySide)."""

    default_priority = 19  # sphinx.transforms.i18n.Locale is 20

    def apply(self, **kwargs: Any) -> None:
        if not edition_of(self.config).is_translation:
            return
        # every copy made before any is kept: a copy holds no other's
        kept = [(node, _without_ids(node.deepcopy()), message) for node, message in extract_messages(self.document)
                if isinstance(node, PAIRED)]
        for node, source, message in kept:
            node[KEPT], node[KEPT_MESSAGE] = source, message


def kept_source(node: nodes.Element) -> tuple[nodes.Element, str] | None:
    """The source KeepSource kept on *node*, and its message, while the page is read;
    None if none was kept."""
    source = node.get(KEPT)
    return None if source is None else (source, node[KEPT_MESSAGE])


#: What language_marks.MarkUntranslated did to a passage a one-language translation shows
#: in the source language: the classes the passage had before, and whether it was labelled.
MARKED = "editions_marked"


def unmark_untranslated(document: nodes.document) -> None:
    """A parallel edition shows an untranslated message its own way (both halves the
    source, the second labelled): its passages as they were before the translation's
    edition marked them."""
    for node in list(document.findall(lambda n: isinstance(n, nodes.Element) and MARKED in n.attributes)):
        classes, labelled = node.attributes.pop(MARKED)
        node["classes"] = list(classes)
        if labelled:  # the label, and the space after it (joined to the text after it by name_links)
            del node[0]
            if node.children and isinstance(node[0], nodes.Text):
                rest = str(node[0])[1:]
                if rest:
                    node.replace(node[0], nodes.Text(rest))
                else:
                    node.remove(node[0])


def drop_kept(node: nodes.Element) -> None:
    node.attributes.pop(KEPT_AT, None)


def paired_line(source: list[nodes.Node], translation: list[nodes.Node], translated: bool,
                config: Config) -> list[nodes.Node]:
    """A heading's (caption's, term's, label's) text as the parallel edition of the source
    and the translation being built has it: both texts."""
    tags = (language_tag(source_language(config)), language_tag(config.language))
    return _inline_pair(source, translation, tags, translated, config)


class SetSideBySide(SphinxPostTransform):
    """As a page is written: in a parallel edition each message as a pair of its source
    and its translation; in any other the kept sources are dropped.  Before the
    references are resolved (10), as when the pairs were made while reading: a
    reference in the source's half is resolved as the translation's is."""

    default_priority = 1

    def run(self, **kwargs: Any) -> None:
        found = list(self.document.findall(lambda n: isinstance(n, nodes.Element) and KEPT_AT in n.attributes))
        pair = languages_of(self.config)
        if pair is None:  # the kept sources are not even loaded
            for node in found:
                drop_kept(node)
            return
        unmark_untranslated(self.document)
        tags = (language_tag(pair[0]), language_tag(pair[1]))
        kept = Pages(self.env.doctreedir)  # each page's loaded afresh: its copies are this page's to use
        for node in found:
            source, message = kept.source(node[KEPT_AT])
            drop_kept(node)
            translated = bool(node.get("translated"))
            if isinstance(node, (nodes.paragraph, nodes.line)) and not _is_label(node):
                self._pair_block(node, source, tags, translated, self.config)["msgid"] = message
            else:
                translation = node.children if translated else [c.deepcopy() for c in source.children]
                node.children = []
                node.extend(_inline_pair(source.children, translation, tags, translated, self.config))
                node["msgid"] = message  # the review view finds its catalog entry by it

    @staticmethod
    def _pair_block(node: nodes.Element, source: nodes.Element, tags: tuple[str, str],
                    translated: bool, config: Config) -> nodes.Element:
        parent = node.parent
        if parent is None:
            return node
        target = node
        if not translated:  # the source again, said to be untranslated, read as the source language
            target = source.deepcopy()
            target["classes"] += ["untranslated"]
            target.insert(0, [untranslated_mark(config, tags[1]), nodes.Text(" ")])
        pair = parallel_pair("", classes=["parallel-pair"])
        pair += parallel_half("", source, lang=tags[0], classes=["parallel-half", "parallel-source"])
        pair += parallel_half("", target, lang=tags[1] if translated else tags[0],
                              classes=["parallel-half", "parallel-target"] + ([] if translated else ["untranslated"]))
        pair.source, pair.line = node.source, node.line
        parent.replace(node, pair)
        return pair


class QuotesOfEachLanguage(SphinxSmartQuotes):
    """Typographic quotes for text in a language other than the edition's: the source's
    half of a pair or of a heading, a passage left untranslated.  Sphinx sets the
    quotes of the document's language, and none at all in one of its
    ``smartquotes_excludes`` (zh_CN): the parallel edition's English kept its straight
    \" and ', which the PDF's TeX mapping turned into ” (”Brand districts…”).  Each such
    text gets its own language's quotes, as its own edition has them (“…”, Xi Jinping’s),
    before Sphinx's pass (750) over the rest, under the same settings (``smartquotes``,
    ``smartquotes_action``, ``smartquotes_excludes``)."""

    default_priority = 749

    def apply(self, **kwargs: Any) -> None:
        config = self.config
        if (config.smartquotes is False or self.document.settings.smart_quotes is False
                or self.env._builder_cls.name in config.smartquotes_excludes.get("builders", [])):
            return
        self.smartquotes_action = config.smartquotes_action
        own = language_tag(config.language)
        excluded = {language_tag(lang) for lang in config.smartquotes_excludes.get("languages", [])}
        # the sources KeepSource kept: quoted now, as their half will be in a parallel edition
        source = language_tag(source_language(config))
        kept = [(found[0], source) for node in self.document.findall(nodes.Element)
                if (found := kept_source(node)) is not None]
        for holder, tag in [*self._holders(), *kept]:
            quotes = next((t for t in normalize_language_tag(tag) if t in smartquotes.smartchars.quotes), None)
            if tag == own or tag in excluded or quotes is None:
                continue
            blocks = [holder] if isinstance(holder, nodes.TextElement) else [
                block for block in holder.findall(nodes.TextElement)
                if not isinstance(block.parent, nodes.TextElement) and not isinstance(block, self.nodes_to_skip)]
            for block in blocks:
                texts = list(block.findall(nodes.Text))
                # a text inside that is in a language of its own (the label of an untranslated
                # passage, in the edition's) is left as it is: its own holder, if any, has it
                tokens = [next(self.get_tokens([text])) if _in_language_of(text, holder) else ("literal", str(text))
                          for text in texts]
                taught = smartquotes.educate_tokens(iter(tokens), attr=self.smartquotes_action, language=quotes)
                for text, new in zip(texts, taught, strict=True):
                    if new != str(text):
                        text.parent.replace(text, nodes.Text(new))

    def _holders(self) -> Any:
        """Each element in a language of its own, with its tag: a pair's half (``lang``),
        an element with a ``language-<tag>`` class (a heading's half, an untranslated passage)."""
        for node in self.document.findall(nodes.Element):
            if isinstance(node, parallel_half):
                yield node, node["lang"]
            elif tag := _tag(node):
                yield node, tag


def _in_language_of(text: nodes.Text, holder: nodes.Element) -> bool:
    """Whether *text* is in *holder*'s language: no element between them has a language of its own."""
    node = text.parent
    while node is not None and node is not holder:
        if isinstance(node, parallel_half) or _tag(node):
            return False
        node = node.parent
    return True


#: Nodes whose paragraphs are labels drawn by their own writer (editions.sphinxext.charts,
#: .keyfigures), not paragraphs of the page: each keeps both texts in one line.
LABEL_HOLDERS = ("chart", "key_figure")


def _is_label(node: nodes.Element) -> bool:
    """A chart's or a key figure's label: a line of text in a drawing, not a paragraph of the page."""
    return node.parent is not None and node.parent.__class__.__name__ in LABEL_HOLDERS


class Half(NamedTuple):
    """One language's text of a label."""

    text: str
    tag: str | None  # its BCP 47 tag in a parallel edition, None in a one-language one
    mark: str = ""  # an untranslated half's "Not yet translated", else ""
    mark_tag: str | None = None  # the mark's language: the translation's


def halves(node: nodes.Element) -> list[Half]:
    """The texts of a label (a chart's, a key figure's): in a parallel edition the source's
    and the translation's; else the one text."""
    parts = [n for n in node.findall(nodes.inline) if {"parallel-source", "parallel-target"} & set(n["classes"])]
    if not parts:
        return [Half(" ".join(node.astext().split()), None)]
    found = []
    for part in parts:
        marks = [c for c in part.children if isinstance(c, nodes.inline) and "untranslated-mark" in c["classes"]]
        text = " ".join(c.astext() for c in part.children if c not in marks)
        found.append(Half(" ".join(text.split()), _tag(part), " ".join(m.astext() for m in marks),
                          _tag(marks[0]) if marks else None))
    return found


def _tag(node: nodes.Element) -> str | None:
    return next((c[len("language-"):] for c in node["classes"] if c.startswith("language-")), None)


# paracol's columns run beside the page's text: not inside a list, a table or a box
_NO_COLUMNS_IN = (nodes.list_item, nodes.entry, nodes.table, nodes.footnote, nodes.Admonition, nodes.sidebar,
                  nodes.topic, nodes.block_quote, nodes.line_block, nodes.container)


class SplitListsForPrint(SphinxPostTransform):
    """In the PDF, a list's pairs become pairs of one-item lists (paracol takes no
    list around it); a pair that still sits in a list, a table cell or a box has its
    two texts one under the other."""

    builders = ("latex",)
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if languages_of(self.config) is None:
            return
        # a heading is one line of text for LaTeX (the document's title, the contents, the
        # bookmarks): "<source> · <translation>"
        for title in list(self.document.findall(nodes.title)):
            if any("parallel-source" in c.get("classes", []) for c in title.children if isinstance(c, nodes.Element)):
                text = title.astext()
                title.children = []
                title += nodes.Text(text)
        for listing in list(self.document.findall(lambda n: isinstance(n, (nodes.bullet_list, nodes.enumerated_list)))):
            items = list(listing.children)
            if not items or not all(len(i.children) == 1 and isinstance(i[0], parallel_pair) for i in items):
                continue
            rows = []
            for item in items:
                row = parallel_pair("", classes=["parallel-pair"])
                for half in item[0].children:
                    one = listing.__class__("", nodes.list_item("", *half.children), **listing.attributes)
                    row += parallel_half("", one, **half.attributes)
                rows.append(row)
            listing.replace_self(rows)
        for pair in list(self.document.findall(parallel_pair)):
            ancestor = pair.parent
            while ancestor is not None and not isinstance(ancestor, _NO_COLUMNS_IN):
                ancestor = ancestor.parent
            if ancestor is not None:
                pair.replace_self([child for half in pair.children for child in half.children])


# -- HTML ------------------------------------------------------------------------------------

def visit_pair_html(self: Any, node: parallel_pair) -> None:
    self.body.append(self.starttag(node, "div"))


def visit_half_html(self: Any, node: parallel_half) -> None:
    self.body.append(self.starttag(node, "div", lang=node["lang"]))


def depart_div_html(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


# -- LaTeX: paracol --------------------------------------------------------------------------

def visit_pair_latex(self: Any, node: parallel_pair) -> None:
    self.body.append("\n\\begin{paracol}{2}\n")


def depart_pair_latex(self: Any, node: parallel_pair) -> None:
    self.body.append("\n\\end{paracol}\n")


#: The column of a language that is not CJK (``\editionlatincolumn``, in a parallel
#: edition's preamble: latex.py), in its group:
#:
#: * quotes, apostrophes, dashes and the ellipsis are its font's: xeCJK takes “ ” ‘ ’
#:   – — … for CJK punctuation (full-width, in the CJK font) everywhere; the classes are
#:   set back to Latin here only (``\XeTeXcharclass`` is local to the group), so the
#:   CJK column keeps its full-width marks;
#: * few hyphens: half the measure hyphenated one line in six, on consecutive lines
#:   too; a word is never broken across a page (``\brokenpenalty``).
LATIN_COLUMN = r"""\newcommand{\editionlatincolumn}{%
  \editionlatintext
  \hyphenpenalty=1000 \exhyphenpenalty=1000 \doublehyphendemerits=100000 \brokenpenalty=10000 }"""

#: Text of a language that is not CJK in a CJK document (a column of the parallel edition,
#: a passage the Chinese edition leaves in English: language_marks.LatinPassages): its
#: quotes, apostrophes, dashes and ellipsis in the Latin font; ``\editionowntext`` sets
#: them back to the document's (xeCJK's classes, as they are when the document begins),
#: for a text inside in the edition's language (the label of an untranslated passage).
LATIN_TEXT = r"""\DeclareRobustCommand{\editionlatintext}{%
  \XeTeXcharclass"2018=0 \XeTeXcharclass"2019=0 \XeTeXcharclass"201C=0 \XeTeXcharclass"201D=0
  \XeTeXcharclass"2013=0 \XeTeXcharclass"2014=0 \XeTeXcharclass"2026=0 }
\AtBeginDocument{\edef\editionowntext{%
  \XeTeXcharclass"2018=\the\XeTeXcharclass"2018\space \XeTeXcharclass"2019=\the\XeTeXcharclass"2019\space
  \XeTeXcharclass"201C=\the\XeTeXcharclass"201C\space \XeTeXcharclass"201D=\the\XeTeXcharclass"201D\space
  \XeTeXcharclass"2013=\the\XeTeXcharclass"2013\space \XeTeXcharclass"2014=\the\XeTeXcharclass"2014\space
  \XeTeXcharclass"2026=\the\XeTeXcharclass"2026\space}}"""


def _half_setup(node: parallel_half) -> str:
    """A column is half the measure: justified, words of a Latin script leave gaps (CJK
    text justifies between any two characters), and they are set as its language
    (LATIN_COLUMN).  CJK text is drawn in its language's glyphs: ``\\CJKregionJP`` where
    the edition's main CJK fonts are another region's (latex.cjk_fonts defines it; where
    it is not defined, the ``\\csname`` does nothing)."""
    language = node["lang"].replace("-", "_")
    return (rf"\csname CJKregion{cjk_region(language)}\endcsname" if is_cjk(language)
            else r"\RaggedRight\editionlatincolumn")


def visit_half_latex(self: Any, node: parallel_half) -> None:
    if node.parent.index(node) > 0:
        self.body.append("\n\\switchcolumn\n")
    # in a group: paracol's columns share the settings of the page
    self.body.append(f"\\begingroup{_half_setup(node)}\n")


def depart_half_latex(self: Any, node: parallel_half) -> None:
    self.body.append("\n\\par\\endgroup\n")


def visit_pair_text(self: Any, node: nodes.Element) -> None:
    pass


def depart_pair_text(self: Any, node: nodes.Element) -> None:
    pass
