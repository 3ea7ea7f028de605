"""Maintainers: a third language is the README's two steps, and taking it away is one.

`make update-po LANGUAGES="... ja"` creates locales/ja/; translate; `make`.  The
language list is the folders of locales/: every edition of every language offers
the new one, HTML and PDF (with Japanese fonts), the parallel edition of the source
and Japanese is built the same way as the others, and a removed language leaves no
page, PDF or link behind.

Shown on the tiny second profile (tests/roots/test-second-profile: written in Chinese,
translated into English), built as `make` builds it: the toolkit does the same for
any profile, and here the source is not English and two CJK languages share a page.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
from bs4 import BeautifulSoup

PAGES = ("index", "visit")
JAPANESE = {
    "index": {"河畔街道": "河畔地区"},
    "visit": {"参观": "見学", "街道有3个公园和一座桥。": "地区には公園が3つ、橋が1つある。"},
    "sphinx": {"河畔街道简介": "河畔街道の概要", "Not yet translated": "未翻訳"},
}


def switcher(page: Path) -> dict[str, str]:
    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.edition-bar")
    links = {a["data-language"]: a["href"] for a in nav.select("a.language-link")}
    current = nav.select_one("[aria-current]")
    return {**links, "current": current.get("lang")} | (
        {"pdf": nav.select_one("a.pdf-link")["href"]} if nav.select_one("a.pdf-link") else {})


def cjk_main_font(project: Path, edition: str) -> str:
    """The CJK font the brochure's LaTeX sets (pdffonts can't name it: Noto CJK's regions
    are faces of one file, each embedded under the file's first name, NotoSerifCJKjp)."""
    tex = next((project / "_build" / "staging" / "latex" / edition).glob("*.tex")).read_text(encoding="utf-8")
    return re.search(r"\\setCJKmainfont\{([^}]*)\}", tex)[1]


def serif_cjk_faces(pdf: Path) -> int:
    """How many faces of Noto Serif CJK (regular) the PDF embeds: one per glyph region used."""
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in fonts.splitlines() if "+NotoSerifCJK" in line and "-Regular" in line)


def test_a_third_language_the_readme_way_and_back(built_second_profile: Path, make) -> None:
    project = built_second_profile  # built: what changes with a third language is rebuilt
    make(project, "update-po", LANGUAGES="zh_CN en ja")
    catalogs = project / "locales" / "ja" / "LC_MESSAGES"
    assert sorted(p.stem for p in catalogs.glob("*.po")) == sorted([*PAGES, "sphinx"])
    assert not (project / "locales" / "zh_CN").exists()  # the source language has no catalog
    for domain, translations in JAPANESE.items():
        po = polib.pofile(str(catalogs / f"{domain}.po"))
        for entry in po:
            entry.msgstr = translations.get(entry.msgid, entry.msgstr)
        po.save()

    out = make(project).stdout  # LANGUAGES is not given: every folder of locales/ is an edition
    built = sorted(line.split()[:2] for line in out.splitlines())
    assert ["ja", "PDF"] in built and ["zh_CN-ja", "PDF"] in built
    assert ["en", "PDF"] not in built  # a brochure offers no other language: left as it was
    progress = project / "_build" / "progress"
    assert re.search(r"^progress _build/progress/index\.html \(en \d+ %, ja \d+ %\)$", out, re.MULTILINE), out
    assert (progress / "ja.svg").is_file() and (progress / "en.svg").is_file()

    site, pdfs = project / "_build" / "html", project / "_build" / "pdf"
    editions = {"zh_CN", "en", "ja", "zh_CN-en", "zh_CN-ja"}
    for language in editions:
        for page in PAGES:
            links = switcher(site / language / f"{page}.html")
            assert set(links) - {"current", "pdf"} == editions - {language}, (language, page)
            for other in editions - {language}:
                assert (site / language / links[other]).resolve() == (site / other / f"{page}.html").resolve()
            assert (site / language / links["pdf"]).resolve().is_file()
    ja = BeautifulSoup((site / "ja" / "visit.html").read_text(encoding="utf-8"), "html.parser")
    assert ja.html["lang"] == "ja" and ja.find("h1").get_text().startswith("見学")
    untranslated = [p for p in BeautifulSoup((site / "ja" / "index.html").read_text(encoding="utf-8"),
                                             "html.parser").select("article p") if "2.5平方公里" in p.text]
    assert untranslated and untranslated[0]["lang"] == "zh-CN"  # read as Chinese, not as Japanese
    assert ja.select_one("input[name=q]")["placeholder"] == "検索"  # Sphinx's own messages, in Japanese
    assert cjk_main_font(project, "ja") == "Noto Serif CJK JP"  # Japanese glyphs, not Chinese ones
    # zh_CN-ja: each paragraph beside its Japanese, or its Chinese again marked as not yet translated
    parallel = BeautifulSoup((site / "zh_CN-ja" / "visit.html").read_text(encoding="utf-8"), "html.parser")
    heading = parallel.find("h1")
    assert [s["lang"] for s in heading.select(".parallel-source, .parallel-target")] == ["zh-CN", "ja"]
    assert "見学" in heading.get_text()
    pair = next(p for p in parallel.select("div.parallel-pair") if "3个公园" in p.text)
    assert [h["lang"] for h in pair.select(".parallel-half")] == ["zh-CN", "ja"]
    index = BeautifulSoup((site / "zh_CN-ja" / "index.html").read_text(encoding="utf-8"), "html.parser")
    pair = next(p for p in index.select("div.parallel-pair") if "2.5平方公里" in p.text)
    assert pair.select_one(".untranslated-mark").get_text() == "未翻訳"
    # each half in its own language's glyphs: Chinese beside Japanese, two faces of Noto Serif CJK
    assert serif_cjk_faces(pdfs / "riverside-brief-zh_CN-ja.pdf") == 2
    assert serif_cjk_faces(pdfs / "riverside-brief-ja.pdf") == 1
    text = subprocess.run(["pdftotext", str(pdfs / "riverside-brief-ja.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "河畔街道の概要" in text and "見学" in text
    front = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in front.select("main > ul > li > a")] == [
        "zh_CN/index.html", "en/index.html", "ja/index.html", "zh_CN-en/index.html", "zh_CN-ja/index.html"]

    subprocess.run(["rm", "-r", str(project / "locales" / "ja")], check=True)
    out = make(project).stdout
    assert "removed _build/html/ja" in out and "removed _build/html/zh_CN-ja" in out
    assert sorted(p.name for p in progress.glob("*.svg")) == ["en.svg"]  # and its badge removed
    for gone in ("ja", "zh_CN-ja"):
        assert not (site / gone).exists() and not (pdfs / f"riverside-brief-{gone}.pdf").exists()
        assert not (site / "pdf" / f"riverside-brief-{gone}.pdf").exists()
    assert set(switcher(site / "zh_CN" / "index.html")) == {"en", "zh_CN-en", "current", "pdf"}
