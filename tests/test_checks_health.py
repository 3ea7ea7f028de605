"""make check: catalog-syntax, header and duplicate-msgid (msgfmt is the judge)."""

from __future__ import annotations

from pathlib import Path

from checks_support import check, entry, errors, line_of, only, write_project

GOOD = [entry("The Grand Canal runs through it.", "大运河穿境而过。")]


def test_a_good_catalog_passes(tmp_path: Path) -> None:
    write_project(tmp_path, GOOD)
    status, findings = check(tmp_path)
    assert status == 0 and errors(findings) == []


def test_unterminated_string_is_reported_at_its_line(tmp_path: Path) -> None:
    po = write_project(tmp_path, GOOD + [entry("Hangzhou", "杭州")])
    lines = po.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if line == 'msgstr "杭州"')
    lines[broken] = 'msgstr "杭州'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, findings = check(tmp_path)
    finding = only(findings, "catalog-syntax")
    assert status == 1
    assert finding["file"] == "locales/zh_CN/LC_MESSAGES/page.po"
    assert finding["line"] == broken + 1
    assert "double-quoted" in finding["advice"]


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    po = write_project(tmp_path, GOOD)
    po.write_bytes(po.read_bytes().replace("穿境".encode(), b"\xff\xfe"))
    status, findings = check(tmp_path)
    found = errors(findings, "catalog-syntax")
    assert status == 1 and found
    assert "UTF-8" in found[0]["advice"]


def test_unreadable_catalog_is_a_finding(tmp_path: Path) -> None:
    po = write_project(tmp_path, GOOD)
    po.unlink()
    po.mkdir()  # a folder named page.po: cannot be read as a file
    (po / "x.po").write_text("", encoding="utf-8")
    status, findings = check(tmp_path)
    assert status == 1 and errors(findings, "catalog-syntax")


def test_header_charset_language_and_plural_forms(tmp_path: Path) -> None:
    header = {"Content-Type": "text/plain; charset=ISO-8859-1", "Language": "ja",
              "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    write_project(tmp_path, [entry("Grand Canal", "Grand Canal")], header=header)
    status, findings = check(tmp_path)
    messages = [f["message"] for f in errors(findings, "header")]
    assert status == 1
    assert any("not UTF-8" in m for m in messages)
    assert any("'ja'" in m for m in messages)
    assert any("nplurals=2" in m for m in messages)
    assert all(f["line"] > 1 for f in errors(findings, "header"))  # at the header line itself


def test_missing_plural_forms(tmp_path: Path) -> None:
    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
    write_project(tmp_path, GOOD, header=header)
    status, findings = check(tmp_path)
    assert "nplurals=1; plural=0;" in only(findings, "header")["advice"]


def test_duplicate_msgid_at_the_second_occurrence(tmp_path: Path) -> None:
    po = write_project(tmp_path, GOOD + [entry("Hangzhou", "杭州")])
    first = line_of(po, "The Grand Canal runs through it.")
    po.write_text(po.read_text(encoding="utf-8")
                  + '\nmsgid "The Grand Canal runs through it."\nmsgstr "大运河穿城而过。"\n', encoding="utf-8")
    second = len(po.read_text(encoding="utf-8").splitlines()) - 1
    status, findings = check(tmp_path)
    finding = only(findings, "duplicate-msgid")
    assert status == 1
    assert finding["line"] == second
    assert f"line {first}" in finding["message"]
    assert errors(findings, "catalog-syntax") == []  # reported once, in our words
