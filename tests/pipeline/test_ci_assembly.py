"""CI's second layout (.github/workflows/editions.yml): each edition built on its own runner
(`make edition EDITION=...`), uploaded as an artifact, then `python -m editions assemble`
puts them together.  Here on the tiny profile: one edition really built alone, the others
taken from the session's build (the same command line: every language, --with-pdfs
--with-epubs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from fixtures.projects import _second_profile

from editions.publish.matrix import entries

EDITIONS = ["zh_CN", "en", "zh_CN-en"]


def upload(project: Path, edition: str, artifacts: Path) -> Path:
    """What upload-artifact keeps of a runner's build: the matrix entry's three paths (html,
    pdf, epub) under their common folder (_build/), hidden files (.buildinfo) left out, as its
    default does."""
    entry = next(entry for entry in entries(str(project)) if entry["edition"] == edition)
    artifact = artifacts / entry["artifact"]
    html, *downloads = Path(entry["html"]), Path(entry["pdf"]), Path(entry["epub"])
    common = Path(os.path.commonpath([html, *downloads]))
    shutil.copytree(html, artifact / html.relative_to(common),
                    ignore=lambda _folder, names: [name for name in names if name.startswith(".")])
    for download in downloads:
        (artifact / download.relative_to(common)).parent.mkdir(parents=True)
        shutil.copy2(download, artifact / download.relative_to(common))
    return artifact


def assemble(project: Path, artifacts: Path, make) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editions", "assemble", str(artifacts)], cwd=project,
                          env=make.env, capture_output=True, text=True)


def pages(site: Path, edition: str) -> list[tuple[Path, BeautifulSoup]]:
    return [(page, BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
            for page in sorted((site / edition).glob("*.html"))]


def test_editions_built_apart_assemble_into_one_site(shared_second_profile: Path, tmp_path: Path, make) -> None:
    artifacts = tmp_path / "artifacts"
    # the parallel edition on a runner of its own: a fresh clone that builds nothing else
    runner = _second_profile(tmp_path / "runner")
    printed = make(runner, "edition", EDITION="zh_CN-en").stdout
    assert sorted(line.split()[:2] for line in printed.splitlines()) == [
        ["zh_CN-en", "EPUB"], ["zh_CN-en", "HTML"], ["zh_CN-en", "PDF"]]
    assert sorted(p.name for p in (runner / "_build" / "html").iterdir()) == ["epub", "pdf", "zh_CN-en"]
    upload(runner, "zh_CN-en", artifacts)
    for edition in ("zh_CN", "en"):
        upload(shared_second_profile, edition, artifacts)

    site_project = _second_profile(tmp_path / "assembler")  # the assembly job's fresh clone
    result = assemble(site_project, artifacts, make)
    assert result.returncode == 0, result.stderr
    assert "assembled _build/html: zh_CN, en, zh_CN-en, the language picker, 3 PDFs and 3 EPUBs" in result.stdout
    site = site_project / "_build" / "html"
    # the language picker lists every edition, each there
    picker = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in picker.select("main > ul > li > a")] == [f"{e}/index.html" for e in EDITIONS]
    assert [a["href"] for a in picker.select(".downloads a")] == [
        f"{format}/riverside-brief-{e}.{format}" for e in EDITIONS for format in ("pdf", "epub")]
    assert all((site / e / "index.html").is_file() for e in EDITIONS)
    assert sorted(p.name for p in (site_project / "_build" / "pdf").iterdir()) == sorted(
        p.name for p in (site / "pdf").iterdir()) == [
        "riverside-brief-en.pdf", "riverside-brief-zh_CN-en.pdf", "riverside-brief-zh_CN.pdf"]
    assert sorted(p.name for p in (site_project / "_build" / "epub").iterdir()) == sorted(
        p.name for p in (site / "epub").iterdir()) == [
        "riverside-brief-en.epub", "riverside-brief-zh_CN-en.epub", "riverside-brief-zh_CN.epub"]
    # every page's switcher, PDF and EPUB links lead to files of the assembled site
    for edition in EDITIONS:
        for page, soup in pages(site, edition):
            switcher = [a["href"] for a in soup.select("a[hreflang]") if a["href"].startswith("../")]
            downloads = [a["href"] for a in soup.select("a[href$='.pdf'], a[href$='.epub']")]
            assert switcher and any(d.endswith(".epub") for d in downloads), page
            for href in switcher + downloads:
                assert (page.parent / href.split("#")[0]).resolve().is_file(), f"{page}: {href}"
    # the edition built alone is the one `make` builds with the others, byte for byte
    alone_files = {p.relative_to(site / "zh_CN-en") for p in (site / "zh_CN-en").rglob("*") if p.is_file()}
    together = shared_second_profile / "_build" / "html" / "zh_CN-en"
    assert alone_files == {p.relative_to(together) for p in together.rglob("*")
                           if p.is_file() and not p.name.startswith(".")}
    assert [f for f in sorted(alone_files) if (site / "zh_CN-en" / f).read_bytes() != (together / f).read_bytes()] == []
    brochure = "riverside-brief-zh_CN-en.pdf"
    assert (site / "pdf" / brochure).read_bytes() == (shared_second_profile / "_build" / "pdf" / brochure).read_bytes()
    # and offers the brochures of editions it did not build
    _page, alone = pages(site, "zh_CN-en")[0]
    assert {"../pdf/riverside-brief-zh_CN.pdf", "../pdf/riverside-brief-en.pdf"} <= {
        a["href"] for a in alone.select("a[href$='.pdf']")}


def test_assembly_names_what_is_missing_or_dead(shared_second_profile: Path, tmp_path: Path, make) -> None:
    artifacts = tmp_path / "artifacts"
    for edition in ("zh_CN", "zh_CN-en"):
        upload(shared_second_profile, edition, artifacts)
    project = _second_profile(tmp_path / "assembler")
    result = assemble(project, artifacts, make)  # the en runner failed: no artifact
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "  en: " in result.stderr and "(artifact edition-riverside-brief-en)" in result.stderr
    assert "  zh_CN:" not in result.stderr
    assert not (project / "_build" / "html" / "index.html").exists()
    # an edition whose pages link an edition the others did not build (another language list)
    english = upload(shared_second_profile, "en", artifacts)
    page = english / "html" / "en" / "visit.html"
    page.write_text(page.read_text(encoding="utf-8").replace("../zh_CN/visit.html", "../fr/visit.html"),
                    encoding="utf-8")
    result = assemble(project, artifacts, make)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "links between the editions that lead nowhere" in result.stderr
    assert "en/visit.html: ../fr/visit.html" in result.stderr


def test_make_edition_needs_an_edition_of_the_profile(project: Path, make) -> None:
    missing = make(project, "edition", check=False)
    assert missing.returncode == 2 and "make edition needs EDITION=..., one of: en zh_CN en-zh_CN" in missing.stderr
    wrong = make(project, "edition", EDITION="zh_CN-en", check=False)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "'zh_CN-en' is not a parallel edition of this profile" in wrong.stderr
    assert not (project / "_build" / "html").exists()
