"""How far each translation is, for translators and maintainers: ``make stats`` prints it,
``make progress`` (part of ``make``) writes it as ``_build/progress/index.html`` and a
badge per language, ``_build/progress/<language>.svg``.  Both come from one collection,
:func:`collect`, and so say the same numbers:

* each catalog's counts, by the one counter (``editions.catalogs.counts``: translated,
  fuzzy, untranslated, obsolete; the rule of the gate and the review view);
* the entries waiting on the office, as ``make queries`` finds them
  (``queries.read_letter``: an entry whose English uses a name pending in the termbase,
  or with an ``ask the office`` note), and the number of questions of the letter;
* the catalog's last change: its ``PO-Revision-Date``, which a translator's tool (Poedit,
  Weblate) sets when it saves a translation and ``make update-po`` leaves alone.  Not
  git's last commit: a commit that only merges the templates is no translator's work, a
  tarball has no history, and the page is a function of the catalogs alone (make writes
  it again when a catalog's content changes, never on a commit).

Not on the site: the site is for readers, who get each page in their language or marked
"not yet translated"; a percentage is the translators' business, like the review view and
the office's letter.  The badges are for a repository's README or a CI summary.

Everything shown is escaped for where it lands (the templates, ``editions.templating``):
a catalog's name, a header or msgfmt's words on a broken catalog are contributors' data.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogs.counts import CatalogCounts, count_entries
from ..catalogs.files import display_path, language_catalogs
from ..languages import language_name, language_tag
from ..project import Project, load
from ..templating import render_html
from .queries import TEMPLATES, read_catalogs, read_letter

#: PO-Revision-Date as gettext's tools write it ("2026-11-29 00:00+0000"); the template's
#: "YEAR-MO-DA HO:MI+ZONE" (never saved by a tool) is no date.
_REVISION_FORMAT = "%Y-%m-%d %H:%M%z"

#: Shields' colours: every message translated, then by the share translated.
_COLOURS = ((100, "#4c1"), (90, "#97ca00"), (75, "#dfb317"), (50, "#fe7d37"), (0, "#e05d44"))


@dataclass(frozen=True)
class CatalogProgress:
    path: Path
    counts: CatalogCounts
    office: int = 0  # entries waiting on the office
    revised: dt.datetime | None = None  # PO-Revision-Date
    problem: str = ""  # why the catalog could not be read (its counts are then zero)


@dataclass(frozen=True)
class LanguageProgress:
    language: str
    catalogs: list[CatalogProgress] = field(default_factory=list)
    questions: int = 0  # the office's letter (make queries)
    left_out: list[str] = field(default_factory=list)  # what the letter could not read

    @property
    def total(self) -> CatalogCounts:
        total = CatalogCounts(Path(f"{self.language} (all catalogs)"))
        for catalog in self.catalogs:
            total += catalog.counts
        return total

    @property
    def office(self) -> int:
        return sum(catalog.office for catalog in self.catalogs)

    @property
    def revised(self) -> dt.datetime | None:
        return max((c.revised for c in self.catalogs if c.revised), default=None)

    @property
    def percent(self) -> int:
        """The share translated, rounded down: 100 only when nothing is left."""
        total = self.total
        return 100 * total.translated // total.total if total.total else 100


def _revised(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(value.strip(), _REVISION_FORMAT)
    except ValueError:
        return None


def collect(project: Project, language: str) -> LanguageProgress:
    read = read_catalogs(language_catalogs(project.translations, language))  # once, for the counts and the letter
    letter = read_letter(project, language, read)
    office: dict[str, set[int]] = {}
    for question in letter.questions:
        for use in question.uses:
            office.setdefault(use.catalog, set()).add(use.line)
    catalogs = []
    for catalog in read:
        path, po = catalog.path, catalog.po
        if po is None:
            catalogs.append(CatalogProgress(path, CatalogCounts(path), problem=catalog.problem.report()))
            continue
        catalogs.append(CatalogProgress(path, count_entries(po, path), len(office.get(path.name, ())),
                                        _revised(po.metadata.get("PO-Revision-Date", ""))))
    # A language without a termbase has no names to ask about: the letter says so, the page need not.
    termbase = project.translations / language / "termbase.tsv"
    left_out = [reason for reason in letter.left_out
                if termbase.is_file() or not reason.startswith(f"{display_path(termbase)}:")]
    return LanguageProgress(language, catalogs, len(letter.questions), left_out)


def _date(value: dt.datetime | None) -> str:
    return value.date().isoformat() if value else "-"


# -- make stats: a table on the terminal --------------------------------------------------------

def _row(name: str, counts: CatalogCounts, office: int, revised: dt.datetime | None) -> str:
    return (f"{name:<48} {counts.translated:>10} {counts.fuzzy:>6} {counts.untranslated:>8} "
            f"{counts.obsolete:>8} {office:>6} {counts.percent:>5.1f}%  {_date(revised)}")


def print_stats(project: Project, languages: list[str]) -> int:
    """One row per catalog and a total per language; 1 if a catalog cannot be read."""
    header = (f"{'catalog':<48} {'translated':>10} {'fuzzy':>6} {'untrans.':>8} {'obsolete':>8} {'office':>6} "
              f"{'done':>6}  last change")
    failed = 0
    for language in languages:
        progress = collect(project, language)
        if not progress.catalogs:
            print(f"{language}: no catalogs yet; run `make update-po LANGUAGES=\"en {language}\"`")
            continue
        print(header)
        for catalog in progress.catalogs:
            if catalog.problem:
                print(catalog.problem)
                failed += 1
                continue
            print(_row(display_path(catalog.path), catalog.counts, catalog.office, catalog.revised))
        print(_row(str(progress.total.path), progress.total, progress.office, progress.revised))
        if progress.questions:
            print(f"{language}: {progress.questions} question{'s' if progress.questions != 1 else ''} "
                  f"for the office (make queries)")
    return 1 if failed else 0


# -- make progress: the page and the badges -------------------------------------------------------

def colour(percent: int) -> str:
    return next(value for threshold, value in _COLOURS if percent >= threshold)


def _text_width(text: str) -> int:
    """Shields' Verdana 11 px, near enough: the badge's box fits its words."""
    return round(sum(7.5 if c.isupper() or c in "%mw" else 3.5 if c in " .,:;ilj|" else 6.5 for c in text))


def badge(progress: LanguageProgress) -> str:
    label, message = f"translated {progress.language}", f"{progress.percent} %"
    left, right = _text_width(label) + 10, _text_width(message) + 10
    total = progress.total
    title = (f"{language_name(progress.language)} ({progress.language}): {progress.percent} % translated, "
             f"{total.translated} of {total.total} messages")
    return str(render_html(TEMPLATES, "progress-badge.svg.jinja", label=label, message=message, title=title,
                           left=left, right=right, colour=colour(progress.percent)))


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _catalog_values(catalog: CatalogProgress, root: Path) -> dict[str, object]:
    return {"name": catalog.path.name, "path": _relative(catalog.path, root),
            "counts": catalog.counts, "office": catalog.office, "revised": _date(catalog.revised),
            "percent": f"{catalog.counts.percent:.1f}", "problem": catalog.problem}


def page(project: Project, languages: list[LanguageProgress]) -> str:
    values = [{"code": p.language, "tag": language_tag(p.language), "name": language_name(p.language),
               "percent": p.percent, "total": p.total, "total_percent": f"{p.total.percent:.1f}", "office": p.office,
               "questions": p.questions, "revised": _date(p.revised), "left_out": p.left_out,
               "catalogs": [_catalog_values(c, project.root) for c in p.catalogs]} for p in languages]
    return str(render_html(TEMPLATES, "progress.html.jinja", title=project.title,
                           source_tag=language_tag(project.source_language), languages=values))


def write(project: Project, languages: list[str], out: Path) -> list[LanguageProgress]:
    """index.html and a badge per language into *out*; a badge of a language no longer
    translated is removed."""
    collected = [collect(project, language) for language in languages]
    out.mkdir(parents=True, exist_ok=True)
    badges = {f"{p.language}.svg": badge(p) for p in collected}
    for old in out.glob("*.svg"):
        if old.name not in badges:
            old.unlink()
    for name, svg in badges.items():
        (out / name).write_text(svg, encoding="utf-8")
    (out / "index.html").write_text(page(project, collected), encoding="utf-8")
    return collected


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python -m editions progress OUTDIR [LANGUAGE...]", file=sys.stderr)
        return 2
    project = load()
    out = Path(argv[0])
    languages = project.translations_of(project.requested(argv[1:]))
    collected = write(project, languages, out)
    summary = ", ".join(f"{p.language} {p.percent} %" for p in collected) or "no translation"
    print(f"progress {display_path(out / 'index.html')} ({summary})")
    # A catalog that cannot be read is on the page; the build's gate stops on it, and says where.
    return 0
