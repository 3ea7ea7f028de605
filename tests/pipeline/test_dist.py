"""Maintainers: `make dist` gives a static host everything, reproducibly."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path


def pack(project: Path, make) -> None:
    """What `make dist` does after its clean build (test_dist_publishes_only_... runs all of it)."""
    subprocess.run([sys.executable, "-m", "editions", "dist", "_build"], cwd=project, check=True, env=make.env)


def test_dist_folder_and_archive_hold_the_whole_site(built_second_profile: Path, make) -> None:
    project = built_second_profile  # every edition of the tiny profile, built by `make`
    pack(project, make)
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
    pack(project, make)
    assert (dist / "riverside-brief.tar.gz").read_bytes() == first


def test_dist_publishes_only_the_editions_with_no_error(second_profile: Path, make) -> None:
    """A language whose catalogs the gate refuses is left out of the whole site, and said."""
    project = second_profile  # written in Chinese, translated into English
    catalog = project / "locales" / "en" / "LC_MESSAGES" / "index.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "Riverside Sub-district"', 'msgstr "Riverside <script>alert(1)</script> Sub-district"'),
        encoding="utf-8")
    result = make(project, "dist", LANGUAGES="zh_CN en")
    assert "dist: the en editions are left out: 1 error in its catalogs" in result.stderr
    assert "locales/en/LC_MESSAGES/index.po:24: [safety]" in result.stderr
    folder = project / "_build" / "dist" / "riverside-brief"
    assert (folder / "zh_CN" / "index.html").is_file() and (folder / "pdf" / "riverside-brief-zh_CN.pdf").is_file()
    assert not (folder / "en").exists() and not list(folder.rglob("*-en.pdf"))
    site = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.html"))
    assert "<script>alert(1)" not in site and 'href="en/' not in site and "../en/" not in site
