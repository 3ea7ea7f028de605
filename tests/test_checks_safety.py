"""make check: safety (a translation may only change text) and placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_support import check, entry, errors, line_of, only, write_project

PARAGRAPH = "The Grand Canal runs through the sub-district."
LINK = "Read the [canal history](https://example.org/canal) online."


@pytest.mark.parametrize("msgid, msgstr, expected", [
    (PARAGRAPH, '大运河<script>alert("x")</script>穿境而过。', "raw HTML '<script>'"),
    (PARAGRAPH, "大运河<div>穿境而过</div>。", "raw HTML"),
    (PARAGRAPH, "大运河穿境而过。\n\n<div>x</div>", "raw HTML"),
    (PARAGRAPH, "大运河穿境而过。\n\n```{raw} html\n<b>x</b>\n```", "directive ```{raw}"),
    (PARAGRAPH, "大运河{eval-rst}`x`穿境而过。", "adds the role {eval-rst}"),
    (PARAGRAPH, "大运河穿境而过。\n\n```{include} ../../secret.txt\n```", "{include}"),
    (PARAGRAPH, "大运河穿境而过。\n\n```{literalinclude} /etc/passwd\n```", "{literalinclude}"),
    (PARAGRAPH, "大运河穿境而过。\n\n```{code-block}\n:file: /etc/passwd\n```", ":file:"),
    (PARAGRAPH, "大运河穿境而过。![x](../../secret.txt)", "adds an image (../../secret.txt)"),
    (PARAGRAPH, "大运河{download}`秘密 <../../secret.txt>`穿境而过。", "adds the role {download}"),
    (PARAGRAPH, "大运河$\\input{/etc/passwd}$穿境而过。", "TeX command \\input"),
    (PARAGRAPH, "大运河$x^2$穿境而过。", "adds math"),
    (PARAGRAPH, "大运河{math}`x^2`穿境而过。", "adds the role {math}"),
    (PARAGRAPH, "大运河[穿境](javascript:alert(1))而过。", "javascript: link"),
    (PARAGRAPH, "大运河[穿境](data:text/html;base64,PHNjcmlwdD4=)而过。", "data: link"),
    (PARAGRAPH, "大运河<file:///etc/passwd>穿境而过。", "file: link"),
    (LINK, "在线阅读[运河历史](https://evil.example.com/canal)。", "adds a link target https://evil.example.com/canal"),
    (LINK, "在线阅读[运河历史](https://example.org/canal)和[更多](https://example.org/more)。",
     "adds a link target https://example.org/more"),
    ("See {ref}`economy`.", "见{ref}`outlook`。", "changes a reference target to {ref}`outlook`"),
])
def test_unsafe_translation(tmp_path: Path, msgid: str, msgstr: str, expected: str) -> None:
    po = write_project(tmp_path, [entry(msgid, msgstr)])
    status, findings = check(tmp_path)
    finding = only(findings, "safety")
    assert status == 1 and finding["line"] == line_of(po, msgid)
    assert expected in finding["message"], finding
    assert "only change text" in finding["advice"]


@pytest.mark.parametrize("msgid, msgstr", [
    (PARAGRAPH, "大运河穿境而过。"),
    (LINK, "在线阅读[运河历史](https://example.org/canal)。"),
    ("Costs are $5 and $6 in `\\input` code.", "费用为$5和$6，代码`\\input`。"),
    ("Big Data: the platform.", "大数据：平台。"),
])
def test_safe_translation(tmp_path: Path, msgid: str, msgstr: str) -> None:
    write_project(tmp_path, [entry(msgid, msgstr)])
    status, findings = check(tmp_path)
    assert errors(findings, "safety") == [], findings


def _interface(tmp_path: Path, msgid: str, msgstr: str, flags: tuple[str, ...] = ("python-format",)) -> Path:
    return write_project(tmp_path, [entry(msgid, msgstr, flags=flags)], page="sphinx")


def test_interface_string_keeps_tags_entities_placeholders(tmp_path: Path) -> None:
    msgid = '<a href="%(path)s">Copyright</a> &#169; %(copyright)s'
    _interface(tmp_path, msgid, '<a href="%(path)s">版权所有</a> &#169; %(copyright)s')
    assert errors(check(tmp_path)[1], "safety") == []


@pytest.mark.parametrize("msgstr, expected", [
    ('<a href="%(path)s" onclick="x()">版权所有</a> &#169; %(copyright)s', "adds <a href=\"%(path)s\" onclick"),
    ('版权所有 &#169; %(copyright)s', "drops"),
    ('<a href="%(path)s">版权所有</a> <b>&#169;</b> %(copyright)s', "adds </b>, <b>"),
])
def test_interface_string_with_other_markup(tmp_path: Path, msgstr: str, expected: str) -> None:
    _interface(tmp_path, '<a href="%(path)s">Copyright</a> &#169; %(copyright)s', msgstr)
    status, findings = check(tmp_path)
    finding = only(findings, "safety")
    assert status == 1 and expected in finding["message"]
    assert finding["file"] == "locales/zh_CN/LC_MESSAGES/sphinx.po"


@pytest.mark.parametrize("msgid, msgstr, flags, expected", [
    ("Last updated on %(last_updated)s.", "最后更新于%(last_update)s。", ("python-format",), "last_update"),
    ("{year}, {author}", "{year}，{autor}", ("python-brace-format",), "{autor}"),
    ("%B %d, %Y", "%Y年%m月%q日", ("python-format",), "%q is not a date directive"),
])
def test_placeholders(tmp_path: Path, msgid: str, msgstr: str, flags: tuple[str, ...], expected: str) -> None:
    po = _interface(tmp_path, msgid, msgstr, flags)
    status, findings = check(tmp_path)
    finding = only(findings, "placeholders")
    assert status == 1 and finding["line"] == line_of(po, msgid)
    assert expected in finding["message"]
    assert errors(findings, "safety") == []  # reported once


@pytest.mark.parametrize("msgid, msgstr, flags", [
    ("%B %-d, %Y", "%Y年%-m月%-d日", ("python-format",)),
    ("{year}, {author}", "{year}，{author}", ("python-brace-format",)),
    ("Last updated on %(last_updated)s.", "最后更新于%(last_updated)s。", ("python-format",)),
])
def test_placeholders_kept(tmp_path: Path, msgid: str, msgstr: str, flags: tuple[str, ...]) -> None:
    _interface(tmp_path, msgid, msgstr, flags)
    assert check(tmp_path) == (0, [])
