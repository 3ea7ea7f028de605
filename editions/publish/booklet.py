r"""Print-ready booklets: ``python -m editions booklet [EDITION...]`` (``make booklet``).

An edition's reading PDF (``_build/pdf/<basename>-<edition>.pdf``, A5 pages: a
language's edition or a parallel one, en-zh_CN) becomes
``<basename>-<edition>-booklet.pdf``: its pages imposed two to an A4
landscape sheet in booklet order, ready to print on both sides (flip on the
short edge), stack and fold.  The first sheet carries the last page and the
first on its front, the second and the second-to-last on its back, and so on
to the middle.  A folded sheet is four pages, so the page count is padded with
blank pages to a multiple of four, at the back only (after the last page of
text), never inside the text.

The site offers the reading PDF only; the booklet is for the office's printer.
The imposition is LaTeX's pdfpages (``\includepdf[booklet]``, TeX Live's
texlive-latex-recommended) run by pdfLaTeX in a work folder of its own, locked
down like every TeX run here (``latexmk.locked_down_environment``: no shell
escape, no file outside the folder, a time limit), and reproducible: the same
reading PDF and SOURCE_DATE_EPOCH give the same bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..dates import pin_source_date_epoch
from ..project import Project, load
from ..templating import render_tex
from .latexmk import TEX_TIMEOUT, locked_down_environment, tex_packages
from .say import say

#: The folded sheet: pages are padded to a multiple of this.
SHEET_PAGES = 4
_PAGES = re.compile(r"^editions-booklet-pages:(\d+)$", re.MULTILINE)

# The reading PDF is copied in as reading.pdf: TeX reads no file outside its folder.
# First its pages are counted, then they are placed two to a sheet in the order of
# booklet_order (pdfpages' own booklet option turns every other side upside down, for
# printers that flip on the long edge): templates/booklet-*.tex.jinja.
TEMPLATES = Path(__file__).resolve().parent / "templates"


def padded(pages: int) -> int:
    """*pages* made up to whole folded sheets: blank pages at the back."""
    return -(-pages // SHEET_PAGES) * SHEET_PAGES


def booklet_order(pages: int) -> list[int | None]:
    """The reading pages in the order they are printed, two a side, front then back of
    each sheet; None for a blank page.  7 pages: [8] 1, 2 7 (sheet 1), 6 3, 4 5 (sheet 2)."""
    order: list[int] = []
    for sheet in range(padded(pages) // SHEET_PAGES):
        low, high = 2 * sheet + 1, padded(pages) - 2 * sheet
        order += [high, low, low + 1, high - 1]
    return [page if page <= pages else None for page in order]


class BookletError(Exception):
    pass


@dataclass(frozen=True)
class Booklet:
    path: Path
    pages: int  # of the reading PDF

    @property
    def blank(self) -> int:
        return padded(self.pages) - self.pages

    @property
    def sheets(self) -> int:
        return padded(self.pages) // SHEET_PAGES


#: A booklet is its reading PDF's name with this before .pdf.
BOOKLET_SUFFIX = "-booklet"


def booklet_path(reading: Path) -> Path:
    return reading.with_name(f"{reading.stem}{BOOKLET_SUFFIX}.pdf")


def impose(reading: Path, workdir: Path, project: Project) -> Booklet:
    """Write the booklet of the reading PDF *reading* beside it, through *workdir*."""
    if not reading.is_file():
        raise BookletError(f"{reading} does not exist: build it first (make pdf)")
    if shutil.which("pdflatex") is None:
        raise BookletError(f"pdfLaTeX is not installed. Run: sudo apt-get install {tex_packages(project)}")
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    shutil.copyfile(reading, workdir / "reading.pdf")
    pin_source_date_epoch(project.root)
    count = render_tex(TEMPLATES, "booklet-count.tex.jinja")
    counted = _PAGES.search(_pdflatex(workdir, "count", count, reading))
    if counted is None:
        raise BookletError(f"pdfLaTeX could not count the pages of {reading}; see {workdir / 'count.log'}")
    pages = int(counted.group(1))
    imposed = render_tex(TEMPLATES, "booklet-impose.tex.jinja", pages=booklet_order(pages))
    _pdflatex(workdir, "booklet", imposed, reading)
    target = booklet_path(reading)
    incoming = target.with_name(f".{target.name}.incoming")
    shutil.copyfile(workdir / "booklet.pdf", incoming)
    os.replace(incoming, target)  # a reader of the folder never sees half a booklet
    return Booklet(target, pages)


def _pdflatex(workdir: Path, name: str, source: str, reading: Path) -> str:
    """pdfLaTeX on *source* as *name*.tex in *workdir*, locked down; its log."""
    (workdir / f"{name}.tex").write_text(source, encoding="utf-8")
    limit = int(os.environ.get("EDITIONS_TEX_TIMEOUT", TEX_TIMEOUT))
    log_file = workdir / f"{name}.log"
    try:
        result = subprocess.run(
            ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
            cwd=workdir, env=locked_down_environment(workdir), capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        raise BookletError(f"pdfLaTeX did not finish with {reading} within {limit} s; see {log_file}") from None
    log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
    if result.returncode != 0:
        error = re.search(r"^! (.+)$", log, re.MULTILINE)
        raise BookletError(f"pdfLaTeX could not read or impose {reading}: "
                           f"{error.group(1) if error else 'no error message'}; see {log_file}")
    return log


def main(argv: list[str]) -> int:
    if any(arg.startswith("-") for arg in argv):
        say("usage: python -m editions booklet [EDITION...]", sys.stderr)
        return 2
    project = load()
    builddir = Path(os.environ.get("BUILDDIR", "_build"))
    languages = os.environ.get("LANGUAGES", "").split() or project.languages
    # each language's edition, then the parallel ones (en-zh_CN), as `make pdf` builds them
    editions = argv or project.editions_of(languages)
    for edition in editions:
        reading = builddir / "pdf" / project.pdf_name(edition)
        try:
            booklet = impose(reading, builddir / "booklet" / edition, project)
        except BookletError as exc:
            say(f"\nThe {edition} booklet failed: {exc}.", sys.stderr)
            return 1
        say(f"{edition + ' booklet':<10} {booklet.path} ({booklet.pages} pages"
            f"{f' + {booklet.blank} blank' if booklet.blank else ''} on {booklet.sheets} A4 sheets)")
    return 0

