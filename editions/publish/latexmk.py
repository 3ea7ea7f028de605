"""Turn one edition's LaTeX output into its PDF, locked down, explaining failures plainly.

``build_pdf(LATEX_DIR, project)`` runs latexmk with XeLaTeX there;
``start_pdf`` starts it and returns at once (``wait()`` for the PDF), so that the
build writes an edition's HTML while TeX makes its PDF.

TeX is a programming language and the text it typesets comes partly from
translators, so it runs locked down: no shell escape (``-no-shell-escape``,
``shell_escape=f``), no reading or writing of files outside the build
(kpathsea's ``openin_any=p`` and ``openout_any=p``), and a time limit on every
XeLaTeX run.  A missing TeX says so with the command to install it; a LaTeX
error, a crash or a run that hits the time limit names the source page it was
typesetting (each page announces itself in the log: ``latex.py`` adds the
markers), not just a line of a generated .tex file.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

from ..dates import pin_source_date_epoch
from ..handoff import PAGE_MARKER
from ..project import Project

#: Seconds one XeLaTeX run may take (EDITIONS_TEX_TIMEOUT overrides it).
TEX_TIMEOUT = 120
_PAGE = re.compile(re.escape(PAGE_MARKER) + r"(?P<doc>[^\s]+)")
_FILE_LINE_ERROR = re.compile(r"^(?P<file>[^:\n]+\.tex):(?P<line>\d+): (?P<message>.+)$", re.MULTILINE)
_PLAIN_ERROR = re.compile(r"^! (?P<message>.+)$", re.MULTILINE)
_LINE_REF = re.compile(r"^l\.(?P<line>\d+)", re.MULTILINE)
_DOC_LABEL = re.compile(r"\\label\{\\detokenize\{(?P<doc>[^{}]+?)::doc\}\}")


class PdfError(Exception):
    pass


def tex_packages(project: Project) -> str:
    """The Debian packages of the ``pdf`` group: one list, debian-packages.txt."""
    try:
        lines = (project.root / "debian-packages.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "latexmk texlive-xetex"
    return " ".join(line.split()[1] for line in lines if line.split()[:1] == ["pdf"])


def source_page(tex: Path, line: int) -> str | None:
    """The source page (docname) whose text is at *line* of the .tex file."""
    page = None
    with tex.open(encoding="utf-8", errors="replace") as lines:
        for number, text in enumerate(lines, start=1):
            if number > line:
                break
            if match := _DOC_LABEL.search(text):
                page = match["doc"]
    return page


def last_page(log: str) -> str | None:
    """The page XeLaTeX was typesetting when the log ends."""
    pages = _PAGE.findall(log)
    return pages[-1] if pages else None


def _where(page: str | None) -> str:
    return f"docs/{page}.md" if page else "the document preamble (conf.py / editions/sphinxext/latex.py)"


def explain_failure(tex: Path, project: Project, returncode: int) -> str:
    log = tex.with_suffix(".log")
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    match = _FILE_LINE_ERROR.search(text)
    plain = _PLAIN_ERROR.search(text)
    if match:
        message, line = match["message"], int(match["line"])
        if message.startswith("Emergency stop") and plain:  # the error that caused it says more
            message = plain["message"]
    elif plain:
        message = plain["message"]
        ref = _LINE_REF.search(text, plain.end())
        line = int(ref["line"]) if ref else 0
    else:
        crashed = (
            f"XeLaTeX crashed (signal {-returncode})" if returncode < 0 else "LaTeX failed without an error message"
        )
        return (f"{crashed} while typesetting {_where(last_page(text))}: a very long word or an unusual "
                f"character there is the likely cause; see {log}")
    page = (source_page(tex, line) if line else None) or last_page(text)
    if "not found" in message and ("font" in message.lower() or "fontspec" in text[-3000:]):
        hint = f"a font is missing: sudo apt-get install {tex_packages(project)}"
    else:
        hint = f"full log: {log}"
    return f"LaTeX error in {_where(page)} ({tex.name} line {line}): {message.strip()}; {hint}"


def locked_down_environment(latex_dir: Path) -> dict[str, str]:
    """kpathsea settings: TeX reads and writes only inside the build folder (and its own tree)."""
    return {
        **os.environ,
        "FORCE_SOURCE_DATE": "1",
        "shell_escape": "f",
        "openin_any": "p",
        "openout_any": "p",
        "TEXMFOUTPUT": str(latex_dir),
        "max_print_line": "10000",  # log lines whole: an error message is not cut at 79 characters
    }


class TexRun:
    """latexmk running on one edition's .tex, in its own session; ``wait()`` for the PDF.

    Its output goes to a file beside the .tex, not a pipe: the build writes the HTML
    while TeX runs, and a pipe nobody reads would stop TeX when it filled up."""

    def __init__(self, tex: Path, project: Project) -> None:
        self.tex, self.project = tex, project
        self.limit = int(os.environ.get("EDITIONS_TEX_TIMEOUT", TEX_TIMEOUT))
        self.output = tex.with_name(".latexmk-output")
        # Each XeLaTeX run under its own time limit; latexmk as a whole under a few of them.
        # SIGINT first: TeX stops as on an interruption and writes out its log (with the page
        # markers); KILL if it does not.
        xelatex = f"timeout --signal=INT --kill-after=10 {self.limit} xelatex -no-shell-escape %O %S"
        self.started = time.monotonic()
        with open(self.output, "wb") as output:
            self.process = subprocess.Popen(
                ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
                 "-e", f"$xelatex = q/{xelatex}/;", tex.name],
                cwd=tex.parent, env=locked_down_environment(tex.parent), stdout=output,
                stderr=subprocess.STDOUT, start_new_session=True)

    def _output(self) -> str:
        try:
            return self.output.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def wait(self) -> Path:
        """The PDF, once latexmk is done; PdfError with the page at fault if it failed."""
        try:
            self.process.wait(timeout=max(0.0, self.started + self.limit * 5 - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.stop()
            raise PdfError(_timed_out(self.tex, self.limit * 5, self._output())) from None
        pdf = self.tex.with_suffix(".pdf")
        if self.process.returncode != 0 or not pdf.exists():
            if time.monotonic() - self.started >= self.limit:  # a run was stopped at the time limit
                raise PdfError(_timed_out(self.tex, self.limit, self._output()))
            raise PdfError(explain_failure(self.tex, self.project, self.process.returncode))
        return pdf

    def stop(self) -> None:
        """Stop latexmk and its XeLaTeX (its own session: an interrupted build must say so)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_pdf(latex_dir: Path, project: Project) -> TexRun:
    """Start latexmk on the one .tex of *latex_dir*: the PDF is made while the caller works."""
    if shutil.which("latexmk") is None or shutil.which("xelatex") is None:
        raise PdfError(
            "XeLaTeX/latexmk are not installed, so the PDF editions cannot be built "
            f"(the HTML editions don't need them). Run: sudo apt-get install {tex_packages(project)}"
        )
    texs = sorted(latex_dir.glob("*.tex"))
    if len(texs) != 1:
        raise PdfError(f"expected one .tex file in {latex_dir}, found {len(texs)}")
    pin_source_date_epoch(project.root)
    return TexRun(texs[0], project)


def build_pdf(latex_dir: Path, project: Project) -> Path:
    run = start_pdf(latex_dir, project)
    try:
        return run.wait()
    finally:
        run.stop()


def _timed_out(tex: Path, seconds: int, output: str) -> str:
    log = tex.with_suffix(".log")
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    page = last_page(text) or last_page(output)  # a killed run may not have written its log
    return (f"XeLaTeX did not finish within {seconds} s while typesetting {_where(page)} "
            "and was stopped: a very long word or an unusual run of characters there is the likely cause "
            f"(EDITIONS_TEX_TIMEOUT sets the limit); see {log}")
