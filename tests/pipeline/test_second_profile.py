"""A second profile needs content, not code: its conf.py, docs/ and locales/ with the
toolkit's Makefile and package, unchanged, give every edition under its own names.

This one is even written in Chinese and translated into English: no language is
special to the toolkit."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bs4 import BeautifulSoup


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_a_second_profile_builds_from_the_same_package(shared_second_profile: Path) -> None:
    # `make` on a fresh copy of tests/roots/test-second-profile with the toolkit (conftest.py)
    printed = (shared_second_profile.parent / "make-output.txt").read_text(encoding="utf-8").splitlines()
    # one line an edition and format, and one for the translation progress page (tests/pipeline/test_make_progress.py)
    progress = [line for line in printed if line.startswith("progress ")]
    assert len(progress) == 1 and progress[0].startswith("progress _build/progress/index.html (en ")
    assert sorted(line.split()[:2] for line in printed if line not in progress) == [
        ["en", "EPUB"], ["en", "HTML"], ["en", "PDF"], ["zh_CN", "EPUB"], ["zh_CN", "HTML"], ["zh_CN", "PDF"],
        ["zh_CN-en", "EPUB"], ["zh_CN-en", "HTML"], ["zh_CN-en", "PDF"]]
    build = shared_second_profile / "_build"
    pdfs = sorted(p.name for p in (build / "pdf").iterdir())
    assert pdfs == ["riverside-brief-en.pdf", "riverside-brief-zh_CN-en.pdf", "riverside-brief-zh_CN.pdf"]
    epubs = sorted(p.name for p in (build / "epub").iterdir())  # its books too, named by its basename
    assert epubs == ["riverside-brief-en.epub", "riverside-brief-zh_CN-en.epub", "riverside-brief-zh_CN.epub"]
    front = BeautifulSoup((build / "html" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text() for h in front.find_all("h1")] == ["河畔街道简介", "Riverside Sub-district Brief"]
    # the source first, then its translation, then the two side by side
    assert [a["href"] for a in front.select("main > ul > li > a")] == [
        "zh_CN/index.html", "en/index.html", "zh_CN-en/index.html"]
    # below them, each edition's brochure and book
    assert [a["href"] for a in front.select(".downloads a")] == [
        f"{format}/riverside-brief-{edition}.{format}"
        for edition in ("zh_CN", "en", "zh_CN-en") for format in ("pdf", "epub")]
    english = BeautifulSoup((build / "html" / "en" / "visit.html").read_text(encoding="utf-8"), "html.parser")
    assert english.html["lang"] == "en" and "The sub-district has 3 parks" in english.find("article").text
    assert "Riverside Sub-district Brief" in pdftotext(build / "pdf" / "riverside-brief-en.pdf")
    assert "河畔街道" in pdftotext(build / "pdf" / "riverside-brief-zh_CN.pdf")
    # nothing of the first profile leaks into the second
    published = [p for p in (build / "html").rglob("*") if p.suffix in (".html", ".js", ".css", ".xml", ".txt")]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in published]
    texts += [pdftotext(p) for p in (build / "pdf").iterdir()]
    assert not [t for t in texts if "mishixiang" in t.lower() or "米市巷" in t]
