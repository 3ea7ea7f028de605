"""The names glossary: the profile's names in English and Chinese, side by side, for readers.

A visitor reading a place's English name needs its Chinese one to find it; a Chinese
reader may want the English name.  The termbase (``locales/<language>/termbase.tsv``)
already pairs them for the translators; this module gives readers its **confirmed**
names (a ``pending`` one waits for the office and is left out), in every edition:

* the ``{names-glossary}`` directive, in a page of the profile (``docs/names.md``, whose
  title and words go through the page's catalog like any other): one table a group
  (``GROUPS``: places, organisations, programmes, honours, from the terms' ``kind``;
  slogans, works, events and plain terms are not names a reader looks up), a column a
  language: the source's, then the translation's (the source edition's: every
  translation with a termbase).  Group headings and column heads are interface strings
  (``sphinx.pot``, translated in ``sphinx.po``);
* ``name_links.LinkFirstMentions``: on every other page, the first time each name appears in the
  body text in a language of the edition (the English in en, the Chinese in zh_CN, both
  in en-zh_CN), it links to its row.  Never in a heading, a link, literal text, a table,
  a chart, a key figure or a caption;
* in the PDF, a paragraph a name, the English at the left and the Chinese at the right
  margin (TeX Live 2022's tagging reads no table), the Chinese of a Latin-script brochure
  in Noto CJK; the pages' names are plain text there (name_links.resolve_link).

The termbase is contributors' data: each value becomes a docutils text node, which the
HTML and LaTeX writers escape; nothing here writes markup of it.  The glossary is read
once, at config-inited, into ``edition_names`` (a config value: a changed termbase reads
every page again, as its links may move), with the terms check's own reader
(``editions.checks.terms.load``), whose findings are reported at the termbase's line.
"""

from __future__ import annotations

import os
import stat
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from docutils.nodes import make_id
from sphinx.builders.gettext import MsgOrigin
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..catalogs import display_path
from ..checks import terms
from ..checks.report import format_text
from ..languages import cjk_region, is_cjk, language_tag
from ..templating import render_tex
from .current_edition import edition_of, profile
from .imprint import said
from .parallel import SEPARATOR
from .pdf_tagging import checked_tag
from .tex import TexText
from .translated_config import _line_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates" / "tex"

GROUP_CLASS, TABLE_CLASS, LINK_CLASS = "names-group", "names-glossary", "names-link"
LINK_TYPE = "names-glossary"  # a pending_xref of no domain: name_links.resolve_link resolves it
#: The termbases each build read (editions.sphinxext.name_links finds their names in the pages).
termbases_read: weakref.WeakKeyDictionary[Config, dict[str, terms.Termbase]] = weakref.WeakKeyDictionary()

#: The glossary's groups, in order: interface messages (sphinx.pot), one a line (its reference).
PLACES = "Places"
ORGANISATIONS = "Organisations"
PROGRAMMES = "Programmes"
HONOURS = "Honours"
GROUPS = (PLACES, ORGANISATIONS, PROGRAMMES, HONOURS)
#: The termbase's kinds (editions.checks.terms.KINDS) that are names a reader looks up.
KIND_GROUPS = {"place": PLACES, "community": PLACES, "road": PLACES, "river": PLACES,
               "organisation": ORGANISATIONS, "company": ORGANISATIONS,
               "programme": PROGRAMMES, "campaign": PROGRAMMES, "honour": HONOURS}
#: A column's head is the language's English name, translated in sphinx.po: these, else Babel's.
LANGUAGE_NAMES = {
    "en": "English",
    "zh": "Chinese",
}


class Name(NamedTuple):
    """One row: its group, its anchor, and its form in each language (the source's first)."""

    group: str
    anchor: str
    forms: tuple[tuple[str, str], ...]  # (language, text)


def language_word(language: str) -> str:
    """The English name of *language* (``zh_CN`` -> "Chinese"): a column head's message."""
    base = language.split("_")[0].split("@")[0]
    if base in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[base]
    try:
        from babel import Locale

        return Locale.parse(language).get_language_name("en") or language
    except Exception:  # noqa: BLE001 - unknown to CLDR: the code is still a name
        return language


def read_termbase(path: Path) -> terms.Termbase | None:
    """The termbase at *path*, read as make check reads it; what is wrong with it is
    reported at its line (a warning: the build stops under -W).  A symbolic link or any
    other special file is refused, as the gate refuses it under locales/."""
    if not os.path.lexists(path):
        return None
    if not stat.S_ISREG(os.lstat(path).st_mode):
        logger.warning("%s:1: [terms] the termbase is not a regular file (a symbolic link?); put the file itself "
                       "there", display_path(path), type="editions", subtype="termbase")
        return None
    termbase, findings = terms.load(path)
    for finding in findings:  # as make check prints them (no location: Sphinx has no environment yet)
        if finding.severity != terms.NOTE:
            logger.warning("%s", format_text(finding), type="editions", subtype="termbase")
    return termbase


def glossary(config: Config) -> tuple[list[str], list[Name], dict[str, terms.Termbase]]:
    """The edition's columns (languages), its names in order, and the termbases read."""
    project = profile(config)
    source = project.source_language
    termbases = {language: termbase for language, path in project.termbases_of(edition_of(config)).items()
                 if (termbase := read_termbase(path)) is not None}
    rows: dict[str, dict[str, Any]] = {}  # by the source form, case-insensitive
    for language, termbase in termbases.items():
        for term in termbase.terms:
            group = KIND_GROUPS.get(term.kind)
            if term.pending or group is None:
                continue
            row = rows.setdefault(" ".join(term.english.casefold().split()),
                                  {"group": group, "forms": {source: term.english}})
            row["forms"].setdefault(language, term.translation)
    anchors: set[str] = set()
    names = []
    for row in sorted(rows.values(), key=lambda r: (GROUPS.index(r["group"]), r["forms"][source].casefold())):
        anchor = make_id(f"name-{row['forms'][source]}")
        while anchor in anchors:
            anchor += "-x"
        anchors.add(anchor)
        names.append(Name(row["group"], anchor, tuple(row["forms"].items())))
    return [source, *termbases], names, termbases


def collect_names(app: Sphinx, config: Config) -> None:
    """config-inited (100, the interface catalogs in the edition's language): the glossary's
    rows and its words, plain text, before safety.py escapes interface translations (200)."""
    columns, names, termbases = glossary(config)
    termbases_read[config] = termbases  # for the links (name_links): read once, reported once
    config.edition_names = tuple(names)
    words = {message: said(config, message) for message in (*GROUPS, *map(language_word, columns))}
    config.edition_names_words = {"columns": tuple(columns), **{key: tuple(value) for key, value in words.items()}}


# -- The glossary page ---------------------------------------------------------------------------

def said_words(words: tuple[str, ...], tags: list[str]) -> list[nodes.Node]:
    """A word in the edition's language, or a parallel edition's two, each with its language."""
    if len(words) == 1:
        return [nodes.Text(words[0])]
    parts: list[nodes.Node] = []
    for index, (word, tag) in enumerate(zip(words, tags, strict=False)):
        if index:
            parts.append(nodes.Text(SEPARATOR))
        parts.append(nodes.inline(word, word, classes=[f"language-{tag}"]))
    return parts


def _cell(*children: nodes.Node, language: str | None = None) -> nodes.entry:
    if language:  # read in its language (HTML lang; the PDF's font for it)
        children = (nodes.inline("", "", *children, classes=[f"language-{language_tag(language)}"]),)
    return nodes.entry("", nodes.paragraph("", "", *children, translatable=False))  # not a message of the page


#: The interface message a glossary's heading or column head says (its key in ``edition_names_words``).
WORDS = "editions_names_words"


def words_as_translation(words: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``edition_names_words`` as a parallel edition's translation's edition has them: each
    message in the translation only (the last of a parallel edition's two)."""
    return {key: value if key == "columns" else value[-1:] for key, value in words.items()}


class names_glossary(nodes.container):
    """The glossary: its headings and tables for HTML (a container); the PDF draws it from
    ``edition_names`` (``visit_names_glossary_latex``)."""


class NamesGlossaryDirective(SphinxDirective):
    """``{names-glossary}``: the confirmed names of the termbases, a table a group."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        names: tuple[Name, ...] = tuple(Name(*name) for name in self.config.edition_names)
        words = self.config.edition_names_words
        columns = list(words.get("columns", ()))
        pair = edition_of(self.config).pair
        tags = [language_tag(language) for language in (pair or ())]
        std = self.env.domains.standard_domain
        result: list[nodes.Node] = []
        for group in GROUPS:
            rows = [name for name in names if name.group == group]
            if not rows:
                continue
            # an h2 in HTML (the PDF draws the glossary itself: visit_names_glossary_latex)
            heading = nodes.rubric("", "", *said_words(words[group], tags), classes=[GROUP_CLASS], translatable=False)
            heading["heading-level"] = 2
            heading[WORDS] = group
            result.append(heading)
            table = nodes.table(classes=[TABLE_CLASS, "colwidths-given"])
            tgroup = nodes.tgroup(cols=len(columns))
            table += tgroup
            for index in range(len(columns)):
                tgroup += nodes.colspec(colwidth=3 if index == 0 else 2)
            head = nodes.row()
            for language in columns:
                head += _cell(*said_words(words[language_word(language)], tags))
                head[-1][0][WORDS] = language_word(language)
            tgroup += nodes.thead("", head)
            body = nodes.tbody()
            for name in rows:
                forms = dict(name.forms)
                row = nodes.row()
                for index, language in enumerate(columns):
                    text = forms.get(language, "")
                    children: list[nodes.Node] = [nodes.Text(text)] if text else []
                    if index == 0:
                        children.insert(0, nodes.target("", "", ids=[name.anchor]))
                        std.anonlabels[name.anchor] = (self.env.docname, name.anchor)
                    row += _cell(*children, language=language if text else None)
                body += row
            tgroup += body
            result.append(table)
        return [names_glossary("", *result, classes=[TABLE_CLASS])] if result else []


# -- In print ------------------------------------------------------------------------------------

class Form(NamedTuple):
    """A name's form in the PDF: its text, its language's tag where it is not the document's,
    and whether it needs the CJK font a Latin-script brochure lacks."""

    text: str
    tag: str | None
    cjk_font: bool


def _form(text: str, language: str, config: Config) -> Form:
    own = language == config.language
    return Form(text, None if own else language_tag(language), is_cjk(language) and not _cjk_document(config))


def _cjk_document(config: Config) -> bool:
    return any(is_cjk(language) for language in edition_of(config).languages)


def visit_names_glossary_latex(self: Any, node: names_glossary) -> None:
    """The glossary in the PDF: a paragraph a name (templates/tex/names-glossary.tex.jinja);
    its rows' anchors are Sphinx's labels, which the pages' links go to."""
    config = self.config
    words = config.edition_names_words
    columns = list(words.get("columns", ()))
    names = [Name(*name) for name in config.edition_names]
    pair = edition_of(config).pair or ()

    def said_here(message: str) -> list[Form]:
        """Interface words in the edition's language; a parallel edition's halves each a
        Span of its language, as its sections' headings are."""
        return [Form(word, language_tag(language) if pair else None, False)
                for word, language in zip(words[message], pair or (config.language,), strict=False)]

    heads = [said_here(language_word(language)) for language in columns]
    groups = []
    for group in GROUPS:
        rows = [{"label": TexText(self.hypertarget(name.anchor)),
                 "cells": [_form(dict(name.forms).get(language, ""), language, config) for language in columns]}
                for name in names if name.group == group]
        if rows:
            groups.append({"heading": said_here(group), "rows": rows})
    self.body.append("\n" + render_tex(TEMPLATES, "names-glossary.tex.jinja", groups=groups, heads=heads,
                                        checked_tag=checked_tag, separator=SEPARATOR) + "\n")
    raise nodes.SkipNode


def print_preamble(app: Sphinx, config: Config) -> None:
    """config-inited, after the LaTeX set-up (150): a Latin-script brochure whose glossary
    shows CJK names gets a font for them (only for them: the document stays Latin)."""
    if not config.edition_names or _cjk_document(config):
        return
    cjk = next((language for language in config.edition_names_words.get("columns", ()) if is_cjk(language)), None)
    if cjk is None:
        return
    elements = dict(config.latex_elements)
    font = render_tex(TEMPLATES, "names-cjk-font.tex.jinja", region=cjk_region(cjk))
    elements["preamble"] = "\n".join([elements.get("preamble", ""), font])
    config.latex_elements = elements


def add_messages(app: Sphinx) -> None:
    """builder-inited: the groups and the column heads (each language's name) into sphinx.pot."""
    if app.builder.name != "gettext":
        return
    here = Path(__file__)
    for message in (*GROUPS, *map(language_word, profile(app.config).languages)):
        # the line that writes it as a literal ("Places"); Babel's names at language_word
        line = _line_of(here, f'"{message}"') or _line_of(here, "def language_word")
        app.builder.catalogs["sphinx"].add(message, MsgOrigin(source=str(here), line=line))
