"""Reproducible build dates.

Every date an edition prints comes from ``SOURCE_DATE_EPOCH`` (the
reproducible-builds.org convention that Sphinx and LaTeX both honour); when it is
unset we take the time of the last commit, so two builds of one commit agree.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


class DateError(ValueError):
    pass


def _last_commit_epoch(repo: Path) -> int | None:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(out) if out.isdigit() else None


def _newest_mtime(paths: list[Path]) -> int:
    # Outside a git checkout (a source tarball) the newest source file is the
    # best stand-in for "when was this written".
    newest = 0
    for top in paths:
        for path in top.rglob("*") if top.is_dir() else [top]:
            if path.is_file():
                newest = max(newest, int(path.stat().st_mtime))
    return newest


def source_date_epoch(repo: Path) -> int:
    """The epoch every date of the build is taken from (never "now")."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        if not value.isdigit():
            raise DateError(
                f"SOURCE_DATE_EPOCH={value!r} is not a Unix timestamp; "
                "unset it or give whole seconds since 1970 (e.g. `git log -1 --format=%ct`)"
            )
        return int(value)
    epoch = _last_commit_epoch(repo)
    if epoch is None:
        epoch = _newest_mtime([repo / "docs", repo / "locales", repo / "conf.py"])
    return epoch


def pin_source_date_epoch(repo: Path) -> int:
    """Export SOURCE_DATE_EPOCH for Sphinx (``today``, last-updated) and LaTeX."""
    epoch = source_date_epoch(repo)
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return epoch


def build_year(epoch: int) -> int:
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC).year
