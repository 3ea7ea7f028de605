"""Catalogs are regular files in the tree, read only through checked copies.

What a translator's pull request can add under locales/ (links, fifos, broken or
ambiguous catalogs) stops the build before Sphinx touches it, with file and line,
on every run; nothing is ever written under locales/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editions.handoff import warnings_file

PARAGRAPH = "The Grand Canal runs through the sub-district."
TRANSLATION = {PARAGRAPH: "大运河穿境而过。"}


def stopped(build, *expected: str) -> None:
    assert build.exit_code == 2, build.warnings
    for text in expected:
        assert text in build.warnings, build.warnings
    assert "Traceback" not in build.warnings + build.status
    assert "catalogs stop this edition: fix the " in build.warnings
    assert " above (make check lists " in build.warnings


def test_a_good_catalog_is_compiled_under_build_never_beside_it(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    build = sample.build()
    assert "大运河穿境而过。" in build.page()
    assert not list(catalog.parent.glob("*.mo"))
    assert (sample.path / "_build" / "locales" / "zh_CN" / "LC_MESSAGES" / "index.mo").is_file()


@pytest.mark.parametrize("name", ["index.mo", "sphinx.mo"])
def test_a_link_to_a_file_outside_is_refused_and_the_file_untouched(sample, tmp_path: Path, name: str) -> None:
    sample.catalog(TRANSLATION)
    sample.catalog({"Search": "搜索"}, domain="sphinx")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    os.symlink(victim, sample.catalog_path().parent / name)
    build = sample.build()
    stopped(build, f"LC_MESSAGES/{name}:1: [catalog-file]", "is a symbolic link")
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_dangling_link_creates_nothing(sample, tmp_path: Path) -> None:
    sample.catalog({"Search": "搜索"}, domain="sphinx")
    target = tmp_path / "created-by-the-build"
    os.symlink(target, sample.catalog_path("sphinx").with_suffix(".mo"))
    stopped(sample.build(), "sphinx.mo:1: [catalog-file]")
    assert not target.exists()


def test_a_linked_catalog_folder_or_catalog_is_refused(sample, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "LC_MESSAGES"
    elsewhere.mkdir(parents=True)
    (sample.path / "locales" / "zh_CN").mkdir(parents=True)
    os.symlink(elsewhere, sample.path / "locales" / "zh_CN" / "LC_MESSAGES")
    stopped(sample.build(), "zh_CN/LC_MESSAGES:1: [catalog-file]")


def test_a_fifo_is_refused(sample) -> None:
    sample.catalog(TRANSLATION)
    os.mkfifo(sample.catalog_path().parent / "other.po")
    stopped(sample.build(), "other.po:1: [catalog-file]", "not a regular file")


def test_a_byte_order_mark_is_named(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    catalog.write_bytes(b"\xef\xbb\xbf" + catalog.read_bytes())
    stopped(sample.build(), "index.po:1: [catalog-header] the file starts with a byte-order mark")


def test_a_second_charset_fails_every_time(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    text = catalog.read_text(encoding="utf-8")
    line = text.splitlines().index('"Content-Type: text/plain; charset=UTF-8\\n"') + 2
    catalog.write_text(text.replace('charset=UTF-8\\n"\n', 'charset=UTF-8\\n"\n"Content-Type: text/plain; '
                                    'charset=ISO-8859-1\\n"\n', 1), encoding="utf-8")
    for _rerun in range(2):  # a failed build never turns green (and never publishes English)
        build = sample.build()
        stopped(build, f"index.po:{line}: [catalog-header] the header has Content-Type 2 times",
                f"index.po:{line}: [catalog-header] the header declares charset ISO-8859-1")
    assert not (sample.path / "_build" / "locales" / "zh_CN").exists()


def test_bytes_that_are_not_utf8_are_named_at_their_line(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    raw = catalog.read_bytes()
    line = raw[: raw.index("穿境".encode())].count(b"\n") + 1
    catalog.write_bytes(raw.replace("穿境".encode(), b"\xff\xfe"))
    stopped(sample.build(), f"index.po:{line}: [catalog-header] the file is not UTF-8 (byte 0xff")


@pytest.mark.parametrize("char", ["\u2028", "\u0085", "\f"])
def test_a_line_break_only_some_tools_see_is_named_at_its_line(sample, char: str) -> None:
    # msgfmt takes the file; Python's parsers would split the line there and read another entry
    catalog = sample.catalog(TRANSLATION)
    text = catalog.read_text(encoding="utf-8")
    line = text[: text.index("穿境")].count("\n") + 1
    catalog.write_text(text.replace("穿境", f"穿{char}境"), encoding="utf-8")
    stopped(sample.build(), f"index.po:{line}: [catalog-header] the file has a ",
            "which some catalog tools read as a line break")


def test_a_catalog_of_too_many_lines_is_refused_unread(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    text = catalog.read_text(encoding="utf-8")
    many_lines = 'msgstr ""\n' + '"河"\n' * 60_000
    catalog.write_text(text.replace('msgstr "大运河穿境而过。"', many_lines), encoding="utf-8")
    stopped(sample.build(), "index.po:50001: [catalog-file] has 60,0", "a catalog may have at most 50,000")


def test_an_unterminated_string_is_named_at_its_line(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    lines = catalog.read_text(encoding="utf-8").splitlines()
    number = lines.index('msgstr "大运河穿境而过。"')
    lines[number] = 'msgstr "大运河穿境而过。'
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stopped(sample.build(), f"index.po:{number + 1}: [catalog-syntax] end-of-line within string",
            "close the string on that line")


def test_locale_dirs_may_not_be_the_translators_folder(sample) -> None:
    sample.catalog(TRANSLATION)
    build = sample.build(locale_dirs=["locales"])
    assert build.exit_code == 2
    assert "locale_dirs includes locales, the translators' own catalogs" in build.warnings
    assert not list((sample.path / "locales").rglob("*.mo"))


def test_a_language_without_catalogs_is_said(sample) -> None:
    build = sample.build(language="ja")
    assert "no catalogs for ja in locales/ja/LC_MESSAGES" in build.warnings.replace(str(sample.path) + "/", "")
    assert "make update-po LANGUAGES=" in build.warnings


def test_a_fixed_catalog_publishes_again_and_a_removed_one_is_forgotten(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    assert "大运河穿境而过。" in sample.build().page()
    catalog.unlink()
    sample.catalog({"Search": "搜索"}, domain="sphinx")
    build = sample.build()
    assert "大运河穿境而过。" not in build.page() and PARAGRAPH in build.page()
    assert not (sample.path / "_build" / "locales" / "zh_CN" / "LC_MESSAGES" / "index.mo").exists()


def test_without_msgfmt_the_build_says_what_to_install(sample, monkeypatch) -> None:
    sample.catalog(TRANSLATION)
    monkeypatch.setenv("PATH", "/nonexistent")
    stopped(sample.build(), "GNU msgfmt is not installed", "install the Debian package gettext")


# -- Bounds (issue #19): refused before anything parses the catalog --------------------------------

def test_carriage_return_line_endings_are_refused(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    catalog.write_bytes(catalog.read_bytes().replace(b"\n", b"\r"))
    stopped(sample.build(), "index.po:1: [catalog-header] the file has a carriage return (CR) without a line feed")


def test_a_plural_forms_babel_would_choke_on_is_refused_at_its_line(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    text = catalog.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith('"Plural-Forms'))
    catalog.write_text(text.replace("nplurals=1; plural=0;", "nplurals=20000000; plural=n;"), encoding="utf-8")
    stopped(sample.build(), f"index.po:{line}: [catalog-header] Plural-Forms says nplurals=20000000")


def test_brackets_by_the_thousand_are_refused_before_myst_reads_them(sample) -> None:
    catalog = sample.catalog(TRANSLATION)
    with catalog.open("a", encoding="utf-8") as out:
        out.write(f'\nmsgid "{"![" * 3_000}"\nmsgstr "{"![" * 3_000}"\n')
    stopped(sample.build(), "[catalog-file] has 6,000 '[' (links, images, footnotes); a catalog may have at most 5,000")


def kept_answers(sample) -> dict[Path, int]:
    """The gate's kept answers on the zh_CN catalogs (one a catalog), and when each was written."""
    return {path: path.stat().st_mtime_ns for path in (sample.path / "_build").rglob("gate-cache/zh_CN/*.pickle")}


def test_a_languages_catalogs_are_checked_once_for_all_its_editions(sample) -> None:
    # The zh_CN edition and the parallel one (and the PDFs of both) ask the gate the same
    # question of the same files: the first build's answers are kept, the second reads them.
    sample.catalog({"Sample page": "样例页面", "The Grand Canal runs through the sub-district.": ""})  # a warning
    sample.catalog({"Other page": "另一页"}, domain="other")
    first = sample.build(language="zh_CN")
    answers = kept_answers(sample)
    assert len(answers) == 2  # index.po's and other.po's
    second = sample.build(edition="en-zh_CN")
    assert kept_answers(sample) == answers  # read, not computed and written again
    said = [warnings_file(Path(b.app.doctreedir), name).read_text(encoding="utf-8")
            for b, name in ((first, "zh_CN"), (second, "en-zh_CN"))]
    assert said[0] == said[1] and "1 untranslated message" in said[0]
    # a changed catalog is a new question, and the only one: an error planted now stops the build
    sample.catalog({"Sample page": "样例页面 <script>alert(1)</script>"})
    stopped = sample.build(edition="en-zh_CN")
    assert stopped.exit_code == 2 and "[safety]" in stopped.warnings, stopped.warnings
    now = kept_answers(sample)
    [unchanged] = set(now) & set(answers)  # other.po's answer, read again
    assert now[unchanged] == answers[unchanged]
    assert len(now) == 2 and len(set(answers) - set(now)) == 1  # index.po's old answer is gone
    # and asked again, the same: the kept answer stops it too
    again = sample.build(language="zh_CN")
    assert again.exit_code == 2 and again.warnings.count("[safety]") == stopped.warnings.count("[safety]")
    assert kept_answers(sample) == now


def test_what_every_catalog_reads_changed_checks_each_again(sample) -> None:
    # The termbase is read by the checks of every catalog: a term whose approved
    # translation the kept answers never looked for must stop the build.
    sample.catalog({"Sample page": "样例页面", PARAGRAPH: "大运河穿境而过。"})
    assert sample.build().exit_code == 0
    answers = kept_answers(sample)
    (sample.path / "locales" / "zh_CN" / "termbase.tsv").write_text(
        "english\tchinese\tkind\tnote\nGrand Canal\t京杭大运河\triver\t\n", encoding="utf-8")
    stopped = sample.build()
    assert stopped.exit_code == 2 and "[terms]" in stopped.warnings, stopped.warnings
    assert answers and not set(answers) & set(kept_answers(sample))


def test_the_file_checks_are_kept_and_a_changed_catalog_judged_again(sample) -> None:
    # msgfmt and the byte checks run once for a catalog as it is; a catalog written
    # since is judged again, and what stops it stops every build after
    catalog = sample.catalog(TRANSLATION)
    assert sample.build().exit_code == 0
    kept = sorted((sample.path / "_build").rglob("gate-cache/zh_CN-files/*.pickle"))
    assert len(kept) == 1
    assert sample.build(edition="en-zh_CN").exit_code == 0
    assert sorted((sample.path / "_build").rglob("gate-cache/zh_CN-files/*.pickle")) == kept
    catalog.write_bytes(b"\xef\xbb\xbf" + catalog.read_bytes())
    for _rerun in range(2):
        stopped(sample.build(), "index.po:1: [catalog-header] the file starts with a byte-order mark")
