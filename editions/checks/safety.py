"""Safety: a translation may change text, nothing else (and it may not be waived).

The rules are the build's own (``editions.catalogs.rules``): the build leaves
an entry that breaks them out of the edition and fails; this check says so
before the build, with the catalog line and the fix.  A page's message (MyST)
and an interface string (sphinx.po) have each their rules.
"""

from __future__ import annotations

from ..catalogs import rules
from ..catalogs.markup import Parsed
from .registry import Message, Problem, content_check

_FORMAT_FLAGS = ("python-format", "python-brace-format", "c-format")


def _advice(invisible: list[str], others: list[str], advice: str) -> str:
    return "; ".join([*([rules.INVISIBLE_ADVICE] if invisible else []), *([advice] if others else [])])


def problem(msgid_text: str, msgstr_text: str, msgid: Parsed, msgstr: Parsed) -> Problem | None:
    invisible = rules.invisible_problems(msgid_text, msgstr_text)
    issues = rules.content_problems(msgid_text, msgstr_text, msgid, msgstr)
    if not invisible + issues:
        return None
    return ("; ".join(invisible + issues),
            _advice(invisible, issues, rules.CONTENT_ADVICE))


def interface_problem(msgid: str, msgstr: str, flags: list[str]) -> Problem | None:
    """sphinx.po: the build's own rule; a placeholder difference alone, in an entry
    msgfmt checks (a format flag), is the placeholders check's."""
    issues = rules.interface_problems(msgid, msgstr)
    if any(f in flags for f in _FORMAT_FLAGS):
        # what msgfmt and pofilter check in such an entry is the placeholders check's
        differing = [token for issue in issues if issue.kind == rules.TOKENS for token in issue.tokens]
        only_placeholders = all(token.startswith(("%", "{")) for token in differing)
        issues = [i for i in issues if not (only_placeholders and i.kind == rules.TOKENS)
                  and i.kind != rules.LONE_PERCENT]
    texts = [issue.text for issue in issues]
    invisible = rules.invisible_problems(msgid, msgstr)
    if not texts + invisible:
        return None
    return "; ".join(texts + invisible), _advice(invisible, texts, rules.INTERFACE_ADVICE)


@content_check("safety", "raw HTML, a new directive or role, javascript:/data: links, images, downloads, "
               "math/TeX, file references, changed link targets; interface tags and placeholders",
               "myst-parser tokens + ours (editions.catalogs.rules, as the build)", order=40)
def find(message: Message) -> Problem | None:
    if message.catalog.is_interface:
        return interface_problem(message.msgid, message.msgstr, message.entry.flags)
    return problem(message.msgid, message.msgstr, *message.parsed)
