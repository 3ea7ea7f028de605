"""Maintainers: the Makefile follows Sphinx's conventions, explains itself, and says little."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest


@pytest.fixture
def project(second_profile: Path) -> Path:
    """The Makefile's mechanics on a tiny profile: the same code, a fraction of the build."""
    return second_profile


def test_help_lists_every_target_in_one_line(project: Path, make) -> None:
    out = make(project, "help").stdout
    listed = re.findall(r"^  make (\S+)\s+\S", out, re.MULTILINE)
    for target in ("all", "html", "pdf", "epub", "gettext", "update-po", "stats", "progress", "check", "serve", "lint",
                   "test", "test-fast", "dist", "bench", "review", "clean", "edition", "linkcheck"):
        assert target in listed
    assert len(out.strip().splitlines()) == len(listed)


def test_clean_runs_before_the_build_even_in_parallel_and_says_little(built_second_profile: Path, make) -> None:
    project = built_second_profile
    result = make(project, "-j", "clean", "html")  # -j: no limit, and the Makefile's own --jobs
    assert (project / "_build" / "html" / "zh_CN" / "index.html").is_file(), result.stdout + result.stderr
    assert (project / "_build" / "html" / "index.html").is_file()
    # one line per edition (what, where, how long), and no Sphinx chatter
    edition_lines = [line for line in result.stdout.splitlines() if "_build/html/" in line]
    assert sorted(line.split()[:3] for line in edition_lines) == [
        ["en", "HTML", "_build/html/en"], ["zh_CN", "HTML", "_build/html/zh_CN"],
        ["zh_CN-en", "HTML", "_build/html/zh_CN-en"]], result.stdout
    assert "myst v" not in result.stdout + result.stderr  # no configuration dump
    assert "Writing evaluated template result" not in result.stdout + result.stderr
    assert result.stderr == ""


def test_the_build_never_writes_into_the_tree(project: Path, make) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "the project"], cwd=project, check=True)
    out = make(project, "html", "gettext", LANGUAGES="en", V="1").stdout  # en: the tiny profile's translation
    assert "writing output" in out and "sphinx-build" in out and "myst v" in out  # V=1: all Sphinx says
    status = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"], cwd=project,
                            capture_output=True, text=True, check=True).stdout
    written = [line for line in status.splitlines() if not line[3:].startswith("_build/") and "__pycache__" not in line]
    assert written == [], written  # no .mo beside a catalog, nothing outside _build/
    make(project, "clean")
    assert not (project / "_build").exists()


def test_code_no_edition_reads_rebuilds_no_edition(built_second_profile: Path, make) -> None:
    project = built_second_profile
    for path in ("editions/publish/bench.py", "editions/publish/dist.py"):
        _edit(project / path)
        assert make(project, "html").stdout == "", path
    _edit(project / "editions" / "checks" / "numbers.py")  # the gate of every translated edition
    assert sorted(line.split()[0] for line in make(project, "html").stdout.splitlines()) == [
        "en", "zh_CN", "zh_CN-en"]
    links = project / "editions" / "sphinxext" / "links.py"
    links.touch()
    assert make(project, "html").stdout == ""  # content stamps: a touch is no change
    # A change to it reaches every edition and every page of each: Sphinx reads them all
    # again (the extension's code is its env_version), not only pages whose source changed;
    # once a language (zh_CN-en is written from en's reading).
    _edit(links)
    out = make(project, "html", V="1", JOBS="1").stdout  # one at a time: Sphinx's lines whole, to count
    assert sorted(re.findall(r"^(\S+) HTML +_build/", out, re.MULTILINE)) == ["en", "zh_CN", "zh_CN-en"], out
    for page in (r"\[ 50%\] index", r"\[100%\] visit"):  # both pages, in each of the two languages
        assert len(re.findall(rf"reading sources\.\.\. {page}", out)) == 2, out


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# a maintainer's edit\n", encoding="utf-8")


def test_only_what_building_needs_is_installed_by_make(tmp_path: Path, project: Path) -> None:
    # A dry run on a clone with no virtual environment: `make` installs the project,
    # `make test` adds the test tools.
    env = {**os.environ, "MAKEFLAGS": ""}
    build = subprocess.run(["make", "-n", "-C", str(project), "html"], env=env, capture_output=True, text=True).stdout
    assert re.search(r"pip install .*-e \.$", build, re.MULTILINE) and "[test]" not in build
    test = subprocess.run(["make", "-n", "-C", str(project), "test"], env=env, capture_output=True, text=True).stdout
    assert "-e '.[test]'" in test


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_streams_its_output(project: Path, make) -> None:
    port = _free_port()
    run = subprocess.Popen(make.command(project, "serve", LANGUAGE="zh_CN", PORT=str(port)), env=make.env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    seen, deadline = "", time.monotonic() + 120
    try:
        while "Serving on" not in seen and time.monotonic() < deadline and run.poll() is None:
            if select.select([run.stdout], [], [], 1)[0]:
                seen += run.stdout.readline()
    finally:
        os.killpg(run.pid, signal.SIGTERM)
        run.wait(timeout=30)
    assert f"Serving on http://127.0.0.1:{port}" in seen, seen  # while the server runs, not after


def test_languages_narrowed_and_an_html_only_build_links_no_pdf(project: Path, make) -> None:
    make(project, "html", LANGUAGES="en")
    assert (project / "_build" / "html" / "en" / "index.html").is_file()
    assert not (project / "_build" / "html" / "zh_CN").exists()
    assert not (project / "_build" / "html" / "zh_CN-en").exists()  # a parallel edition needs both languages
    # no PDF was built: no "Download PDF" leads nowhere
    assert 'class="pdf-link"' not in (project / "_build" / "html" / "en" / "index.html").read_text(encoding="utf-8")


def test_the_site_links_the_pdfs_that_exist(built_second_profile: Path, make) -> None:
    project = built_second_profile
    pdfs = project / "_build" / "pdf"
    (pdfs / "riverside-brief-en.pdf").unlink()  # gone: no link may lead to it
    out = make(project, "html").stdout  # the PDFs offered changed: every edition's links are written again
    assert sorted(line.split()[0] for line in out.splitlines()) == ["en", "zh_CN", "zh_CN-en"], out
    links = re.findall(r'href="\.\./pdf/([^"]+)"', (project / "_build" / "html" / "en" / "index.html").read_text(
        encoding="utf-8"))
    assert links == ["riverside-brief-zh_CN-en.pdf"]  # the parallel brochure it is half of, still there
    assert make(project, "html").stdout == ""  # and then nothing to do


@pytest.mark.parametrize(("given", "said"), [
    ("zh_CN zh_CN-en", 'zh_CN-en is the parallel edition of zh_CN and en, built when LANGUAGES lists both '
                       'languages: make LANGUAGES="zh_CN en"'),
    ("zh-CN", "'zh-CN' is not a language code (en, zh_CN, pt_BR, sr@latin) (did you mean zh_CN?)"),
    ("en';touch x;'", """"en';touch" is not a language code"""),  # quoted for the shell: nothing runs
])
def test_languages_are_language_codes_or_one_clear_message(project: Path, make, given: str, said: str) -> None:
    result = make(project, "html", LANGUAGES=given, check=False)
    assert result.returncode != 0 and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Extension error" not in result.stderr
    assert not (project / "_build").exists() and not (project / "x").exists()  # stopped before anything ran


def test_serve_is_not_misled_by_gettexts_language_variable(project: Path, make) -> None:
    # Desktop sessions export LANGUAGE=en_US:en; the preview is still of an edition's language
    dry_run = make(project, "-n", "serve", env={"LANGUAGE": "en_US:en"}).stdout
    assert "-D language=en " in dry_run and "en_US" not in dry_run
    assert "-D language=zh_CN " in make(project, "-n", "serve", LANGUAGE="zh_CN").stdout


def test_review_builds_the_translators_view_beside_the_editions(project: Path, make) -> None:
    make(project, "review", EDITOR_URL="vscode://file{path}:{line}")
    review = (project / "_build" / "review" / "en" / "index.html").read_text(encoding="utf-8")
    assert 'class="review-summary' in review and 'class="review-index' in review
    assert f'href="vscode://file{project}/locales/en/LC_MESSAGES/index.po:' in review
    published = [*(project / "_build").glob("html/**/*.html"), *(project / "_build").glob("pdf/*")]
    assert not any("review-note" in path.read_text(errors="replace") for path in published if path.suffix == ".html")
    refused = make(project, "review", EDITOR_URL="javascript:alert(document.domain)//{path}", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "EDITOR_URL='javascript:alert(document.domain)//{path}' cannot be used" in said
    assert "Traceback" not in said


def test_compiled_templates_are_reused_and_an_edited_one_is_compiled_again(built_second_profile: Path,
                                                                           make) -> None:
    project = built_second_profile
    cache = project / "_build" / "doctrees" / "jinja-cache"
    assert len(list(cache.iterdir())) > 10  # the theme's templates, compiled by the first build
    _edit(project / "docs" / "visit.md")  # a build in this copy (the cache knows templates by path)
    make(project, "html", LANGUAGES="en")
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    template = project / "editions" / "sphinxext" / "templates" / "page.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block body -%}\n{{ super() }}", "{% block body -%}\n{{ super() }}<!-- an edited template -->"),
        encoding="utf-8")
    make(project, "html", LANGUAGES="en")
    assert "<!-- an edited template -->" in (project / "_build" / "html" / "en" / "visit.html").read_text(
        encoding="utf-8")
    after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    changed = [name for name in after if before.get(name) != after[name]]
    assert len(changed) == 1, changed  # page.html compiled again; every other template loaded as it was


# -- File names are data (issue #19) -------------------------------------------------------
# A translator's pull request that only adds a file under locales/: its name must never
# reach make or a shell.  Each name sits beside a file `x`, as the attack needs (the
# words of a name split at its space must name files make can find).
HOSTILE_NAMES = {
    "expansion": "x _build/.stamps/debian-$(id>PWNED)",  # make ran the debian-% recipe on it
    "serve": "x serve",  # make started the preview server and never returned
    "clean": "x clean",  # make wiped _build/ mid-build
    "space": "a b.po",  # the edition was never rebuilt again, silently
}


def _add_hostile(project: Path, name: str) -> str:
    """The name added under the translation's catalogs; the line the build prints for it."""
    messages = project / "locales" / "en" / "LC_MESSAGES"
    (messages / "x").write_text("", encoding="utf-8")
    (messages / name).parent.mkdir(parents=True, exist_ok=True)
    (messages / name).write_text("", encoding="utf-8")
    first = name.split("/")[0]
    return (f"locales/en/LC_MESSAGES/'{first}':1: [catalog-file] is not a plain file name (letters, digits, "
            f"'.', '_', '-'; no spaces); rename or remove it")


def _make_promptly(make, project: Path, *targets: str, **variables: str) -> subprocess.CompletedProcess:
    """make, stopped (with everything it started) if it has not returned within a minute."""
    run = subprocess.Popen(make.command(project, *targets, **variables), env=make.env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail(f"make {' '.join(targets)} did not return")
    return subprocess.CompletedProcess(run.args, run.returncode, out, err)


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_a_file_name_is_data_never_make_syntax(built_second_profile: Path, make, name: str) -> None:
    project = built_second_profile  # its editions published: what a wiping name would take away
    page = project / "_build" / "html" / "en" / "index.html"
    assert page.is_file()
    said = _add_hostile(project, name)
    result = _make_promptly(make, project, "html", LANGUAGES="en")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and output.count(said) == 1, output  # one line, naming it
    assert [line for line in output.splitlines() if line.startswith("locales/")] == [said]
    assert not (project / "PWNED").exists() and "uid=" not in output  # nothing ran
    assert "Serving on" not in output and "sphinx-autobuild" not in output  # no server
    assert page.is_file() and "rm -rf" not in output  # nothing was cleaned
    assert "Traceback" not in output


def test_a_file_name_under_docs_is_data_too(project: Path, make) -> None:
    (project / "docs" / "x").write_text("", encoding="utf-8")
    (project / "docs" / "x serve").write_text("", encoding="utf-8")
    result = _make_promptly(make, project, "html", LANGUAGES="en")
    assert result.returncode != 0 and "Serving on" not in result.stdout, result.stdout
    assert result.stderr.splitlines()[0] == ("docs/'x serve':1: [source-file] is not a plain file name (letters, "
                                             "digits, '.', '_', '-'; no spaces); rename or remove it")


def test_make_check_names_a_file_that_is_not_plain(project: Path, make) -> None:
    said = _add_hostile(project, HOSTILE_NAMES["space"])
    result = make(project, "check", LANGUAGES="en", check=False)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "'a b.po'" in line]
    assert result.returncode != 0 and lines == [said], result.stdout + result.stderr  # the build's line


def test_an_edited_translation_rebuilds_its_editions_and_a_no_op_make_nothing(built_second_profile: Path,
                                                                            make) -> None:
    project = built_second_profile  # built by `make`: `make html` has nothing to do
    assert make(project, "html").stdout == ""  # starts neither Sphinx nor TeX
    catalog = project / "locales" / "en" / "LC_MESSAGES" / "index.po"
    catalog.touch()
    assert make(project, "html").stdout == ""  # the same content: nothing to do
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "Riverside Sub-district"', 'msgstr "Riverside Quarter"'), encoding="utf-8")
    out = make(project, "html").stdout
    assert sorted(line.split()[0] for line in out.splitlines()) == ["en", "zh_CN-en"], out  # not zh_CN
    assert "Riverside Quarter" in (project / "_build" / "html" / "en" / "index.html").read_text(encoding="utf-8")
    assert make(project, "html").stdout == ""


def test_each_edition_is_read_once_for_both_its_formats(built_second_profile: Path, make) -> None:
    project = built_second_profile
    # An edited extension: Sphinx reads every page again, once a language: an edition's HTML
    # and PDF share one environment, built in one process, and the parallel edition is
    # written from its translation's.
    _edit(project / "editions" / "sphinxext" / "links.py")
    out = make(project, "all", V="1", JOBS="1").stdout  # one at a time: Sphinx's lines whole, to count
    assert sorted(re.findall(r"^(\S+) (HTML|PDF) +_build/", out, re.MULTILINE)) == [
        (edition, format) for edition in ("en", "zh_CN", "zh_CN-en") for format in ("HTML", "PDF")], out
    for page in (r"\[ 50%\] index", r"\[100%\] visit"):
        assert len(re.findall(rf"reading sources\.\.\. {page}", out)) == 2, out  # not 6
    assert len(re.findall(r"^sphinx-build -b latex", out, re.MULTILINE)) == 3
    assert len(re.findall(r"^sphinx-build -b html", out, re.MULTILINE)) == 3


def test_an_edited_msgstr_rewrites_only_its_page_in_each_edition_that_shows_it(built_second_profile: Path,
                                                                               make) -> None:
    # The translator's loop: one paragraph's translation changed.  Sphinx reads and writes
    # that page again, in the translation's edition and in the parallel one, and no other.
    project = built_second_profile
    catalog = project / "locales" / "en" / "LC_MESSAGES" / "index.po"

    def translate(old: str, new: str) -> None:
        catalog.write_text(catalog.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    # Sphinx reads every page again in a project that moved (the copy): once, here
    translate('"Riverside Sub-district lies in the centre of', '"Riverside Sub-district lies in the middle of')
    make(project, "html")
    html = project / "_build" / "html"
    before = {path: path.stat().st_mtime_ns for path in html.rglob("*") if path.is_file()}
    translate("lies in the middle of", "lies at the heart of")
    out = make(project, "html", V="1", JOBS="1").stdout  # one at a time: whole lines
    read = re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", out, re.MULTILINE)
    written = [page for page in re.findall(r"^writing output\.\.\. \[\s*\d+%\] (\S+)", out, re.MULTILINE)
               if not page.endswith(".mo")]  # the checked catalog, compiled
    assert read == ["index"] and written == ["index", "index"], out  # read once (en), written by en and zh_CN-en
    for edition in ("en", "zh_CN-en"):
        page = html / edition / "index.html"
        assert "lies at the heart of" in page.read_text(encoding="utf-8")
        assert page.stat().st_mtime_ns != before[page]
        other = html / edition / "visit.html"
        assert other.stat().st_mtime_ns == before[other]  # not written
    source_edition = [path for path in (html / "zh_CN").rglob("*") if path.is_file()]
    assert source_edition and all(path.stat().st_mtime_ns == before[path] for path in source_edition)

    # then make pdf: the PDF reads nothing the HTML read (its edition's environment is shared)
    out = make(project, "pdf", V="1", JOBS="1").stdout
    assert sorted(re.findall(r"^(\S+) PDF +_build/", out, re.MULTILINE)) == ["en", "zh_CN-en"], out
    assert "reading sources... [" not in out and "0 added, 0 changed, 0 removed" in out, out
    for edition in ("en", "zh_CN-en"):
        tex = project / "_build" / "staging" / "latex" / edition / f"riverside-brief-{edition}.tex"
        assert "lies at the heart of" in tex.read_text(encoding="utf-8")
