"""make check: waivers `# check: allow <check> — <reason>`."""

from __future__ import annotations

from pathlib import Path

from checks_support import check, entry, errors, only, write_project

MSGID = "It covers 360 degrees."
MSGSTR = "实现全方位覆盖。"  # no 360: a numbers finding unless waived


def test_finding_without_waiver(tmp_path: Path) -> None:
    write_project(tmp_path, [entry(MSGID, MSGSTR)])
    assert only(check(tmp_path)[1], "numbers")


def test_waiver_with_reason_silences_that_check_only(tmp_path: Path) -> None:
    comment = "check: allow numbers — 全方位 is how Chinese says 360 degrees"
    write_project(tmp_path, [entry(MSGID, MSGSTR, comment=comment)])
    assert check(tmp_path) == (0, [])
    write_project(tmp_path, [entry(MSGID, "实现全方位 覆盖,", comment=comment)])
    assert only(check(tmp_path)[1], "typography")


def test_ascii_dash_and_other_comments_are_fine(tmp_path: Path) -> None:
    comment = "review: check the term\ncheck: allow numbers - 全方位 means 360 degrees"
    write_project(tmp_path, [entry(MSGID, MSGSTR, comment=comment)])
    assert check(tmp_path) == (0, [])


def test_unknown_check_name_is_a_finding(tmp_path: Path) -> None:
    write_project(tmp_path, [entry(MSGID, MSGSTR, comment="check: allow number — typo in the name")])
    status, findings = check(tmp_path)
    finding = only(findings, "waiver")
    assert status == 1 and "unknown check 'number'" in finding["message"]
    assert "did you mean numbers" in finding["message"]
    assert only(findings, "numbers")  # not waived


def test_waiver_without_reason_is_a_finding(tmp_path: Path) -> None:
    write_project(tmp_path, [entry(MSGID, MSGSTR, comment="check: allow numbers")])
    status, findings = check(tmp_path)
    assert "gives no reason" in only(findings, "waiver")["message"]


def test_checks_that_cannot_be_waived(tmp_path: Path) -> None:
    write_project(tmp_path, [entry(MSGID, MSGSTR, comment="check: allow catalog-syntax — because")])
    assert "cannot be waived" in only(check(tmp_path)[1], "waiver")["message"]


def test_waiver_no_longer_needed_is_a_note(tmp_path: Path) -> None:
    comment = "check: allow numbers — 全方位 means 360 degrees"
    write_project(tmp_path, [entry(MSGID, "实现360度全覆盖。", comment=comment)])
    status, findings = check(tmp_path)
    assert status == 0 and errors(findings) == []
    assert findings[0]["check"] == "waiver" and findings[0]["severity"] == "note"


def test_header_waiver(tmp_path: Path) -> None:
    po = write_project(tmp_path, [entry("Hangzhou", "杭州")],
                       header={"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"})
    assert only(check(tmp_path)[1], "header")
    po.write_text("# check: allow header — tested without Plural-Forms\n" + po.read_text(encoding="utf-8"),
                  encoding="utf-8")
    assert check(tmp_path) == (0, [])
