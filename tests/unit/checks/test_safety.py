"""make check: safety (a translation may only change text) and placeholders."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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
def test_unsafe_translation(checks, msgid: str, msgstr: str, expected: str) -> None:
    po = checks.write([checks.entry(msgid, msgstr)])
    status, findings = checks.run()
    finding = checks.only(findings, "safety")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert expected in finding["message"], finding
    assert "only change text" in finding["advice"]


@pytest.mark.parametrize("msgid, msgstr", [
    (PARAGRAPH, "大运河穿境而过。"),
    (LINK, "在线阅读[运河历史](https://example.org/canal)。"),
    ("Costs are $5 and $6 in `\\input` code.", "费用为$5和$6，代码`\\input`。"),
    ("Big Data: the platform.", "大数据：平台。"),
])
def test_safe_translation(checks, msgid: str, msgstr: str) -> None:
    checks.write([checks.entry(msgid, msgstr)])
    _status, findings = checks.run()
    assert checks.errors(findings, "safety") == [], findings


def _interface(checks, msgid: str, msgstr: str, flags: tuple[str, ...] = ("python-format",)) -> Path:
    return checks.write([checks.entry(msgid, msgstr, flags=flags)], page="sphinx")


def test_interface_string_keeps_tags_entities_placeholders(checks) -> None:
    msgid = '<a href="%(path)s">Copyright</a> &#169; %(copyright)s'
    _interface(checks, msgid, '<a href="%(path)s">版权所有</a> &#169; %(copyright)s')
    assert checks.errors(checks.run()[1], "safety") == []


@pytest.mark.parametrize("msgstr, expected", [
    ('<a href="%(path)s" onclick="x()">版权所有</a> &#169; %(copyright)s', "adds <a href=\"%(path)s\" onclick"),
    ('版权所有 &#169; %(copyright)s', "drops"),
    ('<a href="%(path)s">版权所有</a> <b>&#169;</b> %(copyright)s', "adds </b>, <b>"),
])
def test_interface_string_with_other_markup(checks, msgstr: str, expected: str) -> None:
    _interface(checks, '<a href="%(path)s">Copyright</a> &#169; %(copyright)s', msgstr)
    status, findings = checks.run()
    finding = checks.only(findings, "safety")
    assert status == 1 and expected in finding["message"]
    assert finding["file"] == "locales/zh_CN/LC_MESSAGES/sphinx.po"


@pytest.mark.parametrize("msgid, msgstr, flags, expected", [
    ("Last updated on %(last_updated)s.", "最后更新于%(last_update)s。", ("python-format",), "last_update"),
    ("{year}, {author}", "{year}，{autor}", ("python-brace-format",), "{autor}"),
    ("%B %d, %Y", "%Y年%m月%q日", ("python-format",), "%q is not a date directive"),
])
def test_placeholders(checks, msgid: str, msgstr: str, flags: tuple[str, ...], expected: str) -> None:
    po = _interface(checks, msgid, msgstr, flags)
    status, findings = checks.run()
    finding = checks.only(findings, "placeholders")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert expected in finding["message"]
    assert checks.errors(findings, "safety") == []  # reported once


def test_a_placeholder_difference_does_not_hide_a_link(checks) -> None:
    """In an entry msgfmt checks, the placeholders are the placeholders check's; what else the
    translation adds is still safety's (issues are told apart by kind, not by their wording:
    "adds a javascript: link" starts like "adds %(x)s")."""
    msgid = "Last updated on %(last_updated)s."
    _interface(checks, msgid, "最后更新于%(last_update)s。javascript:alert(1)", ("python-format",))
    status, findings = checks.run()
    assert status == 1
    assert "last_update" in checks.only(findings, "placeholders")["message"]
    assert checks.only(findings, "safety")["message"] == "adds a javascript: link"


@pytest.mark.parametrize("msgid, msgstr, flags", [
    ("%B %d, %Y", "%Y年%-m月%-d日", ("python-format",)),
    ("{year}, {author}", "{year}，{author}", ("python-brace-format",)),
    ("Last updated on %(last_updated)s.", "最后更新于%(last_updated)s。", ("python-format",)),
])
def test_placeholders_kept(checks, msgid: str, msgstr: str, flags: tuple[str, ...]) -> None:
    _interface(checks, msgid, msgstr, flags)
    assert checks.run() == (0, [])


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("See {ref}`economy`.", "见{ref}`outlook`。#noqa", "adds #noqa"),
    (PARAGRAPH, "(economy)=\n大运河穿境而过。", "adds a (label)= target"),
    (PARAGRAPH, "大运河{{ secret }}穿境而过。", "adds a {{ substitution }}"),
    (PARAGRAPH, "大运河\u202e穿境而过。", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    (PARAGRAPH, "大运河\u200b穿境\u2066而过。", "ZERO WIDTH SPACE (U+200B)"),
    # invisible beyond the bidi and zero-width ones: a filler, a format character, a selector
    (PARAGRAPH, "大运河\u3164穿境而过。", "HANGUL FILLER (U+3164)"),
    (PARAGRAPH, "大运河穿境\u206e而过。", "NATIONAL DIGIT SHAPES (U+206E)"),
    (PARAGRAPH, "大运河穿境而过\U000e0100。", "VARIATION SELECTOR-17 (U+E0100)"),
    (PARAGRAPH, "大运河\x1b[2J穿境而过。", "CONTROL CHARACTER (U+001B)"),
])
def test_what_the_build_refuses_make_check_reports(checks, msgid: str, msgstr: str, expected: str) -> None:
    checks.write([checks.entry(msgid, msgstr)])
    assert expected in checks.run().only("safety")["message"]


@pytest.mark.parametrize("msgstr, expected", [
    # MyST decodes character references after the rule looked: the page shows the character
    ("大运河&#x202E;穿境&#x202C;而过。", "RIGHT-TO-LEFT OVERRIDE (U+202E), written as &#x202E;, that the English"),
    ("大运河&#8238;穿境而过。", "RIGHT-TO-LEFT OVERRIDE (U+202E), written as &#8238;"),
    ("大运河&#x200B;穿境而过。", "ZERO WIDTH SPACE (U+200B), written as &#x200B;"),
    ("大运河&ZeroWidthSpace;穿境而过。", "ZERO WIDTH SPACE (U+200B), written as &ZeroWidthSpace;"),
    ("大运河&NoBreak;穿境而过。", "WORD JOINER (U+2060), written as &NoBreak;"),
    ("大运河&#12;穿境而过。", "FORM FEED (U+000C), written as &#12;"),  # stops XeLaTeX
    ("大运河&shy穿境而过。", "SOFT HYPHEN (U+00AD), written as &shy"),  # a browser's, without ';'
    ("大运河&#xD800;穿境而过。", "&#xD800;, a character reference to no character (a surrogate"),
    ("大运河&#x110000;穿境而过。", "no character (beyond Unicode"),
])
def test_invisible_characters_written_as_references(checks, msgstr: str, expected: str) -> None:
    checks.write([checks.entry(PARAGRAPH, msgstr)])
    assert expected in checks.run().only("safety")["message"]


@pytest.mark.parametrize("msgid, msgstr", [
    (PARAGRAPH, "大运河&amp;#x202E;穿境而过。"),   # shows "&#x202E;": a reference to text, not to U+202E
    (PARAGRAPH, "大运河&nbsp;穿境&copy;而过。"),     # visible characters
    ("Soft&shy;hyphen.", "软\u00ad连字符。"),        # the English's own, written either way
])
def test_references_to_visible_or_english_characters_are_fine(checks, msgid: str, msgstr: str) -> None:
    checks.write([checks.entry(msgid, msgstr)])
    assert checks.run().errors("safety") == []


def test_a_reference_to_an_invisible_character_in_an_interface_string(checks) -> None:
    _interface(checks, "Search", "搜索&#x202E;", flags=())
    assert "RIGHT-TO-LEFT OVERRIDE (U+202E), written as &#x202E;" in checks.run().only("safety")["message"]


def test_the_build_refuses_a_reference_to_an_invisible_character() -> None:
    from editions.catalogs.markup import MessageParser
    from editions.catalogs.rules import breaches

    found = breaches("Economy", "经济&#12;发展", False, MessageParser())  # a heading's text
    assert [(b.rule, b.refused) for b in found] == [("safety", True)]
    assert "FORM FEED (U+000C), written as &#12;" in found[0].message
    found = breaches("Search", "搜索&NoBreak;", True, None)
    assert any("WORD JOINER (U+2060), written as &NoBreak;" in b.message for b in found)


def test_invisible_characters_of_the_english_are_fine(checks) -> None:
    checks.write([checks.entry("Soft\u00adhyphen and zero\u200bwidth.", "软\u00ad连字符和零\u200b宽。")])
    assert checks.run().errors("safety") == []


def test_safety_cannot_be_waived(checks) -> None:
    checks.write([checks.entry(LINK, "在线阅读[运河历史](https://evil.example.com/canal)。",
                               comment="check: allow safety — the office asked for this link")])
    run = checks.run()
    assert run.only("safety") and "cannot be waived" in run.only("waiver")["message"]


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("Search", '搜索" autofocus onfocus="alert(document.domain)" x="', "'\"'"),
    ("Search", "搜索<img src=x onerror=alert(1)>", "adds <img src=x onerror=alert(1)>"),
    ("{year}, {author}", "{year} {author.__class__}", "'{' '}'"),
])
def test_interface_strings_the_build_refuses(checks, msgid: str, msgstr: str, expected: str) -> None:
    _interface(checks, msgid, msgstr, flags=())
    assert expected in checks.run().only("safety")["message"]


def test_a_message_too_long_is_one_size_finding(checks) -> None:
    checks.write([checks.entry(PARAGRAPH, "大运河" * 1000), checks.entry(LINK, "在线" + "a" * 300 + "。")])
    run = checks.run()
    assert [f["check"] for f in run.errors()] == ["size", "size"]
    assert "at most 384" in run.errors()[0]["message"] and "a word of 300" in run.errors()[1]["message"]


def test_no_break_spaces_make_one_word(checks) -> None:
    # TeX can't break at a no-break space either: 75-letter pieces joined by them are one line
    checks.write([checks.entry(LINK, "在线" + "\u00a0".join(["a" * 75] * 3) + "。")])
    assert "a word of 227 characters" in checks.run().only("size")["message"]


#: Seconds a stress test's catalog may take to check: the linear checks take about one
#: (1.4 s on a busy machine, the slowest), the quadratic ones they replaced a minute or more.
BUDGET = 10
#: Planted after the stress: found, it shows that every check read the text to its end.
PLANTED = " <script>x</script>"


def only_the_planted_finding(checks, english: str, chinese: str) -> None:
    """The checks of the pair, with PLANTED after the translation, end within BUDGET and find it alone."""
    checks.write([checks.entry(english, chinese + PLANTED)])
    started = time.perf_counter()
    run = checks.run()
    seconds = time.perf_counter() - started
    characters = len(english) + len(chinese)
    assert seconds < BUDGET, f"{characters:,} characters checked in {seconds:.1f} s; at most {BUDGET} s"
    assert len(run.findings) == 1 and "adds raw HTML '<script>'" in run.only("safety")["message"], run.findings


@pytest.mark.slow
def test_a_large_message_is_checked(checks) -> None:
    """Every check is linear: a 250 kB pair checks in about a second; a quadratic check
    would take minutes (`python -m editions.checks.bench --large` times 1 MB)."""
    english = ("The Grand Canal, 3.59 km2, mail office@example.org (see https://example.org/x). " * 3_000)[:250_000]
    chinese = ("大运河，3.59平方公里，邮箱office@example.org（见https://example.org/x）。" * 4_500)[:250_000]
    only_the_planted_finding(checks, english, chinese)


@pytest.mark.parametrize("english, chinese", [
    ("word " * 25_000, "运" * 100_000),                     # a Chinese run is "word" characters
    ("a@" * 50_000, "a@" * 50_000),                          # e-mail address lookalikes
    ("<" * 100_000, "<" * 100_000),                          # pofilter strips XML with a regex
    ("1," * 50_000, "1," * 50_000),                          # number lookalikes
], ids=["chinese-run", "at-signs", "angle-brackets", "commas"])
@pytest.mark.slow
def test_pathological_text_is_checked_at_once(checks, english: str, chinese: str) -> None:
    """Texts that made a check quadratic (a minute or more at this size) check at once."""
    only_the_planted_finding(checks, english, chinese)
