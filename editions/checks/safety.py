"""Safety: a translation may change text, nothing else (and it may not be waived).

The rules are the build's own (``editions.catalogs.rules``): the build leaves
an entry that breaks them out of the edition and fails; this check says so
before the build, with the catalog line and the fix.
"""

from __future__ import annotations

from collections import Counter

from ..catalogs import rules
from ..catalogs.markup import Parsed


def _advice(invisible: list[str], others: list[str], advice: str) -> str:
    return "; ".join([*([rules.INVISIBLE_ADVICE] if invisible else []), *([advice] if others else [])])


def problem(msgid_text: str, msgstr_text: str, msgid: Parsed, msgstr: Parsed) -> tuple[str, str] | None:
    invisible = rules.invisible_problems(msgid_text, msgstr_text)
    issues = rules.content_problems(msgid_text, msgstr_text, msgid, msgstr)
    if not invisible + issues:
        return None
    return ("; ".join(invisible + issues),
            _advice(invisible, issues, rules.CONTENT_ADVICE))


def interface_problem(msgid: str, msgstr: str, flags: list[str]) -> tuple[str, str] | None:
    """sphinx.po: the build's own rule; a placeholder difference alone, in an entry
    msgfmt checks (a format flag), is the placeholders check's."""
    issues = rules.interface_problems(msgid, msgstr)
    expected = Counter(rules.INTERFACE_TOKENS.findall(msgid))
    actual = Counter(rules.INTERFACE_TOKENS.findall(msgstr))
    differing = (expected - actual) + (actual - expected)
    only_placeholders = differing and all(t.startswith(("%", "{")) for t in differing)
    if any(f in flags for f in ("python-format", "python-brace-format", "c-format")):
        # what msgfmt and pofilter check in such an entry is the placeholders check's
        issues = [i for i in issues if not (only_placeholders and i.startswith(("adds ", "drops ")))
                  and not i.startswith("has '%'")]
    invisible = rules.invisible_problems(msgid, msgstr)
    if not issues + invisible:
        return None
    return "; ".join(issues + invisible), _advice(invisible, issues, rules.INTERFACE_ADVICE)
