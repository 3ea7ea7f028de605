"""How far a translation is: translated, fuzzy, untranslated, obsolete.  The one counter of
``make stats`` and the progress page (editions.publish.progress), the gate and the review view."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from .files import read_catalog


@dataclass(frozen=True)
class CatalogCounts:
    path: Path
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def __add__(self, other: CatalogCounts) -> CatalogCounts:
        return CatalogCounts(self.path, self.translated + other.translated, self.fuzzy + other.fuzzy,
                             self.untranslated + other.untranslated, self.obsolete + other.obsolete)


def entry_state(entry: polib.POEntry) -> str:
    """obsolete, fuzzy, translated or untranslated, the way a translator means it:
    fuzzy is *not* translated (make stats, the review view)."""
    if entry.obsolete:
        return "obsolete"
    if "fuzzy" in entry.flags:
        return "fuzzy"
    return "translated" if entry.translated() else "untranslated"


def count_entries(po: polib.POFile, path: Path) -> CatalogCounts:
    states = Counter(entry_state(entry) for entry in po)
    return CatalogCounts(path, states["translated"], states["fuzzy"], states["untranslated"], states["obsolete"])


def count_catalog(path: Path) -> CatalogCounts:
    return count_entries(read_catalog(path), path)
