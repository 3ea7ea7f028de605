"""Translation catalogs, without Sphinx: reading and checking ``.po`` files
(:mod:`.files`), counting them (:mod:`.counts`), merging them with the
templates (:mod:`.merge`), parsing a message as MyST (:mod:`.markup`) and
the rules of what a translation may carry (:mod:`.rules`).

The build (``editions.sphinxext``), ``make check`` (``editions.checks``) and
``make update-po`` all read catalogs through this package, so a catalog means
the same thing to each of them.
"""

from .files import CatalogError, display_path, language_catalogs, read_catalog

__all__ = ["CatalogError", "display_path", "language_catalogs", "read_catalog"]
