"""Translators and reviewers: the review view sets each pair beside its catalog entry.

Built in-process as ``make review`` builds it: the parallel layout (``edition=en-zh_CN``)
with ``edition_review`` on, the catalogs read from ``locales/`` and make check's
findings computed against the sample's own ``make gettext`` templates.
"""

from __future__ import annotations

import polib
import pytest
from bs4 import BeautifulSoup

PARAGRAPH = "The Grand Canal runs through the sub-district."
OLD_PARAGRAPH = "The old Grand Canal runs past the sub-district."
TABLE_CELL = "3.59 km²"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def entries(*extra: polib.POEntry) -> list[polib.POEntry]:
    return [polib.POEntry(msgid="Sample page", msgstr="样例页面"),
            polib.POEntry(msgid=PARAGRAPH, msgstr="旧大运河流经街道。", flags=["fuzzy"], previous_msgid=OLD_PARAGRAPH,
                          tcomment="review: ask the office whether “old” stays"),
            polib.POEntry(msgid=TABLE_CELL, msgstr="3.95平方公里"),  # a figure that is not the English's
            polib.POEntry(msgid="Read the [canal history](https://example.org/canal) online.", msgstr=""),
            *extra]


def review(sample, templates, *extra: polib.POEntry, **overrides):
    """Build the review; returns (build, the catalog's text by line, the page)."""
    templates = templates or sample.build("gettext", language="en").outdir
    path = sample.catalog(entries(*extra))
    sample.catalog({"Not yet translated": "尚未翻译", "Sample Profile": "样例概况"}, domain="sphinx")
    result = sample.build(edition="en-zh_CN", edition_review=True,
                          edition_review_templates=str(templates), **overrides)
    lines = path.read_text(encoding="utf-8").splitlines()
    return result, lines, BeautifulSoup(result.page(), "html.parser")


@pytest.fixture(scope="module")
def templates(module_sample):
    """The sample's message templates (make gettext): the same for every test that
    leaves its pages as they are."""
    return module_sample.build("gettext", language="en").outdir


@pytest.fixture(scope="module")
def default_review(module_sample, templates):
    """The review of entries(), built once for the tests that only read it."""
    return review(module_sample, templates)


@pytest.fixture
def reviewed(sample, templates):
    """``reviewed(*extra_entries, **confoverrides)``: a review of the test's own."""
    return lambda *extra, **overrides: review(sample, templates, *extra, **overrides)


def note_after(page: BeautifulSoup, text: str):
    pair = next(p for p in page.select("div.parallel-pair, td, th") if text in p.get_text())
    return pair.find_next("div", class_="review-note")


def test_a_fuzzy_entry_shows_where_it_is_and_what_changed_in_the_english(default_review) -> None:
    _build, lines, page = default_review
    note = note_after(page, PARAGRAPH)
    assert "review-fuzzy" in note["class"]
    assert note.select_one(".review-state").get_text() == "Fuzzy: not published"
    location = note.select_one("code.review-location").get_text()
    catalog, line = location.rsplit(":", 1)
    assert catalog.endswith("locales/zh_CN/LC_MESSAGES/index.po")
    assert lines[int(line) - 1].startswith("msgstr")  # its msgstr, where make check sends the translator too
    start = max(n for n in range(int(line)) if lines[n - 1] == "")  # the entry: after a blank line
    assert f'msgid "{PARAGRAPH}"' in lines[start:int(line)]
    assert "old" in note.select_one("del").get_text()
    assert "past" in " ".join(d.get_text() for d in note.select("del"))
    assert "through" in " ".join(i.get_text() for i in note.select("ins"))
    assert "Grand Canal" not in " ".join(x.get_text() for x in note.select("del, ins"))  # unchanged words stay plain
    assert "旧大运河流经街道。" in note.get_text()  # the translation to update
    assert "Review: ask the office whether “old” stays" in note.get_text()


def test_a_check_finding_is_shown_on_its_entry(default_review) -> None:
    _build, _lines, page = default_review
    note = note_after(page, TABLE_CELL)
    assert note.select_one(".review-state-error").get_text() == "Check: numbers"
    assert "3.59" in note.select_one("li.review-finding").get_text()
    summary = page.select_one("div.review-summary")
    assert "numbers 1" in summary.get_text()
    to_look_at = [a.get_text() for a in summary.select("ol a")]
    assert any(link.startswith("locales/") or "index.po:" in link for link in to_look_at)
    assert page.select_one("div.review-summary").find_next("div", class_="parallel-pair")  # the summary comes first


def test_untranslated_and_translated_entries_say_so(default_review) -> None:
    _build, _lines, page = default_review
    assert note_after(page, "canal history").select_one(".review-state").get_text() == "Untranslated"
    missing = note_after(page, "for more")  # newer than the catalog: no line to point at yet
    assert missing.select_one(".review-state").get_text() == "Not in the catalog"
    assert missing.select_one("code.review-location").get_text().endswith("index.po")
    heading_note = page.select_one("article h1").find_next("div", class_="review-note")
    assert heading_note.select_one(".review-state").get_text() == "Translated"
    summary = page.select_one("div.review-summary").get_text()
    assert "8 messages: 2 translated, 1 fuzzy, 1 untranslated, 4 missing" in summary


def test_what_a_translator_wrote_is_shown_as_text(reviewed) -> None:
    build, _lines, page = reviewed(polib.POEntry(msgid="Figure", msgstr=HOSTILE, flags=["fuzzy"], previous_msgid="Fig",
                                                tcomment=f"review: {HOSTILE}"))
    html = build.page()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert not page.select("article script, article img")
    note = note_after(page, "Figure")
    assert HOSTILE in note.get_text()  # shown, escaped, not dropped


def test_an_editor_url_links_each_entry_to_its_line(reviewed) -> None:
    _build, _lines, page = reviewed(edition_editor_url="vscode://file{path}:{line}")
    link = note_after(page, PARAGRAPH).select_one("a.review-open")["href"]
    location = note_after(page, PARAGRAPH).select_one("code.review-location").get_text()
    assert link.startswith("vscode://file/") and link.endswith(location.split("index.po")[1])
    assert link.split("//", 1)[1].startswith("file/") and "/locales/zh_CN/LC_MESSAGES/index.po:" in link


def test_an_editor_url_that_opens_no_editor_is_refused(reviewed) -> None:
    # which URLs are refused: tests/unit/test_editor_url.py; here, that the review heeds it
    build, _lines, page = reviewed(edition_editor_url="javascript:alert(document.domain)//{path}")
    assert "EDITOR_URL" in build.warnings and "vscode://file{path}:{line}" in build.warnings
    assert not page.select("a.review-open")


def test_the_review_index_lists_each_page_with_its_counts(default_review) -> None:
    build, _lines, page = default_review
    rows = [li.get_text(" ", strip=True) for li in page.select_one("div.review-index > ul").select(":scope > li")]
    assert len(rows) == 2  # every page, in the order of the contents
    assert rows[0].startswith("Sample page") and "index.po : 8 messages: 2 translated, 1 fuzzy, 1 untranslated, " \
        "4 missing; findings: numbers 1" in rows[0]
    assert rows[1].startswith("Other page") and "no catalog yet" in rows[1]
    assert not BeautifulSoup(build.page("other"), "html.parser").select(".review-index")  # on the root page only


def test_the_reader_editions_carry_no_review_notes(sample) -> None:
    sample.catalog(entries())
    for parallel in ({}, {"edition": "en-zh_CN"}):
        # entries() has findings: behind the gate, which stops these editions, as it should
        page = BeautifulSoup(sample.gated(edition_languages=["en", "zh_CN"], **parallel).page(), "html.parser")
        assert not page.select(".review-note, .review-summary") and "index.po" not in page.get_text()


def test_a_key_figure_gets_its_note_quoting_its_english(sample) -> None:
    # the panel is drawn from its messages: each note follows the panel, and says which
    (sample.path / "data").mkdir()
    (sample.path / "data" / "figures.csv").write_text('label,figure\nPermanent population,"39,000"\n',
                                                       encoding="utf-8")
    index = sample.path / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "```{toctree}", "```{key-figures} data/figures.csv\n```\n\n```{toctree}"), encoding="utf-8")
    _build, lines, page = review(sample, None,  # its own templates: its page has changed
                                polib.POEntry(msgid="Permanent population", msgstr="常住人口"),
                                polib.POEntry(msgid="39,000", msgstr="3.9万", flags=["fuzzy"]))
    notes = page.select_one("dl.key-figures").find_next_siblings("div", class_="review-note")[:2]
    assert [n.select_one(".review-quoted").get_text() for n in notes] == ["“Permanent population”", "“39,000”"]
    assert [n.select_one(".review-state").get_text() for n in notes] == ["Translated", "Fuzzy: not published"]
    for note, msgid in zip(notes, ("Permanent population", "39,000"), strict=True):
        line = int(note.select_one("code.review-location").get_text().rsplit(":", 1)[1])
        assert lines[line - 1].startswith("msgstr") and lines[line - 2] == f'msgid "{msgid}"'  # what to edit


def test_a_refused_translation_is_shown_at_its_entry_never_stops_the_review(reviewed) -> None:
    """What stops an edition is what a translator most needs to see: the review is built."""
    see = "See {ref}`the other page <other>` for more."
    build, _lines, page = reviewed(
        polib.POEntry(msgid=see, msgstr='详见{ref}`另一页 <other>`<script>alert("x")</script>。')
    )
    assert build.exit_code == 0 and build.app is not None
    note = note_after(page, "for more")
    findings = " ".join(li.get_text() for li in note.select("li"))
    assert "[safety]" in findings and "adds raw HTML" in findings
    assert "<script>alert" not in str(page)  # left out of the page, shown as text in the note
    assert "stop this edition" not in build.warnings
