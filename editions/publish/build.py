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
from ..languages import edition_languages, parallel_edition
from ..outputs import WARNINGS_FILE
from ..project import Project, load
from .say import say

FORMATS = ("html", "pdf", "review")


@dataclass(frozen=True)
class Edition:
    format: str  # html, pdf, or review (a translation's review view: its parallel edition, annotated)
    language: str  # the edition: a language (zh_CN), or a parallel one (en-zh_CN)
    builddir: Path
    project: Project

    @property
    def parallel_name(self) -> str | None:
        """The parallel edition this one is (or, for a review, shows): en-zh_CN."""
        if self.format == "review":
            return parallel_edition(self.project.source_language, self.language)
        return self.language if "-" in self.language else None

    @property
    def parallel(self) -> bool:
        return self.parallel_name is not None

    @property
    def sphinx_language(self) -> str:
        """The language Sphinx builds in: a parallel edition's is its translation's."""
        return edition_languages(self.language)[-1]

    @property
    def name(self) -> str:
        return f"{self.language} {self.format.upper()}"

    @property
    def builder(self) -> str:
        return "latex" if self.format == "pdf" else "html"

    @property
    def staging(self) -> Path:
        folder = {"pdf": "latex"}.get(self.format, self.format)
        return self.builddir / "staging" / folder / self.language

    @property
    def doctrees(self) -> Path:
        prefix = "review" if self.format == "review" else self.builder
        return self.builddir / "doctrees" / f"{prefix}-{self.language}"

    @property
    def published(self) -> Path:
        if self.format == "html":
            return self.builddir / "html" / self.language
        if self.format == "review":
            return self.builddir / "review" / self.language
        return self.builddir / "pdf" / self.project.pdf_name(self.language)

    @property
    def dirty_marker(self) -> Path:
        return self.doctrees / "BUILD-IN-PROGRESS"


class BuildFailed(Exception):
    pass


@contextmanager
def edition_lock(edition: Edition):
    """Serialise builds of one edition (two `make` runs at once)."""
    locks = edition.builddir / "locks"
    locks.mkdir(parents=True, exist_ok=True)
    with open(locks / f"{edition.format}-{edition.language}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting for another build of the {edition.name} edition to finish...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def forget_environment(edition: Edition) -> None:
    """Make the next build re-read every page (and repeat every warning)."""
    (edition.doctrees / "environment.pickle").unlink(missing_ok=True)


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


def check_disk(edition: Edition, need_mb: int | None = None) -> None:
    # EDITIONS_MIN_FREE_MB lets a test stand in for a full disk.
    need_mb = need_mb or int(os.environ.get("EDITIONS_MIN_FREE_MB", "50"))
    edition.builddir.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(edition.builddir).free // (1024 * 1024)
    if free < need_mb:
        raise BuildFailed(f"only {free} MB free on the disk of {edition.builddir}; "
                          f"free at least {need_mb} MB and build again")


def verbose(sphinxopts: list[str]) -> bool:
    return os.environ.get("V", "") not in ("", "0") or any(
        opt.startswith("-v") or opt == "--verbose" for opt in sphinxopts)


def offered_pdfs(edition: Edition, languages: list[str]) -> list[str]:
    """The languages whose PDF the site links: EDITION_PDFS (the Makefile's: the PDFs
    this run builds or that exist), else those already published."""
    given = os.environ.get("EDITION_PDFS")
    if given is not None:
        return given.split()
    return [name for name in edition.project.editions_of(languages)
            if (edition.builddir / "pdf" / edition.project.pdf_name(name)).exists()]


def review_options(edition: Edition) -> list[str]:
    """A review: the notes, make check's findings (against `make gettext`'s templates)
    and the translator's editor link (EDITOR_URL, from their own environment)."""
    options = ["-D", "edition_review=1", "-D", f"edition_review_templates={(edition.builddir / 'gettext').resolve()}"]
    if editor := os.environ.get("EDITOR_URL", ""):
        if problem := editor_url.problem(editor):
            raise BuildFailed(f"EDITOR_URL={editor!r} cannot be used: {problem}")
        options += ["-D", f"edition_editor_url={editor}"]
    return options


def run_sphinx(edition: Edition, sphinxopts: list[str], languages: list[str]) -> None:
    loud = verbose(sphinxopts)
    args = [sys.executable, "-m", "sphinx", "-b", edition.builder, "-c", ".",
            "-D", f"language={edition.sphinx_language}",
            *(["-D", f"edition_parallel={edition.parallel_name}"] if edition.parallel else []),
            *(review_options(edition) if edition.format == "review" else []),
            # a release (make ALLOW_FUZZY=0): a fuzzy or untranslated message is an error
            *(["-D", "edition_allow_fuzzy=0"] if os.environ.get("ALLOW_FUZZY", "").strip() == "0" else []),
            # each edition its own checked catalogs: editions build side by side
            "-D", f"locale_dirs={edition.builddir.resolve() / 'locales' / f'{edition.format}-{edition.language}'}",
            "-D", f"edition_languages={','.join(languages)}",
            "-D", f"edition_parallels={','.join(edition.project.parallels_of(languages))}",
            "-D", f"edition_pdfs={','.join(offered_pdfs(edition, languages))}",
            "-d", str(edition.doctrees), *([] if loud else ["-q"]), *sphinxopts,
            "docs", str(edition.staging)]
    if loud:
        say(" ".join(["sphinx-build", *args[3:]]))
    # Warnings stream as Sphinx writes them (stderr); progress only with -v.
    result = subprocess.run(args, cwd=edition.project.root)
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


def build_pdf_file(edition: Edition) -> Path:
    from .latexmk import PdfError, build_pdf

    try:
        return build_pdf(edition.staging, edition.project)
    except PdfError as exc:
        raise BuildFailed(str(exc)) from None


def build(edition: Edition, sphinxopts: list[str], languages: list[str]) -> None:
    check_python_environment()
    check_disk(edition)
    edition.doctrees.mkdir(parents=True, exist_ok=True)
    if edition.dirty_marker.exists():
        say(f"the last {edition.name} build was interrupted: re-reading every page")
        forget_environment(edition)
    edition.dirty_marker.touch()
    try:
        run_sphinx(edition, sphinxopts, languages)
        output = build_pdf_file(edition) if edition.format == "pdf" else edition.staging
        swap_into_place(output, edition.published)
        if edition.format == "pdf":  # the site links each edition's brochure
            swap_into_place(output, edition.builddir / "html" / "pdf" / edition.published.name)
    except BaseException:
        forget_environment(edition)
        edition.dirty_marker.unlink(missing_ok=True)
        raise
    edition.dirty_marker.unlink(missing_ok=True)


def _unchanged(edition: Edition) -> str:
    if edition.published.exists():
        return f"The published {edition.name} edition ({edition.published}) is unchanged."
    return f"No {edition.name} edition was published ({edition.published} does not exist yet)."


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in FORMATS:
        say("usage: python -m editions build {html,pdf,review} LANGUAGE [SPHINXOPTS...]", sys.stderr)
        return 2
    project = load()
    builddir = Path(os.environ.get("BUILDDIR", "_build"))
    languages = [lang for lang in os.environ.get("LANGUAGES", "").split() if "-" not in lang] or project.languages
    edition = Edition(argv[0], argv[1], builddir, project)
    sphinxopts = argv[2:]
    if edition.format == "review":
        # A review is always published: what would stop an edition is shown at its entry.
        sphinxopts = [opt for opt in sphinxopts if opt not in ("-W", "--fail-on-warning")]
    pin_source_date_epoch(project.root)
    started = time.monotonic()
    try:
        with edition_lock(edition):
            build(edition, sphinxopts, languages)
    except BuildFailed as exc:
        say(f"\nThe {edition.name} edition failed: {exc}.\n{_unchanged(edition)}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        say(f"\nThe {edition.name} build was interrupted. {_unchanged(edition)}", sys.stderr)
        return 130
    except OSError as exc:
        say(f"\nThe {edition.name} edition failed: {exc.strerror or exc} ({exc.filename or ''}). "
            f"{_unchanged(edition)}", sys.stderr)
        return 1
    warnings = translation_warnings(edition)
    say(f"{edition.name:<10} {edition.published} ({time.monotonic() - started:.1f} s)"
        + (f"; {warnings}" if warnings else ""))
    return 0


def translation_warnings(edition: Edition) -> str:
    """The catalog guard's one line on what this edition shows in the source language."""
    if edition.format == "review" or edition.sphinx_language == edition.project.source_language:
        return ""
    try:
        return (edition.doctrees / WARNINGS_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""
