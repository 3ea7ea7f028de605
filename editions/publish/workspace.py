"""Copies of a project, for the benchmark and the tests (never the working tree)."""

from __future__ import annotations

import shutil
from pathlib import Path

#: Never copied: build output, environments, history, and what only the tests read.
SKIP = ("_build", ".venv", ".git", ".pytest_cache", ".hypothesis", "__pycache__", "*.egg-info", "*.mo", "tests")


def copy_project(dest: Path, root: Path) -> Path:
    """A copy of the project at *root*; file times are kept, so make sees no change."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(*SKIP), symlinks=True)
    return dest
