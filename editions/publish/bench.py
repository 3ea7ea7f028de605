"""``make bench``: what the builds cost, and how much of that is ours rather than TeX's.

Prints every figure, then the targets of issue #22 with a verdict each; nothing here
fails a build.  Runs on copies of the project under ``<BUILDDIR>/bench/`` (never on the
working tree); that workspace is removed at the start and at the end (``BENCH_KEEP=1``
keeps it to look at).

Everything is measured from outside, as a user sees it, so the figures stay true
whatever the driver does inside: ``make`` and what it prints with ``V=1`` (Sphinx's
progress: which pages each Sphinx run reads), the files' modification times (which
pages were written), and latexmk timed by a wrapper put first on PATH in the
workspace only (:class:`TexMeter`).  Every TeX process (xelatex, xdvipdfmx,
makeindex) runs under latexmk, so the wrapper's CPU is TeX's, the floor; the rest of
a step's CPU is Sphinx and Python, ours.

1. Full clean build: ours (``make``, six editions, tagged PDFs), ours for the same
   four editions as the plain recipe (the two languages' HTML and PDF), and the plain
   recipe (sequential ``sphinx-build`` HTML and ``-M latexpdf`` runs); each with
   wall, CPU, and CPU split into TeX and the rest, per edition where it is known.
2. How many times each source page is read in ours (target: once per language).
3. ``make`` with nothing changed; one msgstr changed: ``make html`` (the pages
   re-read and written, per edition), then ``make pdf`` against its own TeX passes.
4. Each edition alone from a clean start, one at a time.
5. A generated project ``BENCH_SCALE`` (50) times the size, each step alone:
   milliseconds per page and peak memory, against section 4's runs (the same steps on
   the profile); and CPU per page split into TeX and the rest, so that growth is
   traced to its side.
"""

from __future__ import annotations

import compileall
import itertools
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import polib

from ..project import Project, load
from .workspace import copy_project as copy_tree


def copy_project(dest: Path, root: Path) -> Path:
    """A copy of the project as a checkout is after its first run: its Python compiled.
    (A copy has no __pycache__; three editions starting at once would each compile the
    package, a cost the plain recipe's runs, one at a time, pay once.)"""
    copy = copy_tree(dest, root)
    compileall.compile_dir(copy, quiet=1, workers=1)
    return copy

VENV = Path(sys.prefix)
# The copies are built as a user's plain `make` builds them, not with the settings of the
# `make bench` that started us: its MAKEFLAGS (a jobserver whose pipes we do not inherit,
# its command-line variables) and the variables its Makefile exports.
INHERITED = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
             "LANGUAGES", "BUILDDIR", "V", "SITE_URL", "EDITOR_URL", "ALLOW_FUZZY")
ENV = {**{k: v for k, v in os.environ.items() if k not in INHERITED},
       "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600"), "NO_COLOR": "1"}

# The targets of issue #22.
LOOP_SECONDS = 2.0  # one msgstr changed: make html
PDF_SLACK_SECONDS = 1.0  # then make pdf: its own TeX passes and this much more
CHINESE_PDF_PEAK_MIB = 766  # make pdf of the Chinese edition at the large scale
LINEAR_GROWTH = 1.10  # ms per page at the large scale over the profile's: 10 % for timing noise


class StepFailed(Exception):
    pass


class Run(NamedTuple):
    """One command, timed: wall and CPU seconds (every process under it), peak memory
    of its largest process, and what it printed."""

    wall: float
    cpu: float
    peak_mib: int
    out: str


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    wrapper = [sys.executable, "-c", (
        "import resource, subprocess, sys;"
        "r = subprocess.run(sys.argv[1:]);"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(f'@@peak {u.ru_maxrss} {u.ru_utime + u.ru_stime}', file=sys.stderr);"
        "sys.exit(r.returncode)"), *args]
    start = time.monotonic()
    result = subprocess.run(wrapper, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    wall = time.monotonic() - start
    match = re.search(r"@@peak (\d+) ([\d.]+)", result.stderr)
    if result.returncode != 0:
        raise StepFailed(f"{' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    peak_mib = int(match.group(1)) // 1024 if match else 0
    cpu = float(match.group(2)) if match else 0.0
    return Run(wall, cpu, peak_mib, result.stdout + result.stderr)


def make(*targets: str, verbose: bool = False, **variables: str) -> list[str]:
    """``make`` as a user runs it; *verbose*: V=1, each target's output kept together
    (two editions' Sphinx progress lines would otherwise interleave mid-line)."""
    return ["make", "--no-print-directory", f"VENV={VENV}", "USE_VENV_AS_IS=1",
            *(["--output-sync=target", "V=1"] if verbose else []), *targets,
            *(f"{k}={v}" for k, v in variables.items())]


# -- TeX, measured from outside ------------------------------------------------------------

class TexRun(NamedTuple):
    """One latexmk run: when it started and ended, its CPU and every process's under
    it, and the folder it ran in (which says whose PDF it made)."""

    start: float
    end: float
    cpu: float
    folder: str

    @property
    def wall(self) -> float:
        return self.end - self.start


# The wrapper: its own CPU is not counted (RUSAGE_CHILDREN), every TeX process is.
WRAPPER = """#!@PYTHON@ -IS
# make bench: the real latexmk, timed with every process under it (xelatex, xdvipdfmx, makeindex)
import os, resource, subprocess, sys, time
start = time.time()
code = subprocess.call([@LATEXMK@, *sys.argv[1:]])
used = resource.getrusage(resource.RUSAGE_CHILDREN)
fields = (start, time.time(), used.ru_utime + used.ru_stime, os.getcwd())
with open(@LOG@, "a", encoding="utf-8") as log:
    log.write("\\t".join(map(str, fields)) + "\\n")
sys.exit(code)
"""


class TexMeter:
    """A latexmk first on PATH (in the bench's workspace only) that runs the real one
    and appends a line for each run; ``env`` is the environment that finds it."""

    def __init__(self, workspace: Path) -> None:
        real = shutil.which("latexmk")  # before ours is on PATH
        self.log = workspace / "latexmk-runs.tsv"
        folder = workspace / "bin"
        folder.mkdir(parents=True, exist_ok=True)
        if real:  # without TeX the PDF steps say so themselves
            script = folder / "latexmk"
            script.write_text(WRAPPER.replace("@PYTHON@", sys.executable).replace("@LATEXMK@", repr(real))
                              .replace("@LOG@", repr(str(self.log))), encoding="utf-8")
            script.chmod(0o755)
        self.env = {**ENV, "PATH": f"{folder}{os.pathsep}{ENV.get('PATH', '')}"}

    def runs(self) -> list[TexRun]:
        """The runs since the last call."""
        try:
            lines = self.log.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        self.log.unlink()
        return parse_tex_runs(lines)


def parse_tex_runs(lines: list[str]) -> list[TexRun]:
    runs = []
    for line in lines:
        start, end, cpu, folder = line.split("\t", 3)
        runs.append(TexRun(float(start), float(end), float(cpu), folder))
    return runs


def busy_seconds(runs: list[TexRun]) -> float:
    """Wall seconds during which at least one of *runs* was running (side by side ones count once)."""
    total, reached = 0.0, float("-inf")
    for run in sorted(runs):
        if run.end > reached:
            total += run.end - max(run.start, reached)
            reached = run.end
    return total


def edition_of(path: str | Path, editions: list[str]) -> str | None:
    """The edition a build folder belongs to: the deepest part of *path* that names one
    (``staging/latex/en-zh_CN``, ``plain/latex-en/latex``, ``doctrees/html-zh_CN``)."""
    for part in reversed(Path(path).parts):
        named = [e for e in editions if part == e or part.endswith(f"-{e}")]
        if named:
            return max(named, key=len)  # latex-en-zh_CN is en-zh_CN's, not zh_CN's
    return None


def tex_by_edition(runs: list[TexRun], editions: list[str]) -> dict[str, list[TexRun]]:
    found: dict[str, list[TexRun]] = {}
    for run in runs:
        found.setdefault(edition_of(run.folder, editions) or run.folder, []).append(run)
    return found


# -- What Sphinx read, and which files were written ----------------------------------------

_RUN_START = re.compile(r"^Running Sphinx v", re.MULTILINE)
_EDITION_ARG = re.compile(r"-D edition=(\S+)")
_LANGUAGE = re.compile(r"loading translations \[([^\]]+)\]")
_BUILDER = re.compile(r"building \[(?!mo\])([\w-]+)\]")
_READ = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
_EDITION_LINE = re.compile(r"^(\S+) +(HTML|PDF|EPUB|REVIEW) +\S+ \(([\d.]+) s\)", re.MULTILINE)


class SphinxRun(NamedTuple):
    label: str  # the edition (the driver's -D edition=, else Sphinx's language) and builder
    read: list[str]  # the pages it read, in order


def sphinx_runs(out: str) -> list[SphinxRun]:
    """Each Sphinx run in the output of ``make V=1`` (or of sphinx-build), and the pages it read."""
    pieces = _RUN_START.split(out)
    runs = []
    for before, piece in itertools.pairwise(pieces):
        edition = _EDITION_ARG.findall(before)
        language = _LANGUAGE.search(piece)
        builder = _BUILDER.search(piece)
        name = edition[-1] if edition else language.group(1) if language else "?"
        runs.append(SphinxRun(f"{name} {builder.group(1) if builder else '?'}", _READ.findall(piece)))
    return runs


def reads_per_page(runs: list[SphinxRun], pages: list[str]) -> dict[str, int]:
    counts = Counter(page for run in runs for page in run.read)
    return {page: counts[page] for page in sorted({*pages, *counts})}


def edition_times(out: str) -> list[str]:
    """The driver's one line per edition (``en HTML _build/html/en (4.9 s)``), shortened."""
    return [f"{name} {fmt} {seconds} s" for name, fmt, seconds in _EDITION_LINE.findall(out)]


def mtimes(builddir: Path) -> dict[Path, int]:
    """Every published HTML page and every doctree under *builddir*, with its modification time."""
    found = {}
    for pattern in ("html/**/*.html", "**/*.doctree"):
        for path in builddir.glob(pattern):
            found[path] = path.stat().st_mtime_ns
    return found


def changed(before: dict[Path, int], after: dict[Path, int]) -> list[Path]:
    return sorted(path for path, mtime in after.items() if before.get(path) != mtime)


def written_pages(paths: list[Path], site: Path) -> dict[str, list[str]]:
    """The published HTML pages among *paths*, by edition folder (``_build/html/<edition>/``)."""
    written: dict[str, list[str]] = {}
    for path in paths:
        if path.suffix == ".html" and path.is_relative_to(site):
            parts = path.relative_to(site).with_suffix("").parts
            folder, page = (parts[0], "/".join(parts[1:])) if len(parts) > 1 else ("(site root)", parts[0])
            written.setdefault(folder, []).append(page)
    return written


def rewritten_doctrees(paths: list[Path]) -> dict[str, list[str]]:
    """The doctrees among *paths* (a page re-read), by environment: the folder with environment.pickle."""
    found: dict[str, list[str]] = {}
    for path in paths:
        if path.suffix != ".doctree":
            continue
        env = next((p for p in path.parents if (p / "environment.pickle").exists()), path.parent)
        found.setdefault(env.name, []).append(path.relative_to(env).with_suffix("").as_posix())
    return found


# -- Printing --------------------------------------------------------------------------------

VERDICTS: list[tuple[str, bool]] = []


def verdict(target: str, met: bool) -> str:
    """Record a target of the issue and whether it was met; the text to print beside the figure."""
    VERDICTS.append((target, met))
    return f"{target}: {'yes' if met else 'NO'}"


def row(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<50} {seconds:7.2f} s  {extra}")


def detail(text: str) -> None:
    print(f"      {text}")


def cpu_split(run: Run, tex: list[TexRun]) -> tuple[float, float]:
    """(TeX's CPU, everything else's) of a step."""
    tex_cpu = sum(r.cpu for r in tex)
    return tex_cpu, run.cpu - tex_cpu


def tex_lines(tex: list[TexRun]) -> str:
    per = tex_by_edition(tex, PROJECT.editions)
    return ", ".join(f"{name} {sum(r.cpu for r in runs):.1f} s CPU ({sum(r.wall for r in runs):.1f} s wall)"
                     for name, runs in per.items()) or "none"


def print_step(label: str, run: Run, tex: list[TexRun]) -> tuple[float, float]:
    tex_cpu, ours = cpu_split(run, tex)
    row(label, run.wall, f"CPU {run.cpu:.1f} s = TeX {tex_cpu:.1f} + the rest {ours:.1f}; "
                         f"TeX running {busy_seconds(tex):.1f} s of the wall; peak {run.peak_mib} MiB")
    detail(f"TeX per PDF: {tex_lines(tex)}")
    return tex_cpu, ours


# -- 1 and 2: the full build ------------------------------------------------------------------

# The editions #22 compares, each's HTML and tagged PDF: not the EPUBs (the plain recipe builds
# none) nor the progress page, which plain `make` builds too.
FULL_BUILD = ("html", "pdf")


def same_four_goals(project: Path) -> list[str]:
    """``make html pdf``'s goals for every edition but the parallel ones: their prerequisites,
    phony ones opened, read from make's own database (no target name is assumed)."""
    out = subprocess.run(make("-pq", *FULL_BUILD), cwd=project, env=ENV, capture_output=True, text=True).stdout
    rules = dict(re.findall(r"^([^#\s:][^:=]*?):(?!=) *(.*)$", out, re.MULTILINE))
    phony = set(rules.get(".PHONY", "").split())
    parallel = [e for e in PROJECT.editions if PROJECT.edition(e).parallel]

    def opened(goal: str) -> list[str]:
        return [g for p in rules.get(goal, "").split("|")[0].split() for g in opened(p)] if goal in phony else [goal]

    return list(dict.fromkeys(goal for target in FULL_BUILD for goal in opened(target)
                              if not any(e in goal for e in parallel)))


def plain_recipe() -> list[tuple[str, list[str]]]:
    """The recipe a Sphinx user would write: one sphinx-build run at a time, each language's
    HTML, then each one's PDF (``-M latexpdf``: Sphinx's own LaTeX Makefile, latexmk)."""
    sphinx = [str(VENV / "bin" / "sphinx-build")]
    return [
        *((f"{lang} html", [*sphinx, "-b", "html", "-c", ".", "-D", f"language={lang}", "docs", f"plain/html/{lang}"])
          for lang in PROJECT.languages),
        *((f"{lang} latexpdf", [*sphinx, "-M", "latexpdf", "docs", f"plain/latex-{lang}", "-c", ".",
                                "-D", f"language={lang}"])
          for lang in PROJECT.languages),
    ]


def print_reads(runs: list[SphinxRun]) -> int:
    """Each page's number of reads; returns the most any page was read."""
    counts = reads_per_page(runs, PROJECT.pages)
    detail("Sphinx runs: " + ", ".join(f"{run.label} read {len(run.read)}" for run in runs))
    detail("reads per page: " + ", ".join(f"{page} {n}" for page, n in counts.items()))
    return max(counts.values(), default=0)


def full_builds(bench: Path, meter: TexMeter) -> None:
    languages = ", ".join(PROJECT.languages)
    # what each builds, counted as the issue does: an edition's HTML and its PDF are two
    ours_n, plain_n = 2 * len(PROJECT.editions), 2 * len(PROJECT.languages)
    print(f"1. Full clean build (HTML and PDF; {os.cpu_count()} cores)")
    ours = copy_project(bench / "full", PROJECT.root)
    run = timed(make(*FULL_BUILD, verbose=True), ours, meter.env)
    tex = meter.runs()
    tex_all, ours_all = print_step(f"ours: make html pdf, {ours_n} ({len(PROJECT.editions)} editions)", run, tex)
    detail("each edition (the driver's line): " + (", ".join(edition_times(run.out)) or "none printed"))
    read_runs = sphinx_runs(run.out)
    wall_all = run.wall

    four = copy_project(bench / "four", PROJECT.root)
    goals = same_four_goals(four)
    run_four = timed(make(*goals), four, meter.env)
    print_step(f"ours: the plain recipe's {plain_n} ({languages})", run_four, meter.runs())
    detail(f"make {' '.join(goals)}")

    plain = copy_project(bench / "plain", PROJECT.root)
    wall = cpu = 0.0
    peak = 0
    steps, plain_runs, plain_tex = [], [], []
    for label, args in plain_recipe():
        step = timed(args, plain, meter.env)
        step_tex = meter.runs()
        wall, cpu, peak = wall + step.wall, cpu + step.cpu, max(peak, step.peak_mib)
        plain_tex += step_tex
        plain_runs += sphinx_runs(step.out)
        steps.append(f"{label} {step.wall:.1f} s (CPU {step.cpu:.1f}"
                     + (f", TeX {sum(r.cpu for r in step_tex):.1f})" if step_tex else ")"))
    tex_plain, ours_plain = print_step(f"plain: sphinx-build one at a time ({len(steps)} runs)",
                                       Run(wall, cpu, peak, ""), plain_tex)
    detail("each run: " + ", ".join(steps))
    walls = verdict(f"wall, ours {ours_n} {wall_all:.2f} s <= plain {plain_n} {wall:.2f} s",
                    wall_all <= wall)
    cpus = verdict(f"CPU outside TeX, ours {ours_n} {ours_all:.1f} s <= plain {plain_n} {ours_plain:.1f} s",
                   ours_all <= ours_plain)
    print(f"  targets: {walls}\n           {cpus}")
    print(f"  (TeX's CPU, the floor: ours {tex_all:.1f} s, plain {tex_plain:.1f} s)\n")

    print("2. Reads of each source page in the full build (Sphinx's progress, V=1)")
    print("  ours:")
    most = print_reads(read_runs)
    # a second count: every environment that read a page keeps its doctree (even with sphinx-build -j,
    # whose progress names only the first and last page of each chunk)
    kept = Counter(page for pages in rewritten_doctrees(sorted((ours / "_build").glob("**/*.doctree"))).values()
                   for page in pages)
    detail("environments holding each page's doctree: " + ", ".join(f"{p} {n}" for p, n in sorted(kept.items())))
    print("  plain:")
    print_reads(plain_runs)
    target = f"each page read at most once per language ({len(PROJECT.languages)}), ours: at most {most}"
    print(f"  target: {verdict(target, 0 < most <= len(PROJECT.languages))}\n")


# -- 3: the translator's loop ------------------------------------------------------------------

def change_one_msgstr(project: Path) -> tuple[str, list[str]]:
    """Change the longest translated message of the longest catalog; the catalog and the pages using it."""
    language = PROJECT.translation_languages[0]
    catalogs = [p for p in (project / PROJECT.translations.name / language / "LC_MESSAGES").glob("*.po")
                if p.stem != "sphinx"]
    catalog = max(catalogs, key=lambda p: p.stat().st_size)
    po = polib.pofile(str(catalog))
    entry = max(po.translated_entries(), key=lambda e: len(e.msgid))  # a paragraph: no other page shows it
    entry.msgstr += "！"
    po.save()
    pages = sorted({Path(where.split("docs/", 1)[-1]).with_suffix("").as_posix()
                    for where, _line in entry.occurrences}) or [catalog.stem]
    return f"{language}/{catalog.name}", pages


def translator_loop(bench: Path, meter: TexMeter) -> None:
    project = bench / "full"  # already built by full_builds
    builddir = project / "_build"
    print("3. The translator's loop (on the full build)")
    timed(make(), project, meter.env)  # what `make` adds to the six editions: the EPUBs, the progress page
    meter.runs()
    before = mtimes(builddir)
    run = timed(make(), project, meter.env)
    started = bool(edition_times(run.out) or meter.runs() or changed(before, mtimes(builddir)))
    row("make, nothing changed", run.wall,
        f"an edition or TeX started: {'yes' if started else 'no'}; "
        + verdict(f"nothing started and under 1 s ({run.wall:.2f} s)", not started and run.wall < 1))

    catalog, using = change_one_msgstr(project)
    before = mtimes(builddir)
    run = timed(make("html", verbose=True), project, meter.env)
    rewritten = changed(before, mtimes(builddir))
    row(f"one msgstr of {catalog} changed: make html", run.wall,
        verdict(f"one msgstr, make html under {LOOP_SECONDS:.0f} s ({run.wall:.2f} s)", run.wall < LOOP_SECONDS))
    detail(f"the message is used on: {', '.join(using)}")
    detail("re-read (Sphinx's progress): " + ("; ".join(f"{r.label} {r.read}" for r in sphinx_runs(run.out))
                                            or "no Sphinx run printed"))
    detail("doctrees rewritten: " + ("; ".join(f"{env} {pages}" for env, pages in
                                               rewritten_doctrees(rewritten).items()) or "none"))
    written = written_pages(rewritten, builddir / "html")
    for folder in [*PROJECT.editions, *sorted(set(written) - set(PROJECT.editions))]:
        pages = written.get(folder, [])
        sources = [p for p in pages if p in PROJECT.pages]
        others = [p for p in pages if p not in PROJECT.pages]
        detail(f"written, {folder}: {sources or 'no page'}" + (f" (and {', '.join(others)})" if others else ""))
    stray = sorted({p for pages in written.values() for p in pages if p in PROJECT.pages} - set(using))
    detail(verdict("only the pages using the message written" + (f" (also {stray})" if stray else ""),
                   not stray and any(written.values())))

    run = timed(make("pdf"), project, meter.env)
    tex = meter.runs()
    busy = busy_seconds(tex)
    row("then make pdf", run.wall, verdict(
        f"make pdf no slower than its TeX passes + {PDF_SLACK_SECONDS:.0f} s ({run.wall:.2f} <= {busy:.2f} + "
        f"{PDF_SLACK_SECONDS:.0f})", bool(tex) and run.wall <= busy + PDF_SLACK_SECONDS))
    detail(f"TeX (the affected PDFs): {tex_lines(tex)}; running {busy:.2f} s of the wall")
    print()


# -- 4 and 5: each edition alone, and the large project ---------------------------------------

DRIVER = [sys.executable, "-m", "editions", "build"]


class Step(NamedTuple):
    """One step of sections 4 and 5: its run and the CPU of the TeX under it."""

    run: Run
    tex_cpu: float


def each_edition(bench: Path, meter: TexMeter) -> dict[tuple[str, str], Step]:
    """Every edition built alone from nothing (its own doctrees), so their costs compare;
    returns each step (the scale's 1x: the same steps on the same project)."""
    print("4. Each edition alone, from a clean start (one at a time)")
    project = copy_project(bench / "each", PROJECT.root)
    runs = {}
    for fmt in ("html", "pdf"):
        for edition in PROJECT.editions:
            try:
                run = timed([*DRIVER, fmt, edition], project, meter.env)
            except StepFailed as exc:
                print(f"  {fmt} {edition}: failed: {str(exc).splitlines()[0]}")
                continue
            tex = meter.runs()
            runs[fmt, edition] = step = Step(run, sum(r.cpu for r in tex))
            row(f"{fmt} {edition}", run.wall, f"CPU {run.cpu:.1f} s" + (
                f" (TeX {step.tex_cpu:.1f})" if tex else "") + f", peak {run.peak_mib} MiB")
    timed(make("gettext"), project)  # the review's checks compare with the templates
    for language in PROJECT.translation_languages:
        run = timed([*DRIVER, "review", language], project)
        row(f"review {language} (make review)", run.wall, f"peak {run.peak_mib} MiB")
    print()
    return runs


def scaled_project(bench: Path, factor: int) -> tuple[Path, int]:
    """The profile repeated *factor* times: every page of text and its catalog copied.  Not
    the names glossary's page: a larger profile has one glossary of the termbase, not one a
    copy (and 50 copies of its rows, each a tagged paragraph with a Span, are what TeX Live
    2022's tagging makes superlinear: 15 copies cost 32 s a XeLaTeX pass, the text 15 s)."""
    project = copy_project(bench / f"scale-{factor}", PROJECT.root)
    docs = project / "docs"
    catalogs = project / PROJECT.translations.name / PROJECT.translation_languages[0] / "LC_MESSAGES"
    pages = [p for p in PROJECT.pages if p != "index" and "/" not in p and (catalogs / f"{p}.po").exists()
             and "{names-glossary}" not in (docs / f"{p}.md").read_text(encoding="utf-8")]
    copies = []
    for n in range(1, factor):
        for page in pages:
            name = f"{page}-{n}"
            text = (docs / f"{page}.md").read_text(encoding="utf-8")
            # labels must stay unique
            text = re.sub(r"^\((\S+?)\)=$", rf"(\g<1>-{n})=", text, flags=re.MULTILINE)
            (docs / f"{name}.md").write_text(text, encoding="utf-8")
            po = (catalogs / f"{page}.po").read_text(encoding="utf-8")
            (catalogs / f"{name}.po").write_text(po.replace(f"docs/{page}.md", f"docs/{name}.md"), encoding="utf-8")
            copies.append(name)
    if copies:  # a hidden toctree on the root page takes in the copies
        index = docs / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + "\n```{toctree}\n:hidden:\n\n"
                         + "\n".join(copies) + "\n```\n", encoding="utf-8")
    return project, len(PROJECT.pages) + len(copies)


def scale(bench: Path, factor: int, meter: TexMeter, alone: dict[tuple[str, str], Step]) -> None:
    """Seconds per page at 1x and at *factor* x: linear growth keeps them close.  Each step is
    an edition's format built alone from nothing, html then pdf on one project: at 1x, the
    runs of section 4 (*alone*), which are those steps on the profile."""
    steps = [(fmt, lang) for fmt in ("html", "pdf") for lang in PROJECT.languages]
    # XeLaTeX's time limit guards against a runaway page, not a long document: one run of the
    # large project's PDF takes longer than the profile's limit on a busy machine
    limit = int(ENV.get("EDITIONS_TEX_TIMEOUT", "120"))
    env = {**meter.env, "EDITIONS_TEX_TIMEOUT": str(max(limit, limit * factor // 5))}
    results: dict[tuple[int, str, str], tuple[int, Step]] = {
        (1, fmt, language): (len(PROJECT.pages), step)
        for (fmt, language), step in alone.items() if (fmt, language) in steps}
    if factor > 1:
        project, pages = scaled_project(bench, factor)
        for target, language in steps:
            try:
                run = timed([*DRIVER, target, language], project, env)
            except StepFailed as exc:
                meter.runs()
                print(f"  {target} {language} at {factor}x failed: {exc}")
                continue
            results[factor, target, language] = (pages, Step(run, sum(r.cpu for r in meter.runs())))
        shutil.rmtree(project)  # 50 copies of the profile's PDFs take room
    print(f"5. Scale: the profile and a project {factor} times its size, one step at a time")
    print(f"  {'step':<26} {'pages':>6} {'1x ms/page':>11} {'pages':>6} "
          f"{f'{factor}x ms/page':>12} {'growth':>7} {'peak MiB':>9}")
    worst = 0.0
    for target, language in steps:
        if (1, target, language) not in results or (factor, target, language) not in results:
            worst = float("inf")  # a step that failed is no evidence of linear growth
            print(f"  {f'{target} {language}':<26} failed (above)")
            continue
        p1, one = results[1, target, language]
        pn, large = results[factor, target, language]
        per1, pern = one.run.wall / p1 * 1000, large.run.wall / pn * 1000
        worst = max(worst, pern / per1)
        print(f"  {f'{target} {language}':<26} {p1:>6} {per1:>11.1f} {pn:>6} {pern:>12.1f} "
              f"{pern / per1:>6.2f}x {large.run.peak_mib:>9}")
    print("  (growth below 1.0x: fixed start-up cost spread over more pages; above it: worse than linear)")
    # Where growth comes from: our code (Sphinx and the extension) or TeX, the floor.
    print(f"  CPU ms per page, 1x -> {factor}x:  the rest (ours)  |  TeX")
    for target, language in steps:
        if (1, target, language) in results and (factor, target, language) in results:
            (p1, one), (pn, large) = results[1, target, language], results[factor, target, language]
            parts = []
            for label, cpu1, cpun in (("the rest", one.run.cpu - one.tex_cpu, large.run.cpu - large.tex_cpu),
                                      ("TeX", one.tex_cpu, large.tex_cpu)):
                if cpu1 > 0:
                    parts.append(f"{label} {cpu1 / p1 * 1000:.1f} -> {cpun / pn * 1000:.1f} "
                                 f"({cpun / pn / (cpu1 / p1):.2f}x)")
            print(f"  {f'{target} {language}':<26} {'  |  '.join(parts)}")
    linear = f"linear or better at {factor}x (ms per page grows at most {LINEAR_GROWTH:.2f}x; worst {worst:.2f}x)"
    print(f"  target: {verdict(linear, worst <= LINEAR_GROWTH)}")
    for language in (lang for lang in PROJECT.languages if lang.startswith("zh")):
        found = results.get((factor, "pdf", language))
        peak = found[1].run.peak_mib if found else float("inf")
        memory = f"peak memory of the Chinese PDF ({language}) at {factor}x: {peak} <= {CHINESE_PDF_PEAK_MIB} MiB"
        print(f"  target: {verdict(memory, peak <= CHINESE_PDF_PEAK_MIB)}")
    print()


def print_verdicts() -> None:
    print("Targets of issue #22")
    for target, met in VERDICTS:
        print(f"  {'yes' if met else 'NO ':<3}  {target}")


PROJECT: Project


def main(argv: list[str] | None = None) -> int:
    global PROJECT
    PROJECT = load()
    VERDICTS.clear()
    bench = Path(os.environ.get("BUILDDIR", "_build")).resolve() / "bench"
    shutil.rmtree(bench, ignore_errors=True)  # a kept or interrupted run's
    bench.mkdir(parents=True)
    print(f"benchmark workspace: {bench}  ({os.cpu_count()} cores)\n")
    try:
        meter = TexMeter(bench)
        full_builds(bench, meter)
        translator_loop(bench, meter)
        alone = each_edition(bench, meter)
        scale(bench, int(os.environ.get("BENCH_SCALE", "50")), meter, alone)
        print_verdicts()
    except StepFailed as exc:
        print(f"benchmark step failed: {exc}", file=sys.stderr)
        print_verdicts()  # those measured before it
        return 1
    finally:
        if os.environ.get("BENCH_KEEP", "") not in ("", "0"):
            print(f"\nkept (BENCH_KEEP): {bench}")
        else:
            shutil.rmtree(bench, ignore_errors=True)
    return 0
