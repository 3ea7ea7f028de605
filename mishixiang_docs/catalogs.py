"""Reading the translation catalogs: parsing, counting, locating entries.

GNU msgfmt is the judge of syntax: Babel and polib both accept an unterminated
string and silently drop its last character (and a tool that rewrites the
catalog would then write the damage back).  polib reads what msgfmt accepted.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import polib


class CatalogError(Exception):
    """A catalog that cannot be read, with the place to fix."""

    def __init__(self, path: Path, line: int, problem: str, advice: str) -> None:
        self.path, self.line, self.problem, self.advice = path, line, problem, advice
        super().__init__(f"{path}:{line}: {problem}; {advice}")


#: Line width of every catalog we write (sphinx-intl's and Babel's default too).
LINE_WIDTH = 76

_POLIB_LINE = re.compile(r"line (\d+)")


_MSGFMT_ERROR = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<problem>.+)$", re.MULTILINE)


def check_syntax(path: Path) -> None:
    """Raise CatalogError at the first line GNU msgfmt rejects."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise CatalogError(
            path, 1, "cannot check the catalog: GNU msgfmt is not installed",
            "install the Debian package gettext (`make` does it for you)",
        )
    result = subprocess.run(
        [msgfmt, "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True, text=True, errors="replace",
    )
    if result.returncode == 0:
        return
    match = _MSGFMT_ERROR.search(result.stderr)
    line = int(match["line"]) if match else 1
    problem = match["problem"] if match else result.stderr.strip().splitlines()[-1]
    if "end-of-line within string" in problem:
        line -= 1  # msgfmt counts the line where it noticed, the one after
    raise CatalogError(path, line, problem, _advice(problem))


def _advice(problem: str) -> str:
    if "within string" in problem or "syntax error" in problem:
        return ('close the string on that line: each msgid/msgstr line is one "double-quoted" '
                'string, with inner quotes written \\"')
    if "format specification" in problem or "format" in problem:
        return "keep the placeholders (%s, %(name)s, {name}) of the msgid in the msgstr"
    if "duplicate message definition" in problem:
        return "merge the two entries into one"
    if "charset" in problem or "header" in problem:
        return 'the header must say "Content-Type: text/plain; charset=UTF-8"'
    return "fix the entry on that line (msgfmt --check-format shows the same error)"


def read_catalog(path: Path) -> polib.POFile:
    """Parse a .po file that msgfmt accepts, turning errors into a CatalogError."""
    check_syntax(path)
    try:
        return polib.pofile(str(path), wrapwidth=LINE_WIDTH)
    except UnicodeDecodeError as exc:
        raise CatalogError(
            path, 1, f"not valid UTF-8 ({exc.reason})",
            'save the file as UTF-8 and keep "Content-Type: text/plain; charset=UTF-8"',
        ) from None
    except (OSError, ValueError) as exc:
        text = str(exc)
        match = _POLIB_LINE.search(text)
        line = int(match.group(1)) if match else 1
        problem = _POLIB_LINE.sub("", text).replace("()", "").strip(" :")
        raise CatalogError(
            path, line, problem or "syntax error",
            "fix the quoting on that line (every msgid/msgstr line is one "
            '"double-quoted" string, inner quotes written \\")',
        ) from None


@dataclass(frozen=True)
class CatalogCounts:
    path: Path
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def count_catalog(path: Path) -> CatalogCounts:
    """Count entries the way a translator means it: fuzzy is *not* translated."""
    return count_entries(read_catalog(path), path)


def count_entries(po: polib.POFile, path: Path) -> CatalogCounts:
    """count_catalog's rule, for a catalog already read."""
    translated = fuzzy = untranslated = obsolete = 0
    for entry in po:
        if entry.obsolete:
            obsolete += 1
        elif "fuzzy" in entry.flags:
            fuzzy += 1
        elif entry.translated():
            translated += 1
        else:
            untranslated += 1
    return CatalogCounts(path, translated, fuzzy, untranslated, obsolete)


def language_catalogs(locale_dir: Path, language: str) -> list[Path]:
    return sorted((locale_dir / language / "LC_MESSAGES").rglob("*.po"))


def locale_paths(srcdir: Path | str, config: Any, pattern: str) -> list[Path]:
    """Files matching *pattern* in the edition language's folder of every
    ``locale_dirs`` entry (relative to the source folder, as Sphinx reads them)."""
    return [
        path
        for locale_dir in config.locale_dirs
        for path in sorted(Path(srcdir, locale_dir, config.language).glob(pattern))
    ]


@lru_cache(maxsize=64)
def _entry_lines(path: Path, mtime: float) -> dict[str, int]:
    try:
        po = read_catalog(path)
    except CatalogError:
        return {}
    return {entry.msgid: entry.linenum for entry in po if not entry.obsolete}


def find_entry(env: Any, msgid: str) -> str:
    """``<catalog>:<line>`` of *msgid* in the current page's catalog."""
    from sphinx.util.i18n import docname_to_domain

    config = env.config
    domain = docname_to_domain(env.current_document.docname, config.gettext_compact)
    for path in locale_paths(env.srcdir, config, f"LC_MESSAGES/{domain}.po"):
        line = _entry_lines(path, path.stat().st_mtime).get(msgid, 0)
        return f"{display_path(path)}:{line}"
    return f"{domain}.po"


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working directory if inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# -- Command line: python -m mishixiang_docs.catalogs {validate,stats} LANG... ----------

LOCALE_DIR = Path("locales")


def _catalogs(languages: list[str]) -> list[Path]:
    return [path for language in languages for path in language_catalogs(LOCALE_DIR, language)]


def validate(languages: list[str]) -> int:
    """Refuse to go on with a catalog that doesn't parse: a tool that rewrites it
    would write the damage back and lose the translator's text."""
    errors = 0
    for path in _catalogs(languages):
        try:
            read_catalog(path)
        except CatalogError as exc:
            print(f"{display_path(exc.path)}:{exc.line}: [catalog-syntax] {exc.problem}; {exc.advice}")
            errors += 1
    if errors:
        print(f"{errors} catalog(s) cannot be read; nothing was changed.")
    return 1 if errors else 0


def stats(languages: list[str]) -> int:
    header = f"{'catalog':<48} {'translated':>10} {'fuzzy':>6} {'untrans.':>8} {'obsolete':>8} {'done':>6}"
    failed = 0
    for language in languages:
        paths = language_catalogs(LOCALE_DIR, language)
        if not paths:
            print(f"{language}: no catalogs yet; run `make update-po LANGUAGES={language}`")
            continue
        print(header)
        rows = []
        for path in paths:
            try:
                rows.append(count_catalog(path))
            except CatalogError as exc:
                print(f"{display_path(exc.path)}:{exc.line}: [catalog-syntax] {exc.problem}; {exc.advice}")
                failed += 1
        for row in rows:
            print(f"{display_path(row.path):<48} {row.translated:>10} {row.fuzzy:>6} "
                  f"{row.untranslated:>8} {row.obsolete:>8} {row.percent:>5.1f}%")
        total = CatalogCounts(
            Path(f"{language} (all catalogs)"),
            sum(r.translated for r in rows), sum(r.fuzzy for r in rows),
            sum(r.untranslated for r in rows), sum(r.obsolete for r in rows),
        )
        print(f"{str(total.path):<48} {total.translated:>10} {total.fuzzy:>6} "
              f"{total.untranslated:>8} {total.obsolete:>8} {total.percent:>5.1f}%")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m mishixiang_docs.catalogs")
    parser.add_argument("command", choices=["validate", "stats"])
    parser.add_argument("languages", nargs="*", default=["zh_CN"])
    args = parser.parse_args(argv)
    return {"validate": validate, "stats": stats}[args.command](args.languages)


if __name__ == "__main__":
    raise SystemExit(main())
