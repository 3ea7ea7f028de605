"""Maintainers: `make dist` gives a static host everything, reproducibly."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path


def test_dist_folder_and_archive_hold_the_whole_site(project: Path, make) -> None:
    make(project, "dist")
    dist = project / "_build" / "dist"
    folder = dist / "mishixiang-profile"
    for path in ("index.html", "en/index.html", "zh_CN/index.html", "en/search.html",
                 "pdf/mishixiang-profile-en.pdf", "pdf/mishixiang-profile-zh_CN.pdf"):
        assert (folder / path).is_file(), path
    with tarfile.open(dist / "mishixiang-profile.tar.gz") as tar:
        archived = {m.name for m in tar.getmembers() if m.isfile()}
    on_disk = {f"mishixiang-profile/{p.relative_to(folder)}" for p in folder.rglob("*") if p.is_file()}
    assert archived == on_disk
    first = (dist / "mishixiang-profile.tar.gz").read_bytes()
    # packed again: the same bytes (the PDFs' own reproducibility is test_pdf's)
    subprocess.run([sys.executable, "-m", "editions", "dist", "_build"], cwd=project, check=True, env=make.env)
    assert (dist / "mishixiang-profile.tar.gz").read_bytes() == first
