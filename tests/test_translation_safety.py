"""Security: a msgstr is untrusted input and can only change text.

Each test writes one malicious translation into the sample project's catalog,
builds it with sphinx-build as the Makefile does, and looks at what came out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_catalog

PARAGRAPH = "The Grand Canal runs through the sub-district."
LINK_PARAGRAPH = "Read the [canal history](https://example.org/canal) online."


@pytest.fixture
def sample(sample: Path) -> Path:
    # the secret a malicious translation tries to publish
    (sample.parent / "secret.txt").write_text("TOP-SECRET-VALUE\n", encoding="utf-8")
    return sample


def build(project: Path, builder: str = "html", strict: bool = False) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "sphinx", "-b", builder, "-c", ".", "-D", "language=zh_CN",
            "-d", "_build/doctrees", "docs", f"_build/{builder}"]
    if strict:
        args.insert(3, "-W")
    return subprocess.run(args, cwd=project, capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})


def page(project: Path) -> str:
    return (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")


def test_script_in_msgstr_comes_out_escaped(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: '大运河<script>alert("x")</script>穿境而过。'})
    result = build(sample, strict=True)
    assert result.returncode == 0, result.stderr
    html = page(sample)
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert" in html


def test_raw_directive_in_msgstr_is_refused(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: "```{raw} html\n<script>alert(1)</script>\n```"})
    result = build(sample, strict=True)
    assert result.returncode != 0
    assert '"raw" directive disabled' in result.stderr
    build(sample)
    assert "<script>alert(1)</script>" not in page(sample)


def test_include_in_msgstr_reads_nothing(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: "```{include} ../../secret.txt\n```"})
    result = build(sample, strict=True)
    assert result.returncode != 0
    assert 'Directive "include" disabled' in result.stderr
    build(sample)
    assert "TOP-SECRET-VALUE" not in page(sample)


def test_literalinclude_in_msgstr_reads_nothing(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: "```{literalinclude} ../../secret.txt\n```"})
    build(sample)
    assert "TOP-SECRET-VALUE" not in page(sample)


def test_image_path_out_of_the_tree_is_not_copied(sample: Path) -> None:
    catalog = write_catalog(sample, {PARAGRAPH: "大运河穿境而过。![x](../../secret.txt)"})
    result = build(sample, strict=True)
    assert result.returncode != 0
    assert f"{catalog.relative_to(sample)}:" in result.stderr
    assert "adds an image path" in result.stderr
    build(sample)
    images = sample / "_build" / "html" / "_images"
    copied = list(images.iterdir()) if images.exists() else []
    assert not any("TOP-SECRET-VALUE" in p.read_text(errors="replace") for p in copied)
    assert "secret.txt" not in page(sample)


def test_proc_environ_is_not_copied(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: "![x](../../../../../../../../proc/self/environ)"})
    build(sample)
    images = sample / "_build" / "html" / "_images"
    assert not images.exists() or not list(images.iterdir())


def test_download_path_is_refused(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: "大运河 {download}`秘密 <../../secret.txt>` 穿境而过。"})
    result = build(sample, strict=True)
    assert result.returncode != 0
    assert "adds a download path" in result.stderr
    build(sample)
    downloads = sample / "_build" / "html" / "_downloads"
    assert not downloads.exists() or not list(downloads.rglob("*"))


def test_math_with_tex_commands_never_reaches_latex(sample: Path) -> None:
    write_catalog(sample, {PARAGRAPH: r"大运河 {math}`\input{/etc/passwd}` 穿境而过。"})
    result = build(sample, builder="latex", strict=True)
    assert result.returncode != 0
    assert "adds math (TeX)" in result.stderr
    build(sample, builder="latex")
    tex = next((sample / "_build" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert r"\input{/etc/passwd}" not in tex
    assert r"\textbackslash{}input" in tex  # shown as inert text


def test_retargeted_link_is_refused(sample: Path) -> None:
    write_catalog(sample, {LINK_PARAGRAPH: "在线阅读[运河历史](https://evil.example/phish)。"})
    result = build(sample, strict=True)
    assert result.returncode != 0
    assert "adds a link target ('https://evil.example/phish')" in result.stderr
    build(sample)
    assert "evil.example" not in page(sample)


def test_same_link_in_translation_is_fine(sample: Path) -> None:
    write_catalog(sample, {LINK_PARAGRAPH: "在线阅读[运河历史](https://example.org/canal)。"})
    result = build(sample, strict=True)
    assert result.returncode == 0, result.stderr
    assert 'href="https://example.org/canal"' in page(sample)


def test_javascript_link_is_not_a_link(sample: Path) -> None:
    write_catalog(sample, {LINK_PARAGRAPH: "在线阅读[运河历史](javascript:alert(1))。"})
    build(sample)
    assert 'href="javascript:' not in page(sample)


def test_interface_translation_with_html_is_refused(sample: Path) -> None:
    catalog = write_catalog(sample, {"Sample": "样例<script>alert(1)</script>"}, domain="sphinx")
    result = build(sample, strict=True)
    assert result.returncode != 0
    assert f"{catalog.relative_to(sample)}:" in result.stderr
    assert "[interface-markup]" in result.stderr
    assert "Traceback" not in result.stderr
    assert "<script>alert(1)</script>" not in page(sample)


def test_interface_translation_keeping_placeholders_is_used(sample: Path) -> None:
    write_catalog(sample, {"Sample": "样例", "{year}, {author}": "{year}，{author}",
                       "Sample Office": "样例办公室"}, domain="sphinx")
    result = build(sample, strict=True)
    assert result.returncode == 0, result.stderr
    assert "2026，样例办公室" in page(sample)
    assert "<title>" in page(sample) and "样例" in page(sample).split("<title>")[1].split("</title>")[0]
