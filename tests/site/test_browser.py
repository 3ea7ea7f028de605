"""Readers: the site in a real browser (Debian's Chromium, driven by Playwright).

Desktop and phone screenshots of both landing pages are saved under the
project's _build/screenshots/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("start", ["zh_CN/economy.html", "en/livelihood.html"])
def test_switcher_click_opens_the_same_page_and_back(tabs, server: str, start: str) -> None:
    page, problems = tabs.open(f"{server}/{start}")
    language, name = start.split("/")
    other = "en" if language == "zh_CN" else "zh_CN"
    page.click("nav.edition-bar a.language-link")
    page.wait_for_load_state("load")
    assert page.url == f"{server}/{other}/{name}"
    assert page.locator("html").get_attribute("lang") == ("en" if other == "en" else "zh-CN")
    page.click("nav.edition-bar a.language-link")
    page.wait_for_load_state("load")
    assert page.url == f"{server}/{start}"
    assert not problems, problems


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_pdf_link_answers_with_a_pdf(tabs, server: str, language: str) -> None:
    page, _problems = tabs.open(f"{server}/{language}/index.html")
    href = page.locator("nav.edition-bar a.pdf-link").get_attribute("href")
    response = page.request.get(f"{server}/{language}/{href}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


@pytest.mark.parametrize("path", ["index.html#choose", "en/index.html", "zh_CN/index.html",
                                  "en/environment.html", "zh_CN/party-building.html", "zh_CN/search.html?q=运河"])
def test_no_errors_and_no_horizontal_scrolling(tabs, server: str, path: str) -> None:
    for viewport in (PHONE, DESKTOP):
        page, problems = tabs.open(f"{server}/{path}", viewport)
        assert not problems, problems
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {viewport['width']}px"
        if not path.startswith("index.html"):  # edition pages, not the chooser
            assert page.locator("nav.edition-bar").is_visible(), f"switcher hidden at {viewport['width']}px"


@pytest.mark.parametrize("path", ["en/index.html", "zh_CN/index.html", "zh_CN/economy.html", "index.html#choose"])
def test_no_serious_accessibility_violations(tabs, server: str, path: str) -> None:
    page, _ = tabs.open(f"{server}/{path}")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious, "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in serious)


@pytest.mark.parametrize(("locale", "expected"), [("zh-CN", "zh_CN"), ("en-GB", "en"), ("fr-FR", "en")])
def test_front_page_follows_the_browser_language(tabs, server: str, locale: str, expected: str) -> None:
    page, problems = tabs.open(f"{server}/index.html", DESKTOP, locale=locale)
    page.wait_for_url(f"{server}/{expected}/index.html")
    assert not problems, problems


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_title_and_switcher_above_the_fold(tabs, server: str, language: str) -> None:
    """What a reader sees first: the page's title and the language switcher, on screen
    without scrolling.  Screenshots of it are left in _build/screenshots/ for a person."""
    page, _ = tabs.open(f"{server}/{language}/index.html", PHONE)
    shots = ROOT / "_build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        page.reload(wait_until="load")
        for selector in ("article h1", "nav.edition-bar"):
            box = page.locator(selector).first.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (name, selector, box)
        page.screenshot(path=str(shots / f"{language}-{name}.png"))


# Each key-figure card's box, its number's box and font size, its label's box (one
# round trip to the browser, not a dozen per card).
CARDS = """() => [...document.querySelectorAll("dl.key-figures .key-figure")].map((card) => {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return {x: r.x, y: r.y, width: r.width, height: r.height};
  };
  const number = card.querySelector(".key-figure-number");
  return {card: box(card), number: box(number), size: parseFloat(getComputedStyle(number).fontSize),
          label: box(card.querySelector("dt"))};
})"""


@pytest.mark.parametrize("language", ["en", "zh_CN", "en-zh_CN"])
def test_key_figure_cards_reflow_on_a_phone(tabs, server: str, language: str) -> None:
    """The landing page's key figures: cards in a row on a desktop, stacked two a row on a
    phone, each inside the screen, its number large and whole above its label."""
    per_row = {}
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page, problems = tabs.open(f"{server}/{language}/index.html", viewport)
        cards = page.evaluate(CARDS)
        assert len(cards) == 7
        for i, card in enumerate(cards):
            box = card["card"]
            assert box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (name, box)
            number, size = card["number"], card["size"]
            assert size >= 28 and number["height"] < 1.6 * size, (name, i, size, number)  # one line
            assert number["y"] < card["label"]["y"]  # the number above its label
        rows = sorted({round(card["card"]["y"]) for card in cards})
        per_row[name] = max(sum(1 for card in cards if round(card["card"]["y"]) == y) for y in rows)
        assert not problems, problems
    assert per_row["phone"] <= 2 < per_row["desktop"], per_row  # stacked on the phone


def test_a_parallel_card_has_each_language_under_the_other_on_a_phone(tabs, server: str) -> None:
    """The parallel edition's cards: the Chinese figure under the English one, the Chinese
    label under the English label, all inside the card, the page not scrolling sideways."""
    page, problems = tabs.open(f"{server}/en-zh_CN/index.html", PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cards = page.locator("dl.key-figures .key-figure")
    assert cards.count() == 7
    for i in range(7):
        card = cards.nth(i).bounding_box()
        for part in ("dd", "dt"):
            english = cards.nth(i).locator(f"{part} > .key-figure-first[lang='en']").bounding_box()
            chinese = cards.nth(i).locator(f"{part} > .key-figure-second[lang='zh-CN']").bounding_box()
            assert chinese["y"] >= english["y"] + english["height"] - 1, (i, part, english, chinese)  # under it
            for box in (english, chinese):
                assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"] + 0.5, (i, box)
    assert not problems, problems
