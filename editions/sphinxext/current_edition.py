"""Which edition this build is, from the model (editions.edition, editions.project): its
name, its languages, its files, the site's other editions; and where its build keeps
its caches.

The driver passes one ``-D edition=en-zh_CN``; a maintainer's ``sphinx-build -D
language=zh_CN`` builds the zh_CN edition.  The rest is derived, at start-up, from
conf.py and ``locales/`` as the tools outside Sphinx read them: the language Sphinx
builds in, the parallel pair, the source language (conf.py's own ``language``), the
languages the site offers.
"""

from __future__ import annotations

import sys
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from ..edition import Edition, EditionError
from ..project import Project, ProjectError, load, slug

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# The profile of each build's configuration (forked parallel workers inherit it).
_profiles: weakref.WeakKeyDictionary[Config, Project] = weakref.WeakKeyDictionary()
# The language Sphinx loaded its interface catalogs in, before config-inited: -D language's,
# else conf.py's (catalog_guard loads them again in the edition's).
_interface: weakref.WeakKeyDictionary[Config, str] = weakref.WeakKeyDictionary()


def settle_edition(app: Sphinx, config: Config) -> None:
    """config-inited, before everything: which edition this is, and the site's languages."""
    try:
        project = load(Path(app.confdir))
        edition = project.edition(config.edition or config.language or project.source_language)
        languages = [language for language in config.edition_languages if language]  # -D a,b
        languages = project.requested(languages)
    except (ProjectError, EditionError) as exc:
        # A clean stop, one line: a SphinxError here would print a traceback and a version dump.
        logging.getLogger(__name__).error("%s", exc)
        sys.exit(2)
    _profiles[config] = project
    _interface[config] = config.language
    config.edition = edition.name
    config.language = edition.language
    config.edition_languages = languages
    config.edition_pdfs = [name for name in config.edition_pdfs if name]
    config.edition_epubs = [name for name in config.edition_epubs if name]


def profile(config: Config) -> Project:
    """The profile being built, as conf.py and locales/ describe it."""
    return _profiles[config]


def interface_language(config: Config) -> str | None:
    """The language of the interface catalogs Sphinx has loaded."""
    return _interface.get(config)


def interface_loaded(config: Config) -> None:
    _interface[config] = config.language


def edition_of(config: Config) -> Edition:
    """The edition being built."""
    return profile(config).edition(config.edition)


def source_language(config: Config) -> str:
    """The language the sources are written in: conf.py's own ``language``
    (``-D language=zh_CN`` only says which edition is being built)."""
    return profile(config).source_language


def conf_values(config: Config) -> dict[str, Any]:
    """The values conf.py itself sets (not those left to their defaults, nor -D's)."""
    return {name: config[name] for name in profile(config).set_in_conf if name in config}


def site_editions(config: Config) -> list[str]:
    """The editions the site offers: each of its languages', then the parallel ones."""
    return profile(config).editions_of(config.edition_languages)


def edition_name(config: Config) -> str:
    """``zh_CN`` for a language's edition, ``en-zh_CN`` for a parallel one."""
    return config.edition


def basename(config: Config) -> str:
    """conf.py's ``edition_basename``, else the slug of its (untranslated) project."""
    return config.edition_basename or slug(profile(config).title)


def pdf_basename(config: Config, edition: str | None = None) -> str:
    """The PDF of *edition* (this one by default), without .pdf."""
    return Edition(edition or edition_name(config), source_language(config), basename(config)).pdf_stem


def cache_folder(app: Sphinx, name: str) -> Path:
    """A cache kept between builds and shared by the editions: ``_build/doctrees/<name>``."""
    folder = Path(app.doctreedir).parent / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
