"""Readers with a keyboard, a screen reader, a phone or a printer: every page of every
edition in Chromium (issue #20, the readers' audit of 2026-12).

Each page is visited once a width: axe (every rule, best practice included) and a walk
with the Tab key, which must never land on something out of sight (a closed drawer's
links) and must always show where it is (a focus ring).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from editions.project import load

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ["en", "zh_CN", "en-zh_CN"]
PAGES = [*load(ROOT).pages, "search", "genindex", "404"]
WIDTHS = {1280: {"width": 1280, "height": 900}, 375: {"width": 375, "height": 812}}

# Transitions and smooth scrolling off: the walk measures where things are, not where they
# are sliding to.
STILL = "html{scroll-behavior:auto!important} *,*::before,*::after{transition:none!important;animation:none!important}"

# Where the focus is, and what is wrong with it: off the screen or hidden, covered by
# something else at every point, or without a focus indicator (2px outline or a shadow).
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
  const name = (e.getAttribute("aria-label") || e.textContent || e.value || e.tagName)
    .trim().replace(/\\s+/g, " ").slice(0, 50);
  const key = [e.tagName, name, e.getAttribute("href") || "", e.className].join("|");
  let problem = "";
  if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight)
    problem = "out of sight";
  else if (cs.visibility !== "visible" || parseFloat(cs.opacity) === 0) problem = "invisible";
  else {
    const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                    [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
    const seen = points.some(([x, y]) => {
      const t = document.elementFromPoint(x, y);
      return t && (t === e || e.contains(t) || t.contains(e));
    });
    const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2)
      || (cs.boxShadow && cs.boxShadow !== "none");
    if (!seen) problem = "covered";
    else if (!ring) problem = `no focus indicator (outline ${cs.outlineStyle} ${cs.outlineWidth})`;
  }
  return {key, name, problem};
}"""


def tab_walk(page) -> tuple[int, list[str]]:
    """Tab through the page until the focus comes back to where it started: the number
    of stops, and each stop with a problem."""
    page.add_style_tag(content=STILL)
    stops: list[str] = []
    problems = []
    for _ in range(150):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS)
        if found is None or (stops and found["key"] == stops[0]):
            break
        stops.append(found["key"])
        if found["problem"]:
            problems.append(f"{found['name']!r}: {found['problem']}")
    return len(stops), problems


def axe_violations(page) -> list[str]:
    results = Axe().run(page).response
    return [f"{v['id']} ({v['impact']}): {v['help']}, {len(v['nodes'])} node(s): "
            f"{', '.join(str(n['target']) for n in v['nodes'][:3])}" for v in results["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_passes_axe_and_the_keyboard_walk(tabs, server: str, edition: str, width: int) -> None:
    """No axe violation at all, and no tab stop out of sight or without a focus ring
    (the audit found 4 invisible stops at 1280 px, 11 at 375 px, and a search field
    without any focus indicator)."""
    found = {}
    for name in PAGES:
        page, _problems = tabs.open(f"{server}/{edition}/{name}.html", WIDTHS[width])
        violations = axe_violations(page)
        stops, problems = tab_walk(page)
        assert stops >= 5, (name, stops)  # skip link, menu or sidebar, the switcher, the footer...
        if violations or problems:
            found[name] = violations + problems
    assert not found, "\n".join(f"{edition}/{name} at {width}px: {p}" for name, ps in found.items() for p in ps)


@pytest.mark.parametrize("edition", EDITIONS)
def test_dark_scheme_passes_axe(tabs, server: str, edition: str) -> None:
    found = {}
    for name in ("index", "economy"):
        page, _problems = tabs.open(f"{server}/{edition}/{name}.html", WIDTHS[1280], color_scheme="dark")
        if violations := axe_violations(page):
            found[name] = violations
    assert not found, found


def test_front_page_passes_axe(tabs, server: str) -> None:
    page, _problems = tabs.open(f"{server}/index.html#choose", WIDTHS[375])
    assert not axe_violations(page)


@pytest.mark.parametrize(
    ("edition", "drawer"), [("en", "__navigation"), ("zh_CN", "__toc"), ("en-zh_CN", "__navigation")]
)
def test_phone_menus_are_buttons_a_keyboard_opens_and_closes(tabs, server: str, edition: str, drawer: str) -> None:
    page, _problems = tabs.open(f"{server}/{edition}/economy.html", WIDTHS[375])
    page.add_style_tag(content=STILL)
    button = page.locator(f"header button.drawer-button[data-drawer='{drawer}']")
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    for _ in range(10):  # reached with the Tab key
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.drawer") == drawer:
            break
    else:
        pytest.fail(f"Tab never reaches the {drawer} button")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    panel = page.locator(f"#{button.get_attribute('aria-controls')}")
    page.wait_for_function(
        "id => document.getElementById(id).contains(document.activeElement)", arg=panel.get_attribute("id")
    )
    assert panel.evaluate(
        "e => e.getBoundingClientRect().left >= 0 && e.getBoundingClientRect().right <= innerWidth + 1"
    )
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.drawer") == drawer  # the focus back on the button
    assert panel.evaluate("e => getComputedStyle(e).visibility") == "hidden"


@pytest.mark.parametrize(
    ("edition", "word"), [("zh_CN", "运河"), ("zh_CN", "米市巷"), ("en", "Canal"), ("en-zh_CN", "Canal")]
)
def test_search_summaries_hold_the_pages_text_only(tabs, server: str, edition: str, word: str) -> None:
    """Sphinx makes each result's summary from the page's [role=main]: the edition bar
    (switcher and PDF links) stands outside it."""
    page, _problems = tabs.open(f"{server}/{edition}/search.html?q={word}")
    page.wait_for_selector("#search-results ul.search li p.context", timeout=10_000)
    summaries = page.eval_on_selector_all("#search-results ul.search li p.context", "ps => ps.map(p => p.textContent)")
    bar = page.locator("nav.edition-bar").inner_text().split()
    assert summaries
    for summary in summaries:
        assert not any(words in summary for words in ("简体中文", "English with", "PDF", "英语–中文")), summary
        assert not summary.strip().startswith(bar[0]), summary


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_shows_the_text_not_the_controls(tabs, server: str, edition: str) -> None:
    page, _problems = tabs.open(f"{server}/{edition}/economy.html", WIDTHS[1280])
    page.emulate_media(media="print")
    for selector in ("nav.edition-bar", ".skip-to-content", ".sidebar-drawer", ".toc-drawer", ".mobile-header",
                     ".theme-toggle-container", ".back-to-top"):
        displays = page.eval_on_selector_all(selector, "es => es.map(e => getComputedStyle(e).display)")
        assert displays and set(displays) == {"none"}, (selector, displays)
    assert page.locator("article h1").is_visible()
    # a link to another site prints its address after it
    after = page.evaluate("""() => {
        const a = document.querySelector('footer a[href^="http"], article a[href^="http"]');
        return a && a.closest('article') ? getComputedStyle(a, '::after').content : null; }""")
    assert after is None or "http" in after


def csv_rows() -> list[dict[str, str]]:
    lines = (ROOT / "docs" / "data" / "enterprise-tax-tiers.csv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_chart_is_readable_on_a_phone(tabs, server: str, edition: str) -> None:
    """At 375 px the chart's text keeps the page's size (the SVG's shrank to about 8 px),
    it is a data table (a row a bar, the label its header), and its bars are as long as
    the CSV's values."""
    page, _problems = tabs.open(f"{server}/{edition}/economy.html", WIDTHS[375])
    chart = page.locator("figure.chart")
    found = chart.evaluate("""f => ({
      sizes: [...f.querySelectorAll('figcaption, th, .chart-value')].map(e => parseFloat(getComputedStyle(e).fontSize)),
      rows: [...f.querySelectorAll('table tr')].map(tr => ({
        head: tr.querySelector('th[scope=row]') !== null,
        value: tr.querySelector('.chart-value').firstChild.textContent,
        bar: tr.querySelector('.chart-bar').getBoundingClientRect().width})),
      right: Math.max(...[...f.querySelectorAll('*')].filter(e => !e.closest('.visually-hidden'))
                                                         .map(e => e.getBoundingClientRect().right)),
      scroll: document.documentElement.scrollWidth,
    })""")
    assert min(found["sizes"]) >= 12, found["sizes"]
    values = [float(row["value"]) for row in csv_rows()]
    assert [float(row["value"].replace(",", "")) for row in found["rows"]] == values
    assert all(row["head"] for row in found["rows"])
    top = max(values)
    longest = max(row["bar"] for row in found["rows"])
    for row, value in zip(found["rows"], values, strict=True):
        assert abs(row["bar"] - longest * value / top) <= 2, (row, value)
    width = WIDTHS[375]["width"]
    assert found["right"] <= width and found["scroll"] <= width, found  # nothing sticks out
