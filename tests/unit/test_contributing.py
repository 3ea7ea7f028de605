"""CONTRIBUTING.md says where to change things: every file and function it names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
#: `editions/.../x.py`, `templates/tex/cover.tex.jinja`, `static/edition.css`, `tests/...`, `docs/...`
PATHS = sorted(set(re.findall(r"`((?:editions|tests|docs|locales|templates|static)/[\w./-]+)`", TEXT)))
#: a function named with its module: (`build_pdf`) right after `editions/publish/latexmk.py`
FUNCTIONS = re.findall(r"`(editions/[\w/]+\.py)` \(`(\w+)`", TEXT)


def resolve(name: str) -> list[Path]:
    """A path as the page writes it: from the root, or (templates/, static/) from the extension's folder."""
    if name.startswith(("templates/", "static/")):
        return [ROOT / "editions" / "sphinxext" / name]
    return [ROOT / name]


def test_the_page_names_files() -> None:
    assert len(PATHS) >= 15, PATHS


@pytest.mark.parametrize("name", PATHS)
def test_each_named_file_exists(name: str) -> None:
    assert any(path.exists() for path in resolve(name)), f"CONTRIBUTING.md names {name}, which does not exist"


@pytest.mark.parametrize(("module", "function"), FUNCTIONS)
def test_each_named_function_exists(module: str, function: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.ClassDef)}
    assert function in defined, f"CONTRIBUTING.md names {module}'s {function}, which it does not define"
