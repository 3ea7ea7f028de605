"""Maintainers: failed, concurrent and interrupted builds never break an edition.

Each test drives the real Makefile on a copy of the project: break something,
run, read the message, and check that the published edition is unchanged.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BAD_REF = "\nSee {ref}`no-such-label`.\n"


@pytest.fixture
def project(built_second_profile: Path) -> Path:
    """The Makefile's mechanics on a tiny profile, its editions built: the same code,
    a fraction of the build."""
    return built_second_profile


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_nothing_changed_starts_no_build(project: Path, make) -> None:
    result = make(project, "html")
    assert result.stdout + result.stderr == ""  # neither Sphinx nor a line of its own


def test_a_failed_build_keeps_the_last_good_edition_fails_again_and_publishes_once_fixed(
        project: Path, make) -> None:
    edition = project / "_build" / "html" / "en"
    before = snapshot(edition)
    page = project / "docs" / "visit.md"
    original = page.read_text(encoding="utf-8")
    append(page, "\nA new sentence.\n" + BAD_REF)

    result = make(project, "html", LANGUAGES="en", check=False)

    assert result.returncode != 0
    assert "The en HTML edition failed" in result.stderr
    assert "The published en HTML edition (_build/html/en) is unchanged" in result.stderr
    assert snapshot(edition) == before
    assert "A new sentence." not in (edition / "visit.html").read_text(encoding="utf-8")
    # a retry does not turn it green: each time the warning, with its page and line
    again = make(project, "html", LANGUAGES="en", check=False)
    assert again.returncode != 0
    assert re.search(r"docs/visit\.md:\d+: WARNING: undefined label: 'no-such-label'", again.stderr)
    # fixed, it publishes
    page.write_text(original + "\nFixed sentence.\n", encoding="utf-8")
    make(project, "html", LANGUAGES="en")
    assert "Fixed sentence." in (edition / "visit.html").read_text(encoding="utf-8")


def test_missing_page_in_the_toctree_is_named(project: Path, make) -> None:
    (project / "docs" / "visit.md").unlink()
    result = make(project, "html", LANGUAGES="en", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "index.md" in output and "nonexisting document 'visit'" in output


def test_two_builds_at_once_both_succeed(project: Path, make) -> None:
    append(project / "docs" / "visit.md", "\nBuilt twice at once.\n")
    runs = [subprocess.Popen(make.command(project, "html", LANGUAGES="en"), env=make.env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    html = (project / "_build" / "html" / "en" / "visit.html").read_text(encoding="utf-8")
    assert "Built twice at once." in html and html.rstrip().endswith("</html>")
    assert sum("waiting for another build of the en edition" in out for out in outputs) <= 1


def test_interrupted_build_does_not_break_the_next(project: Path, make) -> None:
    append(project / "docs" / "visit.md", "\nAfter the interruption.\n")
    run = subprocess.Popen(make.command(project, "html", LANGUAGES="en"), env=make.env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    marker = project / "_build" / "doctrees" / "env-en" / "BUILD-IN-PROGRESS-en"
    deadline = time.monotonic() + 120  # only a deadline: the loop ends when the marker is there
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)  # as hard as it gets: no clean-up runs
    run.wait()

    result = make(project, "html", LANGUAGES="en")

    assert "interrupted: re-reading every page" in result.stdout
    assert "After the interruption." in (project / "_build/html/en/visit.html").read_text(encoding="utf-8")


def test_full_disk_is_one_clear_message(project: Path, make) -> None:
    result = make(project, "html", LANGUAGES="en", check=False, env={"EDITIONS_MIN_FREE_MB": str(10**9)})
    assert result.returncode != 0
    assert "MB free on the disk of _build; free at least" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_tex_says_so(project: Path, make) -> None:
    # Only the virtual environment on PATH: no latexmk, no xelatex.
    env = {**make.env, "PATH": str(Path(sys.executable).parent)}
    (project / "_build" / "pdf" / "riverside-brief-zh_CN.pdf").unlink()  # as on a fresh clone
    result = subprocess.run([sys.executable, "-m", "editions", "build", "pdf", "zh_CN"], cwd=project,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "No zh_CN PDF edition was published" in result.stderr  # it never existed
    assert "XeLaTeX/latexmk are not installed" in result.stderr
    assert "sudo apt-get install" in result.stderr
    assert "Traceback" not in result.stderr


def test_latex_error_names_the_source_page(project: Path, make) -> None:
    append(project / "docs" / "visit.md", "\n```{math}\n\\undefinedcontrolsequence\n```\n")
    result = make(project, "pdf", LANGUAGES="en", check=False)
    assert result.returncode != 0
    assert "LaTeX error in docs/visit.md" in result.stderr
    assert "Undefined control sequence" in result.stderr
    assert not (project / "_build" / "pdf" / "mishixiang-profile-en.pdf").exists()


def test_missing_python_dependency_is_named() -> None:
    from editions.publish.build import missing_requirements, own_requirements

    assert any(text.startswith("sphinx==") for text in own_requirements())  # found, and what it needs
    assert missing_requirements() == []
    assert missing_requirements(["no-such-package==1.0", "sphinx==1.0"]) == [
        "no-such-package==1.0 (not installed)", f"sphinx==1.0 (found {__import__('sphinx').__version__})",
    ]


def test_an_edited_interface_string_is_published_by_the_next_build(project: Path, make) -> None:
    # Python's gettext caches catalogs by path: the previous build's would be served again
    catalog = project / "locales" / "en" / "LC_MESSAGES" / "sphinx.po"
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace(
            'msgstr "Riverside Sub-district Brief"', 'msgstr "Riverside Sub-district Brief, 2nd edition"'
        ),
        encoding="utf-8",
    )
    make(project, "html", LANGUAGES="zh_CN en")
    page = (project / "_build" / "html" / "en" / "index.html").read_text(encoding="utf-8")
    assert "Riverside Sub-district Brief, 2nd edition</title>" in page


def test_a_folder_name_that_is_shell_syntax_runs_nothing(project: Path, make) -> None:
    # the languages are the folders of locales/: a pull request can name one
    folder = project / "locales" / "en;touch PWNED;#" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "index.po").write_text("", encoding="utf-8")
    for target in ("html", "check"):
        result = make(project, target, check=False)
        assert result.returncode != 0
        assert "locales/'en;touch PWNED;#' is not a language code" in result.stderr, result.stderr
    assert not list(project.rglob("PWNED"))


def test_a_link_added_among_the_catalogs_is_refused_at_the_next_make(project: Path, make, tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("keep me\n", encoding="utf-8")
    (project / "locales" / "en" / "LC_MESSAGES" / "visit.mo").symlink_to(target)
    result = make(project, "html", check=False)
    assert result.returncode != 0 and "locales/en/LC_MESSAGES/visit.mo:1: [catalog-file] is a symbolic link" in \
        result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_a_tex_failure_publishes_the_html_and_keeps_the_last_good_pdf(project: Path, make) -> None:
    pdf = project / "_build" / "pdf" / "riverside-brief-en.pdf"
    before = pdf.read_bytes()
    append(project / "docs" / "visit.md",
           "\nA sentence before the error.\n\n```{math}\n\\undefinedcontrolsequence\n```\n")

    result = make(project, "all", LANGUAGES="en", check=False)  # both formats: one process

    assert result.returncode != 0
    assert re.search(r"^en HTML +_build/html/en ", result.stdout, re.MULTILINE), result.stdout
    assert "A sentence before the error." in (project / "_build/html/en/visit.html").read_text(encoding="utf-8")
    assert "The en PDF edition failed: LaTeX error in docs/visit.md" in result.stderr
    assert f"The published en PDF edition (_build/pdf/{pdf.name}) is unchanged" in result.stderr
    assert "HTML edition failed" not in result.stderr
    assert pdf.read_bytes() == before == (project / "_build" / "html" / "pdf" / pdf.name).read_bytes()


def test_build_html_and_pdf_at_once_publishes_both(project: Path) -> None:
    # a sentence added to a translated paragraph: the page's structure stays, one XeLaTeX pass (a new paragraph: three)
    catalog = project / "locales" / "en" / "LC_MESSAGES" / "visit.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "The sub-district has 3 parks and a bridge."',
        'msgstr "The sub-district has 3 parks and a bridge. Both formats at once."'), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "editions", "build", "html,pdf", "en", "-W", "--keep-going"],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "V": ""})
    assert result.returncode == 0, result.stderr
    assert [line.split()[:3] for line in result.stdout.splitlines()] == [
        ["en", "HTML", "_build/html/en"], ["en", "PDF", "_build/pdf/riverside-brief-en.pdf"]]
    assert "Both formats at once." in (project / "_build/html/en/visit.html").read_text(encoding="utf-8")
    tex = project / "_build" / "staging" / "latex" / "en" / "riverside-brief-en.tex"
    assert "Both formats at once." in tex.read_text(encoding="utf-8")
    assert (project / "_build" / "pdf" / "riverside-brief-en.pdf").stat().st_mtime > tex.stat().st_mtime
    # a review has its own environment: not built with the others
    refused = subprocess.run([sys.executable, "-m", "editions", "build", "html,review", "en"], cwd=project,
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "usage:" in refused.stderr
