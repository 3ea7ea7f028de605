"""Maintainers: `make bench` measures from outside and prints every figure it promises.

Run once on the tiny profile at the smallest scale (BENCH_SCALE=2): each section's
figures are there and none is empty, what the plain recipe reads is counted right, the
targets of issue #22 are listed with a verdict each, and the workspace is gone after.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.tex, pytest.mark.slow]  # every build of the tiny profile, PDFs too: a minute and more


def test_make_bench_on_the_tiny_profile(second_profile: Path, make) -> None:
    out = make(second_profile, "bench", env={"BENCH_SCALE": "2"}).stdout
    assert "benchmark workspace:" in out
    assert not (second_profile / "_build" / "bench").exists()
    check_full_build(section(out, 1))
    check_reads(section(out, 2))
    check_one_msgstr(section(out, 3))
    check_each_edition(section(out, 4))
    check_scale(section(out, 5))
    check_verdicts(out.split("Targets of issue #22\n", 1)[1])


def section(out: str, number: int) -> str:
    return re.search(rf"^{number}\. .*?(?=^\d\. |^Targets)", out, re.MULTILINE | re.DOTALL).group(0)


def check_full_build(full: str) -> None:
    """CPU split into TeX and the rest, for ours, ours on the plain recipe's four, and the plain recipe."""
    steps = re.findall(r"^  (ours: .+?|plain: .+?) +([\d.]+) s  CPU ([\d.]+) s = TeX ([\d.]+) \+ the rest ([\d.]+)",
                       full, re.MULTILINE)
    assert [label.split(":")[0] for label, *_ in steps] == ["ours", "ours", "plain"], full
    for _label, wall, cpu, tex, rest in steps:
        assert float(wall) > 0 and float(tex) > 0 and float(rest) > 0
        assert float(tex) + float(rest) == pytest.approx(float(cpu), abs=0.11)
    per_pdf = re.findall(r"TeX per PDF: (.+)", full)
    assert [sorted(re.findall(r"(\S+) [\d.]+ s CPU", line)) for line in per_pdf] == [
        ["en", "zh_CN", "zh_CN-en"], ["en", "zh_CN"], ["en", "zh_CN"]], full
    assert re.search(r"each edition \(the driver's line\): (\S+ (HTML|PDF) [\d.]+ s, ){5}", full), full
    assert "make _build/" in full and "zh_CN-en" not in re.search(r"make _build/.*", full).group(0)
    assert re.search(r"targets: wall, ours 6 [\d.]+ s <= plain 4 [\d.]+ s: (yes|NO)", full), full


def check_reads(reads: str) -> None:
    ours, plain = re.findall(r"reads per page: (.+)", reads)
    assert re.fullmatch(r"index [1-9]\d*, visit [1-9]\d*", ours), reads
    assert plain == "index 4, visit 4"  # four sphinx-build runs, each reads every page
    assert re.search(r"environments holding each page's doctree: index [1-9]\d*, visit [1-9]\d*\n", reads), reads
    assert re.search(r"Sphinx runs: zh_CN html read 2, en html read 2, zh_CN latex read 2, en latex read 2", reads)


def check_one_msgstr(loop: str) -> None:
    """The pages re-read and written are named, per edition; make pdf's TeX is measured."""
    assert re.search(r"make, nothing changed +[\d.]+ s  an edition or TeX started: no", loop), loop
    assert "the message is used on: index" in loop
    assert re.search(r"re-read \(Sphinx's progress\): .*\['index'\]", loop), loop
    assert re.search(r"doctrees rewritten: .*\['index'\]", loop), loop
    assert re.search(r"written, en: \['index'\]", loop) and "written, zh_CN: no page" in loop, loop
    assert re.search(r"then make pdf +[\d.]+ s", loop)
    # both affected PDFs, in the order their TeX started (en and zh_CN-en take turns on en's environment)
    affected = re.search(r"TeX \(the affected PDFs\): (.+);", loop)
    assert affected and sorted(re.findall(r"(\S+) [\d.]+ s CPU", affected[1])) == ["en", "zh_CN-en"], loop


def check_each_edition(each: str) -> None:
    for fmt in ("html", "pdf"):
        for edition in ("zh_CN", "en", "zh_CN-en"):
            assert re.search(rf"^  {fmt} {edition} +[\d.]+ s  CPU [\d.]+ s.*peak [1-9]\d* MiB", each, re.MULTILINE)


def check_scale(scale: str) -> None:
    assert len(re.findall(r"^  (html|pdf) \S+ +2 +[\d.]+ +3 +[\d.]+ +[\d.]+x +\d+$", scale, re.MULTILINE)) == 4
    assert "peak memory of the Chinese PDF (zh_CN) at 2x" in scale
    # each step's CPU per page, split: ours (both formats), and TeX's (the PDFs)
    split = re.findall(r"^  (html|pdf) \S+ +the rest [\d.]+ -> [\d.]+ \([\d.]+x\)"
                       r"(  \|  TeX [\d.]+ -> [\d.]+ \([\d.]+x\))?$", scale, re.MULTILINE)
    assert [(fmt, bool(tex)) for fmt, tex in split] == [("html", False)] * 2 + [("pdf", True)] * 2, scale


def check_verdicts(targets: str) -> None:
    verdicts = re.findall(r"^  (yes|NO ) +\S", targets, re.MULTILINE)
    assert len(verdicts) == 9, targets
