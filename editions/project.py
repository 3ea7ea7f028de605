"""What a profile is, as the tools outside Sphinx need to know it: read from its conf.py.

conf.py is the one place a profile is described (title, file names, colour,
where the translations are); its language list is the source language plus
every folder of catalogs under ``locales/``.  The Makefile, the language picker,
``make dist`` and the benchmark read these values here.  conf.py is read, not
run (its values must be literals): ``python -m editions editions`` answers the
Makefile before the virtual environment exists, with nothing but Python.  What one
edition is (its languages, files, paths) is :mod:`editions.edition`'s.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .edition import LANGUAGE_CODE, Edition, EditionError, editions_of, languages_of, parallels_of
from .settings import defaults

#: conf.py settings, with their defaults: Sphinx's two the tools read, and the
#: extension's (editions.settings, which editions.sphinxext registers).
DEFAULTS = {"language": "en", "project": "", **defaults()}

__all__ = ["DEFAULTS", "LANGUAGE_CODE", "EditionError", "Project", "ProjectError", "load"]


class ProjectError(Exception):
    pass


def _parse(conf_py: Path) -> ast.Module:
    try:
        return ast.parse(conf_py.read_text(encoding="utf-8"), filename=str(conf_py))
    except (OSError, SyntaxError, ValueError) as exc:
        raise ProjectError(f"cannot read {conf_py}: {exc}") from None


def literal_settings(conf_py: Path) -> dict[str, object]:
    """Every ``name = <literal>`` at the top level of *conf_py*."""
    tree = _parse(conf_py)
    settings: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                settings[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue  # computed (os.environ, ...): not a profile setting
    return settings


def assigned_names(conf_py: Path) -> frozenset[str]:
    """Every name *conf_py* itself sets, literal or computed (``-D`` overrides and
    defaults are not conf.py's): what the extension fills in only when conf.py is silent."""
    names: set[str] = set()
    for node in _module_level(_parse(conf_py).body):
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    return frozenset(names)


def _module_level(statements: list) -> Iterator[ast.AST]:
    """The statements run at the module's level: into if/try/with/for, not into functions."""
    for node in statements:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        yield node
        for field in ("body", "orelse", "finalbody", "handlers"):
            yield from _module_level(getattr(node, field, []))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "edition"


def catalog_folders(translations: Path) -> list[str]:
    """The folders of *translations* (``locales/``) that hold catalogs: one a language."""
    if not translations.is_dir():
        return []
    return sorted(p.name for p in translations.iterdir() if (p / "LC_MESSAGES").is_dir())


@dataclass(frozen=True)
class Project:
    root: Path
    title: str
    source_language: str
    basename: str
    translations: Path
    colour: str
    excluded: tuple[str, ...] = ()

    @property
    def translation_languages(self) -> list[str]:
        """Every language with a folder of catalogs: adding one is adding its folder."""
        found = catalog_folders(self.translations)
        for name in found:
            # A folder name becomes make targets, file names and command arguments: it must
            # be a language code, never text a shell or make could read as syntax.
            if not LANGUAGE_CODE.fullmatch(name):
                raise ProjectError(f"{self.translations.name}/{name!r} is not a language code (ja, zh_CN, pt_BR, "
                                   f"sr@latin): rename or remove that folder")
        return [name for name in found if name != self.source_language]

    @property
    def languages(self) -> list[str]:
        return [self.source_language, *self.translation_languages]

    def requested(self, languages: list[str]) -> list[str]:
        """*languages* as a user asked for them (make LANGUAGES="..."): language codes, each
        of which becomes make targets and file names, so anything else stops here.  None
        asked for: every language of the profile."""
        for language in languages:
            if not LANGUAGE_CODE.fullmatch(language):
                parts = languages_of(language)
                if len(parts) == 2 and all(LANGUAGE_CODE.fullmatch(part) for part in parts):
                    raise ProjectError(f"LANGUAGES={language!r}: {language} is the parallel edition of {parts[0]} "
                                       f"and {parts[1]}, built when LANGUAGES lists both languages: "
                                       f'make LANGUAGES="{" ".join(parts)}"')
                underscored = language.replace("-", "_")
                hint = f" (did you mean {underscored}?)" if underscored in self.languages else ""
                raise ProjectError(f"LANGUAGES: {language!r} is not a language code (en, zh_CN, pt_BR, "
                                   f"sr@latin){hint}; this profile's languages are: {' '.join(self.languages)}")
        return languages or self.languages

    def parallels_of(self, languages: list[str]) -> list[str]:
        """The parallel editions of *languages*: the source beside each translation
        (en-zh_CN), when the source is one of them."""
        return parallels_of(self.source_language, languages)

    def editions_of(self, languages: list[str]) -> list[str]:
        """The editions of *languages*: each language's, then each parallel one."""
        return editions_of(self.source_language, languages)

    def translations_of(self, languages: list[str]) -> list[str]:
        """The translations among *languages*: every language but the source."""
        return [language for language in languages if language != self.source_language]

    def edition(self, name: str) -> Edition:
        """The edition called *name* (en, zh_CN, en-zh_CN); anything else is refused."""
        return Edition(name, self.source_language, self.basename)

    def review(self, translation: str) -> Edition:
        """The edition a translation's review view shows: its parallel pair."""
        return Edition.review_of(translation, self.source_language, self.basename)

    def termbases_of(self, edition: Edition) -> dict[str, Path]:
        """The termbases whose names an edition's glossary lists, by language: a translation's
        own; the source edition's, every translation's (its readers look names up in each)."""
        languages = [edition.language] if edition.is_translation else self.translation_languages
        return {language: self.translations / language / "termbase.tsv" for language in languages}

    def offered_pdfs(self, languages: list[str], builddir: Path, building: bool) -> list[str]:
        """The editions of *languages* whose PDF the site links: all of them when this run
        builds the PDFs (make all, pdf, dist), else those already published in *builddir*
        (an HTML-only build of a fresh clone has no dead "Download PDF" links)."""
        return self.offered("pdf", languages, builddir, building)

    def offered(self, format: str, languages: list[str], builddir: Path, building: bool) -> list[str]:
        """The editions of *languages* whose download in *format* (pdf, epub) the site links:
        all of them when this run builds that format, else those already published."""
        return [name for name in self.editions_of(languages)
                if building or (builddir / format / self.edition(name).download_name(format)).exists()]

    @property
    def editions(self) -> list[str]:
        """Every edition of the project."""
        return self.editions_of(self.languages)

    @property
    def conf_py(self) -> Path:
        return self.root / "conf.py"

    @cached_property
    def set_in_conf(self) -> frozenset[str]:
        """The names conf.py itself sets."""
        return assigned_names(self.conf_py)

    @property
    def pages(self) -> list[str]:
        """The pages of docs/ that Sphinx builds (less conf.py's exclude_patterns)."""
        docs = self.root / "docs"
        return sorted(p.relative_to(docs).with_suffix("").as_posix() for p in docs.rglob("*.md")
                      if not any(fnmatch.fnmatch(p.relative_to(docs).as_posix(), pattern)
                                 for pattern in self.excluded))

    def pdf_name(self, edition: str) -> str:
        return self.edition(edition).pdf_name


def load(root: Path | None = None) -> Project:
    root = (root or Path.cwd()).resolve()
    settings = {**DEFAULTS, **literal_settings(root / "conf.py")}
    title = str(settings["project"])
    colour = str(settings["edition_colour"])
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        raise ProjectError(f"conf.py: edition_colour {colour!r} is not a colour like #2B5D8A")
    return Project(
        root=root,
        title=title,
        source_language=str(settings["language"] or "en"),
        basename=str(settings["edition_basename"] or slug(title)),
        translations=root / str(settings["edition_translations"]),
        colour=colour,
        excluded=tuple(settings.get("exclude_patterns") or ()),
    )
