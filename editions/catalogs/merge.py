"""``make update-po``: bring every catalog in step with the sources.

The merge is sphinx-intl's (Babel's ``Catalog.update``): new messages are added,
changed ones keep their old translation marked fuzzy, removed ones become
obsolete (``#~``) so nothing a translator wrote is lost.  Two things differ from
``sphinx-intl update``:

* a catalog is rewritten whenever its content changes, not only when its set of
  msgids does, so source references (``#: docs/page.md:12``) stay right after
  a paragraph moves;
* fuzzy entries keep the previous English (``#| msgid``, as ``msgmerge
  --previous`` writes it) so the translator sees what changed.

A catalog that does not parse stops everything before anything is written:
Babel would silently "repair" it and the repair would be written back.

Catalogs are written the way GNU gettext writes them (GNU ``msgcat`` has the
last word on the layout), so that Poedit, Weblate or ``msgcat`` leave them
as they are, and a catalog they saved comes back unchanged.  ``#:`` references
are relative to the catalog's own folder, where translators' tools look for
them.  Page catalogs hold MyST, never format strings: they carry no
``python-format`` flags, which Babel guesses from ``{ref}`` or "50% of".  A
catalog whose only change would be the template's date is left alone.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
from babel.messages import pofile
from sphinx_intl import catalog as intl

from .files import CatalogError, display_path, non_regular_files, read_catalog

#: The catalog of interface strings and conf.py values: the one with format strings.
INTERFACE_DOMAIN = "sphinx"
FORMAT_FLAGS = ("python-format", "python-brace-format")
_POT_DATE = re.compile(rb'^"POT-Creation-Date: [^"]*"$', re.MULTILINE)


def _read_babel(content: bytes):
    """Babel's reader, minus ``#|`` lines: it would keep them as translator
    comments (``# | msgid ...``); polib reads the previous msgids instead."""
    lines = [line for line in content.splitlines(keepends=True) if not line.lstrip().startswith((b"#|", b"#~|"))]
    return pofile.read_po(io.BytesIO(b"".join(lines)), charset="utf-8")


def _render(catalog, old: polib.POFile | None) -> bytes:
    """Serialise a merged Babel catalog, keeping what the translator wrote.

    Babel writes the merged catalog; polib then puts back, from the old file,
    the translator comments (Babel drops a comment line that repeats another
    one) and the previous msgids of fuzzy entries (``#| msgid``; Babel's own
    output mangles multi-line ones, and it forgets them when an entry that is
    still fuzzy matches its msgid exactly).
    """
    fresh = {
        message.id: message.previous_id[0] if isinstance(message.previous_id, (list, tuple)) else message.previous_id
        for message in catalog
        if message.id and message.fuzzy and message.previous_id
    }
    old_entries = {entry.msgid: entry for entry in old} if old is not None else {}
    out = io.BytesIO()
    pofile.write_po(out, catalog, width=79)  # msgcat has the last word
    po = polib.pofile(out.getvalue().decode("utf-8"))
    for entry in po:
        fuzzy = "fuzzy" in entry.flags
        was = old_entries.get(entry.msgid)
        previous = fresh.get(entry.msgid) or (was.previous_msgid if was is not None else None)
        entry.previous_msgid = previous if fuzzy else None
        origin = was if was is not None else old_entries.get(previous or "")
        if origin is not None and origin.tcomment:
            entry.tcomment = origin.tcomment
    return _serialise(po).encode("utf-8")


def _serialise(po: polib.POFile) -> str:
    """polib's output, but translator comments exactly as written: polib (like
    Babel) would re-wrap long comment lines, even breaking them at hyphens."""
    comments = {}
    for number, entry in enumerate(po):
        if entry.tcomment:
            key = f"@@translator-comment-{number}@@"
            comments[key] = entry.tcomment
            entry.tcomment = key
    text = str(po) + "\n"
    for key, comment in comments.items():
        text = text.replace(f"# {key}", "\n".join(f"# {line}".rstrip() for line in comment.split("\n")))
    return text


def gnu_layout(content: bytes) -> bytes:
    """The catalog as GNU gettext lays it out (``msgcat``: wrapping, flags, order)."""
    msgcat = shutil.which("msgcat")
    if msgcat is None:
        raise SystemExit("update-po needs GNU msgcat: install the Debian package gettext (`make` does)")
    result = subprocess.run([msgcat, "-o", "-", "-"], input=content, capture_output=True)
    if result.returncode != 0:
        raise SystemExit("msgcat refused the merged catalog: " + result.stderr.decode("utf-8", "replace"))
    return result.stdout


def _relocate(catalog, pot_dir: Path, po_dir: Path) -> None:
    """``#:`` references as seen from the catalog's folder (Sphinx writes them
    relative to the templates' folder); theme templates stay ``(theme)/...``."""
    for message in catalog:
        located = []
        for filename, line in message.locations:
            if not filename.startswith("(theme)"):
                filename = os.path.relpath(os.path.normpath(pot_dir / filename), po_dir)
            located.append((Path(filename).as_posix(), line))
        message.locations = located


def _same_but_date(new: bytes, old: bytes) -> bool:
    return _POT_DATE.sub(b"", new) == _POT_DATE.sub(b"", old)


def update_catalog(pot_path: Path, po_path: Path, language: str, pot_dir: Path | None = None) -> str:
    template = intl.load_po(str(pot_path))
    _relocate(template, pot_dir or pot_path.parent, po_path.parent)
    if po_path.stem != INTERFACE_DOMAIN:
        for message in template:
            message.flags.difference_update(FORMAT_FLAGS)
    if po_path.exists():
        before = po_path.read_bytes()
        old = polib.pofile(before.decode("utf-8"))
        catalog = _read_babel(before)
        intl.update_with_fuzzy(catalog, template)
        if po_path.stem != INTERFACE_DOMAIN:
            for message in catalog:
                message.flags.difference_update(FORMAT_FLAGS)
        status = "updated"
    else:
        catalog = template
        catalog.locale = language
        before = b""
        old = None
        status = "created"
    content = gnu_layout(_render(catalog, old))
    if _same_but_date(content, before):
        return "unchanged"
    po_path.parent.mkdir(parents=True, exist_ok=True)
    po_path.write_bytes(content)
    return status


def update(pot_dir: Path, locale_dir: Path, languages: list[str]) -> int:
    pots = sorted(pot_dir.rglob("*.pot"))
    if not pots:
        print(f"no templates in {pot_dir}; run `make gettext` first")
        return 1
    targets = [
        (pot, locale_dir / lang / "LC_MESSAGES" / pot.relative_to(pot_dir).with_suffix(".po"), lang)
        for lang in languages
        for pot in pots
    ]
    # Nothing is written through a symbolic link or over a catalog that doesn't parse.
    broken = [problem for lang in languages for problem in non_regular_files(locale_dir / lang)
              if (locale_dir / lang).exists()]
    for _pot, po, _lang in targets:
        if po.exists() and not po.is_symlink():
            try:
                read_catalog(po)
            except CatalogError as exc:
                broken.append(exc)
    if broken:
        for exc in broken:
            print(exc.report())
        print("No catalog was changed: fix the file(s) above, then run `make update-po` again.")
        return 1
    for pot, po, lang in targets:
        status = update_catalog(pot, po, lang, pot_dir)
        if status != "unchanged":
            print(f"{status}: {display_path(po)}")
    return 0
