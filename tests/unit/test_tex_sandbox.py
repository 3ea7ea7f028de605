"""TeX runs locked down: no shell, no file outside the build read or written, a time limit.

What is tested is TeX's configuration, so each test runs latexmk the way the publishing
driver does (editions.publish.latexmk.build_pdf: -no-shell-escape, kpathsea's
openin_any and openout_any=p, a time limit on each XeLaTeX run) on a five-line document
that asks for what a hostile preamble would.  Translations cannot reach TeX as commands
in the first place (tests/sphinx/test_translation_safety.py); every PDF build of the
suite goes through the same build_pdf (tests/pipeline/test_pdf.py, test_build_safety.py).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from editions.handoff import PAGE_MARKER
from editions.project import Project, load
from editions.publish.latexmk import PdfError, build_pdf

pytestmark = pytest.mark.tex

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # build_pdf exports it: put back afterwards
    return load(ROOT)


def document(folder: Path, body: str) -> Path:
    """A build folder holding one .tex: *body* is its page."""
    latex = folder / "latex"
    latex.mkdir()
    (latex / "brief.tex").write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                                     encoding="utf-8")
    return latex


def test_no_file_outside_the_build_is_read(project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("TOPSECRET\n", encoding="utf-8")  # a file TeX could read anywhere else
    latex = document(tmp_path, rf"\input{{{secret}}}")
    with pytest.raises(PdfError) as refused:
        build_pdf(latex, project)
    said = str(refused.value)
    assert "LaTeX error in the document preamble" in said and "secret.tex' not found" in said
    assert not (latex / "brief.pdf").exists()
    # the same file inside the build is read: what is refused is the place
    (tmp_path / "inside").mkdir()
    inside = document(tmp_path / "inside", r"\input{secret.txt}")
    secret.rename(inside / "secret.txt")  # (a build folder holds one .tex)
    pdf = build_pdf(inside, project)
    assert "TOPSECRET" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                         check=True).stdout


def test_no_file_outside_the_build_is_written(project: Project, tmp_path: Path) -> None:
    written = tmp_path / "written.txt"
    write = r"\newwrite\out\immediate\openout\out={}\immediate\write\out{{x}}\immediate\closeout\out" + "\n"
    latex = document(tmp_path, write.format(written) + "Text.")
    with pytest.raises(PdfError) as refused:
        build_pdf(latex, project)
    assert "I can't write on file" in str(refused.value) and not written.exists()
    # inside the build, it writes: what is refused is the place
    (tmp_path / "inside").mkdir()
    inside = document(tmp_path / "inside", write.format("written.txt") + "Text.")
    build_pdf(inside, project)
    assert (inside / "written.txt").read_text(encoding="utf-8") == "x\n"


def test_no_command_is_run(project: Project, tmp_path: Path) -> None:
    ran = tmp_path / "ran.txt"
    latex = document(tmp_path, rf"\immediate\write18{{touch {ran}}}Text.")
    build_pdf(latex, project)  # TeX goes on without the command, as kpathsea's shell_escape=f says
    assert not ran.exists()
    assert f"runsystem(touch {ran})...disabled" in (latex / "brief.log").read_text(encoding="utf-8")


def test_a_run_that_never_ends_is_stopped_and_named(project: Project, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The page announces itself as latex.py's PageMarkers make each page do
    # (tests/sphinx/test_page_markers.py), then never ends.  A tiny document loads in a
    # fraction of a second: 5 s leave a busy machine time to reach the page.
    monkeypatch.setenv("EDITIONS_TEX_TIMEOUT", "5")
    latex = document(tmp_path, rf"\typeout{{{PAGE_MARKER}\detokenize{{index}}}}\def\forever{{\forever}}\forever")
    with pytest.raises(PdfError) as stopped:
        build_pdf(latex, project)
    assert "XeLaTeX did not finish within 5 s while typesetting docs/index.md" in str(stopped.value)
    assert not (latex / "brief.pdf").exists()
