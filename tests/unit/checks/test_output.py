"""make check: the report formats, exit status and the sample catalogs."""

from __future__ import annotations

import json
import re

import polib
import pytest

from editions.checks.report import Finding, format_github, format_text, shorten

MSGID = "In 2018, the total financial revenue reached 1.216 billion yuan."


@pytest.fixture
def defective(checks):
    checks.write([checks.entry(MSGID, "2018年，财政总收入达1.216亿元。"), checks.entry("Hangzhou", "杭州")])
    return checks


def test_text_format_one_line_per_finding(defective) -> None:
    result = defective.cli("--pot-dir", "gettext", "zh_CN")
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert re.fullmatch(
        r'locales/zh_CN/LC_MESSAGES/page\.po:\d+: \[numbers\] the English says 1\.216 billion .*; '
        r'write 12\.16亿 .*\(msgid: "In 2018, the total financial revenue re…"\)', lines[0])
    assert lines[-1] == ("zh_CN: 2 messages, 2 translated, 0 fuzzy, 0 untranslated, 0 obsolete; "
                         "1 error, 0 warnings, 0 notes")


def test_json_format(defective) -> None:
    result = defective.cli("--format", "json", "--pot-dir", "gettext", "zh_CN")
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert set(finding) == {"file", "line", "check", "message", "advice", "msgid", "severity"}
    assert finding["file"] == "locales/zh_CN/LC_MESSAGES/page.po"
    assert finding["check"] == "numbers" and finding["msgid"] == MSGID
    assert isinstance(finding["line"], int) and finding["severity"] == "error"


def test_github_annotations(defective) -> None:
    result = defective.cli("--format", "github", "--pot-dir", "gettext", "zh_CN")
    first = result.stdout.splitlines()[0]
    assert re.match(r"::error file=locales/zh_CN/LC_MESSAGES/page\.po,line=\d+,title=\[numbers\]::the English", first)
    note = format_github(Finding("a.po", 3, "obsolete", "x\ny: 50%", severity="note"))
    assert note == "::notice file=a.po,line=3,title=[obsolete]::x%0Ay: 50%25"


def test_clean_catalog_exits_zero(checks) -> None:
    checks.write([checks.entry("Hangzhou", "杭州")])
    result = checks.cli("--pot-dir", "gettext", "zh_CN")
    assert result.returncode == 0
    assert result.stdout == ("zh_CN: 1 messages, 1 translated, 0 fuzzy, 0 untranslated, 0 obsolete; "
                             "0 errors, 0 warnings, 0 notes\n")


def test_bad_arguments_are_one_line_not_a_traceback(checks) -> None:
    result = checks.cli("--format", "xml", "zh_CN")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = checks.cli()  # no locales/ here
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "locales" in result.stderr


def test_language_without_catalogs(checks) -> None:
    (checks.root / "gettext").mkdir()
    status, findings = checks.run(language="ja")
    assert status == 1 and any("make update-po" in f["advice"] for f in findings)


def test_shorten_and_text_line() -> None:
    assert shorten("a " * 40) == "a a a a a a a a a a a a a a a a a a a a…"
    line = format_text(Finding("x.po", 4, "numbers", "changed", "fix it", 'say "hi"\nthere'))
    assert line == 'x.po:4: [numbers] changed; fix it (msgid: "say \\"hi\\" there")'
    line = format_text(Finding("x.po", 4, "fuzzy", "changed", "fix it"))
    assert line == "x.po:4: [fuzzy] warning: changed; fix it"


def test_sample_catalogs(check_samples) -> None:
    """good.po and sphinx.po pass; planted.po has exactly the findings its `# expect:` comments name."""
    status, findings = check_samples.run()
    assert status == 1
    planted = check_samples.root / "locales" / "zh_CN" / "LC_MESSAGES" / "planted.po"
    expected = set()
    for e in polib.pofile(str(planted)):
        for line in (e.tcomment or "").splitlines():
            if line.startswith("expect: "):
                expected.add((check_samples.line_of(planted, e.msgid), line.split()[1]))
    got = {(f["line"], f["check"]) for f in findings
           if f["file"].endswith("planted.po") and f["severity"] in ("error", "warning")
           and f["check"] != "missing"}
    assert got == expected
    assert len(expected) >= 14
    others = [f for f in findings if not f["file"].endswith("planted.po")]
    assert others == []
    assert {f["check"] for f in findings if f["severity"] == "note"} == {"obsolete"}
    assert [f["msgid"] for f in findings if f["check"] == "missing"] == ["A sentence that was added to the page."]


def test_json_to_a_file(checks) -> None:
    """--output keeps the JSON apart from the summary."""
    checks.write([checks.entry(MSGID, "2018年，财政总收入达1.216亿元。")])
    result = checks.cli("--format", "json", "--output", "out/check.json", "--pot-dir", "gettext", "zh_CN")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "zh_CN: 1 messages, 1 translated, 0 fuzzy, 0 untranslated, 0 obsolete; 1 error, 0 warnings, 0 notes",
        "findings written to out/check.json"]
    [finding] = json.loads((checks.root / "out" / "check.json").read_text(encoding="utf-8"))
    assert finding["check"] == "numbers"
