"""Maintainers: each page of the PDF announces itself in XeLaTeX's log before its text, so
that a LaTeX error, a crash or a run stopped at the time limit names the source page
(editions.publish.latexmk reads the last marker: tests/unit/test_tex_sandbox.py)."""

from __future__ import annotations

from editions.handoff import PAGE_MARKER


def marker(docname: str) -> str:
    return rf"\typeout{{{PAGE_MARKER}\detokenize{{{docname}}}}}"


def test_each_page_announces_itself_before_its_text(sample) -> None:
    tex = sample.build("latex", language="en").tex()
    first, other = tex.find(marker("index")), tex.find(marker("other"))
    assert tex.count(marker("index")) == 1 and tex.count(marker("other")) == 1
    assert 0 <= first < tex.find("The Grand Canal runs through") < other < tex.find("The other page has a detail")
