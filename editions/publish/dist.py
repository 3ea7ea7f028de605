"""``make dist``: the whole site in one folder and one archive, for a static host.

``_build/dist/<basename>/`` holds the language picker (the root index.html), every
HTML edition and the PDFs; ``_build/dist/<basename>.tar.gz`` is the same,
byte for byte reproducible (sorted entries, times from SOURCE_DATE_EPOCH,
no owner names).
"""

from __future__ import annotations

import gzip
import io
import shutil
import tarfile
from pathlib import Path

from ..dates import source_date_epoch
from ..project import load

SKIP = {".buildinfo", ".buildinfo.bak", ".doctrees"}


def make_dist(builddir: Path) -> tuple[Path, Path]:
    project = load()
    name = project.basename
    site = builddir / "html"
    if not (site / "index.html").exists() or not (site / "pdf").is_dir():
        raise SystemExit(f"{site} is incomplete: run `make` first (make dist does)")
    folder = builddir / "dist" / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(site, folder, ignore=lambda _d, names: [n for n in names if n in SKIP])
    epoch = source_date_epoch(project.root)
    archive = builddir / "dist" / f"{name}.tar.gz"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(folder.rglob("*")):
            info = tar.gettarinfo(str(path), arcname=str(Path(name) / path.relative_to(folder)))
            info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
            info.mode = 0o755 if path.is_dir() else 0o644
            if path.is_file():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    with gzip.GzipFile(archive, "wb", mtime=epoch) as gz:
        gz.write(buffer.getvalue())
    return folder, archive


def main(argv: list[str]) -> int:
    folder, archive = make_dist(Path(argv[0] if argv else "_build"))
    print(f"site folder: {folder}\narchive:     {archive}")
    return 0

