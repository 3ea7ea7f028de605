"""Translators: a broken catalog stops the build with file and line, never English."""

from __future__ import annotations

from pathlib import Path

from conftest import run_make

CATALOG = Path("locales/zh_CN/LC_MESSAGES/economy.po")


def break_line(project: Path, replace: str, by: str) -> int:
    path = project / CATALOG
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith(replace))
    lines[number] = by
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_unterminated_string_stops_the_build(project: Path) -> None:
    line = break_line(project, 'msgid "Revenue and taxes"', 'msgid "Revenue and taxes\n')
    result = run_make(project, "html", LANGUAGES="zh_CN", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{CATALOG}:{line}: [catalog-syntax] end-of-line within string" in output
    assert "Traceback" not in output
    assert not (project / "_build" / "html" / "zh_CN" / "economy.html").exists()


def test_wrong_charset_header_stops_the_build(project: Path) -> None:
    line = break_line(project, '"Content-Type: text/plain;', '"Content-Type: text/plain; charset=latin-1\\n"\n')
    result = run_make(project, "html", LANGUAGES="zh_CN", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{CATALOG}:{line}: [catalog-header]" in output
    assert "Traceback" not in output
    assert not list((project / "locales").rglob("*.mo")) or all(
        p.stat().st_size > 0 for p in (project / "locales").rglob("*.mo"))
