"""make update-po's merge (GNU msgmerge --previous, msginit) on small catalogs, without make:
what we add around the GNU tools (tests/pipeline/test_catalog_workflow.py has the workflow)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from editions.catalogs.merge import update_catalog

HEADER = '''msgid ""
msgstr ""
"Project-Id-Version: Sample\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: {date}\\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
"Language-Team: LANGUAGE <LL@li.org>\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset={charset}\\n"
"Content-Transfer-Encoding: 8bit\\n"
'''
PO_HEADER = HEADER + '"Language: zh_CN\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'


def template(folder: Path, name: str, messages: list[str], date: str = "2026-01-01 00:00+0000") -> Path:
    """A template as Sphinx writes it: references relative to the templates' folder."""
    entries = "".join(f'\n#: ../../docs/{name}.md:{n}\nmsgid "{m}"\nmsgstr ""\n' for n, m in enumerate(messages, 1))
    path = folder / "gettext" / f"{name}.pot"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(date=date, charset="UTF-8") + entries, encoding="utf-8")
    return path


def catalog(folder: Path, name: str, translations: dict[str, str], charset: str = "utf-8") -> Path:
    entries = "".join(f'\nmsgid "{m}"\nmsgstr "{t}"\n' for m, t in translations.items())
    path = folder / "locales" / "zh_CN" / "LC_MESSAGES" / f"{name}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PO_HEADER.format(date="2026-01-01 00:00+0000", charset=charset) + entries, encoding="utf-8")
    return path


def test_interface_strings_carry_format_flags_page_messages_none(tmp_path: Path) -> None:
    messages = ["%(count)s pages", "{year}, {author}", "See {ref}`riverside`: 50% of the revenue."]
    for name in ("sphinx", "visit"):
        pot, po = template(tmp_path, name, messages), tmp_path / "locales/zh_CN/LC_MESSAGES" / f"{name}.po"
        assert update_catalog(pot, po, "zh_CN") == "created"
    flags = {name: {e.msgid: set(e.flags) for e in polib.pofile(str(tmp_path / f"locales/zh_CN/LC_MESSAGES/{name}.po"))}
             for name in ("sphinx", "visit")}
    assert flags["sphinx"]["%(count)s pages"] == {"python-format"}  # msgfmt --check holds the placeholders
    assert flags["sphinx"]["{year}, {author}"] == {"python-brace-format"}
    assert not any(flags["visit"].values())  # MyST, never a format string


def test_references_are_relative_to_the_catalog(tmp_path: Path) -> None:
    pot = template(tmp_path, "visit", ["Visit"])
    po = tmp_path / "locales/zh_CN/LC_MESSAGES/visit.po"
    update_catalog(pot, po, "zh_CN", pot_dir=pot.parent)
    assert polib.pofile(str(po))[0].occurrences == [("../../../../docs/visit.md", "1")]
    assert (po.parent / "../../../../docs").resolve() == (pot.parent / "../../docs").resolve()


@pytest.mark.parametrize("language, plurals", [("ja", "nplurals=1; plural=0;"), ("zh_CN", "nplurals=1; plural=0;"),
                                               ("de", "nplurals=2; plural=(n != 1);")])
def test_a_created_catalog_names_its_language_and_plural_forms(tmp_path: Path, language: str, plurals: str) -> None:
    """What the build requires of a header (GNU msginit 0.21 knows no plural forms for Chinese)."""
    po = tmp_path / f"locales/{language}/LC_MESSAGES/visit.po"
    assert update_catalog(template(tmp_path, "visit", ["Visit"]), po, language) == "created"
    created = polib.pofile(str(po))
    assert (created.metadata["Language"], created.metadata["Plural-Forms"]) == (language, plurals)
    assert not created.metadata_is_fuzzy and [e.msgid for e in created] == ["Visit"]


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8"])
def test_the_header_keeps_its_charset_as_written(tmp_path: Path, charset: str) -> None:
    """msgmerge writes UTF-8 whatever the catalog said: a catalog saved by another tool
    (polib writes utf-8) would be rewritten for nothing."""
    po = catalog(tmp_path, "visit", {"Visit": "参观"}, charset=charset)
    assert update_catalog(template(tmp_path, "visit", ["Visit", "Park"]), po, "zh_CN") == "updated"
    assert f'"Content-Type: text/plain; charset={charset}\\n"' in po.read_text(encoding="utf-8")


def test_a_changed_message_is_fuzzy_with_its_previous_text_and_nothing_is_lost(tmp_path: Path) -> None:
    po = catalog(tmp_path, "visit", {"The sub-district has 3 parks.": "街道有3个公园。", "Gone.": "没了。"})
    update_catalog(template(tmp_path, "visit", ["The sub-district has 4 parks."]), po, "zh_CN")
    merged = polib.pofile(str(po))
    changed = merged.find("The sub-district has 4 parks.")
    assert (changed.fuzzy, changed.msgstr, changed.previous_msgid) == (True, "街道有3个公园。",
                                                                        "The sub-district has 3 parks.")
    assert {e.msgid: e.msgstr for e in merged.obsolete_entries()} == {"Gone.": "没了。"}


def test_only_a_new_template_date_writes_nothing(tmp_path: Path) -> None:
    pot, po = template(tmp_path, "visit", ["Visit"]), tmp_path / "locales/zh_CN/LC_MESSAGES/visit.po"
    update_catalog(pot, po, "zh_CN")
    before = (po.read_bytes(), po.stat().st_mtime_ns)
    later = template(tmp_path, "visit", ["Visit"], date="2027-06-01 12:00+0000")
    assert update_catalog(later, po, "zh_CN") == "unchanged"
    assert (po.read_bytes(), po.stat().st_mtime_ns) == before
