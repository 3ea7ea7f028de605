"""The gate: what stops an edition, decided once for the build and ``make dist``.

The build's catalog guard (``editions.sphinxext.catalog_guard``) asks before
Sphinx reads a catalog; ``make dist`` asks before it builds, so that the site
it packs holds only the editions that may be published, and links only those.
Both ask the checks of ``make check`` (``runner``), on the catalogs alone:
without the templates of ``make gettext``, what a catalog lacks shows in the
source language, marked, and is ``make check``'s to report.
"""

from __future__ import annotations

from pathlib import Path

from ..catalogs.markup import MessageParser
from .report import Finding
from .runner import LanguageResult, Options, check_language


def check(language: str, locale_dir: Path, conf_py: Path, strict: bool = False) -> LanguageResult:
    """Every finding on *language*'s catalogs; *strict* (a release): warnings are errors."""
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
