"""Maintainers: a third language is the README's two steps, and taking it away is one.

`make update-po LANGUAGES="en zh_CN ja"` creates locales/ja/; translate; `make`.  The
language list is the folders of locales/: every edition of every language offers
the new one, HTML and PDF (with Japanese fonts), the parallel en-ja edition is built
the same way as en-zh_CN, and a removed language leaves no page, PDF or link behind.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
from bs4 import BeautifulSoup

from editions.project import load

PAGES = load(Path(__file__).resolve().parents[2]).pages
JAPANESE = {
    "index": {"Mishixiang Sub-district": "米市巷街道"},
    "economy": {"Solid economic foundation": "堅実な経済基盤"},
    "sphinx": {"Mishixiang Sub-district Profile": "米市巷街道の概要", "Not yet translated": "未翻訳"},
}


def switcher(page: Path) -> dict[str, str]:
    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.edition-bar")
    links = {a["data-language"]: a["href"] for a in nav.select("a.language-link")}
    current = nav.select_one("[aria-current]")
    return {**links, "current": current.get("lang")} | (
        {"pdf": nav.select_one("a.pdf-link")["href"]} if nav.select_one("a.pdf-link") else {})


def test_a_third_language_the_readme_way_and_back(built_copy: Path, make) -> None:
    project = built_copy  # the profile as built: what changes with a third language is rebuilt
    make(project, "update-po", LANGUAGES="en zh_CN ja")
    catalogs = project / "locales" / "ja" / "LC_MESSAGES"
    assert sorted(p.stem for p in catalogs.glob("*.po")) == sorted([*PAGES, "sphinx"])
    assert not (project / "locales" / "en").exists()  # the source language has no catalog
    for domain, translations in JAPANESE.items():
        po = polib.pofile(str(catalogs / f"{domain}.po"))
        for entry in po:
            entry.msgstr = translations.get(entry.msgid, entry.msgstr)
        po.save()

    make(project)  # LANGUAGES is not given: every folder of locales/ is an edition

    site, pdfs = project / "_build" / "html", project / "_build" / "pdf"
    editions = {"en", "zh_CN", "ja", "en-zh_CN", "en-ja"}
    for language in editions:
        for page in PAGES:
            links = switcher(site / language / f"{page}.html")
            assert set(links) - {"current", "pdf"} == editions - {language}, (language, page)
            for other in editions - {language}:
                assert (site / language / links[other]).resolve() == (site / other / f"{page}.html").resolve()
            assert (site / language / links["pdf"]).resolve().is_file()
    ja = BeautifulSoup((site / "ja" / "economy.html").read_text(encoding="utf-8"), "html.parser")
    assert ja.html["lang"] == "ja" and ja.find("h1").get_text().startswith("堅実な経済基盤")
    untranslated = [p for p in ja.select("article p") if "23 commercial buildings" in p.text]
    assert untranslated and untranslated[0]["lang"] == "en"  # read as English, not as Japanese
    fonts = subprocess.run(["pdffonts", str(pdfs / "mishixiang-profile-ja.pdf")], capture_output=True,
                           text=True, check=True).stdout
    assert "NotoSerifCJKjp" in fonts
    # en-ja: each paragraph beside its Japanese, or its English again marked as not yet translated
    parallel = BeautifulSoup((site / "en-ja" / "economy.html").read_text(encoding="utf-8"), "html.parser")
    heading = parallel.find("h1")
    assert [s["lang"] for s in heading.select(".parallel-source, .parallel-target")] == ["en", "ja"]
    assert "堅実な経済基盤" in heading.get_text()
    pair = next(p for p in parallel.select("div.parallel-pair") if "23 commercial buildings" in p.text)
    assert pair.select_one(".untranslated-mark").get_text() == "未翻訳"
    assert "NotoSerifCJKjp" in subprocess.run(["pdffonts", str(pdfs / "mishixiang-profile-en-ja.pdf")],
                                               capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(pdfs / "mishixiang-profile-ja.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    # the brochure has no contents page (latex.py); Sphinx's own labels are Japanese: 図1
    assert "米市巷街道の概要" in text and "図1" in text and "Fig" not in text
    front = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in front.select("li a")] == [
        "en/index.html", "ja/index.html", "zh_CN/index.html", "en-ja/index.html", "en-zh_CN/index.html"]

    subprocess.run(["rm", "-r", str(project / "locales" / "ja")], check=True)
    out = make(project).stdout
    assert "removed _build/html/ja" in out and "removed _build/html/en-ja" in out
    for gone in ("ja", "en-ja"):
        assert not (site / gone).exists() and not (pdfs / f"mishixiang-profile-{gone}.pdf").exists()
        assert not (site / "pdf" / f"mishixiang-profile-{gone}.pdf").exists()
    assert set(switcher(site / "en" / "index.html")) == {"zh_CN", "en-zh_CN", "current", "pdf"}
