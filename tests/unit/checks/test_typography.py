"""make check: Chinese typography (and translate-toolkit's doubled words)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("msgid, msgstr", [
    ("Mishixiang covers 3.59 square kilometers.", "米市巷面积3.59平方公里。"),
    ("39,000 residents, since 1954 (see the notes).", "常住人口39,000，始建于1954年（见说明）。"),
    ("Reported by CCTV at 9:30.", "CCTV在9:30作了报道。"),
    ('The "Miqiyun" platform.', "“米企云”平台。"),
    ("Read [it](https://example.org/a.b).", "阅读[此文](https://example.org/a.b)。"),
    ("Run `a, b; c` now.", "现在运行`a, b; c`。"),
    ("Made with ", "构建工具："),
    ("\nMade with", "\n构建工具"),
    ("People's Daily", "《人民日报》"),
])
def test_good_typography(checks, msgid: str, msgstr: str) -> None:
    checks.write([checks.entry(msgid, msgstr)], termbase="english\tchinese\tkind\tnote\n")
    _status, findings = checks.run()
    assert checks.errors(findings) == [], findings


@pytest.mark.parametrize("msgstr, expected", [
    ("米市巷位于杭州,风景优美。", "ASCII ','"),
    ("米市巷位于杭州.", "ASCII '.'"),
    ("米市巷位于杭州;风景优美。", "ASCII ';'"),
    ("米市巷位于杭州:风景优美。", "ASCII ':'"),
    ("米市巷位于杭州?", "ASCII '?'"),
    ("米市巷位于杭州!", "ASCII '!'"),
    ("米市巷位于杭州(拱墅区)。", "ASCII '('"),
    ("米市巷位于“杭州。", "'“' is not closed"),
    ("米市巷位于杭州”。", "'”' closes nothing"),
    ("米市巷位于《杭州。", "'《' is not closed"),
    ("米市巷位于（杭州。", "'（' is not closed"),
    ("米市巷位于 杭州 2018 年。", "space between Chinese and Latin/digits"),
    ("米市巷被 CCTV 报道。", "space between Chinese and Latin/digits"),
    (" 米市巷位于杭州。", "starts with whitespace"),
    ("米市巷位于杭州。 ", "ends with whitespace"),
    ('米市巷的"米企云"平台。', "ASCII quote"),
    ("米市巷位于杭州...", "'……'"),
])
def test_bad_typography(checks, msgstr: str, expected: str) -> None:
    msgid = "Mishixiang is in Hangzhou."
    po = checks.write([checks.entry(msgid, msgstr)], termbase="english\tchinese\tkind\tnote\n")
    status, findings = checks.run()
    finding = checks.only(findings, "typography")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert expected in finding["message"], finding["message"]


def test_spacing_rule_of_the_style_guide(checks) -> None:
    """A style guide that asks for a space between Chinese and Latin turns the rule round."""
    msgid = "Reported by CCTV."
    checks.write([checks.entry(msgid, "被 CCTV 报道。")], termbase="english\tchinese\tkind\tnote\n")
    (checks.root / "locales" / "zh_CN" / "README.md").write_text(
        "在中文与英文之间加空格。\n", encoding="utf-8")
    assert checks.errors(checks.run()[1]) == []
    checks.write([checks.entry(msgid, "被CCTV报道。")], termbase="english\tchinese\tkind\tnote\n")
    assert "no space" in checks.only(checks.run()[1], "typography")["message"]


@pytest.mark.parametrize("msgstr, expected", [
    ("中央电视台CCTV CCTV报道了此事。", "'cctv' is repeated"),
    ("米市巷的的运河。", "'的' is written twice"),
])
def test_doubled_words(checks, msgstr: str, expected: str) -> None:
    msgid = "CCTV reported on the canal of Mishixiang."
    checks.write([checks.entry(msgid, msgstr)], termbase="english\tchinese\tkind\tnote\n")
    _status, findings = checks.run()
    assert expected in checks.only(findings, "doubled-word")["message"]


def test_chinese_reduplication_is_fine(checks) -> None:
    checks.write([checks.entry("People often thank each other.", "人人常常说谢谢。")],
                  termbase="english\tchinese\tkind\tnote\n")
    assert checks.errors(checks.run()[1]) == []
