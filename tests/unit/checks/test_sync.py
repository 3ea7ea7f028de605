"""make check against the templates: missing, stale-entry, untranslated, fuzzy,
obsolete, stale-catalog; and the counts agree with `make stats`."""

from __future__ import annotations

import shutil

from editions.catalogs.counts import count_catalog

CANAL = "The Grand Canal runs through it."


def test_in_step_catalog_passes(checks) -> None:
    checks.write([checks.entry(CANAL, "大运河穿境而过。")])
    assert checks.run() == (0, [])


def test_missing_message_says_run_update_po(checks) -> None:
    checks.write([checks.entry(CANAL, "大运河穿境而过。")], template=[CANAL, "A new sentence."])
    status, findings = checks.run()
    finding = checks.only(findings, "missing")
    assert status == 1
    assert finding["msgid"] == "A new sentence."
    assert "make update-po" in finding["advice"]


def test_english_no_longer_in_the_sources(checks) -> None:
    po = checks.write([checks.entry(CANAL, "大运河穿境而过。"), checks.entry("Old text.", "旧文。")],
                       template=[CANAL])
    status, findings = checks.run()
    finding = checks.only(findings, "stale-entry")
    assert (status, finding["line"]) == (1, checks.line_of(po, "Old text."))


def _warning(findings: list[dict], check: str) -> dict:
    [found] = [f for f in findings if f["check"] == check]
    assert found["severity"] == "warning"
    return found


def test_untranslated_is_a_warning_and_an_error_for_a_release(checks) -> None:
    po = checks.write([checks.entry(CANAL, "大运河穿境而过。"), checks.entry("Hangzhou")])
    status, findings = checks.run()
    assert (status, _warning(findings, "untranslated")["line"]) == (0, checks.line_of(po, "Hangzhou"))
    status, findings = checks.run("--strict")  # make check ALLOW_FUZZY=0
    assert (status, checks.only(findings, "untranslated")["line"]) == (1, checks.line_of(po, "Hangzhou"))


def test_fuzzy_shows_what_changed_in_the_english(checks) -> None:
    new = "The tax paid per square kilometer exceeded 300 million yuan."
    old = "The tax paid per square kilometer exceeded 200 million yuan."
    po = checks.write([checks.entry(new, "每平方公里税收超过2亿元。", flags=("fuzzy",), previous=old)])
    status, findings = checks.run()
    finding = _warning(findings, "fuzzy")
    assert status == 0 and finding["line"] == checks.line_of(po, new)
    assert 'was: "…kilometer exceeded 200 million yuan." / now: "…kilometer exceeded 300 million yuan."' \
        in finding["message"]
    assert "fuzzy" in finding["advice"]
    assert checks.errors(findings, "numbers") == []  # the build ignores it: no content checks yet


def test_obsolete_entries_are_a_note_not_an_error(checks) -> None:
    checks.write([checks.entry(CANAL, "大运河穿境而过。"), checks.entry("Gone.", "已删。", obsolete=True)])
    status, findings = checks.run()
    assert status == 0
    [note] = findings
    assert note["check"] == "obsolete" and note["severity"] == "note"
    assert "kept for reference" in note["message"] and "delete" in note["advice"]


def test_catalog_of_a_removed_page(checks) -> None:
    checks.write([checks.entry(CANAL, "大运河穿境而过。")])
    (checks.root / "gettext" / "page.pot").unlink()
    (checks.root / "gettext" / "other.pot").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    status, findings = checks.run()
    finding = checks.only(findings, "stale-catalog")
    assert status == 1 and "no page" in finding["message"]


def test_page_without_a_catalog(checks) -> None:
    checks.write([checks.entry(CANAL, "大运河穿境而过。")])
    shutil.copy(checks.root / "gettext" / "page.pot", checks.root / "gettext" / "other.pot")
    _status, findings = checks.run()
    assert checks.only(findings, "missing")["file"] == "locales/zh_CN/LC_MESSAGES/other.po"


def test_no_templates_is_one_finding_with_what_to_do(checks) -> None:
    checks.write([checks.entry(CANAL, "大运河穿境而过。")])
    shutil.rmtree(checks.root / "gettext")
    status, findings = checks.run()
    assert status == 1
    assert "make gettext" in checks.only(findings, "templates")["advice"]


def test_counts_agree_with_make_stats(checks, capsys) -> None:
    import os

    from editions.checks.cli import main

    po = checks.write([
        checks.entry(CANAL, "大运河穿境而过。"), checks.entry("Hangzhou"),
        checks.entry("Fuzzy one.", "模糊。", flags=("fuzzy",)), checks.entry("Gone.", "已删。", obsolete=True),
    ])
    counts = count_catalog(po)
    cwd = os.getcwd()
    os.chdir(checks.root)
    try:
        main(["--pot-dir", "gettext", "zh_CN"])
    finally:
        os.chdir(cwd)
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary == (f"zh_CN: {counts.total} messages, {counts.translated} translated, {counts.fuzzy} fuzzy, "
                       f"{counts.untranslated} untranslated, {counts.obsolete} obsolete; "
                       "0 errors, 2 warnings, 1 note (make check NOTES=1 lists them)")
    assert (counts.total, counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (3, 1, 1, 1, 1)
