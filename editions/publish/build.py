"""Build one edition safely: ``python -m editions build html zh_CN [SPHINXOPTS...]``.

* Atomic publishing: Sphinx builds into a staging folder (kept between runs, so
  builds stay incremental); only a successful build is copied into place, by
  a rename swap.  A failed build leaves the last good edition as it was and
  says which edition failed.
* A failed or interrupted build forgets its cached environment, so the next
  run re-reads every page and reports the same warnings again: a retry cannot
  turn a red build green.
* One lock per edition: two ``make`` runs at once wait for each other instead
  of writing the same doctrees, staging folder or checked catalogs.  The HTML
  and PDF editions of a language share nothing (each has its checked catalogs,
  ``_build/locales/<format>/``), so they build side by side.
* One line per edition: Sphinx runs quietly (``-q``) and its warnings are
  printed as they come, each with its file and line; ``-v`` in SPHINXOPTS (or
  ``make V=1``) shows everything Sphinx says.
* Failures a user can cause read as one message with what to do.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import editor_url
from ..dates import pin_source_date_epoch
from ..edition import FORMATS, Edition, Paths
from ..handoff import WARNINGS_FILE
from ..inputs import WITH_PDFS
from ..project import Project, load
from .say import say


@dataclass(frozen=True)
class Job:
    """One format of one edition (editions.edition.Edition) to build under *builddir*."""

    format: str  # html, pdf, or review (a translation's review view: its parallel edition, annotated)
    edition: Edition
    builddir: Path
    project: Project

    @property
    def name(self) -> str:
        return f"{self.edition.folder(self.format)} {self.format.upper()}"

    @property
    def builder(self) -> str:
        return "latex" if self.format == "pdf" else "html"

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
        return self.doctrees / "BUILD-IN-PROGRESS"


class BuildFailed(Exception):
    pass


@contextmanager
def edition_lock(job: Job):
    """Serialise builds of one edition (two `make` runs at once)."""
    lock = job.paths.lock
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting for another build of the {job.name} edition to finish...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def forget_environment(job: Job) -> None:
    """Make the next build re-read every page (and repeat every warning)."""
    (job.doctrees / "environment.pickle").unlink(missing_ok=True)


def missing_requirements(requirements: list[str] | None = None) -> list[str]:
    """Pinned requirements of the toolkit that the environment doesn't satisfy."""
    from importlib import metadata

    from packaging.requirements import Requirement

    if requirements is None:
        distributions = metadata.packages_distributions().get(__name__.split(".")[0], [])
        requirements = metadata.requires(distributions[0]) or [] if distributions else []
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


def run_sphinx(job: Job, sphinxopts: list[str], languages: list[str], building_pdfs: bool) -> None:
    loud = verbose(sphinxopts)
    project = job.project
    args = [sys.executable, "-m", "sphinx", "-b", job.builder, "-c", ".",
            # the extension knows the rest from the model: language, parallel pair, the site's editions
            "-D", f"edition={job.edition.name}",
            *(review_options(job) if job.format == "review" else []),
            # a release (make ALLOW_FUZZY=0): a fuzzy or untranslated message is an error
            *(["-D", "edition_allow_fuzzy=0"] if os.environ.get("ALLOW_FUZZY", "").strip() == "0" else []),
            "-D", f"locale_dirs={job.paths.locales.resolve()}",
            # the site narrowed to some languages (make LANGUAGES=..., make dist)
            *(["-D", f"edition_languages={','.join(languages)}"] if languages != project.languages else []),
            *(["-D", f"edition_pdfs={','.join(project.offered_pdfs(languages, job.builddir, building_pdfs))}"]
              if job.format == "html" else []),
            "-d", str(job.doctrees), *([] if loud else ["-q"]), *sphinxopts,
            "docs", str(job.staging)]
    if loud:
        say(" ".join(["sphinx-build", *args[3:]]))
    # Warnings stream as Sphinx writes them (stderr); progress only with -v.
    result = subprocess.run(args, cwd=job.project.root)
    if result.returncode != 0:
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


def build_pdf_file(job: Job) -> Path:
    from .latexmk import PdfError, build_pdf

    try:
        return build_pdf(job.staging, job.project)
    except PdfError as exc:
        raise BuildFailed(str(exc)) from None


def build(job: Job, sphinxopts: list[str], languages: list[str], building_pdfs: bool = False) -> None:
    check_python_environment()
    check_disk(job)
    job.doctrees.mkdir(parents=True, exist_ok=True)
    if job.dirty_marker.exists():
        say(f"the last {job.name} build was interrupted: re-reading every page")
        forget_environment(job)
    job.dirty_marker.touch()
    try:
        run_sphinx(job, sphinxopts, languages, building_pdfs)
        output = build_pdf_file(job) if job.format == "pdf" else job.staging
        swap_into_place(output, job.published)
        if job.format == "pdf":  # the site links each edition's brochure
            swap_into_place(output, job.builddir / "html" / "pdf" / job.published.name)
    except BaseException:
        forget_environment(job)
        job.dirty_marker.unlink(missing_ok=True)
        raise
    job.dirty_marker.unlink(missing_ok=True)


def _unchanged(job: Job) -> str:
    if job.published.exists():
        return f"The published {job.name} edition ({job.published}) is unchanged."
    return f"No {job.name} edition was published ({job.published} does not exist yet)."


def main(argv: list[str]) -> int:
    # build html --with-pdfs: this run builds the PDFs too (make all, pdf), so the site links them
    building_pdfs = WITH_PDFS in argv
    argv = [arg for arg in argv if arg != WITH_PDFS]
    if len(argv) < 2 or argv[0] not in FORMATS:
        say(f"usage: python -m editions build {{html,pdf,review}} [{WITH_PDFS}] EDITION [SPHINXOPTS...]", sys.stderr)
        return 2
    project = load()
    builddir = Path(os.environ.get("BUILDDIR", "_build"))
    languages = project.requested(os.environ.get("LANGUAGES", "").split()) or project.languages
    # a review is of a translation (review zh_CN): it shows that translation's parallel pair
    edition = project.review(argv[1]) if argv[0] == "review" else project.edition(argv[1])
    job = Job(argv[0], edition, builddir, project)
    sphinxopts = argv[2:]
    if job.format == "review":
        # A review is always published: what would stop an edition is shown at its entry.
        sphinxopts = [opt for opt in sphinxopts if opt not in ("-W", "--fail-on-warning")]
    pin_source_date_epoch(project.root)
    started = time.monotonic()
    try:
        with edition_lock(job):
            build(job, sphinxopts, languages, building_pdfs)
    except BuildFailed as exc:
        say(f"\nThe {job.name} edition failed: {exc}.\n{_unchanged(job)}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        say(f"\nThe {job.name} build was interrupted. {_unchanged(job)}", sys.stderr)
        return 130
    except OSError as exc:
        say(f"\nThe {job.name} edition failed: {exc.strerror or exc} ({exc.filename or ''}). "
            f"{_unchanged(job)}", sys.stderr)
        return 1
    warnings = translation_warnings(job)
    say(f"{job.name:<10} {job.published} ({time.monotonic() - started:.1f} s)"
        + (f"; {warnings}" if warnings else ""))
    return 0


def translation_warnings(job: Job) -> str:
    """The catalog guard's one line on what this edition shows in the source language."""
    if job.format == "review" or not job.edition.is_translation:
        return ""
    try:
        return (job.doctrees / WARNINGS_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""
