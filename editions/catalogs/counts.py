"""How far a translation is: translated, fuzzy, untranslated, obsolete (``make stats``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from .files import CatalogError, display_path, language_catalogs, read_catalog


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


def _row(counts: CatalogCounts, name: str) -> str:
    return (f"{name:<48} {counts.translated:>10} {counts.fuzzy:>6} {counts.untranslated:>8} "
            f"{counts.obsolete:>8} {counts.percent:>5.1f}%")


def print_stats(locale_dir: Path, languages: list[str]) -> int:
    """One row per catalog and a total per language; 1 if a catalog cannot be read."""
    header = f"{'catalog':<48} {'translated':>10} {'fuzzy':>6} {'untrans.':>8} {'obsolete':>8} {'done':>6}"
    failed = 0
    for language in languages:
        paths = language_catalogs(locale_dir, language)
        if not paths:
            print(f"{language}: no catalogs yet; run `make update-po LANGUAGES=\"en {language}\"`")
            continue
        print(header)
        total = CatalogCounts(Path(f"{language} (all catalogs)"))
        for path in paths:
            try:
                counts = count_catalog(path)
            except CatalogError as exc:
                print(exc.report())
                failed += 1
                continue
            print(_row(counts, display_path(path)))
            total += counts
        print(_row(total, str(total.path)))
    return 1 if failed else 0
