"""Can the catalog be used at all?  Files, bytes, syntax (GNU msgfmt), duplicates, header.

The rules are the build's own (``editions.catalogs.files``): a symbolic link,
a byte-order mark, bytes that are not UTF-8, a second Content-Type or a
charset other than UTF-8 stop the build, and are reported here for what they
are.  A catalog that msgfmt rejects for its syntax is reported at the line
msgfmt names and not read further; duplicates and placeholder errors (which
msgfmt also rejects) are reported per entry and the other checks still run.
"""

from __future__ import annotations

import bisect
import gettext
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polib

from ..catalogs.files import (
    CatalogError,
    advice,
    catalog_problems,
    display_path,
    header_problems,
    msgfmt_messages,
    parse,
    text_problems,
)
from .report import Finding


@dataclass
class Catalog:
    """One .po file, read (``po``) if it could be, and what was found on the way."""

    path: Path
    language: str
    display: str
    po: polib.POFile | None = None
    findings: list[Finding] = field(default_factory=list)
    # entry line -> problems msgfmt has with its placeholders (the build refuses the file)
    format_errors: dict[int, list[str]] = field(default_factory=dict)
    text: str = ""

    @property
    def is_interface(self) -> bool:
        """sphinx.po holds the site's interface strings and conf.py values, not MyST."""
        return self.path.name == "sphinx.po"

    def entry_line(self, line: int) -> int:
        """The line where the entry holding *line* starts (polib's ``linenum``)."""
        # A search, not a scan: msgfmt names every duplicate (16,000 of them took minutes).
        index = bisect.bisect_right(self._entry_lines, line)
        return self._entry_lines[index - 1] if index else 1

    @cached_property
    def _entry_lines(self) -> list[int]:
        return sorted(entry.linenum for entry in self.po) if self.po is not None else []


def _finding(error: CatalogError) -> Finding:
    return Finding(display_path(error.path), error.line, error.check, error.problem, error.advice)


def load(path: Path, language: str) -> Catalog:
    catalog = Catalog(path=path, language=language, display=display_path(path))
    if path.is_symlink() or not path.is_file():
        catalog.findings += [_finding(p) for p in catalog_problems(path)]
        return catalog
    try:
        raw = path.read_bytes()
    except OSError as exc:
        catalog.findings.append(Finding(
            catalog.display, 1, "catalog-file", f"cannot read the catalog ({exc.strerror})",
            "check that the file exists and can be read"))
        return catalog
    # Bytes or a header that tools read differently: no entry can be trusted.
    problems = text_problems(path, raw) or header_problems(path, raw.decode("utf-8"))
    if problems:
        catalog.findings += [_finding(p) for p in problems]
        return catalog
    catalog.text = raw.decode("utf-8")
    try:
        messages = msgfmt_messages(path)
    except CatalogError as error:  # msgfmt is not installed
        catalog.findings.append(_finding(error))
        return catalog
    fatal = [m for m in messages if m.is_fatal]
    if fatal:
        catalog.findings += [Finding(catalog.display, m.line, "catalog-syntax", m.problem, advice(m.problem))
                             for m in fatal]
        return catalog
    try:
        catalog.po = parse(path, catalog.text)
    except CatalogError as error:
        catalog.findings.append(_finding(error))
        return catalog
    firsts = [m.line for m in messages if m.is_first_definition]
    duplicates = [m.line for m in messages if m.is_duplicate]
    by_line = {e.linenum: e for e in catalog.po}
    for index, line in enumerate(duplicates):
        entry_line = catalog.entry_line(line)
        entry = by_line.get(entry_line)
        first = catalog.entry_line(firsts[index]) if index < len(firsts) else None
        catalog.findings.append(Finding(
            catalog.display, entry_line, "duplicate-msgid",
            "this msgid is already in the catalog" + (f" (line {first})" if first else ""),
            "merge the two entries into one and delete this one (msgfmt refuses the catalog)",
            entry.msgid if entry else None))
    for message in messages:
        if message.is_format:
            catalog.format_errors.setdefault(catalog.entry_line(message.line), []).append(message.problem)
    catalog.findings.extend(header_findings(catalog))
    return catalog


# -- Header ------------------------------------------------------------------------------

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


def expected_plural_forms(language: str) -> tuple[int, str] | None:
    try:
        from babel.messages.plurals import get_plural

        plural = get_plural(language)
    except Exception:  # noqa: BLE001 - unknown to Babel: only the syntax is checked
        return None
    return plural.num_plurals, plural.plural_expr


def _header_line(text: str, name: str) -> int:
    prefix = f'"{name}:'
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(prefix):
            return number
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith('msgid ""'):
            return number
    return 1


def header_findings(catalog: Catalog) -> list[Finding]:
    assert catalog.po is not None
    meta = catalog.po.metadata
    found = []

    def report(name: str, message: str, advice: str) -> None:
        found.append(Finding(catalog.display, _header_line(catalog.text, name), "header", message, advice))

    language = meta.get("Language", "")
    if language.replace("-", "_") != catalog.language:
        report("Language", f"Language is {language!r} but the catalog is in locales/{catalog.language}/",
               f'write "Language: {catalog.language}\\n" in the header')
    plural_forms = meta.get("Plural-Forms", "")
    match = _PLURAL_FORMS.match(plural_forms)
    expected = expected_plural_forms(catalog.language)
    want = f"nplurals={expected[0]}; plural={expected[1]};" if expected else "nplurals=N; plural=EXPRESSION;"
    advice = f'write "Plural-Forms: {want}\\n" in the header'
    if not plural_forms:
        report("Plural-Forms", "the header has no Plural-Forms", advice)
    elif not match:
        report("Plural-Forms", f"Plural-Forms {plural_forms!r} cannot be read", advice)
    else:
        nplurals, expression = int(match.group(1)), match.group(2).strip()
        try:
            gettext.c2py(expression)
            valid = True
        except (ValueError, SyntaxError, RecursionError):
            valid = False
        if not valid:
            report("Plural-Forms", f"plural expression {expression!r} is not valid", advice)
        elif expected and nplurals != expected[0]:
            report("Plural-Forms", f"nplurals={nplurals}, but {catalog.language} has {expected[0]} "
                   f"plural form{'s' if expected[0] != 1 else ''}", advice)
        elif expected and expected[0] == 1 and expression != "0":
            report("Plural-Forms", f"plural={expression} for a language with one form", advice)
    return found
