"""The templates' environments escape every value for where it lands (editions.templating):
a translator's text is text in HTML and in TeX, whatever it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from editions.sphinxext.tex import TexText, tex_escape
from editions.templating import render_html, render_tex

HOSTILE = "<script>alert(1)</script> \"x\" 'y' & \\input{/etc/passwd} $x_1^2$ #1 %~ {{ a }} <%= b %> \x07"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "page.html.jinja").write_text(
        '{% macro bold(text) %}<b>{{ text }}</b>{% endmacro -%}\n'
        '<p title="{{ value }}">{{ value }}</p>{{ bold(value) }}<script>var v = {{ value|tojson }};</script>\n',
        encoding="utf-8")
    (tmp_path / "page.tex.jinja").write_text(
        "<# a comment #>\\textbf{<%= value %>}\\\\<%= lines|lines %>|<%= tex %>\n", encoding="utf-8")
    return tmp_path


def test_html_escapes_every_value_and_keeps_a_templates_markup(folder: Path) -> None:
    page = render_html(folder, "page.html.jinja", value=HOSTILE)
    assert isinstance(page, Markup)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'title="&lt;script&gt;alert(1)&lt;/script&gt; &#34;x&#34; &#39;y&#39; &amp;' in page
    assert "<b>&lt;script&gt;" in page  # a macro's markup is kept, its value escaped once
    assert "\\u003cscript\\u003e" in page and "</script> " not in page.split("var v = ")[1]


def test_tex_escapes_every_value_unless_it_is_tex_already(folder: Path) -> None:
    escaped = tex_escape(HOSTILE)
    page = render_tex(folder, "page.tex.jinja", value=HOSTILE, lines=[HOSTILE, "二"], tex=TexText(r"\par"))
    assert isinstance(page, TexText)
    assert page == f"\\textbf{{{escaped}}}\\\\{escaped}\\\\二|\\par\n"
    assert "\\input" not in page.replace("\\textbackslash{}input", "") and "\x07" not in page


def test_a_missing_value_is_an_error_not_an_empty_string(folder: Path) -> None:
    with pytest.raises(Exception, match="value"):
        render_tex(folder, "page.tex.jinja", lines=[], tex="")
    with pytest.raises(Exception, match="value"):
        render_html(folder, "page.html.jinja")
