"""Chinese readers: no paragraph of the PDF ends with one character alone on its last line.

A sample paragraph is made to end that way: on the brochure's A5 measure (116 mm:
33 characters of 10 pt a line, 31 after the indent of two) 65 characters leave one
for the third line.  xeCJK's CheckSingle (latex.py) keeps two together there; the
same paragraph set again without it, in the same PDF, shows the single character, so
the test can see one.
"""

from __future__ import annotations

import itertools
import re
import subprocess

import pytest

from editions.project import load
from editions.publish.latexmk import build_pdf

PARAGRAPH = "The sub-district serves its residents."
CHINESE = "街道为居民提供服务" * 7 + "街道"  # 65 characters, no punctuation: 31 + 33 + 1

PAGE = f"(sample)=\n# Sample page\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n```{{toctree}}\n:hidden:\n\nother\n```\n"


@pytest.fixture(scope="module")
def last_lines(module_sample) -> list[str]:
    """The last line of each of two samples in one PDF: the first as the brochure sets it,
    the second with CheckSingle off (set in the .tex between the two: a page may not hold
    raw LaTeX)."""
    (module_sample.path / "index.md").write_text(PAGE, encoding="utf-8")
    module_sample.catalog({PARAGRAPH: CHINESE})
    build = module_sample.build("latex")
    tex = next(build.outdir.glob("*.tex"))
    sample = f"\\sphinxAtStartPar\n{CHINESE}\n"
    text = tex.read_text(encoding="utf-8")
    assert text.count(sample) == 2, text
    tex.write_text(text.replace(sample, sample + "\n\\xeCJKsetup{CheckSingle=false}\n", 1), encoding="utf-8")
    pdf = build_pdf(build.outdir, load(module_sample.path))
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line.strip() for line in text.splitlines() if re.fullmatch(r"[街道为居民提供服务]+", line.strip())]
    assert "".join(lines) == CHINESE * 2, lines
    ends = list(itertools.accumulate(len(line) for line in lines))
    first = ends.index(len(CHINESE))  # the first paragraph's last line
    return [lines[first], lines[-1]]


@pytest.mark.tex
def test_the_last_line_of_a_paragraph_has_two_characters_or_more(last_lines: list[str]) -> None:
    assert len(last_lines[0]) >= 2


@pytest.mark.tex
def test_without_check_single_the_sample_would_end_with_one(last_lines: list[str]) -> None:
    assert len(last_lines[1]) == 1
