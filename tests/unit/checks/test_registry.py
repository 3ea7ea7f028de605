"""The checks' registry drives the runner, and the README's table is the registry's:
a translator reads the table, make check and the build read the registry."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from editions.checks import registry
from editions.checks.cli import main
from editions.checks.registry import CHECKS, Message, Problem, content_check

README = Path(__file__).resolve().parents[3] / "README.md"


def test_the_readme_table_is_the_registry() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--list-checks"]) == 0
    printed = out.getvalue()
    assert printed == registry.table() and printed in README.read_text(encoding="utf-8")
    names = [line.split("`")[1] for line in printed.splitlines()[2:]]
    assert names == list(CHECKS)  # every check, in the registry's order


def test_only_style_can_be_waived_and_facts_are_errors() -> None:
    waivable = {name for name, check in CHECKS.items() if check.waivable}
    assert waivable == {"doubled-word", "terms", "typography", "title-marks"}
    for name in ("numbers", "dates", "markup", "safety", "size", "header", "catalog-header", "placeholders"):
        assert CHECKS[name].severity == "error" and not CHECKS[name].waivable, name
    assert {n for n, c in CHECKS.items() if c.severity == "warning"} == {"fuzzy", "untranslated"}
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in CHECKS)


def test_each_check_says_what_it_runs_on() -> None:
    content = {c.name for c in registry.content_checks()}
    assert content == {"size", "structure", "markup", "safety", "placeholders", "doubled-word", "numbers",
                       "terms", "typography", "title-marks", "dates"}
    assert [(CHECKS[n].languages, CHECKS[n].catalogs, CHECKS[n].needs_termbase)
            for n in ("typography", "title-marks", "dates", "terms", "markup")] == [
        (("zh",), None, False), (("zh",), None, True), (("zh",), "interface", False), ((), None, True),
        ((), "pages", False)]
    assert CHECKS["typography"].applies("zh_TW", interface=False, has_termbase=False)
    assert not CHECKS["typography"].applies("ja", interface=False, has_termbase=False)
    assert not CHECKS["dates"].applies("zh_CN", interface=False, has_termbase=True)
    assert CHECKS["catalog-syntax"].found_by == "health.load" and CHECKS["catalog-syntax"].find is None


@pytest.fixture
def shouting():
    """A check of one line, registered for the test: an exclamation mark the English lacks."""
    @content_check("shouting", "an exclamation mark the English does not have", "a test", order=65,
                   waivable=True, languages=("zh",), catalogs=registry.PAGES)
    def find(message: Message) -> Problem | None:
        if "！" in message.visible[1] and "!" not in message.visible[0]:
            return "the translation shouts (！)", "end it with 。"
        return None

    yield find
    registry.remove("shouting")


def test_a_registered_check_runs_with_its_severity_and_waivers(checks, shouting) -> None:
    calm, loud, waived = "The canal runs east.", "The canal runs west.", "The canal runs north."
    po = checks.write([checks.entry(calm, "运河向东流。"), checks.entry(loud, "运河向西流！"),
                       checks.entry(waived, "运河向北流！", comment="check: allow shouting — a quoted slogan")])
    status, findings = checks.run()
    found = [f for f in findings if f["check"] == "shouting"]
    assert status == 1 and [(f["line"], f["severity"], f["message"], f["advice"]) for f in found] == [
        (checks.line_of(po, loud), "error", "the translation shouts (！)", "end it with 。")]
    # waived: the waiver is used (no "not needed" note), and nothing else is found on it
    assert [f for f in findings if f["line"] == checks.line_of(po, waived)] == []
    assert CHECKS["shouting"].where() == "each page message; zh only" and CHECKS["shouting"].waivable
    assert not CHECKS["shouting"].applies("en", interface=False, has_termbase=True)


def test_a_check_runs_only_where_it_applies(checks, shouting) -> None:
    checks.write([checks.entry("The canal runs west.", "运河向西流！")], page="sphinx")  # no MyST: not a page
    assert [f for f in checks.run().findings if f["check"] == "shouting"] == []


def test_a_check_that_fails_is_an_internal_finding_and_the_others_run(checks) -> None:
    @content_check("broken", "nothing", "a test", order=65)
    def find(message: Message) -> Problem | None:
        raise ValueError("a bug")

    english = "The canal runs 3 km."
    try:
        po = checks.write([checks.entry(english, "运河流经5公里。")])
        _, findings = checks.run()
    finally:
        registry.remove("broken")
    line = checks.line_of(po, english)
    # in the registry's order: the broken check (65) runs before numbers (70)
    assert [(f["check"], f["line"]) for f in findings if f["check"] in ("internal", "numbers")] == [
        ("internal", line), ("numbers", line)]
    internal = next(f for f in findings if f["check"] == "internal")
    assert internal["message"] == "the broken check failed on this entry (ValueError: a bug)"


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered already"):
        content_check("typography", "again", "a test", order=1)(lambda message: None)


def test_the_package_names_only_modules_it_has() -> None:
    import pkgutil

    import editions.checks

    named = set(re.findall(r"``([a-z_]+)``", editions.checks.__doc__ or ""))
    assert named and named <= {module.name for module in pkgutil.iter_modules(editions.checks.__path__)}
