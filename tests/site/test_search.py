"""Readers: search finds Chinese words in the Chinese edition, in a real browser.

Sphinx 9.0.4's Chinese search page threw ``ChineseStemmer is not defined`` and
listed nothing (sphinx-doc/sphinx#14229); these tests drive Debian's Chromium
so that the fix in editions.sphinxext.chinese_search is checked where it matters.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api


def search(tabs, url: str) -> tuple[list[str], list[str]]:
    """Open a search URL; return the result links and the problems the page reported
    (JavaScript and console errors, failed requests)."""
    page, errors = tabs.open(url)
    with contextlib.suppress(playwright_api.TimeoutError):  # no result: the links are none
        page.wait_for_selector("#search-results ul.search li", timeout=10_000)
    links = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))")
    return links, errors


@pytest.mark.parametrize(("word", "expected_page"), [
    ("运河", "index.html"),
    ("屈臣氏", "economy.html"),
    ("河长制", "environment.html"),
    # names jieba alone cuts apart (米 / 市巷, 半道 / 红): found through the termbase
    ("米市巷", "index.html"),
    ("半道红", "index.html"),
])
def test_chinese_word_finds_its_page(tabs, server: str, word: str, expected_page: str) -> None:
    links, errors = search(tabs, f"{server}/zh_CN/search.html?q={word}")
    assert not errors, errors
    assert any(link.split("#")[0].split("?")[0].endswith(expected_page) for link in links), links


def test_english_word_finds_its_page(tabs, server: str) -> None:
    links, errors = search(tabs, f"{server}/en/search.html?q=Watsons")
    assert not errors, errors
    assert any(link.split("#")[0].endswith("economy.html") for link in links), links


def test_chinese_search_language_has_a_stemmer_defined(site: Path) -> None:
    language_data = (site / "zh_CN" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "ChineseStemmer" not in language_data
    assert "window.Stemmer = EnglishStemmer;" in language_data
