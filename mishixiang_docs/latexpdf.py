"""Turn one edition's LaTeX output into its PDF, explaining failures plainly.

``build_pdf(LATEX_DIR)`` runs latexmk with XeLaTeX there.  A missing TeX says
so with the command to install it; a LaTeX error names the source page it came
from, not just a line of a generated .tex file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from . import PROJECT_ROOT
from .dates import pin_source_date_epoch

TEX_PACKAGES = "latexmk texlive-xetex texlive-lang-chinese texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended fonts-texgyre fonts-noto-cjk"
_DOC_LABEL = re.compile(r"\\label\{\\detokenize\{(?P<doc>[^{}]+?)::doc\}\}")
_FILE_LINE_ERROR = re.compile(r"^(?P<file>[^:\n]+\.tex):(?P<line>\d+): (?P<message>.+)$", re.MULTILINE)
_PLAIN_ERROR = re.compile(r"^! (?P<message>.+)$", re.MULTILINE)
_LINE_REF = re.compile(r"^l\.(?P<line>\d+)", re.MULTILINE)


class PdfError(Exception):
    pass


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


def explain_failure(tex: Path) -> str:
    log = tex.with_suffix(".log")
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    match = _FILE_LINE_ERROR.search(text)
    if match:
        message, line = match["message"], int(match["line"])
    elif plain := _PLAIN_ERROR.search(text):
        message = plain["message"]
        ref = _LINE_REF.search(text, plain.end())
        line = int(ref["line"]) if ref else 0
    else:
        return f"LaTeX failed without an error message; see {log}"
    page = source_page(tex, line) if line else None
    where = f"docs/{page}.md" if page else "the document preamble (conf.py / mishixiang_docs/pdf.py)"
    if "not found" in message and ("font" in message.lower() or "fontspec" in text[-3000:]):
        hint = f"a font is missing: sudo apt-get install {TEX_PACKAGES}"
    else:
        hint = f"full log: {log}"
    return f"LaTeX error in {where} ({tex.name} line {line}): {message.strip()}; {hint}"


def build_pdf(latex_dir: Path) -> Path:
    if shutil.which("latexmk") is None or shutil.which("xelatex") is None:
        raise PdfError(
            "XeLaTeX/latexmk are not installed, so the PDF editions cannot be built "
            f"(the HTML editions don't need them). Run: sudo apt-get install {TEX_PACKAGES}"
        )
    texs = sorted(latex_dir.glob("*.tex"))
    if len(texs) != 1:
        raise PdfError(f"expected one .tex file in {latex_dir}, found {len(texs)}")
    tex = texs[0]
    pin_source_date_epoch(PROJECT_ROOT)
    env = {**os.environ, "FORCE_SOURCE_DATE": "1"}
    result = subprocess.run(
        ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error",
         "-file-line-error", tex.name],
        cwd=latex_dir, env=env, capture_output=True, text=True, errors="replace",
    )
    pdf = tex.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.exists():
        raise PdfError(explain_failure(tex))
    return pdf
