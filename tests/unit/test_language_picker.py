"""The language picker (the site's root page), written from conf.py and each language's sphinx.po."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def language_picker(project: Path, site_url: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editions", "language-picker", "_build/html"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "SITE_URL": site_url})


def test_the_sitemap_index_lists_every_editions_sitemap(tmp_path: Path) -> None:
    project = Path(shutil.copytree(ROOTS / "test-second-profile", tmp_path / "p"))
    assert language_picker(project, "https://example.org/river/").returncode == 0
    index = ElementTree.parse(project / "_build" / "html" / "sitemap.xml").getroot()
    assert [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")] == [
        f"https://example.org/river/{edition}/sitemap.xml" for edition in ("zh_CN", "en", "zh_CN-en")]
    assert "Sitemap: https://example.org/river/sitemap.xml" in (project / "_build/html/robots.txt").read_text()


def test_titles_in_each_language_and_the_source_first(tmp_path: Path) -> None:
    project = Path(shutil.copytree(ROOTS / "test-second-profile", tmp_path / "p"))
    assert language_picker(project).returncode == 0
    page = BeautifulSoup((project / "_build" / "html" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text() for h in page.find_all("h1")] == ["河畔街道简介", "Riverside Sub-district Brief"]
    assert [(a["href"], a.get("lang")) for a in page.select("li a")] == [
        ("zh_CN/index.html", "zh-CN"), ("en/index.html", "en"), ("zh_CN-en/index.html", None)]  # and side by side
    assert page.select("li a")[2].get_text() == "简体中文 | English"
    assert '"riverside-brief-language"' in page.find("script").string  # the profile's own storage key


def test_a_broken_interface_catalog_is_named_not_a_traceback(tmp_path: Path) -> None:
    project = Path(shutil.copytree(ROOTS / "test-second-profile", tmp_path / "p"))
    catalog = project / "locales" / "en" / "LC_MESSAGES" / "sphinx.po"
    raw = catalog.read_bytes()
    line = raw[: raw.index(b"Riverside Sub-district Brief")].count(b"\n") + 1
    catalog.write_bytes(raw.replace(b"Riverside Sub-district Brief", b"Riverside \xff Brief"))
    result = language_picker(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"locales/en/LC_MESSAGES/sphinx.po:{line}: [catalog-header] the file is not UTF-8" in result.stderr
    assert not (project / "_build" / "html" / "index.html").exists()


def test_an_edition_of_a_language_gone_is_taken_off_but_not_one_being_swapped_in(tmp_path: Path) -> None:
    from editions.project import load
    from editions.publish.language_picker import prune

    project = Path(shutil.copytree(ROOTS / "test-second-profile", tmp_path / "p"))
    html = project / "_build" / "html"
    for folder in ("zh_CN", "en", "zh_CN-en", "ja", ".en.incoming", ".zh_CN.outgoing"):  # as make -j leaves them
        (html / folder).mkdir(parents=True)
        (html / folder / ".buildinfo").write_text("", encoding="utf-8")
    gone = prune(project / "_build", load(project))
    assert gone == [html / "ja"]
    assert sorted(p.name for p in html.iterdir()) == [".en.incoming", ".zh_CN.outgoing", "en", "zh_CN", "zh_CN-en"]


def test_pruning_keeps_the_booklets_of_the_editions_and_only_those(tmp_path: Path) -> None:
    from editions.project import load
    from editions.publish.language_picker import prune

    project = Path(shutil.copytree(ROOTS / "test-second-profile", tmp_path / "p"))
    builddir = project / "_build"
    (builddir / "pdf").mkdir(parents=True)
    (builddir / ".stamps").mkdir()
    kept = [f"riverside-brief-{e}{b}.pdf" for e in ("zh_CN", "en", "zh_CN-en") for b in ("", "-booklet")]
    gone = ["riverside-brief-ja.pdf", "riverside-brief-ja-booklet.pdf", "riverside-brief-zh_CN-ja-booklet.pdf"]
    for name in kept + gone:
        (builddir / "pdf" / name).write_bytes(b"%PDF")
    for stamp in ("booklet-zh_CN-en", "booklet-ja", "pdf-ja"):
        (builddir / ".stamps" / stamp).touch()
    removed = prune(builddir, load(project))
    assert sorted(p.name for p in removed) == sorted(gone)
    assert sorted(p.name for p in (builddir / "pdf").iterdir()) == sorted(kept)
    assert [p.name for p in (builddir / ".stamps").iterdir()] == ["booklet-zh_CN-en"]


def test_a_title_the_build_refuses_never_reaches_the_language_picker(tmp_path: Path) -> None:
    for title, problem in (("河畔\u202e简介", "RIGHT-TO-LEFT OVERRIDE"), ("Riverside " + "长" * 50_000, "[size]")):
        project = Path(shutil.copytree(ROOTS / "test-second-profile", tmp_path / f"p{len(title)}"))
        catalog = project / "locales" / "en" / "LC_MESSAGES" / "sphinx.po"
        text = catalog.read_text(encoding="utf-8")
        catalog.write_text(text.replace('msgstr "Riverside Sub-district Brief"', f'msgstr "{title}"'), encoding="utf-8")
        result = language_picker(project)
        assert result.returncode == 1 and problem in result.stderr, result.stderr
        assert (
            "locales/en/LC_MESSAGES/sphinx.po:" in result.stderr
            and "The language picker was not written" in result.stderr
        )
        assert not (project / "_build" / "html" / "index.html").exists()
