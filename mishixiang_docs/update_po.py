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
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import polib
from babel.messages import pofile
from sphinx_intl import catalog as intl

from .catalogs import CatalogError, display_path, read_catalog

LINE_WIDTH = 76


def _previous_ids(catalog) -> dict[str, str]:
    return {
        message.id: message.previous_id[0] if isinstance(message.previous_id, (list, tuple)) else message.previous_id
        for message in catalog
        if message.id and message.fuzzy and message.previous_id
    }


def _render(catalog, earlier: dict[str, str] | None = None) -> bytes:
    """Serialise a merged Babel catalog, with ``#| msgid`` on fuzzy entries.

    Babel's own ``include_previous`` output mangles multi-line previous msgids
    (Babel 2.19), so Babel writes the catalog and polib adds the previous msgids.
    *earlier* holds those of the catalog before the merge: Babel forgets them
    when an entry that is still fuzzy matches its msgid exactly.
    """
    previous = {**(earlier or {}), **_previous_ids(catalog)}
    out = io.BytesIO()
    pofile.write_po(out, catalog, width=LINE_WIDTH)
    po = polib.pofile(out.getvalue().decode("utf-8"), wrapwidth=LINE_WIDTH)
    for entry in po:
        entry.previous_msgid = previous.get(entry.msgid) if "fuzzy" in entry.flags else None
    return str(po).encode("utf-8") + b"\n"


def update_catalog(pot_path: Path, po_path: Path, language: str) -> str:
    template = intl.load_po(str(pot_path))
    if po_path.exists():
        catalog = intl.load_po(str(po_path))
        before = po_path.read_bytes()
        earlier = _previous_ids(catalog)
        intl.update_with_fuzzy(catalog, template)
        status = "updated"
    else:
        catalog = template
        catalog.locale = language
        before = b""
        earlier = {}
        status = "created"
    content = _render(catalog, earlier)
    if content == before:
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
    broken = []
    for _pot, po, _lang in targets:
        if po.exists():
            try:
                read_catalog(po)
            except CatalogError as exc:
                broken.append(exc)
    if broken:
        for exc in broken:
            print(f"{display_path(exc.path)}:{exc.line}: [catalog-syntax] {exc.problem}; {exc.advice}")
        print("No catalog was changed: fix the file(s) above, then run `make update-po` again.")
        return 1
    for pot, po, lang in targets:
        status = update_catalog(pot, po, lang)
        if status != "unchanged":
            print(f"{status}: {display_path(po)}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m mishixiang_docs.update_po POT_DIR LOCALE_DIR LANGUAGE...", file=sys.stderr)
        return 2
    return update(Path(argv[0]), Path(argv[1]), argv[2:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
