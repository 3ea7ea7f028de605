"""The checks' registry is what the README's table says, check by check: a translator
reads the table, make check and the build read the registry."""

from __future__ import annotations

import re
from pathlib import Path

from editions.checks.registry import CHECKS

README = Path(__file__).resolve().parents[3] / "README.md"


def _table() -> dict[str, list[str]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("| check | finds | by | severity | waivable |")
    rows = {}
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("| `"):
            break
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_the_readme_table_is_the_registry() -> None:
    table = _table()
    assert list(table) == list(CHECKS)  # every check, in the registry's order
    for name, check in CHECKS.items():
        assert table[name] == [check.finds, check.source, check.severity, "yes" if check.waivable else "no"], name


def test_only_style_can_be_waived_and_facts_are_errors() -> None:
    waivable = {name for name, check in CHECKS.items() if check.waivable}
    assert waivable == {"doubled-word", "terms", "typography", "title-marks"}
    for name in ("numbers", "dates", "markup", "safety", "size", "header", "catalog-header", "placeholders"):
        assert CHECKS[name].severity == "error" and not CHECKS[name].waivable, name
    assert {n for n, c in CHECKS.items() if c.severity == "warning"} == {"fuzzy", "untranslated"}
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in CHECKS)
