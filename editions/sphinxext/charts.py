"""Key figures as a picture: ``{chart}`` draws a bar chart from a data file.

    ```{chart} data/enterprise-tax-tiers.csv
    :caption: Enterprises by tax paid
    :unit: enterprises
    ```

The CSV (``label,value``) is the one place the figures live.  The caption, the
unit (what a value counts, optional) and each label become ordinary paragraphs of
the page, so they are extracted into the page's catalog and translated where
every other sentence is; the drawing
is made at write time from the translated text: for the site a table drawn with
CSS (a row a bar: the label, a bar as long as the value, the value; text at the
page's size, readable on a phone, and a data table for screen readers), TikZ
vector graphics for the PDF (templates/html/chart.html.jinja, templates/tex/chart.tex.jinja).
Labels are escaped for HTML and for TeX by the templates' environments
(editions.templating): a translation stays text.
On the site a screen reader hears each value with its unit ("5 enterprises", 5家);
``description`` gives the chart as one sentence in the edition's punctuation
("纳税超1亿元：5家；……" in Chinese).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..languages import is_cjk
from ..templating import render_html, render_tex
from .datafiles import DataFileDirective, DataFileError, read_rows
from .parallel import halves
from .tex import BRAND

TEMPLATES = Path(__file__).resolve().parent / "templates"


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
    return caption, list(zip(labels, node["values"], strict=True))


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
    cjk = (
        is_cjk(language)
        and language.split("_")[0] != "ko"
        and len(unit) < 2
        and all(len(lines) < 2 for lines, _value in data)
    )
    colon, semicolon, space = ("：", "；", "") if cjk else (": ", "; ", " ")
    unit_text = " / ".join(unit)
    return semicolon.join(f"{' / '.join(lines)}{colon}{number(value)}{space + unit_text if unit_text else ''}"
                          for lines, value in data)


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


class ChartDirective(DataFileDirective):
    option_spec: ClassVar[dict[str, Any]] = {
        "caption": directives.unchanged_required,
        "unit": directives.unchanged_required,
        "name": directives.unchanged,
    }

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


# -- HTML: a table whose rows are the bars ------------------------------------------------

def _unit_halves(node: chart, language: str) -> list[dict[str, Any]]:
    """What a value counts, for a screen reader after each value (" enterprises", 家):
    the bars show it already, the caption says it.  A CJK unit follows its number
    without a space."""
    unit = next((c for c in node.children if isinstance(c, nodes.paragraph) and "chart-unit" in c["classes"]), None)
    return [{"tag": half.tag, "text": half.text, "cjk": is_cjk(half.tag.replace("-", "_") if half.tag else language)}
            for half in (halves(unit) if unit is not None else [])]


def html_chart(node: chart, ident: str, language: str, colour: str) -> str:
    """The chart as a data table drawn with CSS (templates/html/chart.html.jinja).  Text
    in the page's font at the page's size, so it stays readable on a phone."""
    captions = [c for c in node.children if isinstance(c, nodes.caption)]
    labels = [c for c in node.children if isinstance(c, nodes.paragraph) and "chart-unit" not in c["classes"]]
    values = node["values"]
    top = max(values) or 1
    # a bar's share of the cell, less room for the value after the longest bar
    rows = [{"label": halves(label), "share": f"{max(0.005, value / top):.4f}", "value": number(value)}
            for label, value in zip(labels, values, strict=True)]
    return render_html(TEMPLATES / "html", "chart.html.jinja", ident=ident, colour=colour,
                       caption=halves(captions[0]) if captions else None, rows=rows,
                       unit=_unit_halves(node, language))


def visit_chart_html(self: Any, node: chart) -> None:
    ident = node["ids"][0] if node["ids"] else f"chart-{id(node)}"
    if self.builder.name == "epub":  # a book: an image with its text alternative (chart_image)
        from .chart_image import figure

        self.body.append(figure(self, node, ident))
    else:
        self.body.append(html_chart(node, ident, self.config.language, self.config.edition_colour))
    raise nodes.SkipNode


# -- LaTeX: TikZ ------------------------------------------------------------------------

#: The longest bar, in cm: the brochure's A5 measure (11.6 cm) less room for its value.
BAR_LENGTH = 10.0


def tikz(node: chart) -> str:
    """The chart as TikZ bars (templates/tex/chart.tex.jinja): each label above its bar,
    the rows spaced for the labels' lines."""
    caption, data = chart_parts(node)
    top = max(value for _label, value in data) or 1
    step = 1.15 + 0.45 * (max(len(label) for label, _value in data) - 1)
    bars = []
    for index, (label, value) in enumerate(data):
        y = -step * index
        width = max(0.04, BAR_LENGTH * value / top)
        bars.append({"label": list(label), "label_y": f"{y + 0.08:.2f}", "bottom": f"{y - 0.42:.2f}",
                     "top": f"{y - 0.02:.2f}", "width": f"{width:.2f}", "value_x": f"{width + 0.1:.2f}",
                     "value_y": f"{y - 0.22:.2f}", "value": number(value)})
    return render_tex(TEMPLATES / "tex", "chart.tex.jinja", bars=bars, caption=caption, brand=BRAND)


def visit_chart_latex(self: Any, node: chart) -> None:
    self.body.append("\n" + tikz(node))
    raise nodes.SkipNode


def visit_chart_text(self: Any, node: chart) -> None:
    caption, data = chart_parts(node)
    self.new_state(0)
    self.add_text(caption + "\n" + "\n".join(f"  {' / '.join(label)}: {number(value)}" for label, value in data))
    self.end_state()
    raise nodes.SkipNode
