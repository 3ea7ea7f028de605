"""Can the catalog be used at all?  Syntax (GNU msgfmt), duplicates, header.

msgfmt is the judge, as in the build (``catalog_guard``): Babel and polib both
accept an unterminated string and silently drop its last character.  A catalog
that msgfmt rejects for its syntax is reported at the line msgfmt names and
not read further; duplicates and placeholder errors (which msgfmt also
rejects) are reported per entry and the other checks still run.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..catalogs import _MSGFMT_ERROR, LINE_WIDTH, CatalogError, _advice, display_path, read_catalog
from .report import Finding

_FIRST_DEFINITION = "this is the location of the first definition"


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
        best = 1
        if self.po is not None:
            for entry in self.po:
                if entry.linenum <= line:
                    best = max(best, entry.linenum)
        return best


def _msgfmt_messages(path: Path) -> list[tuple[int, str]]:
    """Every (line, problem) that ``msgfmt --check-format`` reports."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    result = subprocess.run([msgfmt, "--check-format", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True, errors="replace")
    messages = []
    for match in _MSGFMT_ERROR.finditer(result.stderr):
        line, problem = int(match["line"]), match["problem"].strip()
        if "end-of-line within string" in problem:
            line -= 1  # msgfmt names the line after the broken one
        messages.append((line, problem))
    return messages


def _is_format_problem(problem: str) -> bool:
    return "format specification" in problem or "format string" in problem or "directive" in problem


def load(path: Path, language: str) -> Catalog:
    catalog = Catalog(path=path, language=language, display=display_path(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        catalog.findings.append(Finding(
            catalog.display, 1, "catalog-syntax", f"cannot read the catalog ({exc.strerror})",
            "check that the file exists and can be read"))
        return catalog
    try:
        catalog.po = read_catalog(path)
    except CatalogError as exc:
        if not _recover(catalog, exc, raw):
            return catalog
    catalog.text = raw.decode("utf-8", errors="replace")
    catalog.findings.extend(header_findings(catalog))
    return catalog


def _recover(catalog: Catalog, exc: CatalogError, raw: bytes) -> bool:
    """Report what msgfmt rejects; True if polib can still read the catalog
    (only duplicates or placeholder errors), so that the other checks run."""
    messages = _msgfmt_messages(catalog.path)
    if not messages:  # msgfmt missing, or an error it words differently
        catalog.findings.append(Finding(catalog.display, exc.line, "catalog-syntax", exc.problem, exc.advice))
        return False
    fatal = [(line, problem) for line, problem in messages
             if "duplicate message definition" not in problem
             and _FIRST_DEFINITION not in problem
             and not _is_format_problem(problem)]
    if fatal:
        for line, problem in fatal:
            catalog.findings.append(Finding(
                catalog.display, line, "catalog-syntax", problem, _syntax_advice(problem, raw)))
        return False
    try:
        catalog.po = polib.pofile(raw.decode("utf-8"), wrapwidth=LINE_WIDTH)
    except (UnicodeDecodeError, OSError, ValueError) as error:
        catalog.findings.append(Finding(
            catalog.display, exc.line, "catalog-syntax", f"cannot be read: {error}", exc.advice))
        return False
    firsts = [line for line, problem in messages if _FIRST_DEFINITION in problem]
    duplicates = [line for line, problem in messages if "duplicate message definition" in problem]
    for index, line in enumerate(duplicates):
        entry_line = catalog.entry_line(line)
        entry = next((e for e in catalog.po if e.linenum == entry_line), None)
        first = catalog.entry_line(firsts[index]) if index < len(firsts) else None
        catalog.findings.append(Finding(
            catalog.display, entry_line, "duplicate-msgid",
            "this msgid is already in the catalog" + (f" (line {first})" if first else ""),
            "merge the two entries into one and delete this one (msgfmt refuses the catalog)",
            entry.msgid if entry else None))
    for line, problem in messages:
        if _is_format_problem(problem):
            catalog.format_errors.setdefault(catalog.entry_line(line), []).append(problem)
    return True


def _syntax_advice(problem: str, raw: bytes) -> str:
    if "invalid multibyte sequence" in problem or "invalid" in problem and "charset" not in problem:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return ('save the file as UTF-8 (the header says "Content-Type: text/plain; '
                    'charset=UTF-8")')
    return _advice(problem)


# -- Header ------------------------------------------------------------------------------

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


def expected_plural_forms(language: str) -> tuple[int, str] | None:
    try:
        from babel.messages.plurals import get_plural

        plural = get_plural(language)
    except Exception:  # unknown to Babel: only the syntax is checked
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

    content_type = meta.get("Content-Type", "")
    charset = re.search(r"charset\s*=\s*([\w.-]+)", content_type)
    if not charset or charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        report("Content-Type", f"Content-Type is {content_type!r}, not UTF-8",
               'write "Content-Type: text/plain; charset=UTF-8\\n" in the header (and save the file as UTF-8)')
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
