"""Shared fixtures: copies of the real project, built with the real Makefile.

Tests never build inside the working tree: each gets a copy of the project
(sources, catalogs, Makefile, package) in a temporary folder and runs the same
commands a maintainer would, with the project's virtual environment.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from playwright import sync_api as playwright_api

from mishixiang_docs.workspace import copy_project

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)  # the environment running the tests is the project's
# A fixed date so that the outputs are comparable.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01 00:00 UTC


def source_pages(project: Path = ROOT) -> list[str]:
    """The pages Sphinx builds: docs/*.md less conf.py's exclude_patterns (docs/EDITORIAL.md)."""
    import ast
    import fnmatch

    tree = ast.parse((project / "conf.py").read_text(encoding="utf-8"))
    excluded: list[str] = next(
        (ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
         and any(isinstance(t, ast.Name) and t.id == "exclude_patterns" for t in node.targets)), [])
    docs = project / "docs"
    return sorted(p.stem for p in docs.glob("*.md")
                  if not any(fnmatch.fnmatch(p.relative_to(docs).as_posix(), pattern) for pattern in excluded))


def run_make(project: Path, *targets: str, check: bool = True, **variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    args = ["make", "--no-print-directory", "-C", str(project), f"VENV={VENV}", "USE_VENV_AS_IS=1", *targets]
    args += [f"{key}={value}" for key, value in variables.items()]
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


SAMPLE = Path(__file__).parent / "samples" / "minimal"


def write_catalog(project: Path, translations: dict[str, str], domain: str = "index",
                  language: str = "zh_CN") -> Path:
    """A catalog for *project* holding exactly *translations*."""
    path = project / "locales" / language / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language}
    for msgid, msgstr in translations.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    po.save(str(path))
    return path


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the one-page sample project (tests/samples/minimal)."""
    project = tmp_path / "sample"
    shutil.copytree(SAMPLE, project)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, for tests that change it."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project copied once and built with `make` (every edition)."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    run_make(project)
    return project


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    return built_project / "_build" / "html"


@pytest.fixture(scope="session")
def pdfs(built_project: Path) -> Path:
    return built_project / "_build" / "pdf"


# -- A real browser on the built site ------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandboxed, offline machine (no background connections).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (debian-packages.txt)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
