"""Catalog files: are they what they claim to be, and can they be read?

GNU msgfmt is the judge of syntax: Babel and polib both accept an unterminated
string and silently drop its last character (and a tool that rewrites the
catalog would then write the damage back).  Before msgfmt, the bytes
themselves: a byte-order mark, bytes that are not UTF-8, a lone carriage
return, or a header that declares another charset (or two of them: msgfmt
takes the first, Babel the last) or a Plural-Forms gettext can't use are named
for what they are.  polib reads what passed.  Sizes are bounded before any of it
(a catalog's bytes, lines and '[', a language folder's files and bytes): what a
contributor controls never costs the build more than a few seconds.

Every problem is a :class:`CatalogError` naming the file, the line and the fix;
``CatalogError.report()`` is the one way it is printed, in the build, in
``make check`` and in ``make update-po``.
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import stat
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import polib

from ..inputs import NOT_PLAIN, RENAME, as_printed, is_plain

SYNTAX, HEADER, FILE = "catalog-syntax", "catalog-header", "catalog-file"

#: Largest catalog we read: a page's catalog is a few kB, a book's chapter a few
#: hundred; MyST takes up to 5 µs a character of markup (``_a*`` repeated), so
#: 4 MB of it kept the build and make check busy for minutes.
MAX_CATALOG_BYTES = 1024 * 1024
#: ... and lines: a catalog parser takes tens of microseconds a line, so 4 MB of one-
#: character lines kept the build and make check busy for over a minute.
MAX_CATALOG_LINES = 50_000
#: ... and "[": MyST looks for a link's "]" at every one (up to 20 µs each); a page
#: has a few dozen links, not tens of thousands.
MAX_CATALOG_BRACKETS = 5_000
#: A language's folder (locales/<lang>/): every catalog is read, parsed and checked.
MAX_LANGUAGE_FILES = 500
MAX_LANGUAGE_BYTES = 8 * 1024 * 1024
#: Plural-Forms: no language has more than 6 forms (Arabic); Babel and gettext
#: evaluate the expression for every count, and make nplurals lists per entry.
MAX_PLURALS = 6
MAX_PLURAL_EXPRESSION = 200

_UTF8 = ("utf-8", "utf8")
_MSGFMT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<problem>.+)$", re.MULTILINE)
_CHARSET = re.compile(r"charset\s*=\s*([^\s;\\\"]+)", re.IGNORECASE)


class CatalogError(Exception):
    """A catalog that cannot be used, with the place to fix and what to do."""

    def __init__(self, path: Path, line: int, problem: str, advice: str, check: str = SYNTAX) -> None:
        self.path, self.line, self.problem, self.advice, self.check = Path(path), line, problem, advice, check
        super().__init__(self.report())

    def report(self) -> str:
        return f"{display_path(self.path)}:{self.line}: [{self.check}] {self.problem}; {self.advice}"


def display_path(path: Path | str) -> str:
    """A path as the user typed it: relative to the working directory if inside it."""
    try:
        return str(Path(path).absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# -- The files themselves ------------------------------------------------------------------

def non_regular_files(folder: Path) -> list[CatalogError]:
    """Everything under *folder* that is not a plain folder or a regular file, or whose
    name is not plain.

    A symbolic link among the catalogs would make a tool that compiles or
    rewrites a catalog write wherever the link points; devices and fifos hang
    or leak.  ``lstat``: a link is judged as a link, never followed.  A name
    that is not plain (``editions.inputs.is_plain``: the Makefile's stamps use
    the same rule) is one finding, and nothing under it is read.
    """
    problems = []
    if folder.is_symlink():
        return [_not_regular(folder, "a symbolic link")]
    for top, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            path = Path(top, name)
            if not is_plain(name):
                problems.append(CatalogError(as_printed(path), 1, NOT_PLAIN, RENAME, FILE))
                continue
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                problems.append(_not_regular(path, "a symbolic link"))
            elif not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                problems.append(_not_regular(path, "not a regular file"))
        folders[:] = [name for name in folders if is_plain(name)]
    return problems


def _not_regular(path: Path, what: str) -> CatalogError:
    return CatalogError(path, 1, f"is {what}; catalogs and their folders must be regular files in the tree",
                        "replace it by the file itself, or remove it (git rm)", FILE)


def language_catalogs(locale_dir: Path, language: str) -> list[Path]:
    return sorted((locale_dir / language / "LC_MESSAGES").rglob("*.po"))


# -- Bytes and header ------------------------------------------------------------------------

def text_problems(path: Path, raw: bytes) -> list[CatalogError]:
    """What makes the bytes of a catalog unusable before any parser sees them."""
    if len(raw) > MAX_CATALOG_BYTES:
        return [CatalogError(path, 1, f"is {len(raw) / 1024 / 1024:.1f} MB; a catalog may be at most "
                             f"{MAX_CATALOG_BYTES // 1024 // 1024} MB", "split or shorten it", FILE)]
    # A line ends at \n, \r\n or a lone \r (which Python's parsers break at too).
    lone_cr = _LONE_CR.search(raw)
    if (lines := raw.count(b"\n") + len(_LONE_CR.findall(raw))) > MAX_CATALOG_LINES:
        return [CatalogError(path, MAX_CATALOG_LINES + 1, f"has {lines:,} lines; a catalog may have at most "
                             f"{MAX_CATALOG_LINES:,}", "split or shorten it (a long string need not be "
                             "broken into many short lines)", FILE)]
    if lone_cr:
        # GNU gettext reads a lone CR (old Mac line ends) as part of the line, Python as a break.
        line = raw.count(b"\n", 0, lone_cr.start()) + 1
        return [CatalogError(path, line, "the file has a carriage return (CR) without a line feed on this "
                             "line; catalog tools disagree on where its lines end",
                             "save it with Unix (LF) or Windows (CRLF) line endings", HEADER)]
    if (brackets := raw.count(b"[")) > MAX_CATALOG_BRACKETS:
        line = raw.count(b"\n", 0, _nth(raw, b"[", MAX_CATALOG_BRACKETS + 1)) + 1
        return [CatalogError(path, line, f"has {brackets:,} '[' (links, images, footnotes); a catalog may have "
                             f"at most {MAX_CATALOG_BRACKETS:,}", "split it, or remove the brackets "
                             "that are not the English's", FILE)]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [CatalogError(path, 1, "the file starts with a byte-order mark (BOM)",
                             "save it as UTF-8 without BOM (most editors call it 'UTF-8', not 'UTF-8 with BOM')",
                             HEADER)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [CatalogError(path, line, f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} on this line)",
                             'save it as UTF-8 and keep "Content-Type: text/plain; charset=UTF-8"', HEADER)]
    return [CatalogError(path, text.count("\n", 0, match.start()) + 1,
                         f"the file has a {character_name(match[0])} "
                         f"(U+{ord(match[0]):04X}) on this line, which some catalog tools read as a line break "
                         "and others as text", "delete it (a line break in a translation is written \\n)", HEADER)
            for match in _ODD_LINE_BREAKS.finditer(text)][:10]


_CONTROL_NAMES = {"\v": "LINE TABULATION", "\f": "FORM FEED", "\x1c": "FILE SEPARATOR",
                  "\x1d": "GROUP SEPARATOR", "\x1e": "RECORD SEPARATOR", "\x85": "NEXT LINE"}


def character_name(char: str) -> str:
    """Unicode's name of *char*, or the control character's usual one (Unicode gives none)."""
    return _CONTROL_NAMES.get(char) or unicodedata.name(char, "CONTROL CHARACTER")


_LONE_CR = re.compile(rb"\r(?!\n)")


def _nth(raw: bytes, byte: bytes, n: int) -> int:
    """The offset of the *n*-th *byte* in *raw* (there are at least *n*)."""
    offset = -1
    for _ in range(n):
        offset = raw.index(byte, offset + 1)
    return offset


#: What Python's str.splitlines (and so polib) breaks lines at, but GNU gettext doesn't:
#: the two would read different entries out of one file.
_ODD_LINE_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def header_problems(path: Path, text: str) -> list[CatalogError]:
    """The header entry: one Content-Type, saying UTF-8; a Plural-Forms that gettext
    and Babel can use; no field twice."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith('msgid ""')), None)
    if start is None:
        return []
    fields: dict[str, list[tuple[str, int]]] = {}
    for name, value, number in header_fields(lines, start):
        fields.setdefault(name, []).append((value, number))
    problems = [
        CatalogError(path, found[1][1], f"the header has {name.title()} {len(found)} times "
                     f"(lines {', '.join(str(number) for _, number in found)}); tools disagree on which "
                     "one counts", "keep one of them", HEADER)
        for name, found in fields.items() if len(found) > 1
    ]
    content_types = fields.get("content-type", [])
    if not content_types:
        problems.append(CatalogError(path, start + 1, "the header has no Content-Type",
                                     'add "Content-Type: text/plain; charset=UTF-8\\n"', HEADER))
    for value, number in content_types:
        # every charset=, in any case: msgfmt takes the first, Babel the last
        charsets = _CHARSET.findall(value) or ["none"]
        if other := next((c for c in charsets if c.lower() not in _UTF8), None):
            problems.append(CatalogError(path, number, f"the header declares charset {other}",
                                         'write "Content-Type: text/plain; charset=UTF-8\\n" '
                                         "and save the file as UTF-8", HEADER))
    for value, number in fields.get("plural-forms", []):
        if problem := plural_forms_problem(value):
            problems.append(CatalogError(path, number, problem, 'write "Plural-Forms: nplurals=1; plural=0;\\n" '
                                         "(Chinese, Japanese, Korean; nplurals=2; plural=(n != 1); for "
                                         "English, German...)", HEADER))
    return problems


_STRING = re.compile(r'(?:msgstr\s*)?"(.*)"')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


def header_fields(lines: list[str], start: int) -> list[tuple[str, str, int]]:
    """(name in lower case, value, line) of each field of the header entry whose
    ``msgid ""`` is *lines[start]*: its strings joined and split at \\n, as tools read it
    (a field may go on over several lines)."""
    fields = []
    pending, first = "", start + 1

    def add(field: str, number: int) -> None:
        name, colon, value = field.partition(":")
        if colon and re.fullmatch(r"[A-Za-z][\w-]*", name.strip()):
            fields.append((name.strip().lower(), value.strip(), number))

    for number in range(start + 1, len(lines)):
        string = _STRING.fullmatch(lines[number].strip())
        if string is None:
            break
        if not pending:
            first = number + 1
        pending += _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), string[1])
        *complete, pending = pending.split("\n")
        for field in complete:
            add(field, first)
            first = number + 1  # the next field starts on this line
    if pending:
        add(pending, first)
    return fields


_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]*?)\s*;?")
#: What a plural expression is made of (gettext's C subset): n, numbers, operators.
_PLURAL_EXPRESSION = re.compile(r"[n\d\s()?:!=<>&|%+*/-]+")


def plural_forms_problem(value: str) -> str | None:
    """Why Plural-Forms *value* can't be used (None: it can).  Sphinx drops a catalog whose
    expression gettext can't read, and publishes the English; Babel makes a list of
    nplurals strings for every plural entry (nplurals=20000000 took 9 GB)."""
    match = _PLURAL_FORMS.fullmatch(value.strip())
    if match is None:
        return f"Plural-Forms {value[:60]!r} cannot be read (nplurals=N; plural=EXPRESSION;)"
    nplurals, expression = int(match[1][:9]), match[2]
    if not 1 <= nplurals <= MAX_PLURALS:
        return f"Plural-Forms says nplurals={match[1][:20]}; a language has 1 to {MAX_PLURALS} plural forms"
    if len(expression) > MAX_PLURAL_EXPRESSION or not _PLURAL_EXPRESSION.fullmatch(expression):
        return (f"the plural expression {expression[:60]!r} is not a short C expression of n "
                f"(n, numbers and operators, at most {MAX_PLURAL_EXPRESSION} characters)")
    try:
        gettext.c2py(expression)  # what Python's gettext (and so Sphinx) runs
    except (ValueError, SyntaxError, RecursionError):
        return f"the plural expression {expression!r} is not valid"
    return None


# -- The language's folder -------------------------------------------------------------------

def folder_problems(folder: Path) -> list[CatalogError]:
    """A language's folder (locales/<lang>/) with too many files or bytes to check in a
    build: every catalog is read, run through msgfmt and parsed.  Counted with ``lstat``
    and given up at the first bound passed (the count itself stays bounded)."""
    files, size = 0, 0
    for top, _folders, names in os.walk(folder, followlinks=False):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(top, name)).st_size
            if files > MAX_LANGUAGE_FILES:
                return [CatalogError(folder, 1, f"has more than {MAX_LANGUAGE_FILES} files; a language may "
                                     f"have at most {MAX_LANGUAGE_FILES}", "merge catalogs, or remove the "
                                     "files that are not catalogs", FILE)]
    if size > MAX_LANGUAGE_BYTES:
        return [CatalogError(folder, 1, f"holds {size / 1024 / 1024:.1f} MB; a language may hold at most "
                             f"{MAX_LANGUAGE_BYTES // 1024 // 1024} MB", "shorten or remove catalogs "
                             "(a page's catalog is a few kB)", FILE)]
    return []


# -- GNU msgfmt -------------------------------------------------------------------------------

@dataclass(frozen=True)
class MsgfmtMessage:
    line: int
    problem: str

    @property
    def is_duplicate(self) -> bool:
        return "duplicate message definition" in self.problem

    @property
    def is_first_definition(self) -> bool:
        return "this is the location of the first definition" in self.problem

    @property
    def is_format(self) -> bool:
        return any(word in self.problem for word in ("format specification", "format string", "directive"))

    @property
    def is_fatal(self) -> bool:
        """Syntax: nothing after it can be trusted (duplicates and formats are per entry)."""
        return not (self.is_duplicate or self.is_first_definition or self.is_format)


def msgfmt_messages(path: Path) -> list[MsgfmtMessage]:
    """Every problem ``msgfmt --check-format`` has with the catalog, at the right line."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise CatalogError(path, 1, "cannot check the catalog: GNU msgfmt is not installed",
                           "install the Debian package gettext (`make` does it for you)")
    result = subprocess.run([msgfmt, "--check-format", "-o", os.devnull, str(path)],
                            capture_output=True, text=True, errors="replace")
    if result.returncode == 0:
        return []
    messages = []
    for match in _MSGFMT_LINE.finditer(result.stderr):
        line, problem = int(match["line"]), match["problem"].strip()
        if "end-of-line within string" in problem:
            line -= 1  # msgfmt names the line after the broken one
        messages.append(MsgfmtMessage(line, problem))
    if not messages:
        lines = result.stderr.strip().splitlines() or ["msgfmt refused the catalog"]
        messages.append(MsgfmtMessage(1, lines[-1]))
    return messages


def advice(problem: str) -> str:
    if "within string" in problem or "syntax error" in problem:
        return ('close the string on that line: each msgid/msgstr line is one "double-quoted" '
                'string, with inner quotes written \\"')
    if "format" in problem or "directive" in problem:
        return "keep the placeholders (%s, %(name)s, {name}) of the msgid in the msgstr"
    if "duplicate message definition" in problem:
        return "merge the two entries into one"
    if "charset" in problem or "header" in problem:
        return 'the header must say "Content-Type: text/plain; charset=UTF-8"'
    return "fix the entry on that line (msgfmt --check-format shows the same error)"


# -- Reading -------------------------------------------------------------------------------------

def catalog_problems(path: Path) -> list[CatalogError]:
    """Why the catalog at *path* cannot be used, file problems first; [] if it can."""
    if path.is_symlink() or not path.is_file():
        return [_not_regular(path, "a symbolic link" if path.is_symlink() else "not a regular file")]
    raw = path.read_bytes()
    if problems := text_problems(path, raw):
        return problems
    if problems := header_problems(path, raw.decode("utf-8")):
        return problems
    try:
        messages = msgfmt_messages(path)
    except CatalogError as error:  # msgfmt is not installed
        return [error]
    problems = [CatalogError(path, m.line, m.problem, advice(m.problem)) for m in messages[:MAX_REPORTED]]
    if len(messages) > MAX_REPORTED:  # 16,000 duplicates are one fix to make, not 32,000 lines
        more = messages[MAX_REPORTED]
        problems.append(CatalogError(path, more.line, f"and {len(messages) - MAX_REPORTED:,} more problems msgfmt "
                                     "has with this catalog", "fix the ones above first (make check lists "
                                     "them all)"))
    return problems


#: msgfmt's problems the build names per catalog (make check names every one).
MAX_REPORTED = 20


def read_catalog(path: Path) -> polib.POFile:
    """Parse a catalog that passes every check above; CatalogError otherwise."""
    if problems := catalog_problems(path):
        raise problems[0]
    return parse(path, path.read_text(encoding="utf-8"))


def parse(path: Path, text: str) -> polib.POFile:
    """polib's parse of *text*, its errors as CatalogError."""
    try:
        return polib.pofile(text)
    except (OSError, ValueError) as exc:
        message = str(exc)
        match = re.search(r"line (\d+)", message)
        problem = re.sub(r"\(?line \d+\)?", "", message).strip(" :") or "syntax error"
        raise CatalogError(path, int(match.group(1)) if match else 1, problem, advice("syntax error")) from None
