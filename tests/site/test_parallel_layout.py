"""Readers of both languages: the parallel pages in a real browser (Chromium).

On a wide screen each block's English and Chinese start on the same line; on a
phone the Chinese comes right under its English and nothing scrolls sideways.
Every page of the parallel edition, every pair (and every two-language heading).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editions.project import load

PAGES = load(Path(__file__).resolve().parents[2]).pages
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# The two halves of each pair outside a table cell (a cell stacks them by design),
# and the two texts of each heading: their boxes, in CSS pixels.
PAIRS = """() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left}; };
  const pairs = [];
  for (const pair of document.querySelectorAll("article .parallel-pair")) {
    if (pair.closest("td, th")) continue;
    const halves = pair.querySelectorAll(":scope > .parallel-half");
    pairs.push({text: pair.textContent.trim().slice(0, 40), source: box(halves[0]), target: box(halves[1])});
  }
  for (const heading of document.querySelectorAll("article :is(h1,h2,h3,h4) ")) {
    const source = heading.querySelector(":scope > .parallel-source");
    const target = heading.querySelector(":scope > .parallel-target");
    if (source && target)
      pairs.push({text: heading.textContent.trim().slice(0, 40), source: box(source), target: box(target)});
  }
  return {pairs, scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth};
}"""


def layout(tabs, url: str, viewport: dict[str, int]) -> dict:
    page, _problems = tabs.open(url, viewport)
    return page.evaluate(PAIRS)


@pytest.mark.parametrize("name", PAGES)
def test_on_a_wide_screen_each_pair_starts_on_one_line(tabs, server: str, name: str) -> None:
    found = layout(tabs, f"{server}/en-zh_CN/{name}.html", DESKTOP)
    assert len(found["pairs"]) >= 2, "no parallel pairs on the page"  # a heading and a paragraph at least
    apart = [(p["text"], round(p["target"]["top"] - p["source"]["top"], 1)) for p in found["pairs"]
             if abs(p["target"]["top"] - p["source"]["top"]) > 4]
    assert not apart, f"halves not on one line (text, offset in px): {apart}"
    beside = [p["text"] for p in found["pairs"] if p["target"]["left"] <= p["source"]["left"]]
    assert not beside, f"the translation is not to the right of its source: {beside}"


@pytest.mark.parametrize("name", PAGES)
def test_on_a_phone_each_translation_follows_its_source(tabs, server: str, name: str) -> None:
    found = layout(tabs, f"{server}/en-zh_CN/{name}.html", PHONE)
    assert found["scrollWidth"] <= found["width"], f"the page scrolls sideways ({found['scrollWidth']} px)"
    misplaced = [(p["text"], round(p["target"]["top"] - p["source"]["bottom"], 1)) for p in found["pairs"]
                 if not -1 <= p["target"]["top"] - p["source"]["bottom"] <= 24]
    assert not misplaced, f"the Chinese is not right below its English (text, gap in px): {misplaced}"
