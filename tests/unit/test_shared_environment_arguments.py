"""An edition's HTML, PDF and EPUB share one Sphinx environment: the driver passes Sphinx the
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
    html, pdf, epub = (sphinx_arguments(Job(format, edition, tmp_path, project), ["-W", "--keep-going"],
                                        ["en"], building_pdfs=True, building_epubs=True)
                       for format in ("html", "pdf", "epub"))
    html_values, pdf_values = defined(html), defined(pdf)
    differ = {key for key in html_values.keys() | pdf_values.keys() if html_values.get(key) != pdf_values.get(key)}
    assert differ == {"edition_pdfs", "edition_epubs"}
    assert BY_NAME["edition_pdfs"].rebuild != "env" and BY_NAME["edition_epubs"].rebuild != "env"
    assert defined(epub) == pdf_values  # the EPUB is read from the PDF's environment as it is
    assert html[html.index("-d") + 1] == pdf[pdf.index("-d") + 1] == epub[epub.index("-d") + 1]  # one doctree folder
    assert len({html[-1], pdf[-1], epub[-1]}) == 3  # each its own staging folder


@pytest.mark.parametrize(("argument", "formats"), [
    ("html", ["html"]), ("pdf", ["pdf"]), ("html,pdf", ["html", "pdf"]), ("pdf,html", ["pdf", "html"]),
    ("epub", ["epub"]), ("html,pdf,epub", ["html", "pdf", "epub"]),
    ("review", ["review"]), ("html,review", None), ("html,html", None), ("mobi", None), ("", None)])
def test_the_formats_a_build_is_asked_for(argument: str, formats: list[str] | None) -> None:
    assert formats_of(argument) == formats


def test_a_forgotten_environment_takes_the_sources_its_reading_kept_with_it(tmp_path: Path) -> None:
    from editions.handoff import KEPT_SOURCES
    from editions.publish.build import forget_environment

    project = load(ROOT)
    job = Job("html", project.edition("en-zh_CN"), tmp_path, project)
    kept = job.doctrees / KEPT_SOURCES / "economy.pickle"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"a reading's")
    (job.doctrees / "environment.pickle").write_bytes(b"")
    forget_environment(job)  # after a failed build: the next reads every page, and keeps their sources anew
    assert not (job.doctrees / "environment.pickle").exists() and not (job.doctrees / KEPT_SOURCES).exists()
    assert job.doctrees == tmp_path / "doctrees" / "env-zh_CN"  # the translation's, which the parallel edition shares
