"""Readers arriving from search engines and link previews: metadata per language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

HAN = re.compile(r"[\u4e00-\u9fff]")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "https://profile.example.org/"
TRANSLATIONS = {
    "Sample page": "样例页面",
    "The Grand Canal runs through the sub-district.": "大运河穿境而过。",
    "Sample Profile": "样例概况",
    "Page not found": "页面不存在",
}


def meta(html: str) -> dict[str, str]:
    page = BeautifulSoup(html, "html.parser")
    found = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    if description := page.find("meta", attrs={"name": "description"}):
        found["description"] = description["content"]
    return found


def test_open_graph_in_the_page_language(sample) -> None:
    sample.catalog({k: v for k, v in TRANSLATIONS.items() if k != "Sample Profile"})
    sample.catalog({"Sample Profile": "样例概况"}, domain="sphinx")
    zh = meta(sample.build(edition_languages=["en", "zh_CN"]).page())
    en = meta(sample.build(language="en", edition_languages=["en", "zh_CN"]).page())
    assert (zh["og:locale"], zh["og:locale:alternate"]) == ("zh_CN", "en_US")
    assert (en["og:locale"], en["og:locale:alternate"]) == ("en_US", "zh_CN")
    assert (en["og:title"], en["og:site_name"]) == ("Sample page", "Sample Profile")
    assert (zh["og:title"], zh["og:site_name"], zh["description"]) == ("样例页面", "样例概况", "大运河穿境而过。")
    assert "og:url" not in en  # no address configured: no guessed URLs
    assert BeautifulSoup(sample.builds[-1].page(), "html.parser").find("link", rel="canonical") is None


def test_sitemap_with_hreflang_when_the_address_is_known(sample) -> None:
    build = sample.build(html_baseurl=BASE, edition_languages=["en", "zh_CN"])
    urls = ET.parse(build.outdir / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert {u.find(f"{SITEMAP}loc").text for u in urls} == {f"{BASE}zh_CN/index.html", f"{BASE}zh_CN/other.html"}
    other = next(u for u in urls if u.find(f"{SITEMAP}loc").text.endswith("/other.html"))
    assert {a.get("hreflang"): a.get("href") for a in other.findall(f"{XHTML}link")} == {
        "en": f"{BASE}en/other.html", "zh-CN": f"{BASE}zh_CN/other.html"}
    page = BeautifulSoup(build.page("other"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == f"{BASE}zh_CN/other.html"
    assert meta(build.page("other"))["og:url"] == f"{BASE}zh_CN/other.html"


def test_no_sitemap_without_an_address(sample) -> None:
    assert not (sample.build().outdir / "sitemap.xml").exists()


def test_not_found_page_per_language(sample) -> None:
    sample.catalog({"Page not found": "页面不存在"}, domain="sphinx")
    page = BeautifulSoup(sample.build(edition_languages=["en", "zh_CN"]).page("404"), "html.parser")
    assert page.find("section", id="page-not-found").h1.get_text() == "页面不存在"
    assert page.html["lang"] == "zh-CN"
    assert page.title.get_text().startswith("页面不存在")  # the window title names the page too
    assert page.select_one("nav.edition-bar a.language-link")["href"].endswith("en/404.html")


def test_not_found_page_links_work_at_any_depth(sample) -> None:
    page = BeautifulSoup(sample.build(language="en", html_baseurl=BASE).page("404"), "html.parser")
    assert page.find("base")["href"] == f"{BASE}en/"


#: What a hostile translator can put in the page's title and first paragraph past the
#: rules (which leave out ``<script>``: see test_translation_safety): quotes, ``>``, ``&``.
HOSTILE = {
    "Sample page": '样例" autofocus onfocus="alert(1)',
    "The Grand Canal runs through the sub-district.": '大运河">\'<穿境&而过。',
}


def test_hostile_translations_stay_text_in_the_meta_tags(sample) -> None:
    sample.catalog(HOSTILE)
    build = sample.gated(html_baseurl=BASE)  # the gate stops ASCII quotes in Chinese; behind it:
    assert "[safety]" not in build.warnings  # they reach the tags: the escaping is what holds
    found = meta(build.page())
    assert found["og:title"] == '样例" autofocus onfocus="alert(1)'
    assert found["og:description"] == found["description"] == '大运河">\'<穿境&而过。'
    head = BeautifulSoup(build.page(), "html.parser").head
    assert not head.find_all(attrs={"onfocus": True}) and not head.find_all(attrs={"autofocus": True})
