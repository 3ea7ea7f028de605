"""Forgetting the interface catalogs a process has loaded.

Python's gettext caches each .mo by path for the life of the process, with no public
way to forget one, and hands out copies that share one dictionary; Sphinx keeps the
translators it loaded in ``sphinx.locale.translators`` and only adds to them.  A second
build in one process (an edition's formats, the tests, a live preview) must not be
served the first one's catalogs: an edited interface string would be published one
build late, or one escaped for TeX would land in HTML.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from pathlib import Path

from sphinx import locale

# Where locale.init keeps the catalog it loads for a build's interface (sphinx.po).
INTERFACE_TRANSLATOR = ("general", "sphinx")


def forget(under: Iterable[Path] | None = None) -> None:
    """Forget the interface catalog and the cached .mo files under these folders, or,
    with none given (between two Sphinx applications), every catalog loaded so far."""
    if under is None:
        locale.translators.clear()
        gettext._translations.clear()
        return
    roots = [Path(root).resolve() for root in under]
    locale.translators.pop(INTERFACE_TRANSLATOR, None)
    for key in [k for k in gettext._translations if any(Path(k[1]).is_relative_to(r) for r in roots)]:
        del gettext._translations[key]
