"""make check: catalog-syntax, header and duplicate-msgid (msgfmt is the judge)."""

from __future__ import annotations

import polib

GOOD = [("The Grand Canal runs through it.", "大运河穿境而过。")]


def test_a_good_catalog_passes(checks) -> None:
    checks.write(GOOD)
    status, findings = checks.run()
    assert status == 0 and checks.errors(findings) == []


def test_unterminated_string_is_reported_at_its_line(checks) -> None:
    po = checks.write([*GOOD, ("Hangzhou", "杭州")])
    lines = po.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if line == 'msgstr "杭州"')
    lines[broken] = 'msgstr "杭州'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, findings = checks.run()
    finding = checks.only(findings, "catalog-syntax")
    assert status == 1
    assert finding["file"] == "locales/zh_CN/LC_MESSAGES/page.po"
    assert finding["line"] == broken + 1
    assert "double-quoted" in finding["advice"]


def test_bytes_that_are_not_utf8(checks) -> None:
    po = checks.write(GOOD)
    raw = po.read_bytes()
    line = raw[: raw.index("穿境".encode())].count(b"\n") + 1
    po.write_bytes(raw.replace("穿境".encode(), b"\xff\xfe"))
    finding = checks.run().only("catalog-header")
    assert finding["line"] == line
    assert "not UTF-8 (byte 0xff" in finding["message"] and "UTF-8" in finding["advice"]


def test_a_line_separator_is_named_at_its_line_not_as_a_syntax_error(checks) -> None:
    po = checks.write(GOOD)
    text = po.read_text(encoding="utf-8")
    line = text[: text.index("穿境")].count("\n") + 1
    po.write_text(text.replace("穿境", "穿\u2028境"), encoding="utf-8")
    run = checks.run()
    finding = run.only("catalog-header")
    assert finding["line"] == line and "LINE SEPARATOR (U+2028)" in finding["message"]
    assert run.errors("catalog-syntax") == []


def test_unreadable_catalog_is_a_finding(checks) -> None:
    po = checks.write(GOOD)
    po.unlink()
    po.mkdir()  # a folder named page.po: cannot be read as a file
    (po / "x.po").write_text("", encoding="utf-8")
    status, findings = checks.run()
    assert status == 1 and "not a regular file" in checks.only(findings, "catalog-file")["message"]


def test_a_symbolic_link_is_a_finding(checks) -> None:
    po = checks.write(GOOD)
    target = po.with_name("elsewhere.txt")
    po.rename(target)
    po.symlink_to(target)
    assert "symbolic link" in checks.run().only("catalog-file")["message"]


def test_every_link_under_the_language_is_named_and_nothing_read_through_it(checks, tmp_path_factory) -> None:
    po = checks.write(GOOD)
    tmp_path = tmp_path_factory.mktemp("elsewhere")
    outside = tmp_path / "outside.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (po.parent / "page.mo").symlink_to(outside)  # compiling page.po would overwrite the target
    (po.parent / "sphinx.mo").symlink_to(tmp_path / "nowhere.mo")  # dangling: would create a file
    termbase = po.parents[1] / "termbase.tsv"
    termbase.unlink(missing_ok=True)
    termbase.symlink_to(outside)
    status, findings = checks.run()
    named = sorted(f["file"] for f in findings if f["check"] == "catalog-file")
    assert status == 1 and named == ["locales/zh_CN/LC_MESSAGES/page.mo", "locales/zh_CN/LC_MESSAGES/sphinx.mo",
                                     "locales/zh_CN/termbase.tsv"]
    assert "root:x" not in str(findings) and not (tmp_path / "nowhere.mo").exists()


def test_a_linked_catalog_folder_is_named(checks, tmp_path_factory) -> None:
    po = checks.write(GOOD)
    real = tmp_path_factory.mktemp("elsewhere") / "real-messages"
    po.parent.rename(real)
    po.parent.symlink_to(real)
    status, findings = checks.run()
    assert status == 1 and checks.only(findings, "catalog-file")["file"] == "locales/zh_CN/LC_MESSAGES"


def test_another_charset_stops_the_catalog_as_in_the_build(checks) -> None:
    header = {"Content-Type": "text/plain; charset=ISO-8859-1", "Language": "zh_CN"}
    checks.write([checks.entry("Grand Canal", "Grand Canal")], header=header)
    run = checks.run()
    finding = run.only("catalog-header")
    assert run.status == 1 and finding["line"] > 1  # at the header line itself
    assert "declares charset ISO-8859-1" in finding["message"] and "UTF-8" in finding["advice"]
    assert run.errors("header") == []  # nothing else is read from a catalog tools read differently


def test_two_content_types_and_a_byte_order_mark(checks) -> None:
    po = checks.write([("Grand Canal", "大运河")])
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('"Language:', '"Content-Type: text/plain; charset=UTF-8\\n"\n"Language:', 1),
                  encoding="utf-8")
    assert "Content-Type 2 times" in checks.run().only("catalog-header")["message"]
    po.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert "byte-order mark" in checks.run().only("catalog-header")["message"]


def test_header_language_and_plural_forms(checks) -> None:
    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ja",
              "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    checks.write([checks.entry("Grand Canal", "Grand Canal")], header=header)
    status, findings = checks.run()
    messages = [f["message"] for f in checks.errors(findings, "header")]
    assert status == 1
    assert any("'ja'" in m for m in messages)
    assert any("nplurals=2" in m for m in messages)
    assert all(f["line"] > 1 for f in checks.errors(findings, "header"))  # at the header line itself


def test_missing_plural_forms(checks) -> None:
    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
    checks.write(GOOD, header=header)
    _status, findings = checks.run()
    assert "nplurals=1; plural=0;" in checks.only(findings, "header")["advice"]


def test_duplicate_msgid_at_the_second_occurrence(checks) -> None:
    po = checks.write([*GOOD, ("Hangzhou", "杭州")])
    first = next(e.linenum for e in polib.pofile(str(po)) if e.msgid == "The Grand Canal runs through it.")
    po.write_text(po.read_text(encoding="utf-8")
                  + '\nmsgid "The Grand Canal runs through it."\nmsgstr "大运河穿城而过。"\n', encoding="utf-8")
    second = len(po.read_text(encoding="utf-8").splitlines()) - 1
    status, findings = checks.run()
    finding = checks.only(findings, "duplicate-msgid")
    assert status == 1
    assert finding["line"] == second
    assert f"line {first}" in finding["message"]
    assert checks.errors(findings, "catalog-syntax") == []  # reported once, in our words
