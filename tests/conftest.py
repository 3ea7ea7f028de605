"""Fixtures of the test suite, one room each (see README, Tests):

* ``tests/unit`` — functions and ``make check`` on small sample catalogs (``checks``);
* ``tests/sphinx`` — the extension in-process, with Sphinx's own ``sphinx.testing``
  fixtures on small roots in ``tests/roots`` (``sample``, ``module_sample``);
* ``tests/pipeline`` — the real Makefile on copies of a project (``project``,
  ``make``, ``built_project``, ``built_second_profile``); marked ``pipeline``, and
  ``tex`` where PDFs are built;
* ``tests/site`` — the built site in headless Chromium (``server``, ``browser``);
  marked ``browser``.

Tests never build in the working tree.  ``make test-fast`` runs what needs neither
TeX nor a browser nor the Makefile, and no stress test (``slow``).
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import polib
import pytest

from editions.publish.workspace import copy_project

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
VENV = Path(sys.prefix)  # the environment running the tests is the project's
# A fixed date, so that outputs can be compared (2026-01-01 00:00 UTC).
SOURCE_DATE_EPOCH = "1767225600"
os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH  # in-process builds read it too
# `make test` exports its own settings; a test's builds start from none of them.
for _name in ("LANGUAGES", "BUILDDIR", "V", "SITE_URL", "EDITION_PDFS", "SPHINXOPTS",
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


def pytest_sessionstart(session: pytest.Session) -> None:
    # With workers (pytest -n), the controller builds the shared profiles while the
    # workers run the tests that don't need them; those come last (see below).
    # (Here, not at configure time: pytest's tmp_path_factory exists by now.)
    config = session.config
    selected = config.getoption("markexpr", "") or ""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput") \
            and "not tex" not in selected and "not pipeline" not in selected:
        threading.Thread(target=_build_shared_profiles, args=(config,), daemon=True).start()


def _build_shared_profiles(config: pytest.Config) -> None:
    factory = config._tmp_path_factory  # pytest's own, as tmp_path_factory
    for name, build in _SHARED.items():
        _shared(factory, "master", name, build)

_ROOMS = {"pipeline": "pipeline", "site": "browser"}
_TEX_FIXTURES = {"built_project", "built_copy", "site", "pdfs", "server", "built_second_profile",
                 "shared_second_profile"}


_ORDER = {"pipeline": 0, "site": 1, "sphinx": 2, "unit": 3}
# The longest tests, started first in their group: a long test left for the end runs alone.
_LONGEST = ("test_third_language.py", "test_second_profile.py", "test_dist.py", "test_tex_sandbox.py",
            "test_pdf.py::test_two_builds")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with what it needs: its room, and TeX for the built profile.

    Order: the tests that read a built profile last (with several workers, the
    profile is built meanwhile: see pytest_configure), then the long rooms first,
    so that short tests fill in at the end and no worker waits.
    """
    def needs_build(item: pytest.Item) -> bool:
        return bool(_TEX_FIXTURES & set(getattr(item, "fixturenames", ())))

    items.sort(key=lambda item: (needs_build(item),
                                 not any(name in item.nodeid for name in _LONGEST),
                                 _ORDER.get(Path(item.fspath).relative_to(TESTS).parts[0], 4)))
    for item in items:
        room = Path(item.fspath).relative_to(TESTS).parts[0]
        if room in _ROOMS:
            item.add_marker(_ROOMS[room])
        if needs_build(item):
            item.add_marker("tex")
            item.add_marker("pipeline")


# -- Catalogs ------------------------------------------------------------------------------------

def msgstr_line(catalog: Path, msgid: str, exact: bool = False) -> int:
    """The line of the msgstr of the entry whose msgid is *msgid* (or, not *exact*, starts
    with it), read from the file as a translator's editor shows it: where every finding,
    warning and review note must send the translator (not the entry's first comment)."""
    start = next(e.linenum for e in polib.pofile(str(catalog))
                 if (e.msgid == msgid if exact else e.msgid.startswith(msgid)))
    lines = catalog.read_text(encoding="utf-8").split("\n")
    return next(n for n in range(start, len(lines) + 1) if lines[n - 1].startswith("msgstr"))


@pytest.fixture(name="msgstr_line", scope="session")
def msgstr_line_fixture() -> Callable[..., int]:
    """``msgstr_line(catalog, msgid_start)``: the line a finding about that entry names."""
    return msgstr_line


def write_po(path: Path, entries: list[polib.POEntry | tuple[str, str]] | dict[str, str],
             header: dict[str, str] | None = None, language: str = "zh_CN") -> Path:
    """A catalog holding exactly *entries* ((msgid, msgstr) pairs or polib entries)."""
    po = polib.POFile()
    po.metadata = header if header is not None else {
        "Content-Type": "text/plain; charset=UTF-8", "Language": language,
        "Plural-Forms": "nplurals=1; plural=0;"}
    pairs = entries.items() if isinstance(entries, dict) else entries
    for item in pairs:
        po.append(item if isinstance(item, polib.POEntry) else polib.POEntry(msgid=item[0], msgstr=item[1]))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


# -- The extension in-process (tests/sphinx) ---------------------------------------------------------

@pytest.fixture(scope="session")
def rootdir() -> Path:
    """sphinx.testing's folder of test roots."""
    return TESTS / "roots"


@dataclass
class Build:
    """One in-process build: its app (None if the build stopped), output and messages."""

    app: Any
    outdir: Path
    warnings: str
    status: str
    exit_code: int = 0
    gate: Build | None = None  # SampleProject.gated: the build the gate stopped

    def page(self, name: str = "index") -> str:
        return (self.outdir / f"{name}.html").read_text(encoding="utf-8")

    def tex(self) -> str:
        return next(self.outdir.glob("*.tex")).read_text(encoding="utf-8")


@dataclass
class SampleProject:
    """A copy of a test root, its catalogs written by the test, built in-process."""

    path: Path
    make_app: Callable[..., Any]
    builds: list[Build] = field(default_factory=list)

    def catalog(self, translations: list | dict[str, str], domain: str = "index",
                language: str = "zh_CN", header: dict[str, str] | None = None) -> Path:
        return write_po(self.path / "locales" / language / "LC_MESSAGES" / f"{domain}.po",
                        translations, header, language)

    def catalog_path(self, domain: str = "index", language: str = "zh_CN") -> Path:
        return self.path / "locales" / language / "LC_MESSAGES" / f"{domain}.po"

    def build(self, builder: str = "html", language: str = "zh_CN", **overrides: Any) -> Build:
        status, warning = io.StringIO(), io.StringIO()
        outdir = self.path / "_build" / builder
        try:
            app = self.make_app(builder, srcdir=self.path, confoverrides={"language": language, **overrides},
                                status=status, warning=warning, freshenv=True)
            app.build()
            app.cleanup()  # Sphinx keeps loaded catalogs per process: each build starts afresh
        except SystemExit as exc:  # the catalog guard stops the build cleanly
            import sphinx.locale

            sphinx.locale.translators.clear()
            return Build(None, outdir, warning.getvalue(), status.getvalue(), int(exc.code or 0))
        result = Build(app, app.outdir, warning.getvalue(), status.getvalue())
        self.builds.append(result)
        return result

    def gated(self, builder: str = "html", **overrides: Any) -> Build:
        """Two builds of what a hostile translator wrote.  The first meets the gate (make
        check's rules), which must stop it: nothing is published.  The second is built with
        the gate out of the way, to show that the layers behind it hold on their own: the
        rules leave the entry out of the checked catalog, and every translated value is
        escaped where it lands.  The second build is returned, the first as its ``gate``."""
        from editions.sphinxext import catalog_guard

        first = self.build(builder, **overrides)
        assert first.exit_code == 2 and "stop this edition" in first.warnings, first.warnings
        gate, catalog_guard.gate = catalog_guard.gate, lambda *args: None
        try:
            second = self.build(builder, **overrides)
        finally:
            catalog_guard.gate = gate
        second.gate = first
        return second


@pytest.fixture(scope="session")
def _compiled_templates() -> Iterator[None]:
    """The theme's templates compiled once for all in-process builds, not once per app:
    half of a small build is Jinja compiling Furo's templates."""
    from jinja2 import BytecodeCache
    from sphinx.jinja2glue import BuiltinTemplateLoader

    class InMemory(BytecodeCache):
        def __init__(self) -> None:
            self.code: dict[str, bytes] = {}

        def load_bytecode(self, bucket: Any) -> None:
            if bucket.key in self.code:
                bucket.bytecode_from_string(self.code[bucket.key])

        def dump_bytecode(self, bucket: Any) -> None:
            self.code[bucket.key] = bucket.bytecode_to_string()

    cache, init = InMemory(), BuiltinTemplateLoader.init

    def init_with_cache(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.environment.bytecode_cache = cache

    BuiltinTemplateLoader.init = init_with_cache
    yield
    BuiltinTemplateLoader.init = init


@pytest.fixture
def sample(make_app: Callable[..., Any], rootdir: Path, tmp_path: Path, _compiled_templates: None) -> SampleProject:
    """A private copy of tests/roots/test-minimal, built with ``sample.build()``."""
    path = tmp_path / "minimal"
    shutil.copytree(rootdir / "test-minimal", path)
    return SampleProject(path, make_app)


@pytest.fixture(scope="module")
def module_sample(rootdir: Path, tmp_path_factory: pytest.TempPathFactory,
                  _compiled_templates: None) -> Iterator[SampleProject]:
    """One copy of tests/roots/test-minimal for a module's tests that only read what
    it builds (sphinx.testing's make_app is per test; its app class is not)."""
    from sphinx.testing.util import SphinxTestApp

    apps: list[Any] = []

    def make_app(*args: Any, **kwargs: Any) -> Any:
        apps.append(SphinxTestApp(*args, **kwargs))
        return apps[-1]

    path = tmp_path_factory.mktemp("module-sample") / "minimal"
    shutil.copytree(rootdir / "test-minimal", path)
    yield SampleProject(path, make_app)
    for app in apps:
        app.cleanup()


# -- The real Makefile (tests/pipeline) --------------------------------------------------------------

class Make:
    """The real Makefile, run on a copy: ``make(project, "html", LANGUAGES="en", check=False)``."""

    env: ClassVar[dict[str, str]] = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}

    @staticmethod
    def command(project: Path, *targets: str, **variables: str) -> list[str]:
        return ["make", "--no-print-directory", "-C", str(project), f"VENV={VENV}", "USE_VENV_AS_IS=1", *targets,
                *(f"{key}={value}" for key, value in variables.items())]

    def __call__(self, project: Path, *targets: str, check: bool = True, env: dict[str, str] | None = None,
                 **variables: str) -> subprocess.CompletedProcess:
        args = self.command(project, *targets, **variables)
        result = subprocess.run(args, env={**self.env, **(env or {})}, capture_output=True, text=True)
        if check and result.returncode != 0:
            pytest.fail(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result


@pytest.fixture(scope="session")
def make() -> Make:
    return Make()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the profile, for tests that change it."""
    return copy_project(tmp_path / "project", ROOT)


def _second_profile(path: Path) -> Path:
    shutil.copytree(TESTS / "roots" / "test-second-profile", path)
    for name in ("Makefile", "debian-packages.txt", "pyproject.toml", "constraints.txt"):
        shutil.copy2(ROOT / name, path / name)
    shutil.copytree(ROOT / "editions", path / "editions", ignore=shutil.ignore_patterns("__pycache__"))
    return path


@pytest.fixture
def second_profile(tmp_path: Path) -> Path:
    """Another, tiny profile (tests/roots/test-second-profile) with the toolkit's
    Makefile and package: what a second profile needs is content, not code."""
    return _second_profile(tmp_path / "second")


def _shared(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
            build: Callable[[Path], Any]) -> Path:
    """Built once per test run, whatever the number of workers (pytest -n): the first
    worker that needs it builds it, the others wait for it."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    path = shared / name / "project"
    with FileLock(str(shared / f"{name}.lock")):
        if not (path / "_build" / ".stamps").is_dir():
            shutil.rmtree(path, ignore_errors=True)
            build(path)
    return path


@pytest.fixture(scope="session")
def shared_second_profile(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The tiny profile built once with `make` (every edition, HTML and PDF), for tests
    that only read it; what `make` printed is beside it, in make-output.txt."""
    return _shared(tmp_path_factory, worker_id, "second-built", _SHARED["second-built"])


@pytest.fixture
def built_second_profile(shared_second_profile: Path, tmp_path: Path) -> Path:
    """A private copy of the built tiny profile (and its stamps: `make` has nothing to
    do in it until a test changes something)."""
    return Path(shutil.copytree(shared_second_profile, tmp_path / "second", symlinks=True))


def _build_second_profile(path: Path) -> None:
    result = Make()(_second_profile(path))
    (path.parent / "make-output.txt").write_text(result.stdout, encoding="utf-8")


_SHARED: dict[str, Callable[[Path], Any]] = {
    "built": lambda path: Make()(copy_project(path, ROOT)),
    "second-built": _build_second_profile,
}


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The profile copied once and built with `make` (every edition, HTML and PDF)."""
    return _shared(tmp_path_factory, worker_id, "built", _SHARED["built"])


@pytest.fixture
def built_copy(built_project: Path, tmp_path: Path) -> Path:
    """A private copy of the built profile, for a test that changes it."""
    return Path(shutil.copytree(built_project, tmp_path / "project", symlinks=True))


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    return built_project / "_build" / "html"


@pytest.fixture(scope="session")
def pdfs(built_project: Path) -> Path:
    return built_project / "_build" / "pdf"


# -- make check on sample catalogs (tests/unit/checks) ----------------------------------------------

TERMBASE = (
    "english\tchinese\tkind\tnote\n"
    "Grand Canal\t大运河\triver\t\n"
    "Canal\t运河\triver\tshort form\n"
    "Mishixiang\t米市巷\tplace\t\n"
    "Mishixiang Sub-district\t米市巷街道\tplace\t\n"
)


class CheckRun(NamedTuple):
    status: int
    findings: list[dict]

    def errors(self, check: str | None = None) -> list[dict]:
        return [f for f in self.findings if f["severity"] == "error" and (check is None or f["check"] == check)]

    def only(self, check: str) -> dict:
        """The one error finding of *check*; fails if there are none or several."""
        found = self.errors(check)
        assert len(found) == 1, json.dumps(self.findings, ensure_ascii=False, indent=1)
        return found[0]


def _errors(findings: list[dict], check: str | None = None) -> list[dict]:
    return CheckRun(0, findings).errors(check)


def _only(findings: list[dict], check: str) -> dict:
    return CheckRun(0, findings).only(check)


@dataclass
class CheckProject:
    """What `make check` reads, written by a test: locales/<lang>/LC_MESSAGES/<page>.po,
    its template gettext/<page>.pot and a termbase."""

    root: Path
    errors = staticmethod(_errors)  # errors(findings, check): the error findings of a check
    only = staticmethod(_only)      # only(findings, check): its one error finding

    @staticmethod
    def entry(msgid: str, msgstr: str = "", *, flags: tuple[str, ...] = (), comment: str = "",
              previous: str | None = None, obsolete: bool = False) -> polib.POEntry:
        e = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), tcomment=comment,
                          occurrences=[("../../docs/page.md", "1")], obsolete=obsolete)
        if previous is not None:
            e.previous_msgid = previous
        return e

    def write(self, entries: list, *, page: str = "page", language: str = "zh_CN",
              template: list[str] | None = None, termbase: str | None = TERMBASE,
              header: dict[str, str] | None = None) -> Path:
        """The catalog (and its template: the msgids of *entries*, or *template*); returns the .po."""
        entries = [e if isinstance(e, polib.POEntry) else self.entry(*e) for e in entries]
        po_path = write_po(self.root / "locales" / language / "LC_MESSAGES" / f"{page}.po", entries, header, language)
        pot = polib.POFile()
        pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for msgid in template if template is not None else [e.msgid for e in entries if not e.obsolete]:
            pot.append(polib.POEntry(msgid=msgid, occurrences=[("../../docs/page.md", "1")]))
        (self.root / "gettext").mkdir(parents=True, exist_ok=True)
        pot.save(str(self.root / "gettext" / f"{page}.pot"))
        if termbase is not None:
            (self.root / "locales" / language / "termbase.tsv").write_text(termbase, encoding="utf-8")
        return po_path

    @staticmethod
    def line_of(po_path: Path, msgid: str) -> int:
        """The line of *msgid*'s msgstr: where a finding sends the translator."""
        return msgstr_line(po_path, msgid, exact=True)

    def run(self, *args: str, language: str = "zh_CN") -> CheckRun:
        """The checks in this process, from the project's folder (JSON output)."""
        from contextlib import redirect_stdout

        from editions.checks.cli import entry_point

        out, cwd = io.StringIO(), os.getcwd()
        os.chdir(self.root)
        try:
            with redirect_stdout(out):
                status = entry_point(["--format", "json", "--pot-dir", "gettext", "--conf", str(ROOT / "conf.py"),
                                      *args, language])
        finally:
            os.chdir(cwd)
        return CheckRun(status, json.loads(out.getvalue()))

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """``python -m editions check`` in a process of its own."""
        return subprocess.run([sys.executable, "-m", "editions", "check", *args], cwd=self.root,
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def checks(tmp_path: Path) -> CheckProject:
    return CheckProject(tmp_path)


@pytest.fixture(scope="module")
def module_checks(tmp_path_factory: pytest.TempPathFactory) -> CheckProject:
    """One for a module's tests (hypothesis runs many examples on one project)."""
    return CheckProject(tmp_path_factory.mktemp("checks"))


@pytest.fixture
def check_samples(tmp_path: Path) -> CheckProject:
    """The sample catalogs of tests/samples/checks: good ones and planted defects."""
    shutil.copytree(TESTS / "samples" / "checks", tmp_path / "samples")
    return CheckProject(tmp_path / "samples")


# -- A real browser on the built site (tests/site) ----------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandboxed, offline machine (no background connections).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops a connection when a test navigates on mid-request: not an
        # error of the site's, and its traceback would land in the middle of pytest's output.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site on a local HTTP server."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (never a browser Playwright downloads)."""
    from playwright import sync_api

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (debian-packages.txt)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
