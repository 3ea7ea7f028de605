"""Copies of the project, for the benchmark and the tests (never the working tree)."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import PROJECT_ROOT

#: Everything a build needs; copies keep file times so make sees no change.
PROJECT_FILES = [
    "Makefile", "conf.py", "pyproject.toml", "constraints.txt", "debian-packages.txt",
    "docs", "locales", "mishixiang_docs",
]


def copy_project(dest: Path, root: Path = PROJECT_ROOT) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy2(src, dest / name)
    return dest
