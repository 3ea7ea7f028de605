"""make check never shows a traceback: random and mangled catalogs give findings
(or one line saying what to do), and no check crashes on any text."""

from __future__ import annotations

import json
import re

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editions.catalogs.markup import MessageParser
from editions.checks.health import Catalog
from editions.checks.runner import Context, content_problems
from editions.checks.terms import load as load_termbase

ENTRIES = [
    polib.POEntry(msgid="In 2018, revenue reached **1.216 billion** yuan (see {ref}`economy`).",
                  msgstr="2018年，收入达**12.16亿**元（见{ref}`economy`）。"),
    polib.POEntry(msgid="Read the [canal history](https://example.org/canal) and `make html`[^1].",
                  msgstr="阅读[运河历史](https://example.org/canal)和`make html`[^1]。"),
    polib.POEntry(msgid="The Grand Canal runs through Mishixiang.", msgstr="大运河穿米市巷而过。",
                  tcomment="check: allow typography — x"),
    polib.POEntry(msgid="Last updated on %(last_updated)s.", msgstr="最后更新于%(last_updated)s。",
                  flags=["python-format"]),
    polib.POEntry(msgid="Old text.", msgstr="旧文。", obsolete=True),
]
FINDING_LINE = re.compile(r"^\S.*?:\d+: \[[a-z-]+\] .+$")
SUMMARY_LINE = re.compile(r"^zh_CN: \d+ messages, \d+ translated, \d+ fuzzy, \d+ untranslated, \d+ obsolete; "
                          r"\d+ errors?, \d+ warnings?, \d+ notes?( \(make check NOTES=1 lists them\))?$")
MARKUP_BITS = ["**", "*", "`", "[", "]", "(", ")", "{ref}`", "<b>", "</div>", "$", "\\input", "```{raw}\n",
               "“", "”", "《", "\n\n- ", "# ", "1. ", "\"", "\\", "%(x)s", "{year}", "\x00", "\ufffc"]

pytestmark = pytest.mark.slow  # hundreds of generated catalogs: make test, not make test-fast

VALID = b""  # the catalog before mutation, once the project is written


@pytest.fixture(scope="module")
def fuzz(module_checks):
    """A catalog with every kind of entry; each example overwrites it."""
    global VALID
    module_checks.write(ENTRIES)
    module_checks.po = module_checks.root / "locales" / "zh_CN" / "LC_MESSAGES" / "page.po"
    VALID = module_checks.po.read_bytes()
    return module_checks


def assert_clean_report(fuzz, data: bytes) -> None:
    fuzz.po.write_bytes(data)
    status, out, err = _run(fuzz, "text")
    assert "Traceback" not in out + err
    assert status in (0, 1), (status, out, err)
    assert err == ""
    lines = out.splitlines()
    assert lines and SUMMARY_LINE.match(lines[-1]), out
    for line in lines[:-1]:
        assert FINDING_LINE.match(line), line
        assert "[internal]" not in line, line  # a check crashed: a bug
    status_json, out_json, _ = _run(fuzz, "json")
    assert status_json == status
    assert isinstance(json.loads(out_json), list)


def _run(fuzz, fmt: str) -> tuple[int, str, str]:
    """The checks in this process (a process each would make the fuzzing slow)."""
    import contextlib
    import io
    import os

    from editions.checks.cli import entry_point

    out, err, cwd = io.StringIO(), io.StringIO(), os.getcwd()
    os.chdir(fuzz.root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = entry_point(["--format", fmt, "--pot-dir", "gettext", "zh_CN"])
    finally:
        os.chdir(cwd)
    return status, out.getvalue(), err.getvalue()


mutations = st.one_of(
    st.integers(0, 2000).map(lambda n: ("truncate", n)),
    st.tuples(st.just("drop"), st.sampled_from([b'"', b"\n", b"msgstr ", b"msgid ", b"#"]), st.integers(0, 50)),
    st.tuples(st.just("bytes"), st.integers(0, 2000), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("markup"), st.sampled_from(MARKUP_BITS), st.integers(0, 40)),
)


def _mutate(data: bytes, mutation: tuple) -> bytes:
    kind = mutation[0]
    if kind == "truncate":
        return data[: mutation[1]]
    if kind == "drop":
        _, needle, nth = mutation
        positions = [m.start() for m in re.finditer(re.escape(needle), data)]
        if not positions:
            return data
        at = positions[nth % len(positions)]
        return data[:at] + data[at + len(needle):]
    if kind == "bytes":
        _, at, blob = mutation
        return data[:at] + blob + data[at:]
    _, bit, nth = mutation  # markup into a msgstr, escaped as a .po string
    positions = [m.end() for m in re.finditer(rb'msgstr "', data)]
    if not positions:
        return data
    at = positions[nth % len(positions)]
    escaped = bit.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").encode()
    return data[:at] + escaped + data[at:]


def test_the_unmangled_catalog_passes(fuzz) -> None:
    # the starting point of every example: a catalog with no finding at all
    fuzz.po.write_bytes(VALID)
    assert _run(fuzz, "text")[0] == 0


@settings(max_examples=100, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutation_list=st.lists(mutations, min_size=1, max_size=3))
def test_mangled_catalogs_give_a_clean_report(fuzz, mutation_list: list) -> None:
    data = VALID
    for mutation in mutation_list:
        data = _mutate(data, mutation)
    assert_clean_report(fuzz, data)


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_give_a_clean_report(fuzz, data: bytes) -> None:
    assert_clean_report(fuzz, data)


text = st.lists(st.one_of(st.characters(), st.sampled_from(MARKUP_BITS)), max_size=30).map("".join)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(msgid=text, msgstr=text, flags=st.sampled_from([(), ("python-format",), ("python-brace-format",)]))
def test_no_check_crashes_on_any_text(fuzz, msgid: str, msgstr: str, flags: tuple) -> None:
    ctx = Context("zh_CN", MessageParser(), load_termbase(fuzz.root / "locales" / "zh_CN" / "termbase.tsv")[0], "none")
    for catalog in (Catalog(path=fuzz.po, language="zh_CN", display="page.po"),
                    Catalog(path=fuzz.root / "sphinx.po", language="zh_CN", display="sphinx.po")):
        po_entry = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags))
        for name, result in content_problems(ctx, catalog, po_entry, msgid, msgstr).items():
            assert not isinstance(result, Exception), f"{name}: {result!r}"
