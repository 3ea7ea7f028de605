"""Every check by name: what it finds, how grave it is, and which tool does the work.

One rule set for every consumer: ``make check``, the build (the catalog guard
runs these same checks before Sphinx reads a catalog) and the review view.
Each finding has one severity:

* ``error`` — the edition is not published (the last good one stays);
  ``make check`` fails;
* ``warning`` — published, the English shows and the page marks it; one line
  per edition at the end of ``make``; ``ALLOW_FUZZY=0`` makes it an error (a
  release);
* ``note`` — for the record; ``make check`` prints one summary line
  (``NOTES=1`` lists them).

Only style may be waived: nothing that protects a fact, the reader or the
machine.  The names are what a finding shows in brackets and what a waiver names::

    # check: allow typography — the English quotes a code sample

Two kinds of check.  A *content* check judges one translated message: its module
registers it with ``@content_check(...)`` (its function, the languages and
catalogs it applies to) and the runner runs every registered one on every entry
the build uses.  A *catalog* check is found on the way through a whole catalog
(reading it, comparing it with its template): it is listed here, with the
function that finds it (``found_by``), and not run per entry.  ``python -m
editions check --list-checks`` prints the table the README carries.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..catalogs.markup import OBJECT
from ..catalogs.rules import INTERFACE_TOKENS
from ..languages import base_language

if TYPE_CHECKING:
    import polib

    from ..catalogs.markup import Parsed
    from .health import Catalog
    from .runner import Context

ERROR, WARNING, NOTE = "error", "warning", "note"
PAGES, INTERFACE = "pages", "interface"  # the catalogs of the pages (MyST), sphinx.po

#: (what is wrong, what to do)
Problem = tuple[str, str]


class Message:
    """One (msgid, msgstr) pair of an entry the build uses, as a content check sees it:
    its parse and visible text are made when a check first asks (a message too large
    to parse is never parsed)."""

    def __init__(self, context: Context, catalog: Catalog, entry: polib.POEntry, msgid: str, msgstr: str) -> None:
        self.context, self.catalog, self.entry, self.msgid, self.msgstr = context, catalog, entry, msgid, msgstr
        self.language = context.language

    @cached_property
    def parsed(self) -> tuple[Parsed, Parsed]:
        """The MyST parses of msgid and msgstr (a page's message; sphinx.po has no MyST)."""
        return self.context.parser.parse(self.msgid), self.context.parser.parse(self.msgstr)

    @cached_property
    def visible(self) -> tuple[str, str]:
        """The text of msgid and msgstr without markup (OBJECT where a piece of it stands)."""
        if self.catalog.is_interface:
            return _interface_visible(self.msgid), _interface_visible(self.msgstr)
        parsed_id, parsed_str = self.parsed
        if parsed_str.blocks != parsed_id.blocks:
            return parsed_id.text, self.msgstr  # a list marker or heading ate some text: look at all of it
        return parsed_id.text, parsed_str.text


def _interface_visible(text: str) -> str:
    return INTERFACE_TOKENS.sub(OBJECT, text)


@dataclass(frozen=True)
class Check:
    name: str
    finds: str
    source: str
    waivable: bool = False  # only style checks may be waived
    severity: str = ERROR
    #: a content check: its verdict on one message
    find: Callable[[Message], Problem | None] | None = None
    languages: tuple[str, ...] = ()  # the languages (base_language: zh) it applies to; (): every one
    catalogs: str | None = None  # PAGES, INTERFACE; None: both
    needs_termbase: bool = False
    alone: bool = False  # a finding of it is the entry's only one (nothing else can be judged)
    order: int = 0  # where a content check runs, and stands in the table, among the others
    #: a catalog check: what finds it
    found_by: str = ""

    def applies(self, language: str, interface: bool, has_termbase: bool) -> bool:
        return (self.find is not None
                and (not self.languages or base_language(language) in self.languages)
                and (self.catalogs is None or self.catalogs == (INTERFACE if interface else PAGES))
                and (has_termbase or not self.needs_termbase))

    def where(self) -> str:
        """What it runs on, for the table."""
        if self.find is None:
            return f"a catalog, found by {self.found_by}"
        kind = {PAGES: "each page message", INTERFACE: "each sphinx.po message"}.get(self.catalogs or "")
        return "; ".join([kind or "each message",
                          *([" and ".join(self.languages) + " only"] if self.languages else []),
                          *(["with a termbase"] if self.needs_termbase else [])])


# The catalog checks, in the table's order: those found before the content checks
# run on an entry, then those found after them.
_BEFORE = [
    Check("catalog-file", "anything under locales/<lang>/ that is a symbolic link, not a regular file, "
          "not a plain name, or over a limit (a catalog: 1 MB, 50,000 lines, 5,000 '['; a language: 500 files, "
          "8 MB)", "ours", found_by="catalogs.files"),
    Check("catalog-syntax", "a catalog that GNU msgfmt rejects (quoting, encoding, ...), at its line",
          "msgfmt", found_by="health.load"),
    Check("catalog-header", "a byte-order mark, bytes that are not UTF-8, a charset other than UTF-8, "
          "a header field twice, a lone carriage return, a Plural-Forms gettext can't use (1-6 forms, a short "
          "expression of n)", "ours", found_by="health.load"),
    Check("header", "a Language that is not the folder's, or no sane Plural-Forms",
          "polib + Babel's plural table", found_by="health.load"),
    Check("duplicate-msgid", "the same msgid twice in a catalog (at the second one)", "msgfmt",
          found_by="health.load"),
    Check("templates", "no message templates to compare with (run make gettext)", "ours", found_by="runner"),
    Check("missing", "a message of the page's .pot that the .po lacks", "polib", found_by="sync"),
    Check("stale-entry", "an entry whose English is no longer in the sources", "polib", found_by="sync"),
    Check("stale-catalog", "a .po whose page (.pot) no longer exists", "ours", found_by="sync"),
    Check("untranslated", "an empty msgstr (the English shows, marked as not yet translated)", "polib",
          severity=WARNING, found_by="sync"),
    Check("fuzzy", "a translation of an older English text, with a word diff of what changed",
          "polib + difflib (editions.catalogs.diff)",
          severity=WARNING, found_by="sync"),  # the build shows the English: there is nothing to waive
    Check("obsolete", "entries (#~) kept for reference", "polib", severity=NOTE, found_by="sync"),
]
_AFTER = [
    Check("pending", "a termbase term waiting for the office's confirmation, with the entries that use it",
          "ours (termbase.tsv status column)", severity=NOTE, found_by="runner"),
    Check("waiver", "a waiver naming an unknown check or giving no reason; a note for one no longer needed",
          "ours", found_by="waivers"),
    Check("internal", "a check that failed on an entry (a bug in the checks: please report it)", "ours",
          found_by="runner"),
]
_CONTENT: dict[str, Check] = {}


def content_check(name: str, finds: str, source: str, *, order: int, waivable: bool = False,
                  languages: tuple[str, ...] = (), catalogs: str | None = None,
                  needs_termbase: bool = False, alone: bool = False,
                  ) -> Callable[[Callable[[Message], Problem | None]], Callable[[Message], Problem | None]]:
    """Registers the decorated function as the content check *name* (see Check)."""
    def register(find: Callable[[Message], Problem | None]) -> Callable[[Message], Problem | None]:
        add(Check(name, finds, source, waivable, find=find, languages=languages, catalogs=catalogs,
                  needs_termbase=needs_termbase, alone=alone, order=order))
        return find
    return register


def add(check: Check) -> None:
    if check.name in _CONTENT or any(check.name == c.name for c in _BEFORE + _AFTER):
        raise ValueError(f"a check named {check.name} is registered already")
    global _ordered
    _CONTENT[check.name] = check
    _by_name.clear()
    _ordered = None


def remove(name: str) -> None:
    global _ordered
    del _CONTENT[name]
    _by_name.clear()
    _ordered = None


def _load() -> None:
    """Imports every module of this package, so that each registers its checks (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in pkgutil.iter_modules(importlib.import_module(__package__).__path__):
        if module.name != "__main__":
            importlib.import_module(f"{__package__}.{module.name}")


_loaded = False


def content_checks() -> tuple[Check, ...]:
    """The content checks, in the order they run (sorted once, not for every message)."""
    global _ordered
    _load()
    if _ordered is None:
        _ordered = tuple(sorted(_CONTENT.values(), key=lambda check: check.order))
    return _ordered


_ordered: tuple[Check, ...] | None = None  # content_checks(), made again after add() and remove()


_by_name: dict[str, Check] = {}  # every check, made on first use (each finding asks its severity)


class _Checks(Mapping[str, Check]):
    """Every check by name, in the table's order (the package's modules are read on first use)."""

    def _all(self) -> dict[str, Check]:
        if not _by_name:
            _by_name.update((check.name, check) for check in [*_BEFORE, *content_checks(), *_AFTER])
        return _by_name

    def __getitem__(self, name: str) -> Check:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


CHECKS: Mapping[str, Check] = _Checks()

TABLE_HEAD = "| check | finds | by | runs on | severity | waivable |\n| --- | --- | --- | --- | --- | --- |\n"


def table() -> str:
    """The README's table of the checks (``python -m editions check --list-checks``)."""
    return TABLE_HEAD + "".join(f"| `{c.name}` | {c.finds} | {c.source} | {c.where()} | {c.severity} | "
                                f"{'yes' if c.waivable else 'no'} |\n" for c in CHECKS.values())
