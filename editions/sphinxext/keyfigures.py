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
the PDF (``LATEX_PREAMBLE`` has its macros; ``latex.py`` adds them to every
edition's preamble).  The number of a figure (its first run of digits) is set
large, the words around it ("More than", "square kilometers", 万人) small.
Everything is escaped for HTML and for TeX where it lands: a translation stays
text.

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
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives

from .as_of import AsOfError, as_of_text
from .datafiles import DataFileDirective, DataFileError, read_rows
from .parallel import Half, halves
from .pdf_tagging import checked_tag
from .tex import BRAND, tex_escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx


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

def _html_figure(figure: Figure) -> str:
    parts = []
    if figure.before.strip():
        parts.append(f'<span class="key-figure-words">{escape(figure.before.strip())}</span>'
                     + (" " if figure.before[-1:] == " " else ""))
    parts.append(f'<span class="key-figure-number">{escape(figure.number)}</span>')
    if figure.after.strip():
        parts.append((" " if figure.after[:1] == " " else "")
                     + f'<span class="key-figure-words">{escape(figure.after.strip())}</span>')
    return "".join(parts)


def _html_half(half: Half, html: str, second: bool) -> str:
    """A half of a parallel card in its own language; an untranslated one says so."""
    classes = "key-figure-second" if second else "key-figure-first"
    mark = ""
    if half.mark:
        classes += " untranslated"
        lang = f' lang="{escape(half.mark_tag)}"' if half.mark_tag else ""
        mark = f' <span class="untranslated-mark"{lang}>{escape(half.mark)}</span>'
    lang = f' lang="{escape(half.tag)}"' if half.tag else ""
    return f'<span class="{classes}"{lang}>{html}{mark}</span>'


def visit_key_figures_html(self: Any, node: key_figures) -> None:
    ident = f' id="{escape(node["ids"][0])}"' if node["ids"] else ""
    colour = escape(self.config.edition_colour)
    # "simple": none of the theme's styles for API descriptions
    self.body.append(f'<dl class="key-figures simple"{ident} style="--edition-colour: {colour}">\n')
    for card in cards(node):
        # the label first for a screen reader ("Area: 3.59 square kilometers"); the
        # style sheet shows the number on top
        label, figure = escape(card.figure.label), _html_figure(card.figure)
        if card.second is not None:
            second_label = card.second[0]
            label = (_html_half(card.first, label, False)
                     + _html_half(second_label, escape(second_label.text), True))
            figure = _html_half(card.first_figure, figure, False)
            if card.second_figure is not None:
                figure += _html_half(card.second_figure, escape(card.second_figure.text), True)
        self.body.append(f'<div class="key-figure"><dt>{label}</dt><dd>{figure}</dd></div>\n')
    self.body.append("</dl>\n")
    caption = caption_halves(node)
    if caption:
        text = (escape(caption[0].text) if len(caption) == 1
                else " ".join(_html_half(half, escape(half.text), n > 0) for n, half in enumerate(caption)))
        self.body.append(f'<p class="key-figures-caption">{text}</p>\n')
    raise nodes.SkipNode


# -- LaTeX: a panel of large numerals ---------------------------------------------------

#: Size of a figure's number in the PDF, in points (its words are \footnotesize).
NUMBER_SIZE = 24

#: The panel's macros, in every edition's preamble (latex.py): a tinted box of cards,
#: two a row.  \editionkeyfigure{figure}{label}; inside the figure \editionkfnumber
#: and \editionkfwords, in a parallel edition \editionkfsecond (the translation's
#: figure) and \editionkfuntranslated (its mark); \editionkfrow ends a row.  A card is
#: a [t] minipage that \vspace{0pt} opens: the cards of a row align at their tops (a
#: round "3" stands higher than a flat "7"), whatever begins the first line (the figure's
#: colour, or in a parallel edition the Span of its language, which begins the paragraph).
LATEX_PREAMBLE = rf"""
\newlength{{\editionkfwidth}}
\newsavebox{{\editionkfbox}}
\newcommand{{\editionkfnumber}}[1]{{{{\sffamily\bfseries%
  \fontsize{{{NUMBER_SIZE}}}{{{NUMBER_SIZE + 2}}}\selectfont\color{{{BRAND}}}#1}}}}
\newcommand{{\editionkfwords}}[1]{{{{\sffamily\bfseries\footnotesize\color{{{BRAND}}}#1}}}}
\newcommand{{\editionkfspace}}{{\hspace{{0.45em}}}}
\newcommand{{\editionkeyfigure}}[2]{{%
  \begin{{minipage}}[t]{{\editionkfwidth}}\vspace{{0pt}}\raggedright
    #1\par\vspace{{1pt}}%
    {{\sffamily\footnotesize\color{{black!75}}#2\par}}%
  \end{{minipage}}}}
\newcommand{{\editionkfsecond}}[1]{{{{\sffamily\bfseries\footnotesize\color{{{BRAND}}}#1}}}}
\newcommand{{\editionkfuntranslated}}[1]{{{{\mdseries\color{{black!55}}[#1]}}}}
\newcommand{{\editionkfrow}}{{\par\vspace{{9pt}}}}
\newcommand{{\editionkfcaption}}[1]{{\par\vspace{{7pt}}{{\sffamily\scriptsize\color{{black!65}}#1\par}}}}
\newenvironment{{editionkeyfigures}}{{%
  \par\vspace{{6pt}}\noindent
  \begin{{lrbox}}{{\editionkfbox}}%
  \begin{{minipage}}{{\dimexpr\linewidth-2\fboxsep-8pt\relax}}%
  \setlength{{\editionkfwidth}}{{\dimexpr(\linewidth-1.5em)/2\relax}}%
  \setlength{{\parskip}}{{0pt}}\setlength{{\parindent}}{{0pt}}\vspace{{4pt}}%
}}{{%
  \end{{minipage}}\end{{lrbox}}%
  {{\setlength{{\fboxsep}}{{\dimexpr\fboxsep+4pt\relax}}\colorbox{{{BRAND}!7}}{{\usebox{{\editionkfbox}}}}}}%
  \par\vspace{{6pt}}}}
"""


def _tex_figure(figure: Figure) -> str:
    parts = []
    if figure.before.strip():
        parts.append(rf"\editionkfwords{{{tex_escape(figure.before.strip())}}}"
                     + (r"\editionkfspace{}" if figure.before[-1:] == " " else ""))
    parts.append(rf"\editionkfnumber{{{tex_escape(figure.number)}}}")
    if figure.after.strip():
        parts.append((r"\editionkfspace{}" if figure.after[:1] == " " else "")
                     + rf"\editionkfwords{{{tex_escape(figure.after.strip())}}}")
    return "".join(parts)


def _in_language(tex: str, tag: str | None) -> str:
    """*tex* in the language *tag* (a parallel edition's half): in the tagged PDF a Span
    with its /Lang (pdf_tagging's \\editionlang); as it is in a one-language edition."""
    return tex if tag is None else rf"\editionlang{{{checked_tag(tag)}}}{{{tex}}}"


def _tex_half(half: Half) -> str:
    mark = (" " + _in_language(rf"\editionkfuntranslated{{{tex_escape(half.mark)}}}", half.mark_tag)
            if half.mark else "")
    return _in_language(tex_escape(half.text), half.tag) + mark


def panel_tex(node: key_figures, columns: int = 2) -> str:
    lines = [r"\begin{editionkeyfigures}"]
    shown = cards(node)
    for index, card in enumerate(shown):
        figure, label = _in_language(_tex_figure(card.figure), card.first_figure.tag), tex_escape(card.figure.label)
        if card.second is not None:  # the translation's figure and label under the source's
            if card.second_figure is not None:
                figure += rf"\par\editionkfsecond{{{_tex_half(card.second_figure)}}}"
            label = _tex_half(card.first) + r"\par " + _tex_half(card.second[0])
        lines.append(rf"\editionkeyfigure{{{figure}}}{{{label}}}"
                     + (r"\hfill" if index % columns < columns - 1 and index < len(shown) - 1 else ""))
        if index % columns == columns - 1 and index < len(shown) - 1:
            lines.append(r"\editionkfrow")
    caption = caption_halves(node)
    if caption:
        lines.append(r"\editionkfcaption{" + r"\par ".join(_tex_half(half) for half in caption) + "}")
    lines.append(r"\end{editionkeyfigures}")
    return "\n".join(lines) + "\n"


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


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(
        key_figures,
        html=(visit_key_figures_html, None),
        latex=(visit_key_figures_latex, None),
        text=(visit_key_figures_text, None),
    )
    # drawn by its panel: never visited on its own
    app.add_node(key_figure, html=(_skip, None), latex=(_skip, None), text=(_skip, None))
    app.add_directive("key-figures", KeyFiguresDirective)
