"""Runs every check over the catalogs of the languages asked for.

For each catalog: health (msgfmt, header, duplicates), then sync with its
template, then, for each translated entry that the build uses (not fuzzy),
every content check of the registry that applies to it (``registry.content_checks``:
size, structure, markup, safety, placeholders, ...).  Waivers are applied per
entry; a check that fails on an entry becomes an ``internal`` finding, never a
traceback.  Last, one note per termbase term pending confirmation.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import polib

from ..catalogs import display_path, language_catalogs
from ..catalogs.counts import CatalogCounts, count_entries
from ..catalogs.files import folder_problems, non_regular_files
from ..catalogs.lines import msgstr_lines
from ..catalogs.markup import MessageParser
from . import health, numbers, sync, terms, typography, waivers
from .registry import CHECKS, Message, Problem, content_checks
from .report import NOTE, Finding

if TYPE_CHECKING:
    from .kept import KeptAnswers


class CatalogResult(NamedTuple):
    findings: list[Finding]
    counts: CatalogCounts | None = None  # None: the catalog could not be read
    #: (term, "file:line") of each entry whose English uses a term pending confirmation
    pending_uses: tuple[tuple[str, str], ...] = ()


@dataclass
class Options:
    languages: list[str]
    locale_dir: Path = Path("locales")
    pot_dir: Path | None = Path("_build/gettext")
    conf_py: Path = Path("conf.py")
    jobs: int | None = None  # processes for many catalogs; None: one a core
    strict: bool = False  # a release (ALLOW_FUZZY=0): warnings are errors


@dataclass
class LanguageResult:
    language: str
    counts: CatalogCounts
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.is_warning)

    @property
    def notes(self) -> int:
        return sum(1 for f in self.findings if not f.is_error and not f.is_warning)

    def summary(self) -> str:
        c = self.counts
        return (f"{self.language}: {c.total} messages, {c.translated} translated, {c.fuzzy} fuzzy, "
                f"{c.untranslated} untranslated, {c.obsolete} obsolete; "
                f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}, {_count(self.notes, 'note')}")


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'' if number == 1 else 's'}"


@dataclass
class Context:
    """What the content checks of one language share."""

    language: str
    parser: MessageParser
    termbase: terms.Termbase | None
    spacing: str
    names: numbers.Names = field(default_factory=dict)  # the termbase's names with numerals

    def __post_init__(self) -> None:
        if self.termbase is not None and not self.names:
            self.names = numbers.names_from_terms([(t.english, t.translation) for t in self.termbase.terms])


def content_problems(ctx: Context, catalog: health.Catalog, entry: polib.POEntry,
                     msgid: str, msgstr: str) -> dict[str, Problem | Exception | None]:
    """Each content check's verdict on one (msgid, msgstr) pair: every registered
    check that applies to the language, the catalog and the termbase, in order."""
    message = Message(ctx, catalog, entry, msgid, msgstr)
    results: dict[str, Problem | Exception | None] = {}
    for check in content_checks():
        if not check.applies(ctx.language, catalog.is_interface, ctx.termbase is not None):
            continue
        assert check.find is not None
        try:
            results[check.name] = result = check.find(message)
        except Exception as exc:  # noqa: BLE001 - a bug in a check must not hide the other findings
            results[check.name] = result = exc
        if check.alone and isinstance(result, tuple):  # e.g. too large to parse: that is the one finding
            return {check.name: result}
    return results


def _entry_pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    if entry.msgid_plural:
        return [(entry.msgid_plural if index else entry.msgid, text)
                for index, text in sorted(entry.msgstr_plural.items())]
    return [(entry.msgid, entry.msgstr)]


def entry_findings(ctx: Context, catalog: health.Catalog, entry: polib.POEntry,
                   msgstr_line: int | None = None) -> list[Finding]:
    """The findings on one entry, at its msgstr line (*msgstr_line*; default: polib's line)."""
    found = sync.entry_findings(catalog.display, entry)
    checked = not found  # translated and not fuzzy: the build uses it
    if checked:
        for msgid, msgstr in _entry_pairs(entry):
            for name, result in content_problems(ctx, catalog, entry, msgid, msgstr).items():
                if result is None:
                    continue
                if isinstance(result, Exception):
                    found.append(Finding(
                        catalog.display, entry.linenum, "internal",
                        f"the {name} check failed on this entry ({type(result).__name__}: {result})",
                        "please report it with this entry; the other checks ran", entry.msgid))
                    continue
                message, advice = result
                found.append(Finding(catalog.display, entry.linenum, name, message, advice, entry.msgid))
    found = apply_waivers(catalog.display, entry.linenum, entry.tcomment, found, entry.msgid, checked)
    if msgstr_line is None:
        return found
    return [replace(f, line=msgstr_line) if f.line == entry.linenum else f for f in found]


def apply_waivers(display: str, line: int, comment: str | None, found: list[Finding],
                  msgid: str | None, report_unused: bool = True) -> list[Finding]:
    allowed, problems = waivers.parse(comment)
    result = [Finding(display, line, "waiver", p.message, p.advice, msgid) for p in problems]
    waived = {w.check for w in allowed}
    result += [f for f in found if not (f.check in waived and CHECKS[f.check].waivable)]
    if report_unused:
        used = {f.check for f in found}
        for waiver in allowed:
            if waiver.check not in used:
                result.append(Finding(display, line, "waiver",
                                      f"the waiver for {waiver.check} is not needed any more",
                                      "remove the `# check: allow` line", msgid, severity=NOTE))
    return result


def check_catalog(ctx: Context, path: Path, pot_dir: Path | None, templates_ok: bool,
                  locale_dir: Path) -> CatalogResult:
    catalog = health.load(path, ctx.language)
    findings = list(catalog.findings)
    po = catalog.po
    if po is None:
        return CatalogResult(findings)
    line_of = msgstr_lines(catalog.text) if catalog.text else (lambda line: line)
    file_findings = [f for f in findings if f.check == "header"]
    findings = [f for f in findings if f.check != "header"]
    if pot_dir is not None and templates_ok:
        relative = path.relative_to(locale_dir / ctx.language / "LC_MESSAGES")
        template_path = pot_dir / relative.with_suffix(".pot")
        template = sync.read_template(template_path) if template_path.is_file() else None
        if template is not None:
            findings += [replace(f, line=line_of(f.line)) if f.check == "stale-entry" else f
                         for f in sync.template_findings(catalog.display, po, template, template_path)]
        elif template_path.is_file():
            findings.append(Finding(display_path(template_path), 1, "templates",
                                    "the template cannot be read", "run `make gettext` again"))
        else:
            file_findings.append(sync.stale_catalog(catalog.display, template_path))
    findings += apply_waivers(catalog.display, 1, po.header, file_findings, None, report_unused=False)
    note = sync.obsolete_note(catalog.display, po)
    if note is not None:
        findings.append(note)
    pending_uses = []
    termbase = ctx.termbase if ctx.termbase is not None and ctx.termbase.pending else None
    for entry in po:
        if not entry.obsolete:
            line = line_of(entry.linenum)
            findings += entry_findings(ctx, catalog, entry, line)
            if termbase is not None:
                pending_uses += [(term.english, f"{catalog.display}:{line}")
                                 for term in termbase.terms_in(entry.msgid) if term.pending]
    # the same rule as `make stats`, on the catalog already read
    return CatalogResult(findings, count_entries(po, path), tuple(pending_uses))


def check_language(language: str, options: Options, parser: MessageParser,
                   templates_ok: bool, kept: KeptAnswers[CatalogResult] | None = None) -> LanguageResult:
    """Every finding on *language*'s catalogs; with *kept* (the build's gate), a catalog's
    kept answer is used when it has one, and each new answer kept."""
    locale_dir = options.locale_dir
    result = LanguageResult(language, CatalogCounts(Path(language)))
    # as the build: nothing is read through a link (it would check, or show, another file),
    # nor a folder too large to check
    if refused := non_regular_files(locale_dir / language) or folder_problems(locale_dir / language):
        result.findings += [Finding(display_path(e.path), e.line, e.check, e.problem, e.advice) for e in refused]
        return result
    termbase, termbase_findings = terms.load(locale_dir / language / "termbase.tsv")
    result.findings += termbase_findings
    spacing = typography.spacing_rule(locale_dir / language / "README.md")
    ctx = Context(language, parser, termbase, spacing)
    paths = language_catalogs(locale_dir, language)
    if not paths:
        folder = display_path(locale_dir / language / "LC_MESSAGES")
        result.findings.append(Finding(
            folder, 1, "missing", f"no catalogs for {language} in {folder}",
            f"run `make update-po LANGUAGES=\"en {language}\"` to create them"))
    if paths and options.pot_dir is not None and templates_ok:
        folder = locale_dir / language / "LC_MESSAGES"
        for pot in sorted(options.pot_dir.rglob("*.pot")):
            po_path = folder / pot.relative_to(options.pot_dir).with_suffix(".po")
            if not po_path.exists():
                result.findings.append(Finding(
                    display_path(po_path), 1, "missing",
                    f"no catalog for {display_path(pot)}: the page is not translated at all",
                    "run `make update-po` to create the catalog"))
    checked = _check_catalogs(ctx, paths, options.pot_dir, templates_ok, locale_dir, options.jobs, kept)
    for found in checked:
        result.findings += found.findings
        if found.counts is not None:
            result.counts += found.counts
    if termbase is not None and termbase.pending:
        # from the catalogs as the checks read them: none is parsed again, a refused one not at all
        result.findings += pending_notes(termbase, [use for found in checked for use in found.pending_uses])
    if options.strict:
        result.findings = [f.strict() for f in result.findings]
    result.findings.sort(key=lambda f: (f.file, f.line))
    return result


def pending_notes(termbase: terms.Termbase, uses: list[tuple[str, str]]) -> list[Finding]:
    """One note per termbase term waiting for confirmation, with the entries that use it
    (*uses*: term, file:line): the office's open questions, one command away."""
    pending = termbase.pending
    used: dict[str, list[str]] = {term.english: [] for term in pending}
    for english, where in uses:
        used[english].append(where)
    notes = []
    for term in pending:
        where = used[term.english]
        places = ("used in " + ", ".join(where)) if where else "used by no entry"
        notes.append(Finding(
            termbase.display, term.line, "pending",
            f"“{term.english}” → {term.translation} waits for the office's confirmation; {places}",
            "once the office answers, empty its status (or write `approved`), correct the name if need "
            "be, and remove the entries' `# review: ask the office` lines", severity=NOTE))
    return notes


# Catalogs are checked side by side, one process a core, once there is enough to
# check for it to pay (20,000 messages: about twice as fast on two cores); the
# project's own few catalogs are checked in this process.
PARALLEL_BYTES = 1_000_000
_WORK: tuple | None = None


def _safe_check_catalog(ctx: Context, path: Path, pot_dir: Path | None, templates_ok: bool,
                        locale_dir: Path) -> CatalogResult:
    try:
        return check_catalog(ctx, path, pot_dir, templates_ok, locale_dir)
    except Exception as exc:  # noqa: BLE001 - a bug must not hide the other catalogs' findings
        return CatalogResult([Finding(display_path(path), 1, "internal",
                                      f"the checks failed on this catalog ({type(exc).__name__}: {exc})",
                                      "please report it with this catalog; the other catalogs were checked")])


def _check_in_worker(path: Path) -> CatalogResult:
    assert _WORK is not None
    return _safe_check_catalog(_WORK[0], path, *_WORK[1:])


def _check_catalogs(ctx: Context, paths: list[Path], pot_dir: Path | None, templates_ok: bool,
                    locale_dir: Path, jobs: int | None = None, kept: KeptAnswers[CatalogResult] | None = None
                    ) -> list[CatalogResult]:
    if kept is None:
        return _check_each(ctx, paths, pot_dir, templates_ok, locale_dir, jobs)
    answers = {path: kept.get(path) for path in paths}
    unknown = [path for path, answer in answers.items() if answer is None]
    for path, answer in zip(unknown, _check_each(ctx, unknown, pot_dir, templates_ok, locale_dir, jobs),
                            strict=True):
        kept.keep(path, answer)
        answers[path] = answer
    return [answers[path] for path in paths]


def _check_each(ctx: Context, paths: list[Path], pot_dir: Path | None, templates_ok: bool,
                locale_dir: Path, jobs: int | None = None) -> list[CatalogResult]:
    global _WORK
    workers = min(len(paths), jobs or os.cpu_count() or 1)
    size = sum(path.stat().st_size for path in paths if path.is_file())
    if workers > 1 and size >= PARALLEL_BYTES and "fork" in multiprocessing.get_all_start_methods():
        _WORK = (ctx, pot_dir, templates_ok, locale_dir)  # inherited by the forked workers
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                return list(pool.map(_check_in_worker, paths, chunksize=max(1, len(paths) // (workers * 4))))
        except (OSError, BrokenProcessPool):
            pass  # no processes to be had: check here
        finally:
            _WORK = None
    return [_safe_check_catalog(ctx, path, pot_dir, templates_ok, locale_dir) for path in paths]


def templates_finding(pot_dir: Path | None) -> Finding | None:
    if pot_dir is None:
        return None
    if not pot_dir.is_dir() or not any(pot_dir.rglob("*.pot")):
        return Finding(display_path(pot_dir), 1, "templates",
                       f"no message templates (.pot) in {display_path(pot_dir)}: missing, untranslated "
                       "and stale messages cannot be told apart",
                       "run `make gettext` first (`make check` does), or give --pot-dir")
    return None


def run(options: Options) -> tuple[list[Finding], list[LanguageResult]]:
    parser = MessageParser(options.conf_py if options.conf_py.is_file() else None)
    general: list[Finding] = []
    templates = templates_finding(options.pot_dir)
    if templates is not None:
        general.append(templates)
    results = [check_language(language, options, parser, templates is None)
               for language in options.languages]
    if general and results:  # counted in the (first) language's summary
        results[0].findings[:0] = general
        general = []
    return general, results
