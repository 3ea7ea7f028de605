"""make check: waivers `# check: allow <check> — <reason>`."""

from __future__ import annotations

from pathlib import Path


MSGID = "It covers 360 degrees."
MSGSTR = "实现全方位覆盖。"  # no 360: a numbers finding unless waived


def test_finding_without_waiver(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR)])
    assert checks.only(checks.run()[1], "numbers")


def test_waiver_with_reason_silences_that_check_only(checks) -> None:
    comment = "check: allow numbers — 全方位 is how Chinese says 360 degrees"
    checks.write([checks.entry(MSGID, MSGSTR, comment=comment)])
    assert checks.run() == (0, [])
    checks.write([checks.entry(MSGID, "实现全方位 覆盖,", comment=comment)])
    assert checks.only(checks.run()[1], "typography")


def test_ascii_dash_and_other_comments_are_fine(checks) -> None:
    comment = "review: check the term\ncheck: allow numbers - 全方位 means 360 degrees"
    checks.write([checks.entry(MSGID, MSGSTR, comment=comment)])
    assert checks.run() == (0, [])


def test_unknown_check_name_is_a_finding(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR, comment="check: allow number — typo in the name")])
    status, findings = checks.run()
    finding = checks.only(findings, "waiver")
    assert status == 1 and "unknown check 'number'" in finding["message"]
    assert "did you mean numbers" in finding["message"]
    assert checks.only(findings, "numbers")  # not waived


def test_waiver_without_reason_is_a_finding(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR, comment="check: allow numbers")])
    status, findings = checks.run()
    assert "gives no reason" in checks.only(findings, "waiver")["message"]


def test_checks_that_cannot_be_waived(checks) -> None:
    checks.write([checks.entry(MSGID, MSGSTR, comment="check: allow catalog-syntax — because")])
    assert "cannot be waived" in checks.only(checks.run()[1], "waiver")["message"]


def test_waiver_no_longer_needed_is_a_note(checks) -> None:
    comment = "check: allow numbers — 全方位 means 360 degrees"
    checks.write([checks.entry(MSGID, "实现360度全覆盖。", comment=comment)])
    status, findings = checks.run()
    assert status == 0 and checks.errors(findings) == []
    assert findings[0]["check"] == "waiver" and findings[0]["severity"] == "note"


def test_header_waiver(checks) -> None:
    po = checks.write([checks.entry("Hangzhou", "杭州")],
                       header={"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"})
    assert checks.only(checks.run()[1], "header")
    po.write_text("# check: allow header — tested without Plural-Forms\n" + po.read_text(encoding="utf-8"),
                  encoding="utf-8")
    assert checks.run() == (0, [])
