"""``make bench``: how fast the translator's loop and the full build are.

Prints every figure; nothing here is a pass/fail test.  Runs on copies of the
project under ``_build/bench/`` (never on the working tree):

1. full clean build of every edition with ``make`` (both cores), side by
   side with the plain recipe a Sphinx user would write (sequential
   ``sphinx-build`` HTML runs and ``sphinx-build -M latexpdf`` runs);
2. ``make`` with nothing changed;
3. one msgstr changed: ``make html`` (which pages were re-read and written,
   and whether the source-language edition was touched), then ``make pdf``;
4. each edition alone from a clean start, one core: the one-language HTML and
   PDF editions, the parallel ones (en-zh_CN) and the translators' review view;
5. a generated project 50 times the size of the profile, every language:
   seconds per page and peak memory for each step.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import polib

from ..project import Project, load
from .workspace import copy_project

VENV = Path(sys.prefix)
ENV = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")}


def timed(args: list[str], cwd: Path) -> tuple[float, int, str, float]:
    """Run a command; return wall seconds, peak memory (MiB), output, CPU seconds."""
    wrapper = [sys.executable, "-c", (
        "import resource, subprocess, sys;"
        "r = subprocess.run(sys.argv[1:]);"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(f'@@peak {u.ru_maxrss} {u.ru_utime + u.ru_stime}', file=sys.stderr);"
        "sys.exit(r.returncode)"), *args]
    start = time.monotonic()
    result = subprocess.run(wrapper, cwd=cwd, env=ENV, capture_output=True, text=True)
    wall = time.monotonic() - start
    match = re.search(r"@@peak (\d+) ([\d.]+)", result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    peak_mib = int(match.group(1)) // 1024 if match else 0
    cpu = float(match.group(2)) if match else 0.0
    return wall, peak_mib, result.stdout + result.stderr, cpu


def make(project: Path, *targets: str, **variables: str) -> list[str]:
    return ["make", "--no-print-directory", f"VENV={VENV}", "USE_VENV_AS_IS=1", *targets,
            *(f"{k}={v}" for k, v in variables.items())]


def plain_recipe(project: Path) -> list[list[str]]:
    sphinx = [str(VENV / "bin" / "sphinx-build")]
    return [
        *([*sphinx, "-b", "html", "-c", ".", "-D", f"language={lang}", "docs", f"plain/html/{lang}"]
          for lang in PROJECT.languages),
        *([*sphinx, "-M", "latexpdf", "docs", f"plain/latex-{lang}", "-c", ".", "-D", f"language={lang}"]
          for lang in PROJECT.languages),
    ]


def row(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<58} {seconds:7.2f} s  {extra}")


def full_builds(bench: Path) -> None:
    print(f"Full clean build of every edition (HTML and PDF of {', '.join(PROJECT.languages)})")
    ours = copy_project(bench / "full", PROJECT.root)
    wall, peak, _, cpu = timed(make(ours), ours)
    row("make (ours, parallel, staged)", wall, f"CPU {cpu:.1f} s = {cpu / wall:.2f} cores busy, peak {peak} MiB")
    plain = copy_project(bench / "plain", PROJECT.root)
    total = total_cpu = 0.0
    for args in plain_recipe(plain):
        seconds, _peak_step, _, cpu_step = timed(args, plain)
        total += seconds
        total_cpu += cpu_step
    row(
        "plain recipe (4 sequential sphinx-build runs)",
        total,
        f"CPU {total_cpu:.1f} s = {total_cpu / total:.2f} cores busy",
    )
    print(f"  ratio ours / plain: {wall / total:.2f}  (target 0.6 or less)\n")


def translator_loop(bench: Path) -> None:
    project = bench / "full"  # already built by full_builds
    print("Translator's loop")
    wall, _, out, _ = timed(make(project), project)
    started = "sphinx-build" in out or "latexmk" in out
    row("make, nothing changed", wall, f"Sphinx or TeX started: {'yes' if started else 'no'} (target < 1 s)")

    language = PROJECT.translation_languages[0]
    catalogs = [p for p in (project / PROJECT.translations.name / language / "LC_MESSAGES").glob("*.po")
                if p.stem != "sphinx"]
    catalog = max(catalogs, key=lambda p: p.stat().st_size)  # the longest page
    po = polib.pofile(str(catalog))
    entry = next(e for e in po if len(e.msgid) > 60 and not e.obsolete)
    entry.msgstr = (entry.msgstr or "译文") + "！"
    po.save()
    en_index = project / "_build" / "html" / PROJECT.source_language / "index.html"
    en_before = en_index.stat().st_mtime_ns
    wall, _, out, _ = timed(make(project, "html"), project)
    read = sorted(set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", out)))
    written = sorted(set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", out)) - {
        p for p in re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", out) if p.endswith(".mo")})
    en_touched = en_index.stat().st_mtime_ns != en_before or f"{PROJECT.source_language} HTML" in out
    row("one msgstr changed: make html", wall,
        f"re-read {read}, written {written}, source edition touched: {'yes' if en_touched else 'no'} (target < 3 s)")
    wall, _, out, _ = timed(make(project, "pdf"), project)
    rebuilt = sorted(set(re.findall(r"(\S+\.pdf) \(", out)))
    row("then make pdf", wall, f"rebuilt {rebuilt}")
    print()


def each_edition(bench: Path) -> None:
    """Every edition built alone from nothing (its own doctrees), so their costs compare."""
    print("Each edition alone, from a clean start (one sphinx-build at a time)")
    project = copy_project(bench / "each", PROJECT.root)
    driver = [sys.executable, "-m", "editions", "build"]
    for fmt in ("html", "pdf"):
        for edition in PROJECT.editions:
            wall, peak, _, _ = timed([*driver, fmt, edition], project)
            row(f"{fmt} {edition}", wall, f"peak {peak} MiB")
    timed(make(project, "gettext"), project)  # the review's checks compare with the templates
    for language in PROJECT.translation_languages:
        wall, peak, _, _ = timed([*driver, "review", language], project)
        row(f"review {language} (make review)", wall, f"peak {peak} MiB")
    print()


def scaled_project(bench: Path, factor: int) -> tuple[Path, int]:
    """The profile repeated *factor* times: every page and its catalog copied."""
    project = copy_project(bench / f"scale-{factor}", PROJECT.root)
    docs = project / "docs"
    catalogs = project / PROJECT.translations.name / PROJECT.translation_languages[0] / "LC_MESSAGES"
    pages = [p for p in PROJECT.pages if p != "index" and "/" not in p and (catalogs / f"{p}.po").exists()]
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


def scale(bench: Path, factor: int = 50) -> None:
    """Seconds per page at 1x and at *factor* x: linear growth keeps them close."""
    steps = [(fmt, lang) for fmt in ("html", "pdf") for lang in PROJECT.languages]
    results = {}
    for size in (1, factor):
        project, pages = scaled_project(bench, size)
        for target, language in steps:
            wall, peak, _, _ = timed(make(project, target, LANGUAGES=language, JOBS="1"), project)
            results[size, target, language] = (pages, wall, peak)
    print(f"Scale: the profile and a project {factor} times its size, one step at a time")
    print(f"  {'step':<26} {'pages':>6} {'1x ms/page':>11} {'pages':>6} "
          f"{f'{factor}x ms/page':>12} {'growth':>7} {'peak MiB':>9}")
    for target, language in steps:
        p1, w1, _ = results[1, target, language]
        pn, wn, peak = results[factor, target, language]
        per1, pern = w1 / p1 * 1000, wn / pn * 1000
        print(f"  {f'make {target} {language}':<26} {p1:>6} {per1:>11.1f} {pn:>6} {pern:>12.1f} "
              f"{pern / per1:>6.2f}x {peak:>9}")
    print("  (growth below 1.0x: fixed start-up cost spread over more pages; above it: worse than linear)")


PROJECT: Project


def main(argv: list[str] | None = None) -> int:
    global PROJECT
    PROJECT = load()
    bench = Path(os.environ.get("BUILDDIR", "_build")).resolve() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    print(f"benchmark workspace: {bench}  ({os.cpu_count()} cores)\n")
    full_builds(bench)
    translator_loop(bench)
    each_edition(bench)
    scale(bench, int(os.environ.get("BENCH_SCALE", "50")))
    return 0

