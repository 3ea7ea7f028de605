"""Translators and maintainers: update-po keeps every translation, writes catalogs as GNU
gettext does, and changes nothing when nothing changed; stats count right."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

# The merge's mechanics on the tiny profile (written in Chinese, translated into English).
CATALOG = Path("locales/en/LC_MESSAGES/visit.po")
OLD = "街道有3个公园和一座桥。"
NEW = "街道有4个公园和一座桥。"


def entry_of(po: polib.POFile, start: str) -> polib.POEntry:
    return next(e for e in po if e.msgid.startswith(start))


@pytest.fixture
def small(second_profile: Path) -> Path:
    return second_profile


def test_changed_paragraph_keeps_its_translation_as_fuzzy(small: Path, make, msgstr_line) -> None:
    po = polib.pofile(str(small / CATALOG))
    entry = entry_of(po, OLD)
    entry.tcomment = "review: kept by update-po"
    po.save()
    source = small / "docs" / "visit.md"
    source.write_text(source.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")

    make(small, "update-po")

    po = polib.pofile(str(small / CATALOG))
    updated = entry_of(po, NEW)
    assert "fuzzy" in updated.flags
    assert updated.msgstr == "The sub-district has 3 parks and a bridge."
    assert updated.previous_msgid == OLD  # "#| msgid" shows what changed
    assert updated.tcomment == "review: kept by update-po"
    assert not any(e.msgid == OLD for e in po if not e.obsolete)

    # ... and the review view shows the translator where it is and what changed
    make(small, "review")
    page = BeautifulSoup((small / "_build/review/en/visit.html").read_text(encoding="utf-8"), "html.parser")
    pair = next(p for p in page.select("div.parallel-pair") if NEW in p.get_text())
    note = pair.find_next("div", class_="review-note")
    assert note.select_one(".review-state").get_text() == "Fuzzy: not published"
    msgstr = msgstr_line(small / CATALOG, NEW)
    assert note.select_one("code.review-location").get_text() == f"{CATALOG}:{msgstr}"  # as make check says
    changes = zip(note.select("del"), note.select("ins"), strict=True)
    assert [(d.get_text(), i.get_text()) for d, i in changes] == [("3", "4")]
    assert "Review: kept by update-po" in note.get_text()


def test_removed_paragraph_becomes_obsolete_not_lost(small: Path, make) -> None:
    (small / "docs" / "visit.md").write_text("(visit)=\n# 游览\n\n短。\n", encoding="utf-8")

    make(small, "update-po")

    obsolete = {e.msgid: e.msgstr for e in polib.pofile(str(small / CATALOG)).obsolete_entries()}
    assert obsolete == {"参观": "Visit", OLD: "The sub-district has 3 parks and a bridge."}


def test_broken_catalog_stops_update_po_and_nothing_changes(small: Path, make) -> None:
    project = small
    path = project / CATALOG
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("msgstr ") and i > 20)
    lines[number] = 'msgstr "The sub-district\n'  # unterminated string
    path.write_text("".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}

    result = make(project, "update-po", check=False)

    assert result.returncode != 0
    assert f"{CATALOG}:{number + 1}: [catalog-syntax]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    after = {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}
    assert before == after


def test_stats_count_fuzzy_apart_from_translated(small: Path, make) -> None:
    project = small
    po = polib.pofile(str(project / CATALOG))
    for entry in po:
        entry.msgstr = entry.msgstr or "译文"
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po[0].flags.append("fuzzy")
    po.save()
    total = len([e for e in po if not e.obsolete])

    out = make(project, "stats").stdout

    row = next(line for line in out.splitlines() if line.startswith(str(CATALOG)))
    translated, fuzzy, untranslated, _obsolete = (int(n) for n in row.split()[1:5])
    assert (translated, fuzzy, untranslated) == (total - 1, 1, 0)


def test_translator_comments_survive_exactly(small: Path, make) -> None:
    project = small
    # long lines with hyphens (Babel and polib would re-wrap them) and two
    # identical lines (Babel's merge keeps only one)
    comment = ("review: Output Hero: chose “亩产论英雄” (output per unit of land, fits the tax-per-km² "
               "context), to be checked by a reviewer who knows the original wording\n"
               "(glossary candidate, low confidence)\n(glossary candidate, low confidence)")
    # written as a translator would, in an editor (polib's save would re-wrap it)
    path = project / CATALOG
    text = path.read_text(encoding="utf-8")
    anchor = text.index("#: ../../../docs/visit.md:4")
    lines = "".join(f"# {line}\n" for line in comment.split("\n"))
    path.write_text(text[:anchor] + lines + text[anchor:], encoding="utf-8")
    assert entry_of(polib.pofile(str(path)), OLD).tcomment.endswith(comment)
    make(project, "update-po")
    make(project, "update-po")
    assert entry_of(polib.pofile(str(project / CATALOG)), OLD).tcomment.endswith(comment)
    assert lines in (project / CATALOG).read_text(encoding="utf-8")


def snapshot(project: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (project / "locales").rglob("*.po")}


def test_nothing_changed_writes_nothing(project: Path, make) -> None:
    """The profile's own catalogs: as committed, they are what update-po writes."""
    before = snapshot(project)
    make(project, "update-po", env={"SOURCE_DATE_EPOCH": "1800000000"})  # another day, another template date
    assert snapshot(project) == before


#: What a translator's tool writes into the header when it saves (locales/README.md).
TOOL_HEADER = {"PO-Revision-Date": "2026-12-01 09:30+0800", "Last-Translator": "A Translator <a@example.org>",
               "X-Generator": "Poedit 3.4.2"}
#: A translation long enough to wrap, Chinese and Latin mixed: wide characters count two columns.
LONG = ("The sub-district has 3 parks and a bridge; 街道的企业聚集效应带动了税收增长，2018年实现财政总收入"
        "12.16亿元 (1.216 billion yuan), “a quoted phrase” and a very-long-hyphenated-word to wrap.")


def test_a_catalog_saved_by_gnu_gettext_tools_survives_update_po(small: Path, make) -> None:
    project = small
    path = project / CATALOG
    po = polib.pofile(str(path), wrapwidth=40)
    po.metadata.update(TOOL_HEADER)
    entry_of(po, OLD).msgstr = LONG
    po.save()  # some other tool's layout, the header as Poedit leaves it...
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)  # ...then saved by msgcat (Poedit, Weblate)
    saved = path.read_bytes()
    assert b'"X-Generator: Poedit 3.4.2\\n"' in saved
    make(project, "update-po")
    assert path.read_bytes() == saved


def test_a_catalog_saved_by_weblate_is_msgcats_and_survives_update_po(small: Path, make) -> None:
    """Weblate writes PO files with translate-toolkit (its default wrapping, 77): a catalog
    it saved, a translation changed and the header as it leaves it, is what msgcat writes,
    and make update-po leaves it as it is."""
    from translate.storage import pypo

    project = small
    path = project / CATALOG
    store = pypo.pofile(path.read_bytes())
    unit = next(u for u in store.units if u.source == OLD)
    unit.target = LONG
    header = {**TOOL_HEADER, "X-Generator": "Weblate 5.9"}
    store.updateheader(add=True, **{key.replace("-", "_"): value for key, value in header.items()})
    path.write_bytes(bytes(store))
    saved = path.read_bytes()
    assert LONG not in saved.decode("utf-8") and b'"X-Generator: Weblate 5.9\\n"' in saved  # wrapped; its header
    assert subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout == saved
    make(project, "update-po")
    assert path.read_bytes() == saved


def test_a_reference_role_is_not_a_format_string(second_profile: Path, make, msgstr_line) -> None:
    project, catalog = second_profile, Path("locales/en/LC_MESSAGES/visit.po")
    page = project / "docs" / "visit.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n参见{ref}`riverside`：50%的收入。\n", encoding="utf-8")
    make(project, "update-po")
    po = polib.pofile(str(project / catalog))
    entry = next(e for e in po if e.msgid.startswith("参见{ref}"))
    assert not {"python-format", "python-brace-format"} & set(entry.flags)
    entry.msgstr = "See the first page: 50% of the revenue."  # the link turned into plain text
    po.save()
    line = msgstr_line(project / catalog, "参见{ref}")
    result = make(project, "html", LANGUAGES="en", check=False)
    assert "format specification" not in result.stderr  # msgfmt has no format to check
    # the gate names the catalog's msgstr line, not the page's, and the edition is not published
    assert f"{catalog}:{line}: [markup] the translation drops the reference {{ref}}`riverside`" in result.stderr
    assert "visit.md" not in result.stderr
    assert result.returncode != 0
