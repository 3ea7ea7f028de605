"""make bench's own arithmetic: how long TeX ran, and whose PDF a folder is."""

from __future__ import annotations

from editions.publish.bench import TexRun, busy_seconds, edition_of, edition_times, parse_tex_runs, sphinx_runs

EDITIONS = ["en", "zh_CN", "en-zh_CN"]


def test_side_by_side_tex_runs_count_once() -> None:
    runs = [TexRun(0, 4, 3.5, "a"), TexRun(1, 3, 2.0, "b"), TexRun(6, 7, 1.0, "c")]
    assert busy_seconds(runs) == 5
    assert busy_seconds([]) == 0


def test_a_folder_names_its_edition_the_parallel_first() -> None:
    assert edition_of("/w/_build/staging/latex/en-zh_CN", EDITIONS) == "en-zh_CN"
    assert edition_of("/w/plain/latex-zh_CN/latex", EDITIONS) == "zh_CN"
    assert edition_of("/w/_build/doctrees/html-en-zh_CN", EDITIONS) == "en-zh_CN"
    assert edition_of("/w/elsewhere", EDITIONS) is None


def test_the_wrappers_lines_are_read_back() -> None:
    (run,) = parse_tex_runs(["1.5\t4.0\t2.25\t/w/_build/staging/latex/zh_CN"])
    assert run.wall == 2.5 and run.cpu == 2.25 and run.folder.endswith("zh_CN")


def test_each_sphinx_run_is_told_apart() -> None:
    out = ("sphinx-build -b html -c . -D edition=en-zh_CN -d x docs y\nRunning Sphinx v9.0.4\n"
           "loading translations [zh_CN]... done\nbuilding [mo]: targets for 0 po files that are out of date\n"
           "building [html]: targets for 2 source files that are out of date\n"
           "reading sources... [ 50%] index\nreading sources... [100%] visit\n"
           "Running Sphinx v9.0.4\nloading translations [en]... done\nbuilding [latex]: all documents\n"
           "reading sources... [100%] index\n")
    runs = sphinx_runs(out)
    assert [(r.label, r.read) for r in runs] == [("en-zh_CN html", ["index", "visit"]), ("en latex", ["index"])]


def test_the_drivers_lines_are_read_for_every_format() -> None:
    out = ("en HTML    _build/html/en (2.0 s)\nen EPUB    _build/epub/p-en.epub (3.0 s)\n"
           "en PDF     _build/pdf/p-en.pdf (19.9 s)\n")
    assert edition_times(out) == ["en HTML 2.0 s", "en EPUB 3.0 s", "en PDF 19.9 s"]
