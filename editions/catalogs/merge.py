"""``make update-po``: bring every catalog in step with the sources.

The merge is GNU gettext's ``msgmerge --previous``.  New messages are added, changed ones keep their old translation
marked fuzzy with the previous source text (``#| msgid``) so the translator sees
what changed, removed ones become obsolete (``#~``) so nothing a translator wrote
is lost, and the translators' comments stay exactly as written.  The catalogs come
out laid out the way GNU gettext writes them, so Poedit, Weblate or ``msgcat``
leave them as they are, and a catalog they saved comes back unchanged.

What we do around it:

* the template msgmerge sees has its ``#:`` references relative to the catalog's
  own folder (where translators' tools look for them; Sphinx writes them relative
  to the templates' folder), and ``sphinx.po``'s messages (interface strings and
  conf.py values: the only ones with format strings) carry Python's format flags,
  so that ``msgfmt --check`` holds a translation to its placeholders.  Page
  catalogs hold MyST, never format strings: no flags (``{ref}`` or "50% of");
* a new catalog starts as the template's header with its language and plural forms
  (CLDR's, through Babel: ``msginit``'s table has none for Chinese);
* a catalog that does not parse stops everything before anything is written;
* a catalog whose only change would be the template's date is left alone;
* msgmerge writes the charset's canonical name (``UTF-8``): the catalog keeps the
  spelling its header had, so a catalog saved by another tool is not rewritten.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib
from babel.core import UnknownLocaleError
from babel.messages.catalog import Message
from babel.messages.plurals import get_plural

from .files import CatalogError, display_path, non_regular_files, read_catalog

#: The catalog of interface strings and conf.py values: the one with format strings.
INTERFACE_DOMAIN = "sphinx"
FORMAT_FLAGS = ("python-format", "python-brace-format")
_POT_DATE = re.compile(rb'^"POT-Creation-Date: [^"]*"$', re.MULTILINE)
_CONTENT_TYPE = re.compile(rb'^"Content-Type: [^"]*"$', re.MULTILINE)


def _gettext_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"update-po needs GNU {name}: install the Debian package gettext (`make` does)")
    return path


def _run(args: list[str]) -> bytes:
    result = subprocess.run(args, capture_output=True)
    if result.returncode != 0:
        raise SystemExit(f"{Path(args[0]).name} failed: " + result.stderr.decode("utf-8", "replace"))
    return result.stdout


def _relocated(filename: str, line: str, pot_dir: Path, po_dir: Path) -> tuple[str, str]:
    """A ``#:`` reference as seen from the catalog's folder; theme templates stay
    ``(theme)/...``; a line 0 (Sphinx's for a message of no line) is none."""
    if not filename.startswith("(theme)"):
        filename = Path(os.path.relpath(os.path.normpath(pot_dir / filename), po_dir)).as_posix()
    return filename, "" if line == "0" else line


def format_flags(msgid: str) -> set[str]:
    """Python's format flags of an interface string, as Babel reads them (``%(name)s``, ``{name}``)."""
    return set(Message(msgid).flags) & set(FORMAT_FLAGS)


def template_for(pot_path: Path, po_path: Path, pot_dir: Path) -> str:
    """The template as msgmerge should see it for *po_path* (see the module's notes)."""
    template = polib.pofile(str(pot_path), wrapwidth=0)
    interface = po_path.stem == INTERFACE_DOMAIN
    for entry in template:
        entry.occurrences = [_relocated(f, line, pot_dir, po_path.parent) for f, line in entry.occurrences]
        flags = [flag for flag in entry.flags if flag not in FORMAT_FLAGS]
        entry.flags = flags + sorted(format_flags(entry.msgid) if interface else set())
    return str(template) + "\n"


def plural_forms(language: str) -> str:
    try:
        return get_plural(language).plural_forms
    except UnknownLocaleError:  # unknown to CLDR: Babel's default, as its catalogs have
        return "nplurals=2; plural=(n != 1);"


def empty_catalog(template: Path, language: str) -> str:
    """A catalog of no messages yet in *language*, for msgmerge to fill from *template*."""
    po = polib.pofile(str(template))
    del po[:]
    po.metadata_is_fuzzy = False
    po.metadata.update({"Language": language, "Plural-Forms": plural_forms(language)})
    return str(po) + "\n"


def _merged(template: Path, po_path: Path, language: str) -> bytes:
    catalog = po_path
    if not po_path.exists():
        catalog = template.with_suffix(".po")
        catalog.write_text(empty_catalog(template, language), encoding="utf-8")
    content = _run([_gettext_tool("msgmerge"), "--quiet", "--previous", "--output-file=-",
                    str(catalog), str(template)])
    if said := _CONTENT_TYPE.search(catalog.read_bytes()):
        content = _CONTENT_TYPE.sub(lambda _: said.group(0), content, count=1)
    return content


def _same_but_date(new: bytes, old: bytes) -> bool:
    return _POT_DATE.sub(b"", new) == _POT_DATE.sub(b"", old)


def update_catalog(pot_path: Path, po_path: Path, language: str, pot_dir: Path | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="update-po-") as scratch:
        template = Path(scratch) / pot_path.name
        template.write_text(template_for(pot_path, po_path, pot_dir or pot_path.parent), encoding="utf-8")
        content = _merged(template, po_path, language)
    before = po_path.read_bytes() if po_path.exists() else b""
    if _same_but_date(content, before):
        return "unchanged"
    status = "updated" if po_path.exists() else "created"
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
