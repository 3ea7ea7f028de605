"""What a profile is, as the tools outside Sphinx need to know it: read from its conf.py.

conf.py is the one place a profile is described (title, file names, colour,
where the translations are); its language list is the source language plus
every folder of catalogs under ``locales/``.  The Makefile, the language picker,
``make dist`` and the benchmark read these values here.  conf.py is read, not
run (its values must be literals): ``python -m editions languages`` answers the
Makefile before the virtual environment exists, with nothing but Python.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

from .languages import edition_languages, parallel_editions
from .outputs import pdf_stem

#: conf.py settings of the extension, with their defaults (editions.sphinxext
#: registers the same names and defaults).
DEFAULTS = {
    "language": "en",
    "project": "",
    "edition_basename": "",      # file names: <basename>-<language>.pdf; default: from the project
    "edition_translations": "locales",
    "edition_colour": "#2B5D8A",
}


#: gettext's locale names: language, then optional script/territory, then @variant.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8}){0,2}(?:@[a-z0-9]{1,8})?")


class ProjectError(Exception):
    pass


def literal_settings(conf_py: Path) -> dict[str, object]:
    """Every ``name = <literal>`` at the top level of *conf_py*."""
    try:
        tree = ast.parse(conf_py.read_text(encoding="utf-8"), filename=str(conf_py))
    except (OSError, SyntaxError, ValueError) as exc:
        raise ProjectError(f"cannot read {conf_py}: {exc}") from None
    settings: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                settings[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue  # computed (os.environ, ...): not a profile setting
    return settings


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "edition"


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
        if not self.translations.is_dir():
            return []
        found = sorted(p.name for p in self.translations.iterdir() if (p / "LC_MESSAGES").is_dir())
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
        of which becomes make targets and file names, so anything else stops here."""
        for language in languages:
            if not LANGUAGE_CODE.fullmatch(language):
                parts = edition_languages(language)
                if len(parts) == 2 and all(LANGUAGE_CODE.fullmatch(part) for part in parts):
                    raise ProjectError(f"LANGUAGES={language!r}: {language} is the parallel edition of {parts[0]} "
                                       f"and {parts[1]}, built when LANGUAGES lists both languages: "
                                       f'make LANGUAGES="{" ".join(parts)}"')
                underscored = language.replace("-", "_")
                hint = f" (did you mean {underscored}?)" if underscored in self.languages else ""
                raise ProjectError(f"LANGUAGES: {language!r} is not a language code (en, zh_CN, pt_BR, "
                                   f"sr@latin){hint}; this profile's languages are: {' '.join(self.languages)}")
        return languages

    def parallels_of(self, languages: list[str]) -> list[str]:
        """The parallel editions of *languages*: the source beside each translation
        (en-zh_CN), when the source is one of them."""
        return parallel_editions(self.source_language, languages)

    def editions_of(self, languages: list[str]) -> list[str]:
        """The editions of *languages*: each language's, then each parallel one."""
        return [*languages, *self.parallels_of(languages)]

    @property
    def editions(self) -> list[str]:
        """Every edition of the project."""
        return self.editions_of(self.languages)

    @property
    def pages(self) -> list[str]:
        """The pages of docs/ that Sphinx builds (less conf.py's exclude_patterns)."""
        docs = self.root / "docs"
        return sorted(p.relative_to(docs).with_suffix("").as_posix() for p in docs.rglob("*.md")
                      if not any(fnmatch.fnmatch(p.relative_to(docs).as_posix(), pattern)
                                 for pattern in self.excluded))

    def pdf_name(self, language: str) -> str:
        return f"{pdf_stem(self.basename, language)}.pdf"


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
