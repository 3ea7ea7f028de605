"""The gate: what stops an edition, decided once for the build and ``make dist``.

The build's catalog guard (``editions.sphinxext.catalog_guard``) asks before
Sphinx reads a catalog; ``make dist`` asks before it builds, so that the site
it packs holds only the editions that may be published, and links only those.
Both ask the checks of ``make check`` (``runner``), on the catalogs alone:
without the templates of ``make gettext``, what a catalog lacks shows in the
source language, marked, and is ``make check``'s to report.

A language's catalogs are checked once for all its editions: the HTML and PDF of
``zh_CN`` and of ``en-zh_CN`` ask the same question of the same files.  With a
*cache* folder (the build's, ``_build/doctrees/gate-cache/``), the answer on each
catalog is kept (``kept``) under the hash of everything it depends on, so a
changed catalog is checked again and only that one; editions built side by side
take a lock, so the second waits for the first's answers instead of computing
them again.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from pathlib import Path

from ..catalogs.markup import MessageParser
from ..inputs import entries, tree_hash
from .kept import KeptAnswers
from .report import Finding
from .runner import CatalogResult, LanguageResult, Options, check_language

#: The code an answer depends on: the checks and what they import.
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = [_PACKAGE / "checks", _PACKAGE / "catalogs", *sorted(_PACKAGE.glob("*.py"))]


def check(language: str, locale_dir: Path, conf_py: Path, strict: bool = False,
          cache: Path | None = None) -> LanguageResult:
    """Every finding on *language*'s catalogs; *strict* (a release): warnings are errors."""
    if cache is None:
        return _check(language, locale_dir, conf_py, strict)
    shared = _shared_key(language, locale_dir, conf_py)
    if shared is None:  # a name the hash cannot see (not plain): the checks refuse it; never kept
        return _check(language, locale_dir, conf_py, strict)
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / f"gate-{language}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = KeptAnswers(cache / language, shared)
        result = _check(language, locale_dir, conf_py, strict, kept)
        kept.forget_the_rest()
        return result


def code_key() -> str:
    """The hash of what judges a catalog: the checks' code, and msgfmt (which, where)."""
    refused: list[Path] = []
    msgfmt = shutil.which("msgfmt")
    try:
        tool = f"{msgfmt} {os.stat(msgfmt).st_size} {os.stat(msgfmt).st_mtime_ns}" if msgfmt else "no msgfmt"
    except OSError:
        tool = "msgfmt unreadable"
    return hashlib.sha256(f"{tree_hash(_CODE, refused)}\0{tool}".encode()).hexdigest()


def _shared_key(language: str, locale_dir: Path, conf_py: Path) -> str | None:
    """The hash of what the checks of every catalog of *language* read: conf.py, the checks'
    code and msgfmt, and the language's folder but its catalogs (termbase, style guide, ...).  None
    when a name there is not plain.  Strictness is not in it: it applies to the findings
    of the whole language, after (``runner.check_language``)."""
    refused: list[Path] = []
    folder = locale_dir / language
    if not folder.is_dir() or folder.is_symlink():
        return None
    catalogs = folder / "LC_MESSAGES"
    # every name is walked (a name not plain is refused), the files outside LC_MESSAGES hashed
    shared = [path for path in entries(folder, refused)
              if catalogs not in (path, *path.parents) and not (path.is_dir() and not path.is_symlink())]
    key = "\0".join([language, tree_hash([conf_py], refused), code_key(), tree_hash(shared, refused)])
    return None if refused else hashlib.sha256(key.encode()).hexdigest()


def _check(language: str, locale_dir: Path, conf_py: Path, strict: bool,
           kept: KeptAnswers[CatalogResult] | None = None) -> LanguageResult:
    options = Options(languages=[language], locale_dir=locale_dir, pot_dir=None, conf_py=conf_py,
                      jobs=1, strict=strict)
    parser = MessageParser(conf_py if conf_py.is_file() else None)
    return check_language(language, options, parser, templates_ok=False, kept=kept)


def errors(result: LanguageResult) -> list[Finding]:
    return [f for f in result.findings if f.is_error]


def warnings_summary(result: LanguageResult) -> str:
    """One line: what the edition shows in the source language, and where to fix it."""
    warnings = [f for f in result.findings if f.is_warning]
    if not warnings:
        return ""
    kinds = {check: sum(1 for f in warnings if f.check == check) for check in ("fuzzy", "untranslated")}
    said = " and ".join(f"{n} {check}" for check, n in kinds.items() if n)
    where = ", ".join(f"{Path(f.file).name}:{f.line}" for f in warnings[:3])
    more = f" and {len(warnings) - 3} more" if len(warnings) > 3 else ""
    counts = result.counts
    whole = " (nothing is translated yet)" if counts.total and not counts.translated else ""
    plural = "message" if len(warnings) == 1 else "messages"
    return f"{said} {plural} shown in the source language{whole}: {where}{more}"
