"""Readers: both HTML editions, in the right language, linked to each other."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from editions.project import load

PROJECT = load(Path(__file__).resolve().parents[2])
PAGES = PROJECT.pages
EDITIONS = PROJECT.editions  # en, zh_CN and the parallel en-zh_CN
HAN = re.compile(r"[\u4e00-\u9fff]")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_text(page: BeautifulSoup) -> str:
    return page.find("article").get_text(" ", strip=True)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_in_both_languages(site: Path, page: str) -> None:
    assert (site / "en" / f"{page}.html").is_file()
    assert (site / "zh_CN" / f"{page}.html").is_file()


@pytest.mark.parametrize("page", PAGES)
def test_html_lang_attribute(site: Path, page: str) -> None:
    assert soup(site / "en" / f"{page}.html").html["lang"] == "en"
    assert soup(site / "zh_CN" / f"{page}.html").html["lang"] == "zh-CN"


def test_chinese_edition_carries_chinese_text(site: Path) -> None:
    page = soup(site / "zh_CN" / "index.html")
    text = article_text(page)
    assert "米市巷街道" in text
    assert len(HAN.findall(text)) > 100
    # the English original of the first paragraph is gone
    assert "Located in the center of Hangzhou" not in text


def test_english_edition_is_the_source(site: Path) -> None:
    text = article_text(soup(site / "en" / "index.html"))
    assert "Located in the center of Hangzhou" in text
    assert "39,000" in text and "3.59 square kilometers" in text
    assert not HAN.search(text.replace("简体中文", ""))


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_switcher_leads_to_the_same_page_in_every_edition(site: Path, edition: str, page: str) -> None:
    path = site / edition / f"{page}.html"
    switcher = soup(path).select_one("nav.edition-bar")
    assert switcher is not None, f"{path} has no language switcher"
    targets = {a["data-language"]: a["href"] for a in switcher.select("a.language-link")}
    assert set(targets) == {"en", "zh_CN", "en-zh_CN"} - {edition}
    for other, href in targets.items():
        resolved = (path.parent / href).resolve()
        assert resolved == (site / other / f"{page}.html").resolve()
        assert resolved.is_file()
    # a language's edition is named in its own language, with its lang; the parallel one
    # by one message of the page's language that reads as one choice (the parallel
    # edition's pages are in its translation's language)
    current = {"en": "English", "zh_CN": "简体中文", "en-zh_CN": "英语–中文对照"}[edition]
    assert " ".join(switcher.select_one("[aria-current]").get_text().split()) == current
    for link in switcher.select("a.language-link"):
        name = {"en": "English", "zh_CN": "简体中文"}.get(link["data-language"])
        if name:
            assert (link.get_text(), link["lang"], link["hreflang"]) == (
                name,
                *[link["data-language"].replace("_", "-")] * 2,
            )
    parallel = switcher.find(attrs={"data-language": "en-zh_CN"}) or switcher.select_one("[aria-current]")
    assert parallel.get_text() == {"en": "English with Chinese"}.get(edition, "英语–中文对照")
    assert "|" not in switcher.get_text() and not parallel.find_all(lang=True)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_hreflang_alternates(site: Path, language: str) -> None:
    path = site / language / "economy.html"
    links = {
        link["hreflang"]: link["href"]
        for link in soup(path).find_all("link", rel="alternate")
        if link.has_attr("hreflang")
    }
    assert set(links) == {"en", "zh-CN", "x-default"}
    assert (path.parent / links["en"]).resolve() == (site / "en" / "economy.html").resolve()
    assert (path.parent / links["zh-CN"]).resolve() == (site / "zh_CN" / "economy.html").resolve()
    assert (path.parent / links["x-default"]).resolve() == (site / "index.html").resolve()


def test_language_chooser_at_the_site_root(site: Path) -> None:
    page = soup(site / "index.html")
    hrefs = {a["href"] for a in page.find_all("a")}
    choices = {"en/index.html", "zh_CN/index.html", "en-zh_CN/index.html"}
    # the editions, then each one's brochure and book
    assert hrefs == choices | {f"{format}/mishixiang-profile-{edition}.{format}"
                               for edition in ("en", "zh_CN", "en-zh_CN") for format in ("pdf", "epub")}
    assert {a["href"] for a in page.select("main > ul > li > a")} == choices
    for href in hrefs:
        assert (site / urlsplit(href).path).is_file()
    script = page.find("script").string
    assert "navigator.languages" in script  # honours the browser's language
    # each edition names itself in its own language, from the catalogs
    assert [h.get_text() for h in page.find_all("h1")] == ["Mishixiang Sub-district Profile", "米市巷街道概况"]


def test_conf_values_are_translated(site: Path) -> None:
    zh = soup(site / "zh_CN" / "economy.html")
    en = soup(site / "en" / "economy.html")
    assert "米市巷街道概况" in zh.title.get_text()
    assert "Mishixiang Sub-district Profile" not in zh.title.get_text()
    assert "Mishixiang Sub-district Profile" in en.title.get_text()
    zh_footer = zh.find("footer").get_text(" ", strip=True)
    # 版权所有 © 2026 米市巷街道办事处, as Chinese footers write it (review 2026-11, interface 2)
    assert "版权所有 © 2026 米市巷街道办事处" in zh_footer
    en_footer = en.find("footer").get_text(" ", strip=True)
    assert "2026, Mishixiang Sub-district Office" in en_footer
    # dates without zero-padding (GB/T 15835-2011): SOURCE_DATE_EPOCH is 2026-01-01
    assert "最后更新于2026年1月1日" in zh_footer
    assert "Last updated on January 1, 2026" in en_footer


def test_interface_strings_are_chinese(site: Path) -> None:
    page = soup(site / "zh_CN" / "economy.html")
    visible = page.body.get_text(" ", strip=True)
    for english in ("Back to top", "Skip to content", "Contents", "Copyright", "Next", "Previous"):
        assert english not in visible, f"{english!r} left in English in the Chinese edition"


def test_explicit_labels_give_stable_anchors(site: Path) -> None:
    for language in ("en", "zh_CN"):
        page = soup(site / language / "economy.html")
        ids = {tag["id"] for tag in page.find_all(id=True)}
        assert {"economy", "economy-revenue", "economy-no-1-wulin"} <= ids


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_asset_from_another_site(site: Path, language: str) -> None:
    # the site works offline and from a plain static host: no CDN, no web fonts
    for path in (site / language).glob("*.html"):
        page = soup(path)
        assets = [tag.get("src") for tag in page.find_all(["script", "img", "iframe"])]
        assets += [tag.get("href") for tag in page.find_all("link", rel=lambda r: r and "stylesheet" in r)]
        assert not [a for a in assets if (a and urlsplit(a).scheme in {"http", "https"}) or (a or "").startswith("//")]
    css = " ".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (site / language / "_static").rglob("*.css")
    )
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
