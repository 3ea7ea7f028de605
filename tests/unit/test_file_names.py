"""File names are data: one rule says which names the build, make check and the stamps take.

A name under locales/ or docs/ is a contributor's; it never reaches make or a shell
(see the Makefile tests), and one that is not plain is refused, named, quoted.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editions.catalogs.files import non_regular_files
from editions.inputs import as_printed, is_plain, tree_hash


@pytest.mark.parametrize("name", ["index.po", "sphinx.po", "termbase.tsv", "README.md", "LC_MESSAGES", "a-b_c.9",
                                  ".DS_Store", ".index.po.swp", "_static"])
def test_plain_names(name: str) -> None:
    assert is_plain(name)


@pytest.mark.parametrize("name", ["x _build", "a b.po", "debian-$(id>PWNED)", "$$x", "-rf", "x\n", "x\ty", "a;b",
                                  "a'b", 'a"b', "`id`", "a#b", "a:b", "a%b", "a*b", "café.po", "index\u202e.po", ""])
def test_names_that_are_not_plain(name: str) -> None:
    assert not is_plain(name)


def test_a_name_is_printed_quoted_on_one_line() -> None:
    assert str(as_printed(Path("locales/zh_CN/x _build"))) == "locales/zh_CN/'x _build'"
    printed = str(as_printed(Path("docs/a\nb\x1b[2J.md")))
    assert "\n" not in printed and "\x1b" not in printed and printed == "docs/'a\\nb\\x1b[2J.md'"


def _tree(root: Path) -> Path:
    (root / "LC_MESSAGES").mkdir(parents=True)
    (root / "LC_MESSAGES" / "index.po").write_text('msgid "a"\nmsgstr "甲"\n', encoding="utf-8")
    (root / "termbase.tsv").write_text("english\tchinese\n", encoding="utf-8")
    return root


def test_the_hash_is_of_names_and_contents_not_of_times_or_places(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the Makefile runs it from the project, on relative paths
    _tree(Path("one/zh_CN"))
    _tree(Path("two/zh_CN"))
    refused: list[Path] = []
    monkeypatch.chdir("one")
    first = tree_hash([Path("zh_CN")], refused)
    monkeypatch.chdir("../two")
    before = tree_hash([Path("zh_CN")], refused)
    assert before == first  # a copy of a built project has the same stamps
    os.utime("zh_CN/LC_MESSAGES/index.po", (0, 0))
    assert tree_hash([Path("zh_CN")], refused) == before  # a touch is no change
    Path("zh_CN/LC_MESSAGES/index.po").write_text('msgid "a"\nmsgstr "乙"\n', encoding="utf-8")
    edited = tree_hash([Path("zh_CN")], refused)
    assert edited != before
    Path("zh_CN/LC_MESSAGES/index.po").rename("zh_CN/LC_MESSAGES/other.po")
    renamed = tree_hash([Path("zh_CN")], refused)
    assert renamed not in (before, edited)  # a rename is a change
    Path("zh_CN/LC_MESSAGES/__pycache__").mkdir()
    Path("zh_CN/LC_MESSAGES/__pycache__/x.pyc").write_bytes(b"\0")  # Python's, not an input
    assert tree_hash([Path("zh_CN")], refused) == renamed and refused == []


def test_the_hash_refuses_a_name_that_is_not_plain_and_nothing_under_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = _tree(Path("zh_CN")) / "LC_MESSAGES" / "x _build"
    (bad / ".stamps").mkdir(parents=True)
    (bad / ".stamps" / "debian-$(id>PWNED)").write_text("", encoding="utf-8")
    refused: list[Path] = []
    tree_hash([Path("zh_CN")], refused)
    assert refused == [bad]  # one name, not one per file under it


def test_the_catalog_checks_refuse_the_same_names(tmp_path: Path) -> None:
    folder = _tree(tmp_path / "zh_CN")
    (folder / "LC_MESSAGES" / "x serve").write_text("", encoding="utf-8")
    (folder / "LC_MESSAGES" / "x _build" / "y z").mkdir(parents=True)
    problems = non_regular_files(folder)
    assert [(p.check, p.line, p.path.name) for p in problems] == [
        ("catalog-file", 1, "'x _build'"), ("catalog-file", 1, "'x serve'")]
    assert problems[1].report().endswith(
        "LC_MESSAGES/'x serve':1: [catalog-file] is not a plain file name (letters, digits, '.', '_', '-'; "
        "no spaces); rename or remove it")


def test_make_check_names_the_file_in_one_finding(checks) -> None:
    po = checks.write([("Grand Canal", "大运河")])
    po.with_name("a b.po").write_text("", encoding="utf-8")
    run = checks.run()
    finding = run.only("catalog-file")
    assert run.status == 1 and finding["file"] == "locales/zh_CN/LC_MESSAGES/'a b.po'" and finding["line"] == 1
    assert "not a plain file name" in finding["message"] and finding["advice"] == "rename or remove it"


def test_the_source_editions_stamp_follows_every_translations_termbase(tmp_path: Path, monkeypatch) -> None:
    # the English edition's names glossary lists the Chinese termbase's confirmed names
    from editions.inputs import main

    monkeypatch.chdir(tmp_path)
    Path("conf.py").write_text('project = "P"\nlanguage = "en"\n', encoding="utf-8")
    Path("docs").mkdir()
    Path("locales/zh_CN/LC_MESSAGES").mkdir(parents=True)
    termbase = Path("locales/zh_CN/termbase.tsv")
    termbase.write_text("english\tchinese\tkind\tstatus\tnote\nOld Mill\t老磨坊\tplace\tpending\t\n", encoding="utf-8")
    assert main(["stamps", "en"]) == 0
    before = Path("stamps/catalogs-en").read_text(encoding="utf-8")
    termbase.write_text(termbase.read_text(encoding="utf-8").replace("pending", ""), encoding="utf-8")  # confirmed
    assert main(["stamps", "en"]) == 0
    assert Path("stamps/catalogs-en").read_text(encoding="utf-8") != before
