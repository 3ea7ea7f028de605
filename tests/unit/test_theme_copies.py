"""The two theme templates that are copies of Furo's, not extensions of its blocks
(page.html, partials/icons.html: their headers say why): each differs from the
installed Furo only in the lines it must change.  A Furo that changes one of its
other lines fails here: the copy is to be made again from the new Furo."""

from __future__ import annotations

import difflib
from importlib.metadata import version
from pathlib import Path

import furo
import pytest

import editions.sphinxext

FURO = Path(furo.__file__).resolve().parent / "theme" / "furo"
OURS = Path(editions.sphinxext.__file__).resolve().parent / "templates"

#: Furo's lines (1-based) each copy replaces or deletes; everything else is Furo's as it is.
CHANGED = {
    "page.html": {7, 8, 29, 34, 38, 45, 50, 99, 106, 162, 164, 165, 166, 187, 195, 209},
    "partials/icons.html": {4, 10, 19, 26, 41, 49, 66},
}


def test_the_copies_are_of_the_installed_furo() -> None:
    assert version("furo") == "2025.12.19"
    for name in CHANGED:
        assert (OURS / name).read_text(encoding="utf-8").startswith(f"{{#- Furo {version('furo')}'s ")


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_a_copy_changes_only_the_lines_no_block_reaches(name: str) -> None:
    theirs = (FURO / name).read_text(encoding="utf-8").splitlines()
    ours = (OURS / name).read_text(encoding="utf-8").splitlines()
    matcher = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
    changed = {line + 1 for tag, start, end, _, _ in matcher.get_opcodes() if tag in ("replace", "delete")
               for line in range(start, end)}
    assert changed == CHANGED[name]


@pytest.mark.parametrize("name", ["search.html", "genindex.html", "sidebar/brand.html"])
def test_the_other_overrides_extend_furo(name: str) -> None:
    assert f'{{% extends "!{name}" %}}' in (OURS / name).read_text(encoding="utf-8")
