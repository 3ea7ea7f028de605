"""A hostile translator, with only catalogs: every channel of a msgstr into an edition.

Each test writes what an attacker would into the sample profile's catalogs, builds
in-process, and reads what came out: the page, the copied files, the .tex, and the
messages, which must name the catalog line.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixtures.catalogs import msgstr_line

PARAGRAPH = "The Grand Canal runs through the sub-district."
LINK = "Read the [canal history](https://example.org/canal) online."
REF = "See {ref}`the other page <other>` for more."


@pytest.fixture
def secret(sample) -> Path:
    """A file a translation tries to publish, next to the project."""
    path = sample.path.parent / "secret.txt"
    path.write_text("TOP-SECRET-VALUE\n", encoding="utf-8")
    return path


def refused(build, catalog: Path, msgid: str, why: str) -> None:
    """The gate stops the build, and the rules behind it leave the translation of *msgid*
    out; both say so at the line of its msgstr."""
    line = msgstr_line(catalog, msgid)
    where = "/".join(catalog.parts[-4:])  # locales/zh_CN/LC_MESSAGES/<page>.po
    for said in (build.gate.warnings, build.warnings):
        assert re.search(rf"{re.escape(where)}:{line}: .*\[(safety|structure|size|dates)\].*{re.escape(why)}",
                         said), said
    assert "stop this edition" in build.gate.warnings


# -- Body text -------------------------------------------------------------------------------------

def test_html_in_a_msgstr_is_text(sample) -> None:
    catalog = sample.catalog({PARAGRAPH: '大运河<script>alert("x")</script>穿境而过。'})
    build = sample.gated()
    assert "<script>alert" not in build.page()
    refused(build, catalog, PARAGRAPH, "adds raw HTML")  # it is not what a translator means


DIRECTIVES = ["raw} html\n<script>alert(1)</script>", "include} ../../secret.txt", "literalinclude} ../../secret.txt",
              "eval-rst}\n.. _other:\n\nx", "image} ../../secret.txt", "figure} ../../secret.txt",
              "only} html\n\nx", "admonition} x\n\ny", "chart} ../../secret.txt",
              "code-block} text\n:emphasize-lines: 1-20000000\n\nx"]


def test_a_directive_in_a_msgstr_is_never_run(sample, secret: Path) -> None:
    # one sentence of the other page for each directive, in one build
    sentences = [f"Sentence {n} of the other page." for n in range(1, len(DIRECTIVES) + 1)]
    catalog = sample.catalog({s: f"```{{{d}\n```" for s, d in zip(sentences, DIRECTIVES, strict=True)}, domain="other")
    started = time.monotonic()
    build = sample.gated()
    assert time.monotonic() - started < 30  # 20 million emphasised lines are never made
    for sentence, directive in zip(sentences, DIRECTIVES, strict=True):
        refused(build, catalog, sentence, f"adds the directive ```{{{directive.split('}')[0]}}}")
    page = build.page("other")
    assert "TOP-SECRET-VALUE" not in page and "<script>alert" not in page
    assert all(sentence in page for sentence in sentences)  # the English shows instead
    assert not any("secret" in p.name for p in build.outdir.rglob("*"))


def test_an_image_path_out_of_the_tree_is_refused(sample, secret: Path) -> None:
    catalog = sample.catalog(
        {PARAGRAPH: "大运河穿境而过。![x](../../../../../../proc/self/environ)![y](../../secret.txt)"}
    )
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, "adds an image")
    assert not (build.outdir / "_images").exists() or not list((build.outdir / "_images").iterdir())


def test_a_download_is_refused(sample, secret: Path) -> None:
    catalog = sample.catalog({PARAGRAPH: "大运河 {download}`秘密 <../../secret.txt>` 穿境而过。"})
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, "adds the role {download}")
    assert not (build.outdir / "_downloads").exists()


def test_math_never_reaches_latex(sample) -> None:
    catalog = sample.catalog({PARAGRAPH: r"大运河 {math}`\input{/etc/passwd}` 穿境而过。"})
    build = sample.gated("latex")
    refused(build, catalog, PARAGRAPH, "adds the role {math}")
    assert r"\input{/etc/passwd}" not in build.tex()


@pytest.mark.parametrize("msgstr, why", [
    ("在线阅读[运河历史](https://evil.example/phish)。", "adds a link target https://evil.example/phish"),
    ("在线阅读[运河历史](javascript:alert(1))。", "adds a javascript: link"),
    ("在线阅读<https://evil.example/phish>。", "adds a link target https://evil.example/phish"),
    ("在线阅读[运河历史](#other-detail)。", "adds a link target #other-detail"),  # MyST would say "target not
])                                                                         # found" at the page's line
def test_a_retargeted_link_is_refused(sample, msgstr: str, why: str) -> None:
    catalog = sample.catalog({LINK: msgstr})
    build = sample.gated()
    refused(build, catalog, LINK, why)
    assert "evil.example" not in build.page() and "javascript:" not in build.page()


def test_the_same_link_is_fine(sample) -> None:
    sample.catalog({LINK: "在线阅读[运河历史](https://example.org/canal)。"})
    build = sample.build()
    assert build.warnings == ""
    assert 'href="https://example.org/canal"' in build.page()


def test_a_retargeted_reference_with_noqa_is_refused(sample) -> None:
    catalog = sample.catalog({REF: "详见{ref}`另一页 <other-detail>`。#noqa"})
    build = sample.gated()
    refused(build, catalog, REF, "changes a reference target to {ref}`other-detail`")
    refused(build, catalog, REF, "adds #noqa")
    soup = BeautifulSoup(build.page(), "html.parser")
    assert [a["href"] for a in soup.select("article a.reference.internal")] == ["other.html#other"]


def test_a_new_target_cannot_capture_an_anchor(sample) -> None:
    catalog = sample.catalog({PARAGRAPH: "(other-detail)=\n大运河穿境而过。"})
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, "adds a (label)= target")
    assert build.page().count('id="other-detail"') == 0


def test_a_paragraph_turned_into_a_list_is_reported_not_dropped_in_silence(sample) -> None:
    catalog = sample.catalog({PARAGRAPH: "- 大运河\n- 穿境而过。"})
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, "parsed as a bulleted list")


def test_size_limits(sample) -> None:
    catalog = sample.catalog({PARAGRAPH: "大运河" * 40_000, LINK: "在线阅读" + "a" * 300 + "。"})
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, "characters long; it may be at most")
    refused(build, catalog, LINK, "a word of 300 characters")
    assert os.path.getsize(build.outdir / "index.html") < 100_000


@pytest.mark.parametrize(("char", "name"), [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u3164", "HANGUL FILLER"),
                                           ("\U000e0100", "VARIATION SELECTOR-17")])
def test_bidirectional_controls_and_invisible_characters_are_refused(sample, char: str, name: str) -> None:
    catalog = sample.catalog({PARAGRAPH: f"大运河{char}穿境而过。"})
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, name)
    assert char not in build.page()


def test_an_invisible_character_written_as_a_reference_is_refused(sample) -> None:
    # MyST decodes &#x202E; into U+202E after the guard looked: it reads the references too
    catalog = sample.catalog({PARAGRAPH: "大运河&#x202E;穿境&#x202C;而过。"})
    build = sample.gated()
    refused(build, catalog, PARAGRAPH, "RIGHT-TO-LEFT OVERRIDE (U+202E), written as &#x202E;")
    page = build.page()
    assert "\u202e" not in page and "&#x202E;" not in page and "Grand Canal runs" in page


def test_untranslated_paragraphs_say_they_are_english(sample) -> None:
    sample.catalog({LINK: "在线阅读[运河历史](https://example.org/canal)。"})
    soup = BeautifulSoup(sample.build().page(), "html.parser")
    english = next(p for p in soup.select("article p") if "Grand Canal" in p.text)
    chinese = next(p for p in soup.select("article p") if "在线阅读" in p.text)
    assert english["lang"] == "en" and not chinese.get("lang")
    assert soup.html["lang"] == "zh-CN"


# -- Interface strings (sphinx.po) -----------------------------------------------------------------

def attributes(html: str) -> set[str]:
    return {name for tag in BeautifulSoup(html, "html.parser").find_all(True) for name in tag.attrs}


def test_a_quote_in_an_interface_string_cannot_open_an_attribute(sample) -> None:
    catalog = sample.catalog({"Search": '搜索" autofocus onfocus="alert(document.domain)" x="'}, domain="sphinx")
    build = sample.gated()
    refused(build, catalog, "Search", "has '\"' outside the English's tags")
    assert "onfocus" not in attributes(build.page())


def test_a_date_format_that_renders_another_date_is_refused(sample) -> None:
    catalog = sample.catalog({"%B %d, %Y": "%Y年%d月%-m日"}, domain="sphinx")  # day and month swapped
    build = sample.gated()
    refused(build, catalog, "%B %d, %Y", "renders 30 November 2026 as 2026年30月11日 (day and month swapped)")


def test_interface_strings_are_escaped_where_they_land(sample) -> None:
    # single quotes pass the guard: escaping, not a pattern, keeps them text
    sample.catalog({"Search": "搜索' autofocus onfocus='alert(1)",
                    "Link to this heading": "链接' onmouseover='alert(2)"}, domain="sphinx")
    build = sample.build()
    html = build.page()
    assert {"onfocus", "onmouseover"}.isdisjoint(attributes(html))
    assert "链接&#39; onmouseover=&#39;alert(2)" in html  # Sphinx's own title="…" of each heading


def test_a_placeholder_with_a_width_is_refused(sample) -> None:
    catalog = sample.catalog({"Copyright &#169; %(copyright)s": "版权所有&#169;%(copyright)2000000s"},
                             domain="sphinx")
    build = sample.gated()
    refused(build, catalog, "Copyright &#169;", "'%'")
    assert os.path.getsize(build.outdir / "index.html") < 100_000


def test_a_copyright_field_cannot_reach_python_objects(sample) -> None:
    catalog = sample.catalog({"{year}, {author}": "{year} {author.__class__.__mro__}"}, domain="sphinx")
    build = sample.gated()
    refused(build, catalog, "{year}, {author}", "'{'")
    assert "class" not in BeautifulSoup(build.page(), "html.parser").select_one(".copyright").text


@pytest.fixture
def fresh_process(monkeypatch):
    """As in a new sphinx-build: Sphinx's TeX escape tables not filled yet (they are when
    its LaTeX builder starts, after conf.py values are set; an escape done earlier must
    not depend on them)."""
    from sphinx.util import texescape

    monkeypatch.setattr(texescape, "_tex_escape_map", {})
    monkeypatch.setattr(texescape, "_tex_escape_map_without_unicode", {})


def test_tex_in_the_title_and_date_stays_text(sample, fresh_process) -> None:
    # braces would be refused (they are not the English's); backslashes alone are
    # commands too (\input /etc/passwd), and are escaped where they land
    sample.catalog({"Sample Profile": r"样例\input /etc/passwd \AtBeginDocument\VerbatimInput",
                    "%B %d, %Y": r"%Y年\input /etc/passwd %-m月%-d日"}, domain="sphinx")
    tex = sample.build("latex").tex()
    assert r"\input /etc/passwd" not in tex and r"\AtBeginDocument\VerbatimInput" not in tex
    assert r"pdftitle={样例\textbackslash{}input" in tex  # the PDF's metadata, the cover too
    title = tex.split(r"\title{")[1].split("\n")[0]
    assert r"样例\textbackslash{}input /etc/passwd \textbackslash{}AtBeginDocument" in title
    assert r"\textbackslash{}input" in tex.split(r"\date{")[1].split("\n")[0]


def test_braces_in_the_title_are_refused(sample) -> None:
    catalog = sample.catalog({"Sample Profile": r"样例}\AtBeginDocument{\VerbatimInput{/etc/passwd}}\def\x{"},
                             domain="sphinx")
    build = sample.gated("latex")
    refused(build, catalog, "Sample Profile", "'{' '}'")
    assert r"\VerbatimInput{/etc/passwd}" not in build.tex()


def test_sphinx_latex_messages_are_escaped(sample) -> None:
    sample.catalog({"Listing %s": r"代码\input /etc/passwd %s", "continued from previous page": r"续\def\x"},
                   domain="sphinx")
    build = sample.build("latex")
    messages = (build.outdir / "sphinxmessages.sty").read_text(encoding="utf-8")
    assert r"\input /etc/passwd" not in messages and r"代码\textbackslash{}input" in messages
    assert r"续\def" not in messages and r"续\textbackslash{}def" in messages


def test_a_javascript_catalog_under_locales_is_never_served(sample) -> None:
    js = sample.catalog_path("sphinx").with_suffix(".js")
    js.parent.mkdir(parents=True, exist_ok=True)
    js.write_text('Documentation.addTranslations({"messages": {}}); alert("owned");', encoding="utf-8")
    sample.catalog({PARAGRAPH: "大运河穿境而过。"})
    build = sample.build()
    assert "owned" not in (build.outdir / "_static" / "translations.js").read_text(encoding="utf-8")
