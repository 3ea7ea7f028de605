"""What an edition is: the one place that knows.

Two words, used the same way everywhere in the package:

* an **edition** is a language version of the profile: one language (``en``,
  ``zh_CN``), or the **parallel** pair of the source beside one translation, each
  passage in both languages (``en-zh_CN``, named source first);
* a **format** is how an edition is published: ``html`` (a folder of the site),
  ``pdf`` (an A5 brochure) or ``epub`` (an EPUB 3 book for phones and e-readers).
  ``review`` is a translators' view of a translation (its
  parallel pair, annotated), built beside the site, never part of it.

An edition knows its languages, the language Sphinx builds it in (a parallel
edition's is its translation's), whether it is a translation, which language's
catalogs it reads, its PDF's name and where each format of it is built and
published.  Which editions a profile has (its source language and every folder of
catalogs) is :mod:`editions.project`'s to say, from conf.py and ``locales/``.

Standard library only: the Makefile asks ``python -m editions editions`` before the
virtual environment exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

#: How an edition is published (html, pdf, epub) or viewed by its translators (review).
FORMATS = ("html", "pdf", "epub", "review")

#: The formats published as one file each, offered for download beside the site (pdf/, epub/).
DOWNLOADS = ("pdf", "epub")

#: gettext's locale names: language, then optional script/territory, then @variant.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8}){0,2}(?:@[a-z0-9]{1,8})?")

#: Between the two languages of a parallel edition's name (en-zh_CN); never in a
#: language code, which has '_' where BCP 47 has '-'.
PAIR = "-"


class EditionError(ValueError):
    """A name that is not an edition of this profile."""


def is_language(name: str) -> bool:
    return LANGUAGE_CODE.fullmatch(name) is not None


def parallel_name(source: str, translation: str) -> str:
    """The parallel edition of *source* beside *translation*: ``en-zh_CN``."""
    return f"{source}{PAIR}{translation}"


def languages_of(name: str) -> tuple[str, ...]:
    """The language of an edition (``(zh_CN,)``), or both of a parallel one (``(en, zh_CN)``)."""
    return tuple(name.split(PAIR))


def is_parallel(name: str) -> bool:
    """A parallel edition's name (en-zh_CN), not one language's."""
    return len(languages_of(name)) == 2


def parallels_of(source: str, languages: list[str]) -> list[str]:
    """The parallel editions of *languages*: the source beside each translation
    (``en-zh_CN``), when the source is one of them."""
    if source not in languages:
        return []
    return [parallel_name(source, language) for language in languages if language != source]


def editions_of(source: str, languages: list[str]) -> list[str]:
    """The editions of *languages*: each language's, then each parallel one."""
    return [*languages, *parallels_of(source, languages)]


def build_order(editions: list[str]) -> list[str]:
    """*editions* in the order a build starts them: each translation's, then its parallel
    one, and the source's last.  The source's is the shortest: on few cores the edition
    started last should be a short one, not one the others then wait for (the parallel
    ones, both languages typeset, take the longest).  A translation's comes before its
    parallel one, which points to the findings it lists (catalog_guard)."""
    parallel = {languages_of(name)[1]: name for name in editions if is_parallel(name)}
    rest = [name for name in editions if not is_parallel(name) and name not in parallel]
    return [name for language in editions if language in parallel
            for name in (language, parallel[language])] + rest


def pdf_stem(basename: str, edition: str) -> str:
    """``<basename>-<edition>``: the PDF of one edition, without ``.pdf``."""
    return f"{basename}-{edition}"


class Paths(NamedTuple):
    """Where one format of an edition is built (staging; the doctrees, checked catalogs
    and lock of the environment it is read into) and published."""

    staging: Path
    doctrees: Path
    locales: Path
    lock: Path
    published: Path


@dataclass(frozen=True)
class Edition:
    """One edition of a profile whose sources are in *source* (conf.py's ``language``);
    *basename* names its files (conf.py's ``edition_basename``)."""

    name: str
    source: str
    basename: str

    def __post_init__(self) -> None:
        parts = languages_of(self.name)
        if not all(is_language(part) for part in parts) or len(parts) > 2:
            raise EditionError(f"{self.name!r} is not an edition (a language code such as en, zh_CN, sr@latin, "
                               f"or a parallel pair such as {parallel_name(self.source, 'zh_CN')})")
        if len(parts) == 2 and (parts[0] != self.source or parts[1] == self.source):
            raise EditionError(f"{self.name!r} is not a parallel edition of this profile: its first language is "
                               f"the source, {self.source}, its second a translation "
                               f"({parallel_name(self.source, parts[1] if parts[1] != self.source else 'zh_CN')})")

    @classmethod
    def review_of(cls, translation: str, source: str, basename: str) -> Edition:
        """The edition a translation's review shows: its parallel pair."""
        if not is_language(translation) or translation == source:
            raise EditionError(f"{translation!r} is not a translation to review (one of the profile's languages "
                               f"other than {source})")
        return cls(parallel_name(source, translation), source, basename)

    @property
    def languages(self) -> tuple[str, ...]:
        return languages_of(self.name)

    @property
    def parallel(self) -> bool:
        return is_parallel(self.name)

    @property
    def pair(self) -> tuple[str, str] | None:
        """(source, translation) of a parallel edition; None for a one-language one."""
        return (self.languages[0], self.languages[1]) if self.parallel else None

    @property
    def language(self) -> str:
        """The language Sphinx builds it in: a parallel edition's is its translation's."""
        return self.languages[-1]

    @property
    def is_translation(self) -> bool:
        """Built from a translation's catalogs (zh_CN, en-zh_CN), not the sources alone."""
        return self.language != self.source

    @property
    def catalogs(self) -> str:
        """The language whose catalogs (``locales/<language>/``) it reads."""
        return self.language

    @property
    def environment(self) -> str:
        """The Sphinx environment it is read into (its doctrees, the checked catalogs Sphinx
        reads, their lock), shared by its formats, so its HTML and PDF read each source page
        once: a one-language edition's own; a parallel edition's is its translation's (it is
        that reading written another way: editions.sphinxext.shared_environment), so each
        language is read once."""
        return self.language

    def environment_of(self, format: str) -> str:
        """The environment *format* is read into: a review's is its own (its configuration
        differs: notes, findings), named by its translation."""
        return f"review-{self.folder(format)}" if format == "review" else f"env-{self.environment}"

    @property
    def pdf_stem(self) -> str:
        return pdf_stem(self.basename, self.name)

    @property
    def pdf_name(self) -> str:
        return f"{self.pdf_stem}.pdf"

    def download_name(self, format: str) -> str:
        """The file of a download format: ``<basename>-<edition>.pdf`` or ``.epub``."""
        return f"{self.pdf_stem}.{format}"

    def folder(self, format: str) -> str:
        """Its folder in *format*: its name; a review's is its translation's (review/zh_CN)."""
        return self.language if format == "review" else self.name

    def paths(self, builddir: Path, format: str) -> Paths:
        """Where *format* of this edition is built and published under *builddir*."""
        if format not in FORMATS:
            raise EditionError(f"{format!r} is not a format ({', '.join(FORMATS)})")
        folder = self.folder(format)
        builder = "latex" if format == "pdf" else format
        published = {
            "html": builddir / "html" / folder,
            "review": builddir / "review" / folder,
            "pdf": builddir / "pdf" / self.pdf_name,
            "epub": builddir / "epub" / self.download_name("epub"),
        }[format]
        environment = self.environment_of(format)
        return Paths(
            staging=builddir / "staging" / builder / folder,
            doctrees=builddir / "doctrees" / environment,
            # each environment its own checked catalogs: editions build side by side
            locales=builddir / "locales" / environment,
            # one lock an environment: two processes never write one doctree folder
            lock=builddir / "locks" / f"{environment}.lock",
            published=published,
        )
