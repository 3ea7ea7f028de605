"""Chinese readers: no paragraph of the PDF ends with one character alone on its last line.

A sample paragraph is made to end that way: on the brochure's A5 measure (116 mm:
33 characters of 10 pt a line, 31 after the indent of two) 65 characters leave one
for the third line.  xeCJK's CheckSingle (latex.py) keeps two together there; the
same build without it shows the single character, so the test can see one.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from editions.project import load
from editions.publish.latexmk import build_pdf

PARAGRAPH = "The sub-district serves its residents."
CHINESE = "街道为居民提供服务" * 7 + "街道"  # 65 characters, no punctuation: 31 + 33 + 1


def last_line(sample, conf_extra: str = "") -> str:
    (sample.path / "index.md").write_text(f"(sample)=\n# Sample page\n\n{PARAGRAPH}\n\n```{{toctree}}\n:hidden:\n\n"
                                          "other\n```\n", encoding="utf-8")
    if conf_extra:
        with (sample.path / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(conf_extra)
    sample.catalog({PARAGRAPH: CHINESE})
    build = sample.build("latex")
    pdf = build_pdf(build.outdir, load(sample.path))
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line.strip() for line in text.splitlines() if re.fullmatch(r"[街道为居民提供服务]+", line.strip())]
    assert "".join(lines) == CHINESE, lines
    return lines[-1]


@pytest.mark.tex
def test_the_last_line_of_a_paragraph_has_two_characters_or_more(sample) -> None:
    assert len(last_line(sample)) >= 2


@pytest.mark.tex
def test_without_check_single_the_sample_would_end_with_one(sample) -> None:
    assert len(last_line(sample, '\nlatex_elements = {"preamble": r"\\xeCJKsetup{CheckSingle=false}"}\n')) == 1
