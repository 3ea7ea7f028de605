"""Is the catalog in step with the sources?  Compared with the page's template
(``_build/gettext/<page>.pot``, made by ``make gettext``).

* missing: English in the template that the catalog lacks (run make update-po);
* stale-entry: an entry whose English is gone from the sources;
* untranslated, fuzzy (with a word diff of the English, ``catalogs.diff``: the
  ``#| msgid`` that ``make update-po`` writes is the old text);
* obsolete (``#~``): kept for reference, a note only;
* stale-catalog: a catalog whose page no longer exists.
"""

from __future__ import annotations

from pathlib import Path

import polib

from ..catalogs import display_path
from ..catalogs.diff import word_diff
from .report import NOTE, Finding


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def read_template(path: Path) -> polib.POFile | None:
    try:
        return polib.pofile(str(path))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def template_findings(display: str, po: polib.POFile, template: polib.POFile, template_path: Path) -> list[Finding]:
    findings = []
    have = {_key(e) for e in po if not e.obsolete}
    wanted = {_key(e) for e in template}
    for entry in template:
        if _key(entry) not in have:
            where = (
                ":".join(entry.occurrences[0]).replace("../../", "")
                if entry.occurrences
                else display_path(template_path)
            )
            findings.append(Finding(
                display, 1, "missing", f"new English ({where}) is not in this catalog",
                "run `make update-po` to add it (your translations are kept)", entry.msgid))
    for entry in po:
        if not entry.obsolete and _key(entry) not in wanted:
            findings.append(Finding(
                display, entry.linenum, "stale-entry", "this English is no longer in the sources",
                "run `make update-po`: the entry becomes obsolete (#~) and your text is kept for reference",
                entry.msgid))
    return findings


def stale_catalog(display: str, template_path: Path) -> Finding:
    page = template_path.with_suffix("").name
    return Finding(
        display, 1, "stale-catalog",
        f"there is no page for this catalog any more (no {display_path(template_path)})",
        f"delete the catalog if docs/{page}.md was removed, or rename it with git mv if the page was renamed")


def entry_findings(display: str, entry: polib.POEntry) -> list[Finding]:
    if "fuzzy" in entry.flags:
        if entry.previous_msgid:
            message = "the English changed since this was translated; " + word_diff(entry.previous_msgid, entry.msgid)
        else:
            message = "the translation is marked fuzzy (no previous English recorded)"
        return [Finding(display, entry.linenum, "fuzzy", message,
                        "update the translation to the new English, then delete the `#, fuzzy` flag "
                        "(and the #| lines); the build ignores fuzzy translations", entry.msgid)]
    if not entry.msgstr.strip() and not any(entry.msgstr_plural.values() if entry.msgstr_plural else []):
        return [Finding(display, entry.linenum, "untranslated", "no translation yet (the English shows)",
                        "write the msgstr", entry.msgid)]
    return []


def obsolete_note(display: str, po: polib.POFile) -> Finding | None:
    obsolete = po.obsolete_entries()
    if not obsolete:
        return None
    count = len(obsolete)
    return Finding(
        display, min(e.linenum for e in obsolete), "obsolete",
        f"{count} obsolete entr{'y' if count == 1 else 'ies'} (#~) at the end: English that was removed "
        "from the sources, kept for reference; the build does not use them",
        "delete them once you no longer need them", severity=NOTE)
