"""Waivers: a translator accepts one finding on one entry, with a reason.

A translator comment (a ``# `` line, which survives ``make update-po``) above
the entry::

    # check: allow numbers — “十三五” is the plan's name; the English says 13th
    #: ../../docs/outlook.md:4
    msgid "..."

A waiver naming a check that does not exist, or giving no reason, is itself
a finding (``waiver``); one that waives nothing any more is a note.
Waivers in the header's comment apply to the catalog's header findings.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .registry import CHECKS

_WAIVER = re.compile(
    r"^\s*check\s*:\s*allow\s+(?P<name>[^\s—–:]+)\s*(?:[—–:]+|-{1,2}(?=\s))?\s*(?P<reason>.*?)\s*$",
    re.IGNORECASE,
)
_LOOKS_LIKE_WAIVER = re.compile(r"^\s*check\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Waiver:
    check: str
    reason: str


@dataclass(frozen=True)
class WaiverProblem:
    message: str
    advice: str


def parse(comment: str | None) -> tuple[list[Waiver], list[WaiverProblem]]:
    """The waivers in a translator comment, and what is wrong with any of them."""
    waivers: list[Waiver] = []
    problems: list[WaiverProblem] = []
    for line in (comment or "").splitlines():
        if not _LOOKS_LIKE_WAIVER.match(line):
            continue
        match = _WAIVER.match(line)
        if not match:
            problems.append(WaiverProblem(
                f"cannot read the waiver {line.strip()!r}",
                "write it as: # check: allow <check-name> — <reason>"))
            continue
        name, reason = match["name"].lower(), match["reason"]
        if name not in CHECKS:
            close = difflib.get_close_matches(name, CHECKS, n=1, cutoff=0.7) or [
                known for known in CHECKS if known.split("-")[0] in name or name in known]
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(WaiverProblem(
                f"the waiver names an unknown check {name!r}{hint}",
                "use one of: " + ", ".join(c for c, spec in CHECKS.items() if spec.waivable)))
            continue
        if not CHECKS[name].waivable:
            problems.append(WaiverProblem(
                f"{name} cannot be waived (the build or the catalog workflow depends on it)",
                "fix the entry and remove the waiver"))
            continue
        if not reason:
            problems.append(WaiverProblem(
                f"the waiver for {name} gives no reason",
                f"say why, for the reviewer: # check: allow {name} — <reason>"))
            continue
        waivers.append(Waiver(name, reason))
    return waivers, problems
