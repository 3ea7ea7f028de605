"""What an edition is called: its folder, its PDF, the key of the reader's choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs import pdf_stem
from ..project import slug

if TYPE_CHECKING:
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
