"""make check: every input a contributor controls is bounded before it is parsed (issue #19).

Each bound is one finding naming the file and line; the build refuses the same
(editions.catalogs.files and terms.load serve both).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from editions.catalogs import files, rules
from editions.checks import terms

GOOD = [("The Grand Canal runs through it.", "大运河穿境而过。")]
HEADER = "english\tchinese\tkind\tstatus\tnote\n"


# -- Termbase ----------------------------------------------------------------------------------

def test_a_termbase_with_too_many_terms_is_one_finding(checks) -> None:
    rows = "".join(f"Term {i}\t术语{i}\tterm\t\t\n" for i in range(terms.MAX_TERMS + 1))
    checks.write(GOOD, termbase=HEADER + rows)
    finding = checks.run().only("terms")
    assert finding["file"] == "locales/zh_CN/termbase.tsv" and finding["line"] == terms.MAX_TERMS + 2
    assert "more than 5,000 terms" in finding["message"]


def test_a_termbase_over_a_megabyte_is_not_read(checks) -> None:
    checks.write(GOOD, termbase=HEADER + "Grand Canal\t大运河\tplace\t\t" + "x" * (1024 * 1024) + "\n")
    finding = checks.run().only("terms")
    assert finding["line"] == 1 and "the termbase is 1.0 MB; it may be at most 1 MB" in finding["message"]


def test_a_long_term_is_named_at_its_line_and_not_used(checks) -> None:
    checks.write(GOOD, termbase=HEADER + "Grand Canal\t大运河\tplace\t\t\nLong\t" + "长" * 101 + "\tterm\t\t\n")
    run = checks.run()
    finding = run.only("terms")
    assert finding["line"] == 3 and "a term of 101 characters; a term may have at most 100" in finding["message"]


def test_terms_are_found_as_before() -> None:
    base = terms.Termbase(Path("termbase.tsv"), [
        terms.Term("Grand Canal", "大运河", "river", "", 2), terms.Term("Grand Canal Sub-district", "大运河街道",
                                                                           "place", "", 3),
        terms.Term("Sub-district", "街道", "term", "", 4), terms.Term("canal", "运河", "term", "", 5)])
    assert [t.english for t in base.terms_in("The Grand  Canal Sub-district and two canals.")] == [
        "Grand Canal Sub-district", "canal"]
    assert base.terms_in("Grand Canals") == (base.terms[0],)
    assert base.terms_in("Sub-districts, canalside") == (base.terms[2],)  # not inside a word


@pytest.mark.slow
def test_finding_terms_is_linear_in_the_text_whatever_the_termbase() -> None:
    many = [terms.Term(f"Road {i} of the District", f"路{i}", "road", "", i) for i in range(terms.MAX_TERMS)]
    base = terms.Termbase(Path("termbase.tsv"), many)
    text = " ".join(f"Road {i % terms.MAX_TERMS} of the District and the road" for i in range(20_000))  # 700 kB
    started = time.perf_counter()
    assert len(base.terms_in(text)) == 20_000
    assert time.perf_counter() - started < 5  # one pattern of all terms: minutes


# -- Catalogs ----------------------------------------------------------------------------------

STALE = '# check: allow stale-catalog — kept for the book\n'


def test_a_catalog_over_the_bound_is_refused_unread_even_without_a_page(checks) -> None:
    po = checks.write(GOOD, page="gone", template=[])
    po.write_text(STALE + po.read_text(encoding="utf-8") + f'\nmsgid "x"\nmsgstr "{"大" * 400_000}"\n',
                  encoding="utf-8")
    finding = checks.run().only("catalog-file")
    assert "is 1.1 MB; a catalog may be at most 1 MB" in finding["message"]


def test_brackets_that_would_keep_myst_busy_are_refused_at_their_line(checks) -> None:
    po = checks.write(GOOD)
    text = po.read_text(encoding="utf-8")
    line = len(text.splitlines()) + 1
    po.write_text(text + f'msgid "{"![" * 6_000}"\nmsgstr "{"![" * 6_000}"\n', encoding="utf-8")
    finding = checks.run().only("catalog-file")
    assert finding["line"] == line and "has 12,000 '['" in finding["message"]


@pytest.mark.slow
def test_sixteen_thousand_duplicates_take_seconds_not_minutes(checks) -> None:
    po = checks.write(GOOD)
    po.write_text(po.read_text(encoding="utf-8") + "".join(
        f'\nmsgid "The Grand Canal runs through it."\nmsgstr "大运河{i}"\n' for i in range(16_000)),
        encoding="utf-8")
    started = time.perf_counter()
    found = checks.run().errors("duplicate-msgid")
    assert len(found) == 16_000 and time.perf_counter() - started < 20


def test_the_build_names_twenty_of_msgfmt_problems_and_counts_the_rest(checks) -> None:
    po = checks.write(GOOD)
    po.write_text(po.read_text(encoding="utf-8") + "".join(
        f'\nmsgid "The Grand Canal runs through it."\nmsgstr "大运河{i}"\n' for i in range(100)), encoding="utf-8")
    problems = files.catalog_problems(po)
    assert len(problems) == files.MAX_REPORTED + 1
    assert "and 180 more problems msgfmt has with this catalog" in problems[-1].report()


@pytest.mark.parametrize("ending", [b"\r", b"\n\r"])
def test_carriage_returns_without_line_feed_are_refused(checks, ending: bytes) -> None:
    po = checks.write(GOOD)
    po.write_bytes(po.read_bytes().replace(b"\n", ending))
    finding = checks.run().only("catalog-header")
    assert "carriage return (CR) without a line feed" in finding["message"] and "LF" in finding["advice"]


def test_lines_ended_by_carriage_returns_count_against_the_bound(checks) -> None:
    po = checks.write(GOOD)
    po.write_bytes(po.read_bytes() + b'msgid "x"\rmsgstr ""\r' + b'"a"\r' * 60_000)
    assert "a catalog may have at most 50,000" in checks.run().only("catalog-file")["message"]


def test_windows_line_endings_are_fine(checks) -> None:
    po = checks.write(GOOD)
    po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))
    assert checks.run().errors("catalog-header") == []


# -- Header ------------------------------------------------------------------------------------

@pytest.mark.parametrize("plural, said", [
    ("nplurals=20000000; plural=n;", "nplurals=20000000; a language has 1 to 6 plural forms"),
    ("nplurals=2; plural=n !=;", "is not valid"),
    ("nplurals=2; plural=__import__('os');", "is not a short C expression of n"),
    ("two forms", "cannot be read"),
])
def test_a_plural_forms_gettext_cannot_use_is_refused_at_its_line_unwaivably(checks, plural, said) -> None:
    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN", "Plural-Forms": plural}
    po = checks.write([checks.entry(*GOOD[0], comment="check: allow header — ours")], header=header)
    po.write_text("# check: allow header — ours\n" + po.read_text(encoding="utf-8"), encoding="utf-8")
    line = next(n for n, text in enumerate(po.read_text(encoding="utf-8").splitlines(), 1) if "Plural-Forms" in text)
    finding = checks.run().only("catalog-header")
    assert finding["line"] == line and said in finding["message"] and "nplurals=1; plural=0;" in finding["advice"]


def test_content_type_in_any_case_and_a_second_charset(checks) -> None:
    po = checks.write(GOOD)
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("Content-Type: text/plain; charset=UTF-8", "content-type: text/plain; CHARSET=utf-8"),
                  encoding="utf-8")
    assert checks.run().errors("catalog-header") == []
    po.write_text(text.replace("charset=UTF-8", 'charset=UTF-8; "\n"charset=ISO-8859-1'), encoding="utf-8")
    assert "declares charset ISO-8859-1" in checks.run().only("catalog-header")["message"]


# -- Size in a language that is not CJK ---------------------------------------------------------

ENGLISH = "The Grand Canal runs through the sub-district, past the old city wall and the market. " * 3


def test_a_run_of_han_characters_is_one_word_in_a_language_that_is_not_cjk() -> None:
    assert rules.size_problems(ENGLISH, "大" * 200, "zh_CN") == []
    assert rules.size_problems(ENGLISH, "大" * 200) == []  # callers that say no language: as before
    [problem] = rules.size_problems(ENGLISH, "大" * 200, "de")
    assert "a word of 200 characters" in problem and "in de, CJK characters don't break" in problem


def test_make_check_names_a_han_run_in_a_third_language(checks) -> None:
    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de",
              "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    checks.write([(ENGLISH, "大" * 200)], language="de", header=header, termbase=None)
    assert "a word of 200 characters" in checks.run(language="de").only("size")["message"]


# -- The language's folder --------------------------------------------------------------------

def test_a_language_folder_with_too_many_files_or_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "zh_CN" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for i in range(files.MAX_LANGUAGE_FILES):
        (folder / f"page{i}.po").write_text("", encoding="utf-8")
    assert files.folder_problems(tmp_path / "zh_CN") == []
    (folder / "one-more.po").write_text("", encoding="utf-8")
    [problem] = files.folder_problems(tmp_path / "zh_CN")
    assert problem.line == 1 and "has more than 500 files" in problem.report()
    for path in folder.iterdir():
        path.unlink()
    for i in range(9):
        (folder / f"page{i}.po").write_bytes(b"#" * (1024 * 1024))
    [problem] = files.folder_problems(tmp_path / "zh_CN")
    assert "holds 9.0 MB; a language may hold at most 8 MB" in problem.report()


def test_make_check_refuses_a_language_folder_of_too_many_files(checks) -> None:
    po = checks.write(GOOD)
    for i in range(files.MAX_LANGUAGE_FILES):
        (po.parent / f"extra{i}.txt").write_text("", encoding="utf-8")
    assert "has more than 500 files" in checks.run().only("catalog-file")["message"]
