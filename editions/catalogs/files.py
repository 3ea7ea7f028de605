"""Catalog files: are they what they claim to be, and can they be read?

GNU msgfmt is the judge of syntax: Babel and polib both accept an unterminated
string and silently drop its last character (and a tool that rewrites the
catalog would then write the damage back).  Before msgfmt, the bytes
themselves: a byte-order mark, bytes that are not UTF-8, or a header that
declares another charset (or two of them: msgfmt takes the first, Babel the
last) are named for what they are.  polib reads what passed.

Every problem is a :class:`CatalogError` naming the file, the line and the fix;
``CatalogError.report()`` is the one way it is printed, in the build, in
``make check`` and in ``make update-po``.
"""

from __future__ import annotations

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

#: Largest catalog we read: a page's catalog is a few kB; this leaves room for
#: books, not for a file made to exhaust the build.
MAX_CATALOG_BYTES = 4 * 1024 * 1024
#: ... and lines: a catalog parser takes tens of microseconds a line, so 4 MB of one-
#: character lines kept the build and make check busy for over a minute.
MAX_CATALOG_LINES = 50_000

_UTF8 = ("utf-8", "utf8")
_MSGFMT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<problem>.+)$", re.MULTILINE)
_HEADER_FIELD = re.compile(r'^"(?P<name>[A-Za-z][\w-]*):')
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
    if (lines := raw.count(b"\n")) > MAX_CATALOG_LINES:
        return [CatalogError(path, MAX_CATALOG_LINES + 1, f"has {lines:,} lines; a catalog may have at most "
                             f"{MAX_CATALOG_LINES:,}", "split or shorten it (a long string need not be "
                             "broken into many short lines)", FILE)]
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


#: What Python's str.splitlines (and so polib) breaks lines at, but GNU gettext doesn't:
#: the two would read different entries out of one file.
_ODD_LINE_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def header_problems(path: Path, text: str) -> list[CatalogError]:
    """The header entry: one Content-Type, saying UTF-8; no field twice."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith('msgid ""')), None)
    if start is None:
        return []
    fields: dict[str, list[int]] = {}
    for number in range(start + 1, len(lines)):
        line = lines[number].strip()
        if not line:
            break
        if match := _HEADER_FIELD.match(line):
            fields.setdefault(match["name"].lower(), []).append(number + 1)
    problems = [
        CatalogError(path, numbers[1], f"the header has {name.title()} {len(numbers)} times "
                     f"(lines {', '.join(map(str, numbers))}); tools disagree on which one counts",
                     "keep one of them", HEADER)
        for name, numbers in fields.items() if len(numbers) > 1
    ]
    content_types = fields.get("content-type", [])
    if not content_types:
        problems.append(CatalogError(path, start + 1, "the header has no Content-Type",
                                     'add "Content-Type: text/plain; charset=UTF-8\\n"', HEADER))
    for number in content_types:
        charset = _CHARSET.search(lines[number - 1])
        found = charset.group(1) if charset else "none"
        if found.lower() not in _UTF8:
            problems.append(CatalogError(path, number, f"the header declares charset {found}",
                                         'write "Content-Type: text/plain; charset=UTF-8\\n" '
                                         "and save the file as UTF-8", HEADER))
    return problems


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
    return [CatalogError(path, m.line, m.problem, advice(m.problem)) for m in messages]


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
