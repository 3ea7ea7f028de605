"""Build one edition safely: ``python -m editions build html,pdf zh_CN [SPHINXOPTS...]``.

* Read once, write many: an edition's formats share one Sphinx environment
  (:meth:`editions.edition.Edition.environment`), built in one process with Sphinx
  in-process.  The LaTeX builder runs first and reads the sources; latexmk starts
  on its .tex at once, in the background, while the HTML builder writes the site
  from the same environment (no page read again); then the PDF is awaited.
  ``build html zh_CN`` and ``build pdf zh_CN`` build one format.  The EPUB
  (``epub``) is written from the same environment, after the HTML.
* Atomic publishing: Sphinx builds into a staging folder (kept between runs, so
  builds stay incremental); only a successful build is copied into place, by
  a rename swap, format by format.  A failed format leaves its last good edition
  as it was and says which edition and format failed; the other is published.
* A failed or interrupted Sphinx build forgets the environment, so the next
  run re-reads every page and reports the same warnings again: a retry cannot
  turn a red build green.  (A failed TeX run keeps it: Sphinx writes the whole
  .tex on every run, so TeX meets the same error again.)
* One reading per language: a parallel edition (en-zh_CN) is written from its
  translation's environment (zh_CN's doctrees and checked catalogs), reading nothing
  once zh_CN's build has read (editions.sphinxext.shared_environment).
* One lock per environment, held while Sphinx runs: two ``make`` runs at once, or an
  edition and the parallel one written from its reading, take turns instead of writing
  the same doctrees or checked catalogs; TeX runs after the lock is released.  Languages
  share nothing (each its doctrees and checked catalogs), so they build side by side.
* One line per edition and format: Sphinx runs quietly (``-q``) and its warnings
  are printed as they come, each with its file and line; ``-v`` in SPHINXOPTS (or
  ``make V=1``) shows everything Sphinx says.
* Failures a user can cause read as one message with what to do.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import editor_url
from ..dates import pin_source_date_epoch
from ..edition import DOWNLOADS, FORMATS, Edition, Paths
from ..handoff import warnings_file
from ..inputs import WITH_EPUBS, WITH_PDFS
from ..project import Project, load
from .say import say

if TYPE_CHECKING:
    from .latexmk import TexRun


#: A build of the environment was under way (the name of an edition's marker begins so).
DIRTY_MARKER = "BUILD-IN-PROGRESS"


@dataclass(frozen=True)
class Job:
    """One format of one edition (editions.edition.Edition) to build under *builddir*."""

    format: str  # html, pdf, epub, or review (a translation's review view: its parallel edition, annotated)
    edition: Edition
    builddir: Path
    project: Project

    @property
    def name(self) -> str:
        return f"{self.edition.folder(self.format)} {self.format.upper()}"

    @property
    def builder(self) -> str:
        return {"pdf": "latex", "epub": "epub"}.get(self.format, "html")

    @property
    def paths(self) -> Paths:
        return self.edition.paths(self.builddir, self.format)

    @property
    def staging(self) -> Path:
        return self.paths.staging

    @property
    def doctrees(self) -> Path:
        return self.paths.doctrees

    @property
    def published(self) -> Path:
        return self.paths.published

    @property
    def dirty_marker(self) -> Path:
        """Said while its Sphinx runs (under the environment's lock), in the doctree folder:
        one an edition, named by its folder (zh_CN and en-zh_CN share the environment)."""
        return self.doctrees / f"{DIRTY_MARKER}-{self.edition.folder(self.format)}"

    @property
    def environment(self) -> str:
        """Its environment's name, for messages: the edition's, a parallel edition's its
        translation's (a review's is its own)."""
        return self.edition.environment if self.format != "review" else f"{self.edition.folder('review')} review"


class BuildFailed(Exception):
    pass


@contextmanager
def environment_lock(job: Job) -> Iterator[None]:
    """Serialise the Sphinx runs on one environment (two `make` runs at once; an edition
    and the parallel one written from its reading): two processes never write one doctree
    folder.  Held while Sphinx runs, not while TeX does."""
    lock = job.paths.lock
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+", encoding="utf-8") as handle:  # not "w": the holder's name is in it
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            # said when it is another build of this edition (another `make`); the edition and the
            # parallel one written from its reading take turns by design
            if handle.read().strip() == job.edition.folder(job.format):
                say(f"waiting for another build of the {job.environment} edition to finish...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(job.edition.folder(job.format))
        handle.flush()
        yield


def forget_environment(job: Job) -> None:
    """Make the next build re-read every page (and repeat every warning); the sources its
    reading kept for the parallel edition go with it."""
    from ..sphinxext import kept_sources

    (job.doctrees / "environment.pickle").unlink(missing_ok=True)
    kept_sources.forget(job.doctrees)


def own_requirements() -> list[str]:
    """The requirements of the installed distribution that holds this package."""
    from importlib import metadata

    package = __name__.split(".")[0]
    # Its top_level.txt names the package (16 ms); packages_distributions() would read
    # every distribution's RECORD (0.2 s, each build).
    names = [d.metadata["Name"] for d in metadata.distributions()
             if package in (d.read_text("top_level.txt") or "").split()] \
        or metadata.packages_distributions().get(package, [])
    return metadata.requires(names[0]) or [] if names else []


def missing_requirements(requirements: list[str] | None = None) -> list[str]:
    """Pinned requirements of the toolkit that the environment doesn't satisfy."""
    from importlib import metadata

    from packaging.requirements import Requirement

    if requirements is None:
        requirements = own_requirements()
    missing = []
    for text in requirements:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # an extra (tests), not needed to build
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            missing.append(f"{requirement} (not installed)")
            continue
        if installed not in requirement.specifier:
            missing.append(f"{requirement} (found {installed})")
    return missing


def check_python_environment() -> None:
    if missing := missing_requirements():
        raise BuildFailed(
            "the virtual environment lacks " + ", ".join(missing)
            + "; reinstall it: rm -f .venv/.installed && make"
        )


def check_disk(job: Job, need_mb: int | None = None) -> None:
    # EDITIONS_MIN_FREE_MB lets a test stand in for a full disk.
    need_mb = need_mb or int(os.environ.get("EDITIONS_MIN_FREE_MB", "50"))
    job.builddir.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(job.builddir).free // (1024 * 1024)
    if free < need_mb:
        raise BuildFailed(f"only {free} MB free on the disk of {job.builddir}; "
                          f"free at least {need_mb} MB and build again")


def verbose(sphinxopts: list[str]) -> bool:
    return os.environ.get("V", "") not in ("", "0") or any(
        opt.startswith("-v") or opt == "--verbose" for opt in sphinxopts)


def review_options(job: Job) -> list[str]:
    """A review: the notes, make check's findings (against `make gettext`'s templates)
    and the translator's editor link (EDITOR_URL, from their own environment)."""
    options = ["-D", "edition_review=1", "-D", f"edition_review_templates={(job.builddir / 'gettext').resolve()}"]
    if editor := os.environ.get("EDITOR_URL", ""):
        if problem := editor_url.problem(editor):
            raise BuildFailed(f"EDITOR_URL={editor!r} cannot be used: {problem}")
        options += ["-D", f"edition_editor_url={editor}"]
    return options


def sphinx_arguments(job: Job, sphinxopts: list[str], languages: list[str], building_pdfs: bool,
                     building_epubs: bool = False) -> list[str]:
    """sphinx-build's arguments for *job*.  Every value that Sphinx rebuilds the environment
    for ("env" in editions.settings) is the same for an edition's HTML and PDF: they share
    it; only ``edition_pdfs`` and ``edition_epubs`` ("html") differ."""
    project = job.project
    return ["-b", job.builder, "-c", ".",
            # the extension knows the rest from the model: language, parallel pair, the site's editions
            "-D", f"edition={job.edition.name}",
            *(review_options(job) if job.format == "review" else []),
            # a release (make ALLOW_FUZZY=0): a fuzzy or untranslated message is an error
            *(["-D", "edition_allow_fuzzy=0"] if os.environ.get("ALLOW_FUZZY", "").strip() == "0" else []),
            "-D", f"locale_dirs={job.paths.locales.resolve()}",
            # the site narrowed to some languages (make LANGUAGES=..., make dist)
            *(["-D", f"edition_languages={','.join(languages)}"] if languages != project.languages else []),
            *(["-D", f"edition_pdfs={','.join(project.offered_pdfs(languages, job.builddir, building_pdfs))}",
               "-D", f"edition_epubs={','.join(project.offered('epub', languages, job.builddir, building_epubs))}"]
              if job.format == "html" else []),
            "-d", str(job.doctrees), *([] if verbose(sphinxopts) else ["-q"]), *sphinxopts,
            "docs", str(job.staging)]


@contextmanager
def interruptions_noted() -> Iterator[list[int]]:
    """Sphinx's command line reports Ctrl-C as a failed build (status 2): note it, so that
    an interrupted build is said to be one (and forgets its environment)."""
    noted: list[int] = []

    def interrupted(signum: int, _frame: object) -> None:
        noted.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, previous)


def load_sphinx() -> None:
    """Sphinx, the extension and MyST imported before the environment's lock is taken
    (half a second): a parallel edition waiting for its translation's Sphinx pays for them
    meanwhile, on the other core."""
    import myst_parser.parsers.sphinx_  # noqa: F401
    import sphinx.application
    import sphinx.cmd.build  # noqa: F401

    from .. import sphinxext  # noqa: F401


def run_sphinx(job: Job, sphinxopts: list[str], languages: list[str], building_pdfs: bool,
               building_epubs: bool = False) -> None:
    """Sphinx in this process: the edition's formats pay once for Python, Sphinx, the theme,
    jieba."""
    # sphinx-build's own entry point: the console's locale too, as `python -m sphinx` had it
    from sphinx.cmd.build import main as sphinx_build

    from ..sphinxext import loaded_catalogs

    args = sphinx_arguments(job, sphinxopts, languages, building_pdfs, building_epubs)
    if verbose(sphinxopts):
        say(" ".join(["sphinx-build", *args]))
    # Warnings stream as Sphinx writes them (stderr); progress only with -v.
    try:
        with interruptions_noted() as interrupted:
            status = sphinx_build(args)
    except SystemExit as exc:  # the catalog guard stops an edition cleanly, without a traceback
        status = exc.code if isinstance(exc.code, int) else 1
    finally:
        # The interface catalogs it loaded (escaped for its output, HTML or TeX:
        # editions.sphinxext.safety) must not serve the next application.
        loaded_catalogs.forget()
    if interrupted:
        raise KeyboardInterrupt
    if status != 0:
        raise BuildFailed("Sphinx reported the errors above")


def swap_into_place(staging: Path, published: Path) -> None:
    """Replace *published* by a copy of *staging*; readers never see a mix."""
    published.parent.mkdir(parents=True, exist_ok=True)
    incoming = published.with_name(f".{published.name}.incoming")
    outgoing = published.with_name(f".{published.name}.outgoing")
    for leftover in (incoming, outgoing):  # from an interrupted run
        shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink(missing_ok=True)
    if staging.is_dir():
        shutil.copytree(staging, incoming, ignore=shutil.ignore_patterns(".buildinfo.bak"))
    else:
        shutil.copy2(staging, incoming)
    if published.exists():
        os.rename(published, outgoing)
    os.rename(incoming, published)
    if outgoing.is_dir():
        shutil.rmtree(outgoing)
    else:
        outgoing.unlink(missing_ok=True)


def publish(job: Job, output: Path) -> None:
    if job.format == "epub":  # Sphinx's epub builder zips the book into its output folder
        output = output / job.published.name
    swap_into_place(output, job.published)
    if job.format in DOWNLOADS:  # the site links each edition's brochure and book
        swap_into_place(output, job.builddir / "html" / job.format / job.published.name)


def failure(job: Job, exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return (f"The {job.name} edition failed: {exc.strerror or exc} ({exc.filename or ''}). "
                f"{_unchanged(job)}")
    return f"The {job.name} edition failed: {exc}.\n{_unchanged(job)}"


def start_tex(job: Job) -> TexRun:
    from .latexmk import PdfError, start_pdf

    try:
        return start_pdf(job.staging, job.project)
    except PdfError as exc:
        raise BuildFailed(str(exc)) from None


def finish_tex(job: Job, tex: TexRun) -> None:
    from .latexmk import PdfError

    try:
        publish(job, tex.wait())
    except PdfError as exc:
        raise BuildFailed(str(exc)) from None


def write(job: Job, sphinxopts: list[str], languages: list[str], building_pdfs: bool,
          building_epubs: bool = False) -> TexRun | None:
    """One format from the environment: the HTML or EPUB published; the PDF's TeX started, returned."""
    try:
        run_sphinx(job, sphinxopts, languages, building_pdfs, building_epubs)
    except BuildFailed:
        forget_environment(job)  # the next run reads every page again, and warns again
        raise
    if job.format == "pdf":
        return start_tex(job)
    publish(job, job.staging)
    return None


def build(jobs: list[Job], sphinxopts: list[str], languages: list[str], building_pdfs: bool = False,
          done: Callable[[Job, float], None] | None = None, building_epubs: bool = False) -> list[Job]:
    """Build *jobs*, the formats of one edition: the LaTeX builder first (it reads the
    sources), TeX started on its .tex at once and left running while the HTML, then the
    EPUB, is written from the same environment; then, the environment's lock released
    (another edition's Sphinx may use it), the PDF.  Each format is published as soon as
    it is done and *done* told, with its seconds; a failed one is said at once, and returned."""
    first = jobs[0]
    check_python_environment()
    check_disk(first)
    load_sphinx()
    with environment_lock(first):
        failed, tex = write_formats(jobs, sphinxopts, languages, building_pdfs, done, building_epubs)
    if tex:
        job, running, begun = tex
        try:
            finish_tex(job, running)
        except (BuildFailed, OSError) as exc:
            say(f"\n{failure(job, exc)}", sys.stderr)
            failed.append(job)
        except BaseException:
            running.stop()  # the environment is kept: Sphinx was done with it, as after a failed TeX run
            raise
        else:
            if done:
                done(job, time.monotonic() - begun)
    return failed


def write_formats(jobs: list[Job], sphinxopts: list[str], languages: list[str], building_pdfs: bool,
                  done: Callable[[Job, float], None] | None,
                  building_epubs: bool = False) -> tuple[list[Job], tuple[Job, TexRun, float] | None]:
    """Sphinx's part of build(), under the environment's lock: the failed formats, and the
    TeX run started, if any.  An interrupted run forgets the environment; a run killed
    outright leaves its marker, and the next build on the environment forgets it."""
    from ..sphinxext import catalog_guard

    first = jobs[0]
    first.doctrees.mkdir(parents=True, exist_ok=True)
    if any(first.doctrees.glob(f"{DIRTY_MARKER}*")):
        say(f"the last {first.environment} build was interrupted: re-reading every page")
        forget_environment(first)
        for marker in first.doctrees.glob(f"{DIRTY_MARKER}*"):
            marker.unlink(missing_ok=True)
    first.dirty_marker.touch()
    failed: list[Job] = []
    tex: tuple[Job, TexRun, float] | None = None
    # A finding is listed once: by the first format, or by the translation's edition when
    # the run builds it too (a parallel edition's catalogs are its translation's).
    by_translation = first.edition.parallel and first.edition.language in languages
    try:
        with catalog_guard.findings_listed_once(by_translation):
            # LaTeX first (TeX runs meanwhile), then the site, then the book
            for job in sorted(jobs, key=lambda job: ("pdf", "html", "epub", "review").index(job.format)):
                begun = time.monotonic()
                try:
                    running = write(job, sphinxopts, languages, building_pdfs, building_epubs)
                except (BuildFailed, OSError) as exc:
                    say(f"\n{failure(job, exc)}", sys.stderr)
                    failed.append(job)
                    continue
                if running:
                    tex = (job, running, begun)
                elif done:
                    done(job, time.monotonic() - begun)
    except BaseException:
        if tex:
            tex[1].stop()
        forget_environment(first)
        raise
    finally:
        first.dirty_marker.unlink(missing_ok=True)
    return failed, tex


def _unchanged(job: Job) -> str:
    if job.published.exists():
        return f"The published {job.name} edition ({job.published}) is unchanged."
    return f"No {job.name} edition was published ({job.published} does not exist yet)."


def formats_of(argument: str) -> list[str] | None:
    """``html``, ``pdf``, ``html,pdf``, ``review``: the formats asked for, or None.  A review
    has its own environment: it is built alone."""
    formats = argument.split(",")
    if not all(format in FORMATS for format in formats) or len(set(formats)) != len(formats):
        return None
    return None if "review" in formats and len(formats) > 1 else formats


def main(argv: list[str]) -> int:
    # build html --with-pdfs: this run builds the PDFs too (make all, pdf), so the site links them
    # --with-epubs: this run builds the EPUBs (make all, epub), so the site links them
    building_pdfs, building_epubs = WITH_PDFS in argv, WITH_EPUBS in argv
    argv = [arg for arg in argv if arg not in (WITH_PDFS, WITH_EPUBS)]
    formats = formats_of(argv[0]) if argv else None
    if len(argv) < 2 or formats is None:
        say(f"usage: python -m editions build {{html,pdf,epub,review}}[,...] [{WITH_PDFS}] [{WITH_EPUBS}] EDITION "
            "[SPHINXOPTS...] (html,pdf,epub: each from one reading of the sources)", sys.stderr)
        return 2
    project = load()
    builddir = Path(os.environ.get("BUILDDIR", "_build"))
    languages = project.requested(os.environ.get("LANGUAGES", "").split())
    # a review is of a translation (review zh_CN): it shows that translation's parallel pair
    edition = project.review(argv[1]) if formats == ["review"] else project.edition(argv[1])
    jobs = [Job(format, edition, builddir, project) for format in formats]
    sphinxopts = argv[2:]
    if formats == ["review"]:
        # A review is always published: what would stop an edition is shown at its entry.
        sphinxopts = [opt for opt in sphinxopts if opt not in ("-W", "--fail-on-warning")]
    pin_source_date_epoch(project.root)

    def published(job: Job, seconds: float) -> None:
        warnings = translation_warnings(job)
        say(f"{job.name:<10} {job.published} ({seconds:.1f} s)" + (f"; {warnings}" if warnings else ""))

    try:
        failed = build(jobs, sphinxopts, languages, building_pdfs, done=published, building_epubs=building_epubs)
    except BuildFailed as exc:  # before any format was built: the environment, the disk
        for job in jobs:
            say(f"\n{failure(job, exc)}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        for job in jobs:
            say(f"\nThe {job.name} build was interrupted. {_unchanged(job)}", sys.stderr)
        return 130
    except OSError as exc:
        for job in jobs:
            say(f"\n{failure(job, exc)}", sys.stderr)
        return 1
    return 1 if failed else 0


def translation_warnings(job: Job) -> str:
    """The catalog guard's one line on what this edition shows in the source language."""
    if job.format == "review" or not job.edition.is_translation:
        return ""
    try:
        return warnings_file(job.doctrees, job.edition.name).read_text(encoding="utf-8").strip()
    except OSError:
        return ""
