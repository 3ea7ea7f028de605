"""The profile's catalogs, as committed: written as GNU gettext writes them, with
references a translator's tool can follow."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_msgcat_leaves_the_catalog_as_it_is(catalog: Path) -> None:
    # Poedit, Weblate and msgcat lay catalogs out this way: a translator's save is no diff
    assert subprocess.run(["msgcat", str(catalog)], capture_output=True, check=True).stdout == catalog.read_bytes()


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_references_resolve_from_the_catalogs_folder(catalog: Path) -> None:
    references = {path for entry in polib.pofile(str(catalog)) for path, _line in entry.occurrences}
    missing = [p for p in references if not p.startswith("(theme)") and not (catalog.parent / p).is_file()]
    assert references and missing == []


def test_weblates_component_discovery_finds_every_catalog() -> None:
    """The regular expression locales/README.md gives Weblate's Component discovery add-on
    finds each catalog, with its language and page."""
    readme = (ROOT / "locales" / "README.md").read_text(encoding="utf-8")
    expression = re.search(r"`(locales/\(\?P<language>[^`]+)`", readme)[1]
    found = {re.fullmatch(expression, str(c.relative_to(ROOT))).group("language", "component") for c in CATALOGS}
    assert found == {(c.parts[-3], c.stem) for c in CATALOGS}
    assert re.fullmatch(expression, "locales/zh_CN/termbase.tsv") is None
