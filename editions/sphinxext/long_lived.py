"""What a build keeps to its end, set aside from Python's garbage collector while it runs.

By the time the builder exists, a Sphinx process holds some hundred thousand objects
that live as long as it does: modules, classes, the configuration, the theme, the
pickled environment.  Python's collector walks all of them at each full collection,
several times a build: a seventh of the CPU of an edition rebuilt after a translator's
change.  ``gc.freeze()`` sets them aside; the build's own objects (pages read and
written) are collected as before.  At the end of the build they are handed back
(``gc.unfreeze()``), so that a process that runs more than one build (the tests, a
live preview) frees each build's as it did.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def set_aside(app: Sphinx) -> None:
    gc.freeze()


def hand_back(app: Sphinx, exception: BaseException | None) -> None:
    gc.unfreeze()
