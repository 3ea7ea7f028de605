"""A chart in the EPUB: an SVG image with its alternative text.

The PDF's design (templates/tex/chart.tex.jinja): each label above its bar (a parallel
edition's in two lines), the value after the bar, in the profile's colour.  The text is
drawn as glyph outlines of Noto Sans CJK (epub_fonts), so the image needs no font on
the reader; the alternative text is the sentence the site's screen readers and the
PDF's tags give (charts.description): "label: 5 enterprises; ...".  The caption stays
text, under the image.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes

from ..languages import cjk_region
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
        bars.append(f'<rect x="0" y="{y:.0f}" width="{width:.0f}" height="{BAR}" fill="{colour}"/>')
        paths.append(epub_fonts._outline_line(number(value), TEXT, width + 12, y + BAR - 7, font))
        y += BAR + GAP
    drawn = "\n".join(f'<path fill="#1c1c1c" d="{data}"/>' for data in paths if data)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y:.0f}" width="{WIDTH}" '
            f'height="{y:.0f}">\n<title>{html.escape(alt, quote=False)}</title>\n'
            + "\n".join(bars) + f"\n{drawn}\n</svg>\n")


def _caption(node: nodes.Element) -> str:
    """The caption as the site writes it: each half in its language, a left-out half marked."""
    parts = []
    for half in halves(node):
        tag = f' lang="{html.escape(half.tag)}"' if half.tag else ""
        mark = (f'<span class="untranslated-mark">{html.escape(half.mark)}</span>' if half.mark else "")
        parts.append(f"<span{tag}>{mark}{html.escape(half.text)}</span>")
    return " · ".join(parts)


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
    caption = f"<figcaption>{_caption(captions[0])}</figcaption>" if captions else ""
    return (f'<figure class="chart" id="{html.escape(ident, quote=True)}">'
            f'<img src="{html.escape(src, quote=True)}" alt="{html.escape(alt, quote=True)}"/>{caption}</figure>\n')
