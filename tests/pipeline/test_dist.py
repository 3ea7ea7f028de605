"""Maintainers: `make dist` gives a static host everything, reproducibly."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path


def test_dist_folder_and_archive_hold_the_whole_site(second_profile: Path, make) -> None:
    project = second_profile  # a clean build of everything: the tiny profile's English
    make(project, "dist", LANGUAGES="en")
    dist = project / "_build" / "dist"
    folder = dist / "riverside-brief"  # conf.py's edition_basename
    for path in ("index.html", "en/index.html", "en/search.html", "pdf/riverside-brief-en.pdf"):
        assert (folder / path).is_file(), path
    assert not list(folder.rglob(".buildinfo"))  # Sphinx's bookkeeping stays home
    with tarfile.open(dist / "riverside-brief.tar.gz") as tar:
        archived = {m.name for m in tar.getmembers() if m.isfile()}
        assert {m.mtime for m in tar.getmembers()} == {1767225600}  # SOURCE_DATE_EPOCH
    on_disk = {f"riverside-brief/{p.relative_to(folder)}" for p in folder.rglob("*") if p.is_file()}
    assert archived == on_disk
    first = (dist / "riverside-brief.tar.gz").read_bytes()
    # packed again: the same bytes (the PDFs' own reproducibility is test_pdf's)
    subprocess.run([sys.executable, "-m", "editions", "dist", "_build"], cwd=project, check=True, env=make.env)
    assert (dist / "riverside-brief.tar.gz").read_bytes() == first
