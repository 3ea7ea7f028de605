"""The test suite, one room a folder (see README, Tests):

* ``tests/unit``: functions, and ``make check`` on small sample catalogs;
* ``tests/sphinx``: the extension in-process, on small roots in ``tests/roots``;
* ``tests/pipeline``: the real Makefile on copies of a project (marked ``pipeline``,
  and ``tex`` where PDFs are built);
* ``tests/site``: the built site in headless Chromium (marked ``browser``).

The fixtures are in ``tests/fixtures``, a module a room (its ``__init__`` lists them).
Tests never build in the working tree.  ``make test-fast`` runs what needs neither TeX
nor a browser nor the Makefile, and no stress test (``slow``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from fixtures import SOURCE_DATE_EPOCH, TESTS

pytest_plugins = [
    "sphinx.testing.fixtures",
    "fixtures.catalogs",
    "fixtures.sphinx_builds",
    "fixtures.checks",
    "fixtures.projects",
    "fixtures.browser",
]

# Before any fixture module is imported: every build, in this process or another, reads these.
os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
# `make test` exports its own settings; a test's builds start from none of them.
for _name in ("LANGUAGES", "BUILDDIR", "V", "SITE_URL", "SPHINXOPTS", "USE_VENV_AS_IS",
              "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "FORCE_COLOR", "FORCE_COLOUR"):
    os.environ.pop(_name, None)
# Tests read what the tools print: plain text, even where CI's terminal asks for colour.
os.environ["NO_COLOR"] = "1"
# Each sample project's builds share its compiled code (see the Makefile's PYTEST).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def pytest_configure(config: pytest.Config) -> None:
    # hypothesis keeps a folder of its own: not in the working tree
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), f"editions-hypothesis-{os.getuid()}"))


_ROOM_MARKS = {"pipeline": "pipeline", "site": "browser"}
# The fixtures of a built profile: a test that uses one needs TeX and the Makefile.
_BUILT = {"built_project", "built_copy", "site", "pdfs", "server", "built_second_profile", "shared_second_profile"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with what it needs (``-m "not tex"`` leaves it out): its room, and
    TeX and the Makefile for a built profile."""
    for item in items:
        room = Path(item.fspath).relative_to(TESTS).parts[0]
        if room in _ROOM_MARKS:
            item.add_marker(_ROOM_MARKS[room])
        if _BUILT & set(getattr(item, "fixturenames", ())):
            item.add_marker("tex")
            item.add_marker("pipeline")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """pytest -n (make test): a module's tests on one worker, so that the module's fixtures
    are made once, and every browser test on one, so that one Chromium serves them all."""
    if config.getoption("dist") != "load":  # another --dist asked for on the command line
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return "tests/site" if module.startswith("tests/site/") else module

    return ByModule(config, log)
