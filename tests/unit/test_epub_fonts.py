"""The EPUB's cover and fonts (editions.sphinxext.epub_fonts): text from a catalog becomes
glyph outlines or escaped XML, never markup; the CJK subset serves exactly the book's
characters."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fontTools.ttLib import TTFont

from editions.sphinxext import epub_fonts

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = ['</title><script>alert(1)</script>', 'A & B "C" \'D\' <i>', "]]><!--"]

needs_noto = pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")


@needs_noto
def test_a_hostile_title_is_drawn_never_parsed() -> None:
    svg = epub_fonts.cover_svg({"title": HOSTILE, "subtitle": ["米市巷 & <b>"], "author": ["<office>"]},
                               "#2B5D8A", "zh_CN")
    root = ElementTree.fromstring(svg)  # well-formed XML whatever the text
    assert root.find(f"{SVG}title").text == " · ".join(HOSTILE)
    assert {element.tag for element in root.iter()} == {f"{SVG}svg", f"{SVG}title", f"{SVG}rect", f"{SVG}path"}
    # every line drawn: the title's three, the subtitle, the author
    assert len(root.findall(f"{SVG}path")) >= 5


@needs_noto
def test_a_long_title_wraps_within_the_cover() -> None:
    font = epub_fonts._font("Noto Sans CJK SC", "Bold")
    width = epub_fonts.COVER_WIDTH - 2 * epub_fonts.MARGIN
    for text in ("Mishixiang Sub-district Profile of Gongshu District, Hangzhou", "米市巷街道概况" * 4):
        lines = epub_fonts._wrap(text, 92, width, font)
        assert len(lines) > 1 and "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(epub_fonts._width(line, 92, font) <= width for line in lines)


def test_only_cjk_characters_are_collected(tmp_path: Path) -> None:
    (tmp_path / "page.xhtml").write_text("<p>Mishixiang 米市巷，&#x8857;道 “quoted”</p>", encoding="utf-8")
    assert epub_fonts.used_text(tmp_path, ["概况"]) == "".join(sorted("米市巷，街道概况“”"))  # its quotes too
    (tmp_path / "page.xhtml").write_text("<p>“English” only</p>", encoding="utf-8")
    assert epub_fonts.used_text(tmp_path, []) == ""


@needs_noto
def test_the_subset_has_the_books_characters_and_is_cached(tmp_path: Path) -> None:
    static, cache = tmp_path / "static", tmp_path / "cache"
    static.mkdir()
    cache.mkdir()
    text = "".join(sorted("米市巷街道概况，。"))
    assert epub_fonts.write_cjk_subset(static, "zh_CN", text, cache) == ["edition-cjk.woff"]
    font = TTFont(static / "edition-cjk.woff")
    assert font.flavor == "woff" and set(text) <= set(map(chr, font.getBestCmap()))
    assert len(font.getBestCmap()) < 20  # the book's characters, not the font's 65,000
    cached = list(cache.iterdir())
    assert len(cached) == 1
    epub_fonts.write_cjk_subset(static, "zh_CN", text, cache)  # the same characters: the same file
    assert list(cache.iterdir()) == cached
    assert epub_fonts.write_cjk_subset(static, "zh_CN", "", cache) == []  # no CJK: no font


def test_a_missing_font_says_what_to_install() -> None:
    with pytest.raises(epub_fonts.FontMissing, match="fonts-noto-cjk"):
        epub_fonts.find_font("No Such Font CJK XX", "Regular")


def test_the_stylesheet_declares_the_subset_for_cjk_only() -> None:
    css = epub_fonts.stylesheet(["edition-cjk.woff"], "#2B5D8A")
    assert '@font-face { font-family: "Edition CJK"; src: url("edition-cjk.woff") format("woff"); }' in css
    assert 'body, body * { font-family: "Edition CJK", serif; }' in css
    assert ":not(:lang(zh)):not(:lang(ja)):not(:lang(ko)) { font-family: serif; }" in css  # English halves
    assert "@font-face" not in epub_fonts.stylesheet([], "#2B5D8A")


@needs_noto
def test_a_hostile_chart_label_is_drawn_never_parsed() -> None:
    from editions.sphinxext.chart_image import svg

    alt = '</title><script>alert(1)</script>: 5'
    drawn = svg([(("<script>alert(1)</script>", "纳税超1亿元"), 5.0), (("A & B",), 133.0)], "#2B5D8A", "zh_CN", alt)
    root = ElementTree.fromstring(drawn)
    assert root.find(f"{SVG}title").text == alt
    assert {element.tag for element in root.iter()} == {f"{SVG}svg", f"{SVG}title", f"{SVG}rect", f"{SVG}path"}
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2 and float(bars[0].get("width")) < float(bars[1].get("width"))  # as long as the value
