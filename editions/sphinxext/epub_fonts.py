"""The EPUB's fonts and cover, with fontTools.

* The Chinese of a CJK edition in the PDF's font (Noto Serif CJK of the language's
  region), subset to the characters the book uses: a reader without a CJK font still
  renders it.  Only the CJK characters (ideographs, kana, full-width punctuation): the
  Latin text keeps the reader's own font.  WOFF, declared with ``@font-face``.
* The cover: the title, subtitle and author drawn as glyph outlines (SVG paths) of Noto
  Sans CJK, white on the profile's colour: an image that needs no font, whatever the
  language.  Text from a catalog becomes path data only, never markup.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from ..languages import cjk_region
from ..templating import render_html

FONT_STEM = "edition-cjk"
#: The characters the subset serves: CJK punctuation, kana, ideographs, full-width forms.
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]")
#: Marks Chinese shares with English but sets full-width (“米企云”, ——, ……): in the subset
#: too; the stylesheet gives text in another language (a parallel book's English) its own.
SHARED_MARKS = re.compile(r"[\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]")
COVER_WIDTH, COVER_HEIGHT = 1200, 1700
MARGIN = 110
#: Changes when the subset's options do: the cached subsets are made again.
SUBSET_VERSION = 1
TEMPLATES = Path(__file__).resolve().parent / "templates" / "html"


class FontMissing(RuntimeError):
    """A font the EPUB needs is not installed."""


def find_font(family: str, style: str) -> tuple[str, int]:
    """The file and index (in a .ttc collection) of an installed font, through fontconfig."""
    try:
        found = subprocess.run(["fc-list", "-f", "%{file}\t%{index}\n", f"{family}:style={style}"],
                               capture_output=True, text=True, check=False).stdout.split("\n")[0]
    except OSError:
        found = ""
    if not found:
        raise FontMissing(f"the font {family} {style} is not installed (fontconfig finds no such font); "
                          "install Debian's fonts-noto-cjk (debian-packages.txt) and build again")
    file, _, index = found.partition("\t")
    return file, int(index or 0)


@cache
def _font(family: str, style: str):  # fontTools' TTFont, imported late (its import is slow)
    from fontTools.ttLib import TTFont

    file, index = find_font(family, style)
    return TTFont(file, fontNumber=index, lazy=True)


def used_text(outdir: Path, extra: list[str]) -> str:
    """Every CJK character of the book's pages (and of *extra*, the cover's and the
    metadata's), sorted: the subset is the same for the same book."""
    found: set[str] = set()
    for text in [*(page.read_text(encoding="utf-8") for page in outdir.rglob("*.xhtml")), *extra]:
        text = html.unescape(text)
        cjk = CJK.findall(text)
        found.update(cjk)
        if cjk:
            found.update(SHARED_MARKS.findall(text))
    return "".join(sorted(found))


def write_cjk_subset(static: Path, language: str, text: str, cache: Path) -> list[str]:
    """The PDF's serif CJK font cut down to *text*, as a WOFF file in *static*: its name
    in a list; none when *text* has no CJK.  Regular only (a reader makes the headings
    bold), no OpenType layout features (horizontal text needs none of Noto CJK's): a
    subset of 500 characters is ~160 KB and takes ~2 s, kept in *cache* by its font and text."""
    if not text:
        return []
    file, index = find_font(f"Noto Serif CJK {cjk_region(language)}", "Regular")
    key = hashlib.sha256(f"{SUBSET_VERSION}\0{file}\0{index}\0{text}".encode()).hexdigest()[:24]
    cached = cache / f"{key}.woff"
    if not cached.exists():
        from fontTools import subset
        from fontTools.ttLib import TTFont

        logging.getLogger("fontTools").setLevel(logging.WARNING)  # its INFO lines are no news to a reader
        options = subset.Options()
        options.flavor = "woff"
        options.name_IDs = ["*"]  # the font's names and its licence (OFL) travel with it
        options.notdef_outline = True
        options.layout_features = []
        font = TTFont(file, fontNumber=index, lazy=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        font.flavor = "woff"
        partial = cached.with_name(f".{cached.name}.{os.getpid()}")
        font.save(str(partial))
        os.replace(partial, cached)  # editions build side by side: a whole file or none
    name = f"{FONT_STEM}.woff"
    shutil.copyfile(cached, static / name)
    return [name]


def stylesheet(fonts: list[str], colour: str) -> str:
    """The book's stylesheet, after Sphinx's epub theme's: the CJK font, the key figures (the
    site's HTML, in plain CSS a reader knows) and the chart's image."""
    return str(render_html(TEMPLATES, "epub.css.jinja", fonts=fonts, colour=colour))


def _outline_line(text: str, size: float, x: float, baseline: float, font) -> str:
    """One line of text as the path data of its glyphs, left-aligned at *x*."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen

    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    parts = []
    for char in text:
        name = cmap.get(ord(char), ".notdef")
        pen = SVGPathPen(glyphs)
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
        parts.append(pen.getCommands())
        x += font["hmtx"][name][0] * scale
    return " ".join(part for part in parts if part)


def _width(text: str, size: float, font) -> float:
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return sum(hmtx[cmap.get(ord(char), ".notdef")][0] for char in text) * size / font["head"].unitsPerEm


def _wrap(text: str, size: float, width: float, font) -> list[str]:
    """Lines no wider than *width*: broken between words, or between CJK characters."""
    tokens = re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+", text)
    lines, line = [], ""
    for token in tokens:
        if line and _width((line + token).rstrip(), size, font) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def cover_svg(lines: dict[str, list[str]], colour: str, language: str) -> str:
    """The cover as an SVG image: the upper half in *colour* with the title (each of
    *lines*' titles, one language a block) and the subtitle in white, the author below."""
    region = cjk_region(language) if cjk_region(language) else "SC"
    bold, regular = _font(f"Noto Sans CJK {region}", "Bold"), _font(f"Noto Sans CJK {region}", "Regular")
    width = COVER_WIDTH - 2 * MARGIN
    paths: list[tuple[str, str]] = []
    y = 330.0
    for title in lines["title"]:
        for line in _wrap(title, 92, width, bold):
            y += 118
            paths.append(("#ffffff", _outline_line(line, 92, MARGIN, y, bold)))
        y += 40
    y += 30
    for subtitle in [s for s in lines["subtitle"] if s]:
        for line in _wrap(subtitle, 50, width, regular):
            y += 68
            paths.append(("#ffffff", _outline_line(line, 50, MARGIN, y, regular)))
    band = max(COVER_HEIGHT * 0.55, y + 90)
    y = band + 70
    for author in [a for a in lines["author"] if a]:
        for line in _wrap(author, 46, width, regular):
            y += 64
            paths.append(("#1c1c1c", _outline_line(line, 46, MARGIN, y, regular)))
    return str(render_html(TEMPLATES, "cover.svg.jinja", width=COVER_WIDTH, height=COVER_HEIGHT, band=f"{band:.0f}",
                           colour=colour, title=" · ".join(lines["title"]),
                           paths=[(fill, data) for fill, data in paths if data]))
