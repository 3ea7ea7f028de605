"""make check: pending — termbase terms waiting for the office's confirmation are notes.

A term with status `pending` in termbase.tsv is reported once, as a note (make check still
exits 0), at its termbase line, with every catalog entry whose English uses it: the list of
open questions for the office is one command away.
"""

from __future__ import annotations

TERMBASE = (
    "english\tchinese\tkind\tstatus\tnote\n"
    "Guxin Road\t古新路\troad\tpending\tas the English gives it; ask the office\n"
    "Guxin River\t古新河\triver\t\thigh confidence\n"
    "Red, Green and Blue\t红绿蓝\tprogramme\tpending\tas the English gives it\n"
    "Hangzhou\t杭州\tplace\tapproved\t\n"
)
ROAD = "the cleanest city model in Hangzhou, Guxin Road."
ROAD_ZH = "杭州市“最清洁城市”示范道路——古新路。"
RIVER = "Guxin River was awarded."
RIVER_ZH = "古新河获评。"


def test_pending_terms_are_notes_with_their_entries(checks) -> None:
    po = checks.write([checks.entry(ROAD, ROAD_ZH), checks.entry(RIVER, RIVER_ZH),
                                  checks.entry("Guxin Road again", "又是古新路")], termbase=TERMBASE)
    status, findings = checks.run()
    assert status == 0 and checks.errors(findings) == []
    notes = [f for f in findings if f["check"] == "pending"]
    assert [(n["file"], n["line"], n["severity"]) for n in notes] == [
        ("locales/zh_CN/termbase.tsv", 2, "note"), ("locales/zh_CN/termbase.tsv", 4, "note")]
    road, colours = notes
    assert "“Guxin Road” → 古新路 waits for the office's confirmation" in road["message"]
    lines = [checks.line_of(po, msgid) for msgid in (ROAD, "Guxin Road again")]
    assert road["message"].endswith("used in " + ", ".join(
        f"locales/zh_CN/LC_MESSAGES/page.po:{line}" for line in lines))
    assert "Guxin River" not in road["message"]
    assert colours["message"].endswith("used by no entry")


def test_text_output_exits_zero_and_counts_the_notes_in_one_line(checks) -> None:
    checks.write([checks.entry(ROAD, ROAD_ZH)], termbase=TERMBASE)
    result = checks.cli("--pot-dir", "gettext", "zh_CN")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "zh_CN: 1 messages, 1 translated, 0 fuzzy, 0 untranslated, 0 obsolete; 0 errors, 0 warnings, 2 notes "
        "(make check NOTES=1 lists them)"]
    result = checks.cli("--notes", "--pot-dir", "gettext", "zh_CN")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("locales/zh_CN/termbase.tsv:2: [pending] note: “Guxin Road” → 古新路")
    assert len(lines) == 3 and lines[-1].endswith("; 0 errors, 0 warnings, 2 notes")


def test_no_pending_term_no_note(checks) -> None:
    approved = TERMBASE.replace("\tpending\t", "\t\t")
    checks.write([checks.entry(ROAD, ROAD_ZH)], termbase=approved)
    assert checks.run() == (0, [])


def test_the_pending_translation_is_still_enforced(checks) -> None:
    """Pending is a question for the office, not a licence to write something else."""
    checks.write([checks.entry(ROAD, "杭州市最洁净城市示范点——古新河沿线。")], termbase=TERMBASE)
    status, findings = checks.run()
    assert status == 1 and [f["check"] for f in checks.errors(findings)] == ["terms"]


def test_unknown_status_is_reported(checks) -> None:
    termbase = TERMBASE + "Wenyi Courtyard\t文艺大院\tplace\tunsure\t\n"
    checks.write([checks.entry("Hangzhou", "杭州")], termbase=termbase)
    status, findings = checks.run()
    [finding] = checks.errors(findings)
    assert status == 1 and finding["check"] == "terms" and finding["line"] == 6
    assert "`pending`" in finding["advice"]


def test_old_termbase_without_status_column_still_reads(checks) -> None:
    legacy = "english\tchinese\tkind\tnote\nGuxin Road\t古新路\troad\tpending is only a word in the note\n"
    checks.write([checks.entry(ROAD, ROAD_ZH)], termbase=legacy)
    assert checks.run() == (0, [])


def test_a_catalog_refused_for_its_size_is_not_read_for_the_notes(checks) -> None:
    # 4 MB of padding after a real entry: refused unread, as the build refuses it, and the
    # notes (which read every good catalog) do not parse it either
    po = checks.write([checks.entry(ROAD, ROAD_ZH)], termbase=TERMBASE)
    with po.open("a", encoding="utf-8") as out:
        out.write(f'\n# {"x" * (4 * 1024 * 1024)}\nmsgid "Padding"\nmsgstr "填充"\n')
    findings = checks.run().findings
    assert "is 4.0 MB; a catalog may be at most 1 MB" in checks.only(findings, "catalog-file")["message"]
    road = next(f for f in findings if f["check"] == "pending" and "Guxin Road" in f["message"])
    assert road["message"].endswith("used by no entry")
