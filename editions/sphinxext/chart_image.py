"""A chart in the EPUB: an SVG image with its alternative text.

The PDF's design (templates/tex/chart.tex.jinja): each label above its bar (a parallel
edition's in two lines), the value after the bar, in the profile's colour.  The text is
drawn as glyph outlines of Noto Sans CJK (epub_fonts), so the image needs no font on
the reader; the alternative text is the sentence the site's screen readers and the
PDF's tags give (charts.description): "label: 5 enterprises; ...".  The caption stays
text, under the image.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes

from ..languages import cjk_region
from ..templating import render_html
from . import epub_fonts
from .parallel import halves

WIDTH = 1000
TEXT = 38  # the labels' and values' size, in the image's units: the text's size on a phone's width
LINE = 50
BAR = 40
GAP = 30


def svg(data: list[tuple[tuple[str, ...], float]], colour: str, language: str, alt: str) -> str:
    """The bars as an SVG image: each row its label lines, its bar, its value."""
    from .charts import number

    font = epub_fonts._font(f"Noto Sans CJK {cjk_region(language)}", "Regular")
    longest = max((epub_fonts._width(number(value), TEXT, font) for _label, value in data), default=0)
    top = max((value for _label, value in data), default=0) or 1
    room = WIDTH - longest - 20
    paths, bars, y = [], [], 0.0
    for lines, value in data:
        for line in (part for text in lines for part in epub_fonts._wrap(text, TEXT, WIDTH, font)):
            y += LINE
            paths.append(epub_fonts._outline_line(line, TEXT, 0, y - 12, font))
        y += 6
        width = max(4.0, room * value / top)
        bars.append((f"{y:.0f}", f"{width:.0f}"))
        paths.append(epub_fonts._outline_line(number(value), TEXT, width + 12, y + BAR - 7, font))
        y += BAR + GAP
    return str(render_html(epub_fonts.TEMPLATES, "chart.svg.jinja", width=WIDTH, height=f"{y:.0f}", alt=alt,
                           bars=bars, bar=BAR, colour=colour, paths=[data for data in paths if data]))


def figure(translator: Any, node: nodes.Element, ident: str) -> str:
    """The chart's figure in an EPUB page: its image, written beside the pages, and its caption."""
    from .charts import chart_parts, description

    builder, language = translator.builder, translator.config.language
    _caption_text, data = chart_parts(node)
    alt = description(node, language)
    docname = builder.current_docname
    name = f"_images/chart-{docname.replace('/', '-')}-{ident}.svg"
    target = Path(builder.outdir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg(data, translator.config.edition_colour, language, alt), encoding="utf-8")
    src = posixpath.relpath(name, posixpath.dirname(docname) or ".")
    captions = [c for c in node.children if isinstance(c, nodes.caption)]
    # the caption as the site writes it: each half in its language, a left-out half marked
    return str(render_html(epub_fonts.TEMPLATES, "chart-figure.html.jinja", ident=ident, src=src, alt=alt,
                           halves=halves(captions[0]) if captions else []))
