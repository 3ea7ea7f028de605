"""Markup: the translation keeps the MyST inline markup of the English.

Compared on the parse (``myst.Parsed``) of both sides: emphasis and strong,
inline code (same content), roles and their targets, links (same targets),
footnote and substitution references, and no leftover ``**``, backticks or
brackets that the parser left as text.  What a translation *adds* (a new link
target, role, directive, HTML, image) is the ``safety`` check's; a paragraph
turned into a list or heading is the ``structure`` check's (the build ignores
such a translation).
"""

from __future__ import annotations

import re
from collections import Counter

from ..catalogs.markup import MessageParser, Parsed
from .registry import PAGES, Message, Problem, content_check

_RESIDUE = ("**", "__", "*", "`", "[", "]", "{", "}")
_OPEN_QUOTES = "“‘《（「『【〈\"'"
_CLOSE_QUOTES = "”’》）」』】〉\"'"
_EMPHASIS_AROUND_QUOTES = re.compile(
    rf"(?P<mark>\*\*|__|\*|_)(?P<open>[{re.escape(_OPEN_QUOTES)}]+)(?P<inner>[^*_]+?)"
    rf"(?P<close>[{re.escape(_CLOSE_QUOTES)}]+)(?P=mark)"
)


def _residue(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    rest = text
    for mark in _RESIDUE:
        counts[mark] = rest.count(mark)
        rest = rest.replace(mark, "")
    return counts


_EMPHASIS_ENDING_IN_PUNCTUATION = re.compile(
    r"(?P<mark>\*\*|__|\*|_)(?P<inner>[^*_\s](?:[^*_]*?[^*_\s])??)(?P<punct>[，。；：？！、…—]+)(?P=mark)")


def emphasis_fix(parser: MessageParser, msgid: Parsed, msgstr: str) -> str | None:
    """A rewrite of the emphasis of *msgstr* that parses to the English's emphasis:
    quotes and brackets outside the markers (城市的**“绿色心脏”**。 -> 城市的“**绿色心脏**”。),
    or the punctuation after them (**绿色心脏。**之后 -> **绿色心脏**。之后)."""
    for pattern, rewrite in (
        (_EMPHASIS_AROUND_QUOTES, lambda m: f"{m['open']}{m['mark']}{m['inner']}{m['mark']}{m['close']}"),
        (_EMPHASIS_ENDING_IN_PUNCTUATION, lambda m: f"{m['mark']}{m['inner']}{m['mark']}{m['punct']}"),
    ):
        fixed = pattern.sub(rewrite, msgstr)
        if fixed == msgstr:
            continue
        parsed = parser.parse(fixed)
        if (parsed.strong, parsed.em) == (msgid.strong, msgid.em):
            match = pattern.search(msgstr)
            assert match is not None
            return rewrite(match)
    return None


def problem(parser: MessageParser, msgid_text: str, msgstr_text: str, msgid: Parsed,
            msgstr: Parsed) -> tuple[str, str] | None:
    issues: list[str] = []
    advice: list[str] = []

    for name, count_id, count_str, mark in (("strong", msgid.strong, msgstr.strong, "**"),
                                            ("emphasis", msgid.em, msgstr.em, "*")):
        if count_id != count_str:
            issues.append(f"the English has {count_id} {name} ({mark}…{mark}), the translation {count_str}")

    residue_id, residue_str = _residue(msgid.text), _residue(msgstr.text)
    extra = [mark for mark in _RESIDUE if residue_str[mark] > residue_id[mark]]
    if extra:
        marks = " ".join(extra)
        issues.append(f"{marks} show{'s' if len(extra) == 1 else ''} as text: the parser could not pair "
                      f"{'it' if len(extra) == 1 else 'them'}")
    if any(mark in extra for mark in ("**", "__", "*")) or (msgid.strong + msgid.em > msgstr.strong + msgstr.em):
        fix = emphasis_fix(parser, msgid, msgstr_text)
        if fix:
            advice.append(f"write {fix}: CommonMark (myst-parser) does not open or close ** between a "
                          "Chinese character and punctuation (quotes, brackets, 。，), so keep the "
                          "punctuation outside the markers")
        elif extra or msgid.strong + msgid.em != msgstr.strong + msgstr.em:
            advice.append("keep the emphasis markers of the English; next to Chinese punctuation put "
                          "them inside the quotes or brackets (“**…**”), and leave no space inside them")
    if any(mark in extra for mark in ("`", "{", "}")):
        advice.append("write roles and code exactly as in the English: {role}`target` and `code`, "
                      "with ASCII backticks")
    if any(mark in extra for mark in ("[", "]")):
        advice.append("write links as [text](target), with ASCII brackets and no space before (")

    drops: list[str] = []
    for label, english, translation, show, retargeted in (
        ("inline code", msgid.codes, msgstr.codes, lambda c: f"`{c}`", False),
        ("reference", [r for r in msgid.roles if r[1]], [r for r in msgstr.roles if r[1]],
         lambda r: f"{{{r[0]}}}`{r[1]}`", True),
        ("role", [r[0] for r in msgid.roles if not r[1]], [r[0] for r in msgstr.roles if not r[1]],
         lambda r: f"{{{r}}}", False),
        ("link to", msgid.links, msgstr.links, lambda h: h, True),
        ("image", msgid.images, msgstr.images, lambda s: s, True),
        ("footnote reference", msgid.footnotes, msgstr.footnotes, lambda f: f"[^{f}]", False),
        ("substitution", msgid.substitutions, msgstr.substitutions, lambda s: f"{{{{{s}}}}}", False),
    ):
        if not english or sorted(english) == sorted(translation):
            continue
        dropped = list((Counter(english) - Counter(translation)).elements())
        if retargeted:
            # as many as the translation adds were retargeted: the safety check reports those
            dropped = dropped[len(list((Counter(translation) - Counter(english)).elements())):]
        drops += [f"the translation drops the {label} {show(item)}" for item in dropped]
    issues += drops
    if drops:
        advice.append("keep every piece of markup of the English, with the same target (translate only the text)")

    if not issues:
        return None
    return "; ".join(dict.fromkeys(issues)), "; ".join(dict.fromkeys(advice)) or "keep the markup of the English"


@content_check("markup", "inline markup of the English lost or broken: roles, code, links, emphasis, "
               "footnotes, substitutions, literal ** or backticks", "myst-parser (markdown-it tokens)",
               order=30, catalogs=PAGES)
def find(message: Message) -> Problem | None:
    return problem(message.context.parser, message.msgid, message.msgstr, *message.parsed)
