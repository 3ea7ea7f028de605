"""TeX runs locked down: no shell, no file outside the build read or written, a time limit.

Translations cannot reach TeX as commands any more (tests/sphinx); these tests put the
commands in conf.py's own preamble, to show that TeX itself would refuse them.
"""

from __future__ import annotations

from pathlib import Path


def with_preamble(project: Path, preamble: str) -> None:
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nlatex_elements = {{'preamble': {preamble!r}}}\n",
                    encoding="utf-8")


def test_no_file_outside_the_build_is_read(second_profile: Path, tmp_path: Path, make) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("TOPSECRET\n", encoding="utf-8")  # a file TeX could read anywhere else
    with_preamble(second_profile, rf"\AtBeginDocument{{\input{{{secret}}}}}")
    result = make(second_profile, "pdf", LANGUAGES="en", check=False)
    assert result.returncode != 0
    assert "LaTeX error in the document preamble" in result.stderr and "secret.tex' not found" in result.stderr
    assert not (second_profile / "_build" / "pdf" / "riverside-brief-en.pdf").exists()


def test_no_file_is_written_and_no_command_run(second_profile: Path, tmp_path: Path, make) -> None:
    written, ran = tmp_path / "written.txt", tmp_path / "ran.txt"
    with_preamble(second_profile, rf"\newwrite\out\immediate\openout\out={written}\immediate\write\out{{x}}"
                                  rf"\immediate\closeout\out\immediate\write18{{touch {ran}}}")
    make(second_profile, "pdf", LANGUAGES="en", check=False)
    assert not written.exists() and not ran.exists()


def test_a_run_that_never_ends_is_stopped_and_named(second_profile: Path, make) -> None:
    # The first paragraph of the first page never ends.  The limit leaves the preamble
    # (about 1.5 s alone) time to load on a busy machine: at 3 s, CI's once ran out in it.
    with_preamble(second_profile, r"\def\forever{\forever}\def\sphinxAtStartPar{\forever}")
    result = make(second_profile, "pdf", LANGUAGES="en", check=False, env={"EDITIONS_TEX_TIMEOUT": "12"})
    assert result.returncode != 0
    assert "XeLaTeX did not finish within 12 s while typesetting docs/index.md" in result.stderr
    assert "No en PDF edition was published" in result.stderr
