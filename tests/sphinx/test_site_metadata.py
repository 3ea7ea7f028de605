"""Readers arriving from search engines and link previews: metadata per language."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup


HAN = re.compile(r"[\u4e00-\u9fff]")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def meta(path: Path) -> dict[str, str]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    description = page.find("meta", attrs={"name": "description"})
    if description:
        found["description"] = description["content"]
    return found


def test_open_graph_in_the_page_language(site: Path) -> None:
    zh = meta(site / "zh_CN" / "economy.html")
    en = meta(site / "en" / "economy.html")
    assert (zh["og:locale"], zh["og:locale:alternate"]) == ("zh_CN", "en_US")
    assert (en["og:locale"], en["og:locale:alternate"]) == ("en_US", "zh_CN")
    assert en["og:title"] == "Solid economic foundation"
    assert HAN.search(zh["og:title"]) and HAN.search(zh["og:description"]) and HAN.search(zh["og:site_name"])
    assert en["og:description"].startswith("23 commercial buildings")
    assert "og:url" not in en  # no address configured: no guessed URLs


def test_sitemaps_with_hreflang_when_the_address_is_known(project: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    subprocess.run(["make", "-C", str(project), f"VENV={VENV}", "USE_VENV_AS_IS=1", "html",
                    "SITE_URL=https://profile.example.org/"], env=env, check=True, capture_output=True)
    site = project / "_build" / "html"
    index = ET.parse(site / "sitemap.xml").getroot()
    assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == [
        "https://profile.example.org/en/sitemap.xml", "https://profile.example.org/zh_CN/sitemap.xml"]
    assert "Sitemap: https://profile.example.org/sitemap.xml" in (site / "robots.txt").read_text()
    urls = ET.parse(site / "zh_CN" / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    pages = set(source_pages(project))
    assert {u.find(f"{SITEMAP}loc").text for u in urls} == {
        f"https://profile.example.org/zh_CN/{page}.html" for page in pages}
    economy = next(u for u in urls if u.find(f"{SITEMAP}loc").text.endswith("/economy.html"))
    alternates = {a.get("hreflang"): a.get("href") for a in economy.findall(f"{XHTML}link")}
    assert alternates == {"en": "https://profile.example.org/en/economy.html",
                          "zh-CN": "https://profile.example.org/zh_CN/economy.html"}
    assert meta(site / "en" / "economy.html")["og:url"] == "https://profile.example.org/en/economy.html"


def test_not_found_page_per_language(site: Path) -> None:
    for language in ("en", "zh_CN"):
        page = BeautifulSoup((site / language / "404.html").read_text(encoding="utf-8"), "html.parser")
        heading = page.find("section", id="page-not-found").h1.get_text()
        assert heading == "Page not found" if language == "en" else HAN.search(heading)
        # the window title names the page too (it used to be " - <profile>")
        assert page.title.get_text().startswith(f"{heading} - ")
        assert page.html["lang"] == ("en" if language == "en" else "zh-CN")
        assert page.select_one("nav.edition-bar a.language-link")["href"].endswith("/404.html")


def test_not_found_page_links_work_at_any_depth(project: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    subprocess.run(["make", "-C", str(project), f"VENV={VENV}", "USE_VENV_AS_IS=1", "html", "LANGUAGES=en",
                    "SITE_URL=https://profile.example.org/"], env=env, check=True, capture_output=True)
    page = BeautifulSoup((project / "_build/html/en/404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("base")["href"] == "https://profile.example.org/en/"
