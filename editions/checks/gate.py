"""The gate: what stops an edition, decided once for the build and ``make dist``.

The build's catalog guard (``editions.sphinxext.catalog_guard``) asks before
Sphinx reads a catalog; ``make dist`` asks before it builds, so that the site
it packs holds only the editions that may be published, and links only those.
Both ask the checks of ``make check`` (``runner``), on the catalogs alone:
without the templates of ``make gettext``, what a catalog lacks shows in the
source language, marked, and is ``make check``'s to report.

A language's catalogs are checked once for all its editions: the HTML and PDF of
``zh_CN`` and of ``en-zh_CN`` ask the same question of the same files.  With a
*cache* folder (the build's, ``_build/doctrees/gate-cache/``), the answer is kept under the hash
of everything it depends on (the language's folder, names and contents, conf.py,
the code of the checks, a release or not); editions built side by side take a lock,
so the second waits for the first's answer instead of computing it again.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
from pathlib import Path

from ..catalogs.markup import MessageParser
from ..inputs import tree_hash
from .report import Finding
from .runner import LanguageResult, Options, check_language

#: The code an answer depends on: the checks and what they import.
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = [_PACKAGE / "checks", _PACKAGE / "catalogs", *sorted(_PACKAGE.glob("*.py"))]


def check(language: str, locale_dir: Path, conf_py: Path, strict: bool = False,
          cache: Path | None = None) -> LanguageResult:
    """Every finding on *language*'s catalogs; *strict* (a release): warnings are errors."""
    if cache is None:
        return _check(language, locale_dir, conf_py, strict)
    refused: list[Path] = []
    key = hashlib.sha256("\0".join([
        language, str(strict), tree_hash([locale_dir / language], refused), tree_hash([conf_py], refused),
        tree_hash(_CODE, refused)]).encode()).hexdigest()[:32]
    if refused:  # a name the hash cannot see (not plain): the checks refuse it; never kept
        return _check(language, locale_dir, conf_py, strict)
    cache.mkdir(parents=True, exist_ok=True)
    answer = cache / f"gate-{language}-{key}.pickle"
    with open(cache / f"gate-{language}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            # our own file, under _build/, named by the hash of all it depends on
            return pickle.loads(answer.read_bytes())
        except Exception:  # noqa: BLE001 - none yet, or damaged: computed again
            pass
        result = _check(language, locale_dir, conf_py, strict)
        for old in cache.glob(f"gate-{language}-*.pickle"):
            old.unlink(missing_ok=True)
        temporary = answer.with_name(f".{answer.name}.{os.getpid()}")
        temporary.write_bytes(pickle.dumps(result))
        os.replace(temporary, answer)
        return result


def _check(language: str, locale_dir: Path, conf_py: Path, strict: bool) -> LanguageResult:
    options = Options(languages=[language], locale_dir=locale_dir, pot_dir=None, conf_py=conf_py,
                      jobs=1, strict=strict)
    parser = MessageParser(conf_py if conf_py.is_file() else None)
    return check_language(language, options, parser, templates_ok=False)


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
