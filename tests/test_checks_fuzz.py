"""make check never shows a traceback: random and mangled catalogs give findings
(or one line saying what to do), and no check crashes on any text."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from pathlib import Path

import polib
from checks_support import HEADER, TERMBASE, entry, write_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editions.checks.cli import entry_point
from editions.checks.health import Catalog
from editions.catalogs.markup import MessageParser
from editions.checks.runner import Context, content_problems
from editions.checks.terms import load as load_termbase

ENTRIES = [
    entry("In 2018, revenue reached **1.216 billion** yuan (see {ref}`economy`).",
          "2018年，收入达**12.16亿**元（见{ref}`economy`）。"),
    entry("Read the [canal history](https://example.org/canal) and `make html`[^1].",
          "阅读[运河历史](https://example.org/canal)和`make html`[^1]。"),
    entry("The Grand Canal runs through Mishixiang.", "大运河穿米市巷而过。", comment="check: allow numbers — x"),
    entry("Last updated on %(last_updated)s.", "最后更新于%(last_updated)s。", flags=("python-format",)),
    entry("Old text.", "旧文。", obsolete=True),
]
FINDING_LINE = re.compile(r"^\S.*?:\d+: \[[a-z-]+\] .+$")
SUMMARY_LINE = re.compile(r"^zh_CN: \d+ messages, \d+ translated, \d+ fuzzy, \d+ untranslated, \d+ obsolete; "
                          r"\d+ findings?( \(\d+ notes?\))?$")
MARKUP_BITS = ["**", "*", "`", "[", "]", "(", ")", "{ref}`", "<b>", "</div>", "$", "\\input", "```{raw}\n",
               "“", "”", "《", "\n\n- ", "# ", "1. ", "\"", "\\", "%(x)s", "{year}", "\x00", "\ufffc"]

_project = Path(tempfile.mkdtemp(prefix="check-fuzz-"))
_PO = write_project(_project, ENTRIES)
_VALID = _PO.read_bytes()


def _run(fmt: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(_project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = entry_point(["--format", fmt, "--pot-dir", "gettext", "zh_CN"])
    finally:
        os.chdir(cwd)
    return status, out.getvalue(), err.getvalue()


def _assert_clean_report(data: bytes) -> None:
    _PO.write_bytes(data)
    status, out, err = _run("text")
    assert "Traceback" not in out + err
    assert status in (0, 1), (status, out, err)
    assert err == ""
    lines = out.splitlines()
    assert lines and SUMMARY_LINE.match(lines[-1]), out
    for line in lines[:-1]:
        assert FINDING_LINE.match(line), line
        assert "[internal]" not in line, line  # a check crashed: a bug
    status_json, out_json, _ = _run("json")
    assert status_json == status
    assert isinstance(json.loads(out_json), list)


mutations = st.one_of(
    st.integers(0, len(_VALID)).map(lambda n: ("truncate", n)),
    st.tuples(st.just("drop"), st.sampled_from([b'"', b"\n", b"msgstr ", b"msgid ", b"#"]), st.integers(0, 50)),
    st.tuples(st.just("bytes"), st.integers(0, len(_VALID)), st.binary(min_size=1, max_size=8)),
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


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutations, min_size=1, max_size=3))
def test_mangled_catalogs_give_a_clean_report(mutation_list: list) -> None:
    data = _VALID
    for mutation in mutation_list:
        data = _mutate(data, mutation)
    _assert_clean_report(data)


@settings(max_examples=30, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_clean_report(data: bytes) -> None:
    _assert_clean_report(data)


_PARSER = MessageParser()
_TERMBASE_PATH = _project / "locales" / "zh_CN" / "termbase.tsv"
_CTX = Context("zh_CN", _PARSER, load_termbase(_TERMBASE_PATH)[0], "none")
_CATALOG = Catalog(path=_PO, language="zh_CN", display="page.po")
_SPHINX = Catalog(path=_project / "sphinx.po", language="zh_CN", display="sphinx.po")
text = st.lists(st.one_of(st.characters(), st.sampled_from(MARKUP_BITS)), max_size=30).map("".join)


@settings(max_examples=200, deadline=None, database=None)
@given(text, text, st.sampled_from([(), ("python-format",), ("python-brace-format",)]))
def test_no_check_crashes_on_any_text(msgid: str, msgstr: str, flags: tuple) -> None:
    for catalog in (_CATALOG, _SPHINX):
        po_entry = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags))
        for name, result in content_problems(_CTX, catalog, po_entry, msgid, msgstr).items():
            assert not isinstance(result, Exception), f"{name}: {result!r}"


def test_fuzz_helpers_start_from_a_clean_catalog() -> None:
    assert HEADER["Language"] == "zh_CN" and TERMBASE
    _assert_clean_report(_VALID)
    assert _run("text")[0] == 0
