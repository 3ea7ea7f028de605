"""Sphinx reads checked copies of the translators' catalogs, never the catalogs themselves.

Catalogs are untrusted input (translators are contributors, not
administrators).  Left to itself, Sphinx compiles each ``.po`` into a ``.mo``
beside it (through a symbolic link: anywhere), with Babel (which accepts broken
syntax, and writes an empty catalog for a second charset header), and parses
each msgstr as MyST, running any directive in it.  So conf.py points
``locale_dirs`` at a folder under ``_build/`` and, before Sphinx uses a
catalog, this module checks the edition's catalogs in ``edition_translations``
(``locales/<language>/``):

* every file and folder is regular: no symbolic link, device or fifo;
* each catalog passes GNU msgfmt, is UTF-8 without BOM, has one Content-Type
  header saying UTF-8 (``editions.catalogs.files``);
* each translation keeps to the rules of what a translation may carry
  (``editions.catalogs.rules``): size, content, structure, interface tokens.

Then the gate: the checks of ``make check`` (``editions.checks``, one rule set:
numbers, dates, markup, safety, header, terms, typography...) run on the
edition's catalogs, and an *error* stops the build, every finding on one line at
its catalog's msgstr line: the edition is not published and the last good one
stays.  *Warnings* (fuzzy and untranslated messages: the English shows, marked
on the page) are published and summed up in one line, which the build driver
prints beside the edition's; ``edition_allow_fuzzy = False`` (``make
ALLOW_FUZZY=0``, for a release) makes them errors.  The review view
(``edition_review``) is never stopped: it shows each finding at its entry, and
leaves out of its copy only what the rules refuse (a catalog that cannot be
read, an entry that breaks ``editions.catalogs.rules``).

What passes is written, only when it changed, to ``locale_dirs``, where Sphinx
compiles it.  The check runs on every build: a failed build cannot turn green
on a rerun.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import polib
from sphinx.util import logging

from ..catalogs.files import (
    CatalogError,
    catalog_problems,
    display_path,
    folder_problems,
    non_regular_files,
    parse,
)
from ..catalogs.lines import msgstr_lines
from ..catalogs.markup import MessageParser
from ..catalogs.rules import breaches
from ..handoff import warnings_file
from ..inputs import write_if_changed
from . import loaded_catalogs
from .current_edition import (
    cache_folder,
    edition_of,
    interface_language,
    interface_loaded,
    profile,
    source_language,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: The catalog of interface strings and conf.py values (templates, not MyST).
INTERFACE_DOMAIN = "sphinx"


def is_translation(config: Config) -> bool:
    return edition_of(config).is_translation


def translations_dir(config: Config) -> Path:
    """The translators' folder (``locales/``): conf.py's ``edition_translations``
    (as written: a symbolic link in it must be seen, not followed)."""
    return Path(os.path.abspath(profile(config).root / config.edition_translations))


def checked_dir(app: Sphinx) -> Path:
    """Where the checked copies go: the first of ``locale_dirs`` (under ``_build/``)."""
    return Path(app.srcdir, app.config.locale_dirs[0]).resolve()


def source_catalog(config: Config, domain: str) -> Path:
    return translations_dir(config) / config.language / "LC_MESSAGES" / f"{domain}.po"


@lru_cache(maxsize=64)
def _entry_lines(path: Path, mtime: float) -> dict[str, int]:
    try:
        text = path.read_text(encoding="utf-8")
        po = parse(path, text)
    except (CatalogError, OSError, UnicodeDecodeError):
        return {}
    line_of = msgstr_lines(text)
    return {entry.msgid: line_of(entry.linenum) for entry in po if not entry.obsolete}


def catalog_location(config: Config, domain: str, msgid: str) -> str:
    """``locales/<lang>/LC_MESSAGES/<domain>.po:<line>``: where a translator fixes *msgid*
    (the line of its msgstr)."""
    path = source_catalog(config, domain)
    try:
        line = _entry_lines(path, path.stat().st_mtime).get(msgid, 0)
    except OSError:
        line = 0
    return f"{display_path(path)}:{line}"


# -- The check -----------------------------------------------------------------------------------

@dataclass
class _Listing:
    by_translation: bool
    listed: set[tuple[str, ...]] = field(default_factory=set)


# None: every build lists its findings (sphinx.testing, a live preview).
_listing: _Listing | None = None


@contextmanager
def findings_listed_once(by_translation: bool) -> Iterator[None]:
    """Within this, a translator reads each finding once: the second format of an edition
    (the build driver writes both in one process) points to the first one's list, and, if
    *by_translation*, a parallel edition points to its translation's edition (the same
    catalogs, built by the same `make`) and lists nothing."""
    global _listing
    _listing = _Listing(by_translation)
    try:
        yield
    finally:
        _listing = None


def _stop(app: Sphinx, language: str, findings: list[str], staged: Path) -> NoReturn:
    """List *findings* (once), say that they stop this edition and how to go on, and stop."""
    key = (language, *findings)
    problems, them = ("problem", "it") if len(findings) == 1 else (f"{len(findings)} problems", "them")
    if _listing and _listing.by_translation:
        listed = f"the {problems} the {language} edition lists"
    elif _listing and key in _listing.listed:
        listed = f"the {problems} listed above"
    else:
        for finding in findings:
            logger.error("%s", finding)
        if _listing:
            _listing.listed.add(key)
        listed = f"the {problems} above"
    logger.error("the %s catalogs stop this edition: fix %s (make check lists %s too) and build again; the last "
                 "good edition stays published.", language, listed, them)
    _remove_tree(staged)  # nothing half-checked stays where Sphinx reads
    # A clean stop: a SphinxError here would print a traceback and a version dump.
    sys.exit(2)


def _remove_tree(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        for top, folders, files in os.walk(folder, topdown=False):
            for name in files:
                os.unlink(os.path.join(top, name))
            for name in folders:
                os.rmdir(os.path.join(top, name))
        folder.rmdir()


def checked_copy(path: Path, language: str, parser: MessageParser, report: bool = True) -> polib.POFile:
    """The entries of *path* that keep the rules; each one that breaks one is reported
    (unless not *report*: the review view shows it at its entry)."""
    text = path.read_text(encoding="utf-8")
    po = parse(path, text)
    line_of = msgstr_lines(text)
    interface = path.stem == INTERFACE_DOMAIN
    copy = polib.POFile(wrapwidth=0)
    copy.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        **({"Plural-Forms": po.metadata["Plural-Forms"]} if po.metadata.get("Plural-Forms") else {}),
    }
    for entry in po:
        if entry.obsolete or not entry.translated():
            continue
        texts = ([(entry.msgid, entry.msgstr)] if not entry.msgid_plural else
                 [(entry.msgid_plural if n else entry.msgid, text) for n, text in entry.msgstr_plural.items()])
        found = [b for msgid, msgstr in texts for b in breaches(msgid, msgstr, interface, parser, language)]
        short = entry.msgid if len(entry.msgid) <= 50 else entry.msgid[:47] + "..."
        for breach in found if report else ():
            outcome = "it was left out (the English shows)" if breach.refused else "it is used as it is"
            logger.warning("%s:%d: [%s] the translation of %r %s; %s: %s", display_path(path), line_of(entry.linenum),
                           breach.rule, short, breach.message.removeprefix("the translation "), outcome,
                           breach.advice, type="i18n", subtype="unsafe" if breach.refused else "catalog")
        if any(breach.refused for breach in found):
            continue
        copy.append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=entry.msgctxt,
                                  msgid_plural=entry.msgid_plural, msgstr_plural=entry.msgstr_plural,
                                  flags=[f for f in entry.flags if f == "fuzzy"]))
    return copy


def file_problems(app: Sphinx, language: str, catalogs: list[Path]) -> list[CatalogError]:
    """What makes each catalog unusable (``catalog_problems``: bytes, header, msgfmt), kept
    between builds under the hash of the catalog's name and bytes, the code and msgfmt
    (``editions.checks.kept``): the editions of a language ask it of the same files."""
    from ..checks.gate import code_key
    from ..checks.kept import KeptAnswers

    kept: KeptAnswers[list[CatalogError]] = KeptAnswers(cache_folder(app, "gate-cache") / f"{language}-files",
                                                         code_key())
    found: list[CatalogError] = []
    for path in catalogs:
        answer = kept.get(path)
        if answer is None:
            answer = catalog_problems(path)
            kept.keep(path, answer)
        found += answer
    kept.forget_the_rest()
    return found


def gate(app: Sphinx, config: Config, language: str, staged: Path) -> None:
    """``make check``'s checks on this edition's catalogs (``editions.checks.gate``): an
    error stops the build; the warnings are summed up for the build driver."""
    from ..checks import gate as checks_gate
    from ..checks.report import format_text
    from .chinese_search import prepare_jieba

    prepare_jieba(app)  # the numbers check may need jieba: the edition's words, in the build's cache
    # one answer for every edition of the language (HTML, PDF, parallel), in the editions' shared cache
    result = checks_gate.check(language, translations_dir(config), profile(config).conf_py,
                               strict=not config.edition_allow_fuzzy, cache=cache_folder(app, "gate-cache"))
    errors = checks_gate.errors(result)
    if errors:
        _stop(app, language, [format_text(finding) for finding in errors], staged)
    doctrees = Path(app.doctreedir)
    doctrees.mkdir(parents=True, exist_ok=True)
    # one file an edition: a parallel edition is read into its translation's doctree folder
    write_if_changed(warnings_file(doctrees, edition_of(config).name), checks_gate.warnings_summary(result))


def check_catalogs(app: Sphinx, config: Config) -> None:
    """config-inited: check this edition's catalogs and hand Sphinx the checked copies."""
    translations = translations_dir(config)
    staged_root = checked_dir(app)
    real = translations.resolve()
    for locale_dir in config.locale_dirs:
        resolved = Path(app.srcdir, locale_dir).resolve()
        if resolved == real or real in resolved.parents or resolved in real.parents:
            logger.error("conf.py: locale_dirs includes %s, the translators' own catalogs: Sphinx would "
                         "compile and read them unchecked. Point locale_dirs at a folder under _build/ "
                         "(e.g. locale_dirs = [\"../_build/locales/\"]); the catalogs stay in "
                         "edition_translations = %r.", locale_dir, config.edition_translations)
            sys.exit(2)
    if not is_translation(config):
        return
    language = config.language
    source, staged = translations / language, staged_root / language
    if not (source / "LC_MESSAGES").is_dir():
        logger.warning("no catalogs for %s in %s: this edition is in %s. Create them with "
                       "`make update-po LANGUAGES=\"%s %s\"`", language, display_path(source / "LC_MESSAGES"),
                       source_language(config), source_language(config), language,
                       type="i18n", subtype="catalog")
        _remove_tree(staged)
        return
    review = bool(config.edition_review)
    problems = (non_regular_files(translations) if translations.is_symlink() else non_regular_files(source)) \
        or folder_problems(source)
    if problems:
        if not review:
            _stop(app, language, [problem.report() for problem in problems], staged)
        _remove_tree(staged)  # the review shows the problem; nothing is read through it
        return
    catalogs = sorted((source / "LC_MESSAGES").rglob("*.po"))
    problems = file_problems(app, language, catalogs)
    refused = {problem.path for problem in problems}
    if problems and not review:
        _stop(app, language, [problem.report() for problem in problems], staged)
    if not review:
        gate(app, config, language, staged)

    parser = MessageParser(profile(config).conf_py)
    wanted = set()
    interface_changed = False
    for path in catalogs:
        relative = path.relative_to(source)
        target = staged / relative
        if path in refused:  # the review: this catalog's English shows, its finding beside it
            continue
        wanted.add(target)
        try:
            copy = checked_copy(path, language, parser, report=not review)
        except CatalogError as error:  # msgfmt took it and polib didn't: still one message, no traceback
            if review:
                continue
            _stop(app, language, [error.report()], staged)
        changed = write_if_changed(target, str(copy) + "\n")
        if relative.stem == INTERFACE_DOMAIN and relative.parent.name == "LC_MESSAGES":
            interface_changed = changed or not target.with_suffix(".mo").exists()
    for old in staged.rglob("*") if staged.is_dir() else []:
        if old.is_file() and old.suffix in (".po", ".mo") and old.with_suffix(".po") not in wanted:
            old.unlink()  # its catalog is gone: so is its translation
    if interface_changed:
        _reload_interface_catalog(app)


def _reload_interface_catalog(app: Sphinx) -> None:
    """Sphinx loaded its ``sphinx`` catalog from the copies before any extension ran:
    load it again from the fresh ones."""
    import sphinx
    from sphinx import locale
    from sphinx.util.i18n import CatalogRepository

    config = app.config
    loaded_catalogs.forget(under=[Path(app.srcdir) / d for d in config.locale_dirs])
    # What Sphinx does at start-up, with its public parts: compile the fresh sphinx.po
    # of the checked copies, then load it over Sphinx's own catalog, in this language.
    repository = CatalogRepository(app.srcdir, config.locale_dirs, config.language, config.source_encoding)
    for catalog in repository.catalogs:
        if catalog.domain == INTERFACE_DOMAIN and catalog.is_outdated():
            catalog.write_mo(config.language, config.gettext_allow_fuzzy_translations)
    app.translator, _found = locale.init(
        [*repository.locale_dirs, None, Path(sphinx.package_dir) / "locale"], config.language)
    interface_loaded(config)


def interface_in_edition_language(app: Sphinx, config: Config) -> None:
    """Sphinx loaded its interface catalogs (its own, and sphinx.po) in the language it
    was started with, conf.py's when only ``-D edition`` says which edition this is: load
    them again in the edition's, unless the check above just did."""
    if interface_language(config) != config.language:
        _reload_interface_catalog(app)


def own_reference_check(app: Sphinx, config: Config) -> None:
    """The guard reports references a translation drops, at the catalog's line; Sphinx's
    own warning would name the page's line, where there is nothing to fix."""
    if "i18n.inconsistent_references" not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings, "i18n.inconsistent_references"]
