"""make check: terms — the termbase's approved translations."""

from __future__ import annotations

from pathlib import Path

from editions.checks.terms import load


def test_approved_translation_used(checks) -> None:
    checks.write([
        checks.entry("The Grand Canal runs through Mishixiang Sub-district.", "大运河穿米市巷街道而过。"),
        checks.entry("The canals of Mishixiang.", "米市巷的运河。"),  # case-insensitive, plural
    ])
    assert checks.run() == (0, [])


def test_approved_translation_missing(checks) -> None:
    msgid = "The Grand Canal runs through it."
    po = checks.write([checks.entry(msgid, "运河穿境而过。")])
    status, findings = checks.run()
    finding = checks.only(findings, "terms")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert "“Grand Canal” → 大运河 (locales/zh_CN/termbase.tsv:2)" in finding["message"]


def test_longest_term_first_overlapping_shorter_ignored(checks) -> None:
    checks.write([])  # with the fixture's termbase
    termbase, problems = load(checks.root / "locales" / "zh_CN" / "termbase.tsv")
    assert problems == []
    assert termbase is not None
    found = termbase.terms_in("Mishixiang Sub-district is on the Grand Canal, like Mishixiang.")
    assert [t.english for t in found] == ["Mishixiang Sub-district", "Grand Canal", "Mishixiang"]
    assert [t.english for t in termbase.terms_in("Canalside")] == []  # whole words only


def _termbase(checks, text: str) -> Path:
    path = checks.root / "termbase.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_termbase_says_where_to_create_it(checks) -> None:
    checks.write([checks.entry("Hangzhou", "杭州")], termbase=None)
    status, findings = checks.run()
    [finding] = [f for f in findings if f["check"] == "terms"]
    assert status == 0 and finding["severity"] == "note"  # no names to keep: nothing is wrong
    assert finding["file"] == "locales/zh_CN/termbase.tsv"
    assert "create locales/zh_CN/termbase.tsv" in finding["advice"]


def test_broken_termbase_rows(checks) -> None:
    termbase = "english\tchinese\tkind\tnote\nGrand Canal\t大运河\nonly-english\nGrand canal\t运河\n"
    checks.write([checks.entry("Hangzhou", "杭州")], termbase=termbase)
    status, findings = checks.run()
    found = checks.errors(findings, "terms")
    assert status == 1
    assert [f["line"] for f in found] == [3, 4]


def test_termbase_without_header(checks) -> None:
    _, problems = load(_termbase(checks, "Grand Canal\t大运河\triver\t\n"))
    assert [p.line for p in problems] == [1]
