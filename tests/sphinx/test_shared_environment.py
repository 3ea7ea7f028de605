"""An edition's HTML and PDF share one environment (editions.sphinxext.shared_environment):
each source page is read once, and each builder writes every page another one read."""

from __future__ import annotations

import io
import re
from typing import Any

from fixtures.sphinx_builds import SampleProject

LINE = "The other page has a detail."


def build(sample: SampleProject, builder: str) -> tuple[Any, str]:
    """One build into the sample's one doctree folder, keeping the environment (not fresh)."""
    status = io.StringIO()
    app = sample.make_app(builder, srcdir=sample.path, confoverrides={"edition": "zh_CN"}, status=status,
                          warning=io.StringIO())
    app.build()
    app.cleanup()
    return app, status.getvalue()


def changed(status: str) -> tuple[int, int]:
    """(added, changed) pages of a build's 'updating environment' line."""
    match = re.search(r"(\d+) added, (\d+) changed, \d+ removed", status)
    assert match, status
    return int(match[1]), int(match[2])


def test_the_html_after_the_pdf_reads_nothing_and_writes_what_the_pdf_read(sample: SampleProject) -> None:
    catalog = {LINE: "另一页有一个细节。"}
    sample.catalog(catalog, domain="other")
    latex, status = build(sample, "latex")
    assert changed(status) == (2, 0)  # read once, here
    html, status = build(sample, "html")
    assert changed(status) == (0, 0)  # the same environment: nothing read again
    assert latex.doctreedir == html.doctreedir
    assert "另一页有一个细节。" in (html.outdir / "other.html").read_text(encoding="utf-8")

    # A translator's change: the PDF reads the page again; the HTML, after it, writes it
    # (its source is older than the page it wrote: only the record says it is owed).
    sample.catalog({LINE: "另一页有一个细节（已改）。"}, domain="other")
    _, status = build(sample, "latex")
    assert changed(status) == (0, 1)
    _, status = build(sample, "html")
    assert changed(status) == (0, 0)
    assert "另一页有一个细节（已改）。" in (html.outdir / "other.html").read_text(encoding="utf-8")

    # Written once: the next HTML build owes nothing.
    other = (html.outdir / "other.html").stat().st_mtime_ns
    _, status = build(sample, "html")
    assert changed(status) == (0, 0)
    assert (html.outdir / "other.html").stat().st_mtime_ns == other


def test_a_builder_new_to_an_environment_writes_every_page(sample: SampleProject) -> None:
    # A fresh environment (a clean build, or one forgotten after a failure) says nothing of what
    # an output folder kept from before holds: every page is written.
    sample.catalog({LINE: "另一页的旧译文。"}, domain="other")
    build(sample, "html")
    (sample.path / "_build" / "doctrees" / "environment.pickle").unlink()
    sample.catalog({LINE: "另一页的新译文。"}, domain="other")
    _, status = build(sample, "latex")
    assert changed(status) == (2, 0)
    html, status = build(sample, "html")
    assert changed(status) == (0, 0)
    assert "另一页的新译文。" in (html.outdir / "other.html").read_text(encoding="utf-8")


def test_the_latex_builders_escapes_leave_the_environment_valid_for_the_html(sample: SampleProject) -> None:
    # numfig_format is a value Sphinx reads every page again for: the LaTeX builder escapes
    # a translated "Listing %s" for TeX only once the environment is saved.
    sample.catalog({"Listing %s": "代码清单#%s"}, domain="sphinx")
    latex, status = build(sample, "latex")
    assert changed(status) == (2, 0)
    assert r"代码清单\#" in (latex.outdir / "sphinxmessages.sty").read_text(encoding="utf-8")
    _, status = build(sample, "html")
    assert changed(status) == (0, 0), status
