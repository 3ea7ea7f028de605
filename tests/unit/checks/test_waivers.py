"""make check: waivers `# check: allow <check> — <reason>`, for style only.

Nothing that protects a fact, the reader or the machine can be waived: numbers,
dates, markup, safety, the header.
"""

from __future__ import annotations

import pytest

MSGID = "Hangzhou, Zhejiang."
MSGSTR = "杭州,浙江。"  # an ASCII comma: a typography finding unless waived


def test_finding_without_waiver(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR)])
    assert checks.only(checks.run()[1], "typography")


def test_waiver_with_reason_silences_that_check_only(checks) -> None:
    comment = "check: allow typography — the office writes its address with a Latin comma"
    checks.write([checks.entry(MSGID, MSGSTR, comment=comment)])
    assert checks.run() == (0, [])
    checks.write([checks.entry("Hangzhou, 1954.", "杭州,1955。", comment=comment)])
    assert checks.only(checks.run()[1], "numbers")


def test_ascii_dash_and_other_comments_are_fine(checks) -> None:
    comment = "review: check the term\ncheck: allow typography - the office's own comma"
    checks.write([checks.entry(MSGID, MSGSTR, comment=comment)])
    assert checks.run() == (0, [])


def test_unknown_check_name_is_a_finding(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR, comment="check: allow typograhpy — typo in the name")])
    status, findings = checks.run()
    finding = checks.only(findings, "waiver")
    assert status == 1 and "unknown check 'typograhpy'" in finding["message"]
    assert "did you mean typography" in finding["message"]
    assert checks.only(findings, "typography")  # not waived


def test_waiver_without_reason_is_a_finding(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR, comment="check: allow typography")])
    _status, findings = checks.run()
    assert "gives no reason" in checks.only(findings, "waiver")["message"]


@pytest.mark.parametrize("check, msgid, msgstr", [
    ("catalog-syntax", MSGID, MSGSTR),
    ("numbers", "It covers 360 degrees.", "实现全方位覆盖。"),
    ("markup", "Read the *canal* history.", "阅读运河历史。"),
    ("safety", "The canal.", "运河<b>x</b>。"),
])
def test_what_protects_a_fact_or_the_reader_cannot_be_waived(checks, check: str, msgid: str, msgstr: str) -> None:
    checks.write([checks.entry(msgid, msgstr, comment=f"check: allow {check} — because")])
    status, findings = checks.run()
    assert "cannot be waived" in checks.only(findings, "waiver")["message"]
    if check != "catalog-syntax":
        assert status == 1 and checks.only(findings, check)  # still reported


def test_waiver_no_longer_needed_is_a_note(checks) -> None:
    comment = "check: allow typography — the office's own comma"
    checks.write([checks.entry(MSGID, "杭州，浙江。", comment=comment)])
    status, findings = checks.run()
    assert status == 0 and checks.errors(findings) == []
    assert findings[0]["check"] == "waiver" and findings[0]["severity"] == "note"


def test_a_header_problem_cannot_be_waived(checks) -> None:
    po = checks.write([checks.entry("Hangzhou", "杭州")],
                       header={"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"})
    assert checks.only(checks.run()[1], "header")
    po.write_text("# check: allow header — tested without Plural-Forms\n" + po.read_text(encoding="utf-8"),
                  encoding="utf-8")
    status, findings = checks.run()
    assert status == 1 and checks.only(findings, "header")
