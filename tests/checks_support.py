"""Helpers for tests/test_checks_*.py: write small catalogs and templates, run the checks.

``write_project`` lays out what `make check` reads: locales/<lang>/LC_MESSAGES/<page>.po,
its template in gettext/<page>.pot, a termbase.  ``check`` runs the checks in this
process (fast) from the project folder and returns the exit status and the findings
as dicts (JSON output); ``check_cli`` runs ``python -m editions.checks``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

from editions.checks.cli import entry_point

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).resolve().parent / "samples" / "checks"
HEADER = {
    "Content-Type": "text/plain; charset=UTF-8",
    "Language": "zh_CN",
    "Plural-Forms": "nplurals=1; plural=0;",
}
TERMBASE = (
    "english\tchinese\tkind\tnote\n"
    "Grand Canal\t大运河\triver\t\n"
    "Canal\t运河\triver\tshort form\n"
    "Mishixiang\t米市巷\tplace\t\n"
    "Mishixiang Sub-district\t米市巷街道\tplace\t\n"
)


def entry(msgid: str, msgstr: str = "", *, flags: tuple[str, ...] = (), comment: str = "",
          previous: str | None = None, obsolete: bool = False) -> polib.POEntry:
    e = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), tcomment=comment,
                      occurrences=[("../../docs/page.md", "1")], obsolete=obsolete)
    if previous is not None:
        e.previous_msgid = previous
    return e


def write_catalog(path: Path, entries: list[polib.POEntry], header: dict[str, str] | None = None) -> Path:
    po = polib.POFile(wrapwidth=76)
    po.metadata = dict(HEADER if header is None else header)
    for e in entries:
        po.append(e)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def write_project(root: Path, entries: list[polib.POEntry], *, page: str = "page",
                  language: str = "zh_CN", template: list[str] | None = None,
                  termbase: str | None = TERMBASE, header: dict[str, str] | None = None) -> Path:
    """A catalog (and its template: the msgids of *entries*, or *template*); returns the .po."""
    po_path = write_catalog(root / "locales" / language / "LC_MESSAGES" / f"{page}.po", entries, header)
    pot = polib.POFile()
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    msgids = template if template is not None else [e.msgid for e in entries if not e.obsolete]
    for msgid in msgids:
        pot.append(polib.POEntry(msgid=msgid, occurrences=[("../../docs/page.md", "1")]))
    (root / "gettext").mkdir(parents=True, exist_ok=True)
    pot.save(str(root / "gettext" / f"{page}.pot"))
    if termbase is not None:
        (root / "locales" / language / "termbase.tsv").write_text(termbase, encoding="utf-8")
    return po_path


def line_of(po_path: Path, msgid: str) -> int:
    for e in polib.pofile(str(po_path)):
        if e.msgid == msgid:
            return e.linenum
    raise KeyError(msgid)


def check(root: Path, *args: str, language: str = "zh_CN") -> tuple[int, list[dict]]:
    """Run the checks (JSON output) from *root*; (exit status, findings)."""
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out):
            status = entry_point(["--format", "json", "--pot-dir", "gettext",
                                  "--conf", str(ROOT / "conf.py"), *args, language])
    finally:
        os.chdir(cwd)
    return status, json.loads(out.getvalue())


def errors(findings: list[dict], check_name: str | None = None) -> list[dict]:
    return [f for f in findings if f["severity"] == "error" and (check_name is None or f["check"] == check_name)]


def only(findings: list[dict], check_name: str) -> dict:
    """The one error finding of *check_name*; fails if there are none or several."""
    found = errors(findings, check_name)
    assert len(found) == 1, json.dumps(findings, ensure_ascii=False, indent=1)
    return found[0]


def check_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editions.checks", *args], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def copy_samples(dest: Path) -> Path:
    shutil.copytree(SAMPLES, dest)
    return dest
