"""Maintainers: the Makefile follows Sphinx's conventions and explains itself."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, run_make


def test_help_lists_every_target_in_one_line(project: Path) -> None:
    out = run_make(project, "help").stdout
    listed = re.findall(r"^  make (\S+)\s+\S", out, re.MULTILINE)
    for target in ("all", "html", "gettext", "update-po", "stats", "serve", "test", "clean"):
        assert target in listed
    assert len(out.strip().splitlines()) == len(listed)


def test_languages_can_be_narrowed_from_the_command_line(project: Path) -> None:
    run_make(project, "html", LANGUAGES="en")
    assert (project / "_build" / "html" / "en" / "index.html").is_file()
    assert not (project / "_build" / "html" / "zh_CN").exists()


def test_sphinxopts_reach_sphinx(project: Path) -> None:
    # -q silences Sphinx's progress lines: proof that SPHINXOPTS is passed through
    out = run_make(project, "html", LANGUAGES="en", SPHINXOPTS="-W -q").stdout
    assert "writing output" not in out
    assert (project / "_build" / "html" / "en" / "index.html").is_file()


def test_warnings_fail_the_build(project: Path) -> None:
    page = project / "docs" / "outlook.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    result = run_make(project, "html", LANGUAGES="en", check=False)
    assert result.returncode != 0
    assert "no-such-label" in result.stdout + result.stderr


def test_clean_removes_build_output(project: Path) -> None:
    run_make(project, "html", LANGUAGES="en")
    run_make(project, "clean")
    assert not (project / "_build").exists()
    assert not list((project / "locales").rglob("*.mo"))


def test_build_output_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "/_build/" in ignored and "/.venv/" in ignored
