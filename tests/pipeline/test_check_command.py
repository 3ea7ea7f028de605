"""`make check` on a copy of the real project: the catalogs pass; a defect planted in
one fails the check with its file and line; `make stats` agrees on the counts."""

from __future__ import annotations

import re
from pathlib import Path

import polib


def _summary(output: str) -> str:
    return [line for line in output.splitlines() if line.startswith("zh_CN: ")][-1]


def _findings(summary: str) -> str:
    """The "N errors, N warnings" of a summary, without the notes that follow ("0 errors,
    0 warnings, 26 notes (...)"): notes (terms pending the office's confirmation) do not fail it."""
    return re.sub(r", \d+ notes?( \(.*\))?$", "", summary)


def test_the_profiles_catalogs_pass_with_the_office_questions_as_notes(project: Path, make) -> None:
    result = make(project, "check", check=False)
    findings = [line for line in result.stdout.splitlines() if re.match(r"^\S+:\d+: \[", line)
                and "] note:" not in line]
    assert result.returncode == 0, "\n".join(findings) or result.stdout + result.stderr
    assert _findings(_summary(result.stdout)).endswith("; 0 errors, 0 warnings")
    # the gettext step, the summary: findings don't scroll away
    assert len((result.stdout + result.stderr).splitlines()) <= 3
    assert re.fullmatch(r"zh_CN: (\d+) messages, \1 translated, 0 fuzzy, 0 untranslated, 0 obsolete; "
                        r"0 errors, 0 warnings, [1-9]\d* notes \(make check NOTES=1 lists them\)",
                        _summary(result.stdout))
    # the review's unverifiable names are kept as the English gives them and listed, as notes,
    # with the entries that use them (termbase status `pending`): one line, NOTES=1 lists them
    assert "[pending]" not in result.stdout
    listed = make(project, "check", NOTES="1").stdout
    notes = [line for line in listed.splitlines() if "[pending] note:" in line]
    assert len([line for line in listed.splitlines() if re.match(r"^\S+:\d+: \[[\w-]+\] note: ", line)]) == len(notes)
    assert any("“Guxin Road” → 古新路 " in line and "environment.po:" in line for line in notes)
    assert any("“Red, Green and Blue” → 红绿蓝 " in line and "livelihood.po:" in line for line in notes)
    assert any("economy.po:" in line for line in notes)
    assert all(line.startswith("locales/zh_CN/termbase.tsv:") for line in notes)
    assert _summary(result.stdout).endswith(
        f"; 0 errors, 0 warnings, {len(notes)} notes (make check NOTES=1 lists them)"
    )
    # only findings: not the gettext build that comes before them
    assert "build succeeded" not in result.stdout and "myst v" not in result.stdout
    # make stats counts the same way
    stats = make(project, "stats").stdout
    total = next(line for line in stats.splitlines() if line.startswith("zh_CN (all catalogs)"))
    translated, fuzzy, untranslated, obsolete = (int(n) for n in total.split()[3:7])
    assert (f"{translated + fuzzy + untranslated} messages, {translated} translated, {fuzzy} fuzzy, "
            f"{untranslated} untranslated, {obsolete} obsolete;") in _summary(result.stdout)


def test_planted_defect_fails_with_file_and_line(project: Path, make, msgstr_line) -> None:
    path = project / "locales" / "zh_CN" / "LC_MESSAGES" / "economy.po"
    po = polib.pofile(str(path))
    target = next(e for e in po if "1.216 billion" in e.msgid and "12.16亿" in e.msgstr)
    target.msgstr = target.msgstr.replace("12.16亿", "1.216亿")
    po.save(str(path))
    line = msgstr_line(path, target.msgid)  # where the translator fixes it
    result = make(project, "check", check=False)
    assert result.returncode != 0
    assert f"locales/zh_CN/LC_MESSAGES/economy.po:{line}: [numbers] the English says 1.216 billion" in result.stdout
    assert _findings(_summary(result.stdout)).endswith("; 1 error, 0 warnings")
