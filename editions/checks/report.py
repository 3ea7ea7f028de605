"""Findings and how they are printed: one line of text each, JSON, or GitHub annotations.

A finding is one thing wrong with one entry (or one file), where to fix it and how::

    locales/zh_CN/LC_MESSAGES/economy.po:42: [numbers] ...; write 12.16亿 ... (msgid: "In 2018, the total…")

A finding's severity is its check's (``editions.checks.registry``) unless it
says otherwise (a waiver no longer needed is a note): ``error`` findings make
``make check`` fail and stop the edition's build; ``warning`` findings are
printed and published (the English shows, marked); ``note`` findings are
counted in one line (``--notes`` lists them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from .registry import CHECKS, ERROR, NOTE, WARNING

__all__ = ["ERROR", "NOTE", "WARNING", "Finding", "format_github", "format_json", "format_text"]


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    check: str
    message: str
    advice: str = ""
    msgid: str | None = None
    severity: str = field(default="", compare=False)  # "": the check's own

    def __post_init__(self) -> None:
        if not self.severity:
            check = CHECKS.get(self.check)
            object.__setattr__(self, "severity", check.severity if check else ERROR)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def strict(self) -> Finding:
        """This finding for a release (ALLOW_FUZZY=0): a warning is an error."""
        return replace(self, severity=ERROR) if self.is_warning else self

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def shorten(text: str, width: int = 40) -> str:
    """A msgid on one line, cut to about *width* characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def quote(text: str) -> str:
    """*text* between double quotes, inner quotes escaped as in a .po file."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def format_text(finding: Finding) -> str:
    parts = [f"{finding.file}:{finding.line}: [{finding.check}] "]
    if not finding.is_error:
        parts.append(f"{finding.severity}: ")
    parts.append(finding.message)
    if finding.advice:
        parts.append(f"; {finding.advice}")
    if finding.msgid is not None:
        parts.append(f" (msgid: {quote(shorten(finding.msgid))})")
    return "".join(parts)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(finding: Finding) -> str:
    """A GitHub Actions workflow command: shows as an annotation on the line."""
    command = {ERROR: "error", WARNING: "warning"}.get(finding.severity, "notice")
    title = _escape_property(f"[{finding.check}]")
    body = finding.message + (f"; {finding.advice}" if finding.advice else "")
    if finding.msgid is not None:
        body += f" (msgid: {quote(shorten(finding.msgid))})"
    return f"::{command} file={_escape_property(finding.file)},line={finding.line},title={title}::{_escape_data(body)}"


def format_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)
