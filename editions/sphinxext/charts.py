"""Key figures as a picture: ``{chart}`` draws a bar chart from a data file.

    ```{chart} data/enterprise-tax-tiers.csv
    :caption: Enterprises by tax paid
    :unit: enterprises
    ```

The CSV (``label,value``) is the one place the figures live.  The caption, the
unit (what a value counts, optional) and each label become ordinary paragraphs of
the page, so they are extracted into the page's catalog and translated where
every other sentence is; the drawing
is made at write time from the translated text: inline SVG for the site (with
``<title>`` and ``<desc>`` as its text alternative), TikZ vector graphics for
the PDF.  Labels are escaped for SVG and for TeX: a translation stays text.
The text alternative reads each bar as "label: value unit", with the punctuation
and spacing of the edition's language ("纳税超1亿元：5家；……" in Chinese).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives

from ..languages import is_cjk
from .datafiles import DataFileDirective, DataFileError, read_rows
from .parallel import halves
from .tex import BRAND, tex_escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class chart(nodes.General, nodes.Element):
    """Children: a caption, then one paragraph per label; ``values`` attribute.  With a
    unit, the unit's paragraph (class ``chart-unit``) comes first after the caption."""


#: A data file that cannot be drawn (editions.sphinxext.datafiles).
ChartDataError = DataFileError


# A value as the data file must write it: ASCII digits, an optional decimal part.
# float() would also take "nan", "inf", "1e400" or Arabic-Indic digits (٥).
_VALUE = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,6})?")


def read_data(path: Path, shown: str) -> list[tuple[str, float]]:
    """The (label, value) rows of a chart's CSV; ChartDataError naming file:line otherwise."""
    rows = []
    for number, row in read_rows(path, shown, "chart data", ("label", "value")):
        if not _VALUE.fullmatch(row["value"]):
            raise ChartDataError(f"{shown}:{number}: the value {row['value']!r} is not a number such as 133 or 3.59 "
                                 "(ASCII digits, at most one decimal point)")
        rows.append((row["label"], float(row["value"])))
    return rows


def _lines(node: nodes.Element) -> tuple[str, ...]:
    """A label's text: one line, or in a parallel edition two (source, translation)."""
    return tuple(half.text for half in halves(node))


def chart_parts(node: chart) -> tuple[str, list[tuple[tuple[str, ...], float]]]:
    """The caption and each bar's label lines and value."""
    caption = next((" / ".join(_lines(c)) for c in node.children if isinstance(c, nodes.caption)), "")
    labels = [_lines(c) for c in node.children if isinstance(c, nodes.paragraph) and "chart-unit" not in c["classes"]]
    return caption, list(zip(labels, node["values"]))


def chart_unit(node: chart) -> tuple[str, ...]:
    """What a value counts ("enterprises", 家), one line a language; () without a unit."""
    return next((_lines(c) for c in node.children
                 if isinstance(c, nodes.paragraph) and "chart-unit" in c["classes"]), ())


def description(node: chart, language: str) -> str:
    """The chart as a sentence for a screen reader: "label: 5 enterprises; ..."; in a
    CJK edition with its full-width colon and semicolon and no spaces ("纳税超1亿元：5家；…")."""
    _caption, data = chart_parts(node)
    unit = chart_unit(node)
    # Chinese and Japanese: full-width marks, no spaces (Korean spaces its words)
    cjk = is_cjk(language) and language.split("_")[0] != "ko" and len(unit) < 2 and all(len(lines) < 2 for lines, _value in data)
    colon, semicolon, space = ("：", "；", "") if cjk else (": ", "; ", " ")
    unit_text = " / ".join(unit)
    return semicolon.join(f"{' / '.join(lines)}{colon}{number(value)}{space + unit_text if unit_text else ''}"
                          for lines, value in data)


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


class ChartDirective(DataFileDirective):
    option_spec = {"caption": directives.unchanged_required, "unit": directives.unchanged_required,
                   "name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        data = self.read_data_file(read_data, "chart data")
        source, line = self.get_source_info()
        node = chart(values=[value for _label, value in data])
        node.source, node.line = source, line
        caption_text = self.options.get("caption", "")
        if caption_text:
            caption = nodes.caption(caption_text, caption_text)
            caption.source, caption.line = source, line
            node += caption
        unit_text = " ".join(self.options.get("unit", "").split())
        if unit_text:
            unit = nodes.paragraph(unit_text, unit_text, classes=["chart-unit"])
            unit.source, unit.line = source, line
            node += unit
        for label, _value in data:
            paragraph = nodes.paragraph(label, label)
            paragraph.source, paragraph.line = source, line
            node += paragraph
        self.add_name(node)
        return [node]


# -- HTML: inline SVG -------------------------------------------------------------------

ROW, LABEL_GAP, BAR_HEIGHT, WIDTH, BAR_SPACE, LINE = 52, 20, 20, 640, 540, 19


def svg(node: chart, ident: str, colour: str, language: str = "en") -> str:
    caption, data = chart_parts(node)
    top = max(value for _label, value in data) or 1
    extra = LINE * (max(len(lines) for lines, _value in data) - 1)  # a second line of label
    row = ROW + extra
    height = row * len(data) + 8
    desc = description(node, language)
    parts = [
        f'<svg class="chart-graphic" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(caption)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for index, (lines, value) in enumerate(data):
        y = index * row
        width = max(2.0, BAR_SPACE * value / top)
        spans = "".join(f'<tspan x="0" dy="{0 if n == 0 else LINE}">{escape(line)}</tspan>' for n, line in enumerate(lines))
        parts += [
            f'<text x="0" y="{y + 16}" class="chart-label">{spans}</text>',
            f'<rect x="0" y="{y + extra + LABEL_GAP + 4}" width="{width:.1f}" height="{BAR_HEIGHT}" rx="2" '
            f'fill="{escape(colour)}"/>',
            f'<text x="{width + 8:.1f}" y="{y + extra + LABEL_GAP + 19}" class="chart-value">{escape(number(value))}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts)


def visit_chart_html(self: Any, node: chart) -> None:
    ident = node["ids"][0] if node["ids"] else f"chart-{id(node)}"
    caption, _data = chart_parts(node)
    self.body.append(f'<figure class="chart" id="{escape(ident)}">\n{svg(node, ident, self.config.edition_colour, self.config.language)}\n')
    if caption:
        self.body.append(f"<figcaption>{escape(caption)}</figcaption>\n")
    self.body.append("</figure>\n")
    raise nodes.SkipNode


# -- LaTeX: TikZ ------------------------------------------------------------------------

#: The longest bar, in cm: the brochure's A5 measure (11.6 cm) less room for its value.
BAR_LENGTH = 10.0


def tikz(node: chart) -> str:
    caption, data = chart_parts(node)
    top = max(value for _label, value in data) or 1
    lines = [r"\begin{figure}[htbp]", r"\centering", r"\begin{tikzpicture}[x=1cm,y=1cm]"]
    step = 1.15 + 0.45 * (max(len(label) for label, _value in data) - 1)
    for index, (label, value) in enumerate(data):
        y = -step * index
        width = max(0.04, BAR_LENGTH * value / top)
        text = r"\\".join(tex_escape(line) for line in label)
        lines += [
            rf"\node[anchor=south west,inner sep=0pt,align=left,font=\small\sffamily] at (0,{y + 0.08:.2f}) {{{text}}};",
            rf"\fill[{BRAND}] (0,{y - 0.42:.2f}) rectangle ({width:.2f},{y - 0.02:.2f});",
            rf"\node[anchor=west,font=\small\sffamily] at ({width + 0.1:.2f},{y - 0.22:.2f}) {{{tex_escape(number(value))}}};",
        ]
    lines.append(r"\end{tikzpicture}")
    if caption:
        lines.append(rf"\caption{{{tex_escape(caption)}}}")
    lines.append(r"\end{figure}")
    return "\n".join(lines) + "\n"


def visit_chart_latex(self: Any, node: chart) -> None:
    self.body.append("\n" + tikz(node))
    raise nodes.SkipNode


def visit_chart_text(self: Any, node: chart) -> None:
    caption, data = chart_parts(node)
    self.new_state(0)
    self.add_text(caption + "\n" + "\n".join(f"  {' / '.join(label)}: {number(value)}" for label, value in data))
    self.end_state()
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(
        chart,
        html=(visit_chart_html, None),
        latex=(visit_chart_latex, None),
        text=(visit_chart_text, None),
    )
    app.add_directive("chart", ChartDirective)
