"""What an edition is called (its folder, its PDF, the key of the reader's choice) and
where its build keeps its caches."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs import pdf_stem
from ..project import slug

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def edition_name(config: Config) -> str:
    """``zh_CN`` for a language's edition, ``en-zh_CN`` for a parallel one."""
    return config.edition_parallel or config.language


def basename(config: Config) -> str:
    """conf.py's ``edition_basename``, else the slug of its (untranslated) project."""
    return config.edition_basename or slug(str(config._raw_config.get("project", "")))  # Sphinx is pinned


def pdf_basename(config: Config, edition: str | None = None) -> str:
    """The PDF of *edition* (this one by default), without .pdf."""
    return pdf_stem(basename(config), edition or edition_name(config))


def cache_folder(app: Sphinx, name: str) -> Path:
    """A cache kept between builds and shared by the editions: ``_build/doctrees/<name>``."""
    folder = Path(app.doctreedir).parent / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
