"""An edition's HTML and PDF share one Sphinx environment: the driver passes Sphinx the
same value for everything it would read every page again for (editions.settings' "env"
rows, and Sphinx's own, such as locale_dirs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editions.project import load
from editions.publish.build import Job, formats_of, sphinx_arguments
from editions.settings import BY_NAME

ROOT = Path(__file__).resolve().parents[2]


def defined(args: list[str]) -> dict[str, str]:
    """The -D name=value pairs of sphinx-build's arguments."""
    pairs = [args[i + 1].split("=", 1) for i, arg in enumerate(args) if arg == "-D"]
    return {name: value for name, value in pairs}


@pytest.mark.parametrize("name", ["en", "zh_CN", "en-zh_CN"])
def test_the_html_and_the_pdf_differ_only_in_what_no_page_is_read_again_for(tmp_path: Path, name: str) -> None:
    project = load(ROOT)
    edition = project.edition(name)
    html, pdf = (sphinx_arguments(Job(format, edition, tmp_path, project), ["-W", "--keep-going"],
                                  ["en"], building_pdfs=True) for format in ("html", "pdf"))
    html_values, pdf_values = defined(html), defined(pdf)
    differ = {key for key in html_values.keys() | pdf_values.keys() if html_values.get(key) != pdf_values.get(key)}
    assert differ == {"edition_pdfs"} and BY_NAME["edition_pdfs"].rebuild != "env"
    assert html[html.index("-d") + 1] == pdf[pdf.index("-d") + 1]  # one doctree folder
    assert html[-1] != pdf[-1]  # each its own staging folder


@pytest.mark.parametrize(("argument", "formats"), [
    ("html", ["html"]), ("pdf", ["pdf"]), ("html,pdf", ["html", "pdf"]), ("pdf,html", ["pdf", "html"]),
    ("review", ["review"]), ("html,review", None), ("html,html", None), ("epub", None), ("", None)])
def test_the_formats_a_build_is_asked_for(argument: str, formats: list[str] | None) -> None:
    assert formats_of(argument) == formats
