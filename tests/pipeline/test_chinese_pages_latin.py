"""Chinese readers: no English words on the Chinese pages.

Every Latin-script word in the visible text and in the translatable attributes (title,
aria-label, alt, placeholder, and the content of the description and Open Graph text
tags) of every built zh_CN page must be in ``locales/zh_CN/latin-allowlist.txt``: names
with no Chinese form (Sphinx, Furo) and what a Chinese reader expects in Latin script
(PDF).  Left out: <script>, <style>, <code>, elements in English (``lang="en"``) and the
language switcher's link to the English edition, which rightly reads "English".
A word found here is a missing translation: fix the catalog or the template, do not
grow the allow-list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction
from bs4.element import CData

ROOT = Path(__file__).resolve().parents[2]

ALLOWLIST = ROOT / "locales" / "zh_CN" / "latin-allowlist.txt"
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z\u00c0-\u024f]+)*")
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# <meta> whose content is text a reader sees (search results, link previews); og:type,
# og:locale and og:url are machine values.
TEXT_META = {"description", "keywords", "og:title", "og:description", "og:site_name", "og:image:alt",
             "twitter:title", "twitter:description", "twitter:image:alt"}
NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction, CData)


def allowlist() -> dict[str, str]:
    """word -> why, from the allow-list file (a line without its `# why` is an error)."""
    words = {}
    for number, line in enumerate(ALLOWLIST.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, _, why = line.partition("#")
        assert word.strip() and " " not in word.strip(), f"{ALLOWLIST.name}:{number}: one word a line"
        assert why.strip(), f"{ALLOWLIST.name}:{number}: say why {word.strip()!r} may stay in Latin script (# why)"
        words[word.strip()] = why.strip()
    return words


def _is_excluded(tag) -> bool:
    if tag.name in {"script", "style", "code", "template"}:
        return True
    if (tag.get("lang") or "").lower().split("-")[0] == "en":
        return True
    # the switcher's link to the English edition
    return tag.name == "a" and "language-link" in (tag.get("class") or []) and tag.get("data-language") == "en"


def latin_words(page: Path) -> dict[str, set[str]]:
    """Latin-script word -> where on *page* it occurs ("text" or an attribute name)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(_is_excluded):
        tag.decompose()
    found: dict[str, set[str]] = defaultdict(set)
    for text in soup.find_all(string=True):
        if isinstance(text, NOT_TEXT):
            continue
        for word in LATIN_WORD.findall(text):
            found[word].add("text")
    for tag in soup.find_all(True):
        for attribute in ATTRIBUTES:
            value = tag.get(attribute)
            if isinstance(value, str):
                for word in LATIN_WORD.findall(value):
                    found[word].add(f"{tag.name}@{attribute}")
        if tag.name == "meta" and (tag.get("name") or tag.get("property") or "").lower() in TEXT_META:
            for word in LATIN_WORD.findall(tag.get("content") or ""):
                found[word].add(f"meta {tag.get('name') or tag.get('property')}")
    return found


def chinese_pages(site: Path) -> list[Path]:
    pages = sorted((site / "zh_CN").rglob("*.html"))
    assert len(pages) >= 9, pages  # the six pages, the index, search and 404
    return pages


def test_no_english_words_on_chinese_pages(site: Path) -> None:
    allowed = allowlist()
    unexpected: dict[str, set[str]] = defaultdict(set)
    for page in chinese_pages(site):
        for word, where in latin_words(page).items():
            if word not in allowed:
                unexpected[word].update(f"{page.relative_to(site)} ({w})" for w in where)
    assert not unexpected, "Latin-script words on the Chinese pages (translate them; see the module docstring):\n" + \
        "\n".join(f"  {word}: {', '.join(sorted(places))}" for word, places in sorted(unexpected.items()))


def test_allowlist_is_short_and_used(site: Path) -> None:
    """Every allowed word still occurs: the list holds only what the pages need."""
    allowed = allowlist()
    assert len(allowed) <= 12
    seen = set()
    for page in chinese_pages(site):
        seen.update(latin_words(page))
    assert set(allowed) <= seen, f"no longer on any Chinese page, remove from {ALLOWLIST.name}: " \
        f"{sorted(set(allowed) - seen)}"


def test_the_check_sees_what_it_must(tmp_path: Path) -> None:
    """The extraction itself: text, attributes and meta text count; code, scripts, English
    elements and the switcher's English link do not."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="zh-CN"><head><title>米市巷 Profile</title>'
        '<meta property="og:title" content="米市巷 Outlook"><meta property="og:locale" content="zh_CN">'
        '<style>body { color: red }</style><script>var hidden = 1;</script></head><body>'
        '<nav class="edition-bar"><a class="language-link" data-language="en" href="../en/">English</a></nav>'
        '<p>本站由Sphinx和@pradyunsg\'s Furo构建</p><p lang="en">Quoted English</p>'
        '<img alt="Chart of taxes" src="x.png"><button aria-label="Toggle menu"></button>'
        '<input placeholder="Search"><code>make html</code><!-- a comment --></body></html>',
        encoding="utf-8")
    found = latin_words(page)
    assert set(found) == {"Profile", "Outlook", "Sphinx", "pradyunsg's", "Furo", "Chart", "of", "taxes",
                          "Toggle", "menu", "Search"}
    assert found["Outlook"] == {"meta og:title"} and found["Chart"] == {"img@alt"}
