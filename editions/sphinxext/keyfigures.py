"""Key figures at a glance: ``{key-figures}`` shows the figures of a data file as a panel.

    ```{key-figures} data/key-figures.csv
    ```

The CSV (``label,figure``) is the one place the figures live.  ``figure`` is the
figure as a reader reads it, its number with its unit ("3.59 square
kilometers", "More than 3,000"); ``label`` says what it counts.  Both become
paragraphs of the page, so each is a message of the page's catalog, translated
where every other sentence is: the translator writes the figure the way the
edition's language writes it (39,000 is 3.9万人), and ``make check``'s numbers
check compares the value of the translated figure with the English one, as it
does for every sentence.

The panel is drawn from the translated text at write time: cards that reflow
to the screen in the site (a description list), a panel of large numerals in
the PDF (``latex_preamble()`` has its macros; ``latex.py`` adds them to every
edition's preamble); the markup is in templates/html/key-figures.html.jinja and
templates/tex/key-figure*.tex.jinja.  The number of a figure (its first run of
digits) is set large, the words around it ("More than", "square kilometers", 万人)
small.
Everything is escaped for HTML and for TeX where it lands (the templates' environments,
editions.templating): a translation stays text.

The panel may carry a caption (``:caption: Figures as of {as_of}``), one more
message of the page, under the figures; ``{as_of}`` is conf.py's
``edition_data_as_of`` (editions.sphinxext.as_of): the year the figures are of.

In a parallel edition (editions.sphinxext.parallel) each label and figure holds
both languages: a card or a panel's figure shows the source's figure with its
number large, the translation's figure under it (whole: 39,000 is 3.9万人, the
number may differ), then the label in the source language and under it in the
translation's, each with its own ``lang``.  An untranslated half says so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives

from ..templating import render_html, render_tex
from .as_of import AsOfError, as_of_text
from .datafiles import DataFileDirective, DataFileError, read_rows
from .parallel import Half, halves
from .pdf_tagging import checked_tag
from .tex import BRAND

TEMPLATES = Path(__file__).resolve().parent / "templates"


class key_figures(nodes.General, nodes.Element):
    """The panel: one ``key_figure`` child per row of the data file."""


class key_figure(nodes.Part, nodes.Element):
    """One figure: two paragraphs, its label and the figure (number and unit)."""


#: The number of a figure: its first run of digits, with separators (3.59, 39,000, ３．５９).
_NUMBER = re.compile(r"[0-9\uff10-\uff19](?:[0-9\uff10-\uff19.,\uff0c\uff0e]*[0-9\uff10-\uff19])?")


class Figure(NamedTuple):
    """A figure's text in three parts: words before the number, the number, words after.
    Each part keeps its spaces: "More than 3,000" is ("More than ", "3,000", "")."""

    before: str
    number: str
    after: str
    label: str


def split_figure(text: str, label: str = "") -> Figure:
    """*text* as words before its number, the number, words after; a figure without
    digits (a translation may write numbers as words) is all number."""
    text = " ".join(text.split())
    match = _NUMBER.search(text)
    if match is None:
        return Figure("", text, "", label)
    return Figure(text[:match.start()], match.group(0), text[match.end():], label)


class Card(NamedTuple):
    """A figure as the panel shows it: the first language's, split for its large number;
    in a parallel edition the translation's label and figure too (``second``)."""

    figure: Figure
    first: Half  # the label in the first (or only) language
    first_figure: Half
    second: tuple[Half, Half] | None  # (label, figure) in the second language

    @property
    def second_figure(self) -> Half | None:
        """The translation's figure, shown under the source's unless it reads the same (1954)."""
        if self.second is None:
            return None
        figure = self.second[1]
        return figure if figure.text != self.first_figure.text or figure.mark else None


def cards(node: key_figures) -> list[Card]:
    found = []
    for child in node.children:
        if isinstance(child, key_figure):
            label, figure = ([*(halves(p) for p in child.children if isinstance(p, nodes.paragraph)),
                              [Half("", None)], [Half("", None)]])[:2]
            second = (label[1], figure[1]) if len(label) > 1 and len(figure) > 1 else None
            found.append(Card(split_figure(figure[0].text, label[0].text), label[0], figure[0], second))
    return found


def figures(node: key_figures) -> list[Figure]:
    """Each figure in the first (or only) language, with its label."""
    return [card.figure for card in cards(node)]


def read_figures(path: Path, shown: str) -> list[tuple[str, str]]:
    """The (label, figure) rows of a key-figures CSV; DataFileError naming file:line otherwise."""
    rows = []
    for number, row in read_rows(path, shown, "key figures", ("label", "figure")):
        if not row["label"]:
            raise DataFileError(f"{shown}:{number}: a figure without a label: say what it counts")
        if not re.search(r"[0-9]", row["figure"]):
            raise DataFileError(f"{shown}:{number}: the figure {row['figure']!r} has no number in digits "
                                "(write it as the reader reads it: 3.59 square kilometers, More than 3,000)")
        rows.append((row["label"], row["figure"]))
    return rows


def caption_halves(node: key_figures) -> list[Half]:
    """The panel's caption: one half, or in a parallel edition two; none without a caption."""
    return next((halves(c) for c in node.children if isinstance(c, nodes.caption)), [])


class KeyFiguresDirective(DataFileDirective):
    option_spec: ClassVar[dict[str, Any]] = {"name": directives.unchanged, "caption": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        rows = self.read_data_file(read_figures, "key figures")
        source, line = self.get_source_info()
        panel = key_figures()
        panel.source, panel.line = source, line
        if self.options.get("caption"):
            try:
                text = as_of_text(" ".join(self.options["caption"].split()), self.config)
            except AsOfError as exc:
                raise self.error(str(exc)) from None
            caption = nodes.caption(text, text)
            caption.source, caption.line = source, line
            panel += caption  # a message of the page's catalog, before the figures'
        for label, figure in rows:
            item = key_figure()
            for text in (label, figure):  # messages of the page's catalog, in this order
                paragraph = nodes.paragraph(text, text)
                paragraph.source, paragraph.line = source, line
                item += paragraph
            panel += item
        self.add_name(panel)
        return [panel]


# -- HTML: cards ------------------------------------------------------------------------

def visit_key_figures_html(self: Any, node: key_figures) -> None:
    self.body.append(render_html(TEMPLATES / "html", "key-figures.html.jinja", cards=cards(node),
                                 caption=caption_halves(node), ident=node["ids"][0] if node["ids"] else "",
                                 colour=self.config.edition_colour))
    raise nodes.SkipNode


# -- LaTeX: a panel of large numerals ---------------------------------------------------

#: Size of a figure's number in the PDF, in points (its words are \footnotesize).
NUMBER_SIZE = 24

def latex_preamble() -> str:
    """The panel's macros, in every edition's preamble (latex.py)."""
    return render_tex(TEMPLATES / "tex", "key-figures-preamble.tex.jinja", brand=BRAND, number_size=NUMBER_SIZE)


def panel_tex(node: key_figures, columns: int = 2) -> str:
    return render_tex(TEMPLATES / "tex", "key-figures.tex.jinja", cards=cards(node), caption=caption_halves(node),
                      columns=columns, checked_tag=checked_tag)


def visit_key_figures_latex(self: Any, node: key_figures) -> None:
    self.body.append("\n" + panel_tex(node) + "\n")
    raise nodes.SkipNode


def visit_key_figures_text(self: Any, node: key_figures) -> None:
    self.new_state(0)
    lines = [" / ".join(h.text for h in (card.first, *(card.second or ())[:1])) + ": "
             + " / ".join(h.text for h in (card.first_figure, *(card.second or ())[1:]))
             for card in cards(node)]
    caption = caption_halves(node)
    if caption:
        lines.append(" / ".join(h.text for h in caption))
    self.add_text("\n".join(lines))
    self.end_state()
    raise nodes.SkipNode


def not_drawn_alone(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode
