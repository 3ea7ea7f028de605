"""make check: markup, compared on myst-parser's parse of both sides."""

from __future__ import annotations

import pytest

from editions.catalogs.markup import MessageParser
from editions.checks.markup import emphasis_fix

GREEN_HEART = "the city's **\"green heart\"**."


@pytest.mark.parametrize("msgid, msgstr", [
    (GREEN_HEART, "城市的“**绿色心脏**”。"),
    ("See {ref}`economy-revenue` and {ref}`the economy <economy>`.",
     "见{ref}`economy-revenue`和{ref}`经济 <economy>`。"),
    ("Read the [canal history](https://example.org/canal) online.", "在线阅读[运河历史](https://example.org/canal)。"),
    ("Run `make html`, *then* read the notes[^1].", "运行`make html`，*然后*阅读说明[^1]。"),
    ("Use {{project}} here.", "在此使用{{project}}。"),
])
def test_markup_kept(checks, msgid: str, msgstr: str) -> None:
    checks.write([checks.entry(msgid, msgstr)])
    _status, findings = checks.run()
    assert checks.errors(findings, "markup") == [], findings


def test_strong_next_to_chinese_quotes_is_not_bold(checks) -> None:
    """Balanced ** that CommonMark does not pair: only a parse sees it."""
    po = checks.write([checks.entry(GREEN_HEART, "城市的**“绿色心脏”**。")])
    status, findings = checks.run()
    finding = checks.only(findings, "markup")
    assert status == 1 and finding["line"] == checks.line_of(po, GREEN_HEART)
    assert "** shows as text" in finding["message"]
    assert "write “**绿色心脏**”" in finding["advice"]


def test_recommended_fix_really_parses_as_strong() -> None:
    parser = MessageParser()
    msgid = parser.parse(GREEN_HEART)
    fix = emphasis_fix(parser, msgid, "城市的**“绿色心脏”**。")
    assert fix == "“**绿色心脏**”"
    assert parser.parse("城市的“**绿色心脏**”。").strong == 1
    assert parser.parse("城市的**“绿色心脏”**。").strong == 0


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("Described in {ref}`economy-revenue`.", "见财税收入一节。", "drops the reference {ref}`economy-revenue`"),
    ("Run `make html` now.", "现在运行make html。", "drops the inline code `make html`"),
    ("Run `make html` now.", "现在运行`make 网页`。", "drops the inline code `make html`"),
    ("Read the [history](https://example.org/a).", "阅读历史。", "drops the link to https://example.org/a"),
    ("It is *very* old.", "它非常古老。", "1 emphasis"),
    ("A note[^1].", "一条注释。", "footnote reference [^1]"),
    ("See {ref}`economy`.", "见{ref}economy。", "show as text"),
    ("See {ref}`economy`.", "见{ref}`economy。", "show"),
    ("Read the [history](https://example.org/a).", "阅读[历史] (https://example.org/a)。", "drops the link"),
])
def test_markup_lost(checks, msgid: str, msgstr: str, expected: str) -> None:
    po = checks.write([checks.entry(msgid, msgstr)])
    status, findings = checks.run()
    finding = checks.only(findings, "markup")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert expected in finding["message"]


@pytest.mark.parametrize(("msgid", "msgstr", "expected", "advice"), [
    ("Revenue and taxes", "## 财税收入", "parsed as a heading", "remove the '#'"),
    ("In 1954 it was founded.", "1954. 年成立", "numbered list", "escape the dot"),
    ("The canal.", "(canal)=\n运河。", "(label)= target", "one line of text"),
])
def test_a_paragraph_that_is_no_longer_one_is_a_structure_finding(checks, msgid: str, msgstr: str,
                                                                  expected: str, advice: str) -> None:
    """The build ignores such a translation (and says so): not a finding a waiver can silence."""
    po = checks.write([checks.entry(msgid, msgstr, comment="check: allow structure — tried")])
    run = checks.run()
    finding = run.only("structure")
    assert run.status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert expected in finding["message"] and "Sphinx ignores" in finding["message"]
    assert advice in finding["advice"]
    assert "cannot be waived" in run.only("waiver")["message"]


def test_strong_ending_in_chinese_punctuation(checks) -> None:
    msgid = "It is **the green heart.** of the city"
    checks.write([checks.entry(msgid, "它是**绿色心脏。**之城")])
    finding = checks.only(checks.run()[1], "markup")
    assert "write **绿色心脏**。" in finding["advice"]
