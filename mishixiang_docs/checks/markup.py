"""Markup: the translation keeps the MyST inline markup of the English.

Compared on the parse (``myst.Parsed``) of both sides: emphasis and strong,
inline code (same content), roles and their targets, links (same targets),
footnote and substitution references, the block structure (one paragraph
stays one paragraph), and no leftover ``**``, backticks or brackets that the
parser left as text.  What a translation *adds* (a new link target, role,
directive, HTML, image) is the ``safety`` check's.
"""

from __future__ import annotations

import re
from collections import Counter

from .myst import MessageParser, Parsed

_BLOCK_NAMES = {
    "paragraph": "a paragraph", "bullet_list": "a bulleted list", "ordered_list": "a numbered list",
    "list_item": "a list item", "blockquote": "a quotation", "fence": "a code block",
    "code_block": "an indented code block", "hr": "a horizontal rule", "table": "a table",
    "html_block": "an HTML block", "myst_target": "a (label)= target",
    "myst_line_comment": "a % comment (not shown)", "myst_block_break": "a +++ break",
    "footnote_reference_open": "a footnote definition", "front_matter": "front matter",
}
_RESIDUE = ("**", "__", "*", "`", "[", "]", "{", "}")
_OPEN_QUOTES = "“‘《（「『【〈\"'"
_CLOSE_QUOTES = "”’》）」』】〉\"'"
_EMPHASIS_AROUND_QUOTES = re.compile(
    r"(?P<mark>\*\*|__|\*|_)(?P<open>[%s]+)(?P<inner>[^*_]+?)(?P<close>[%s]+)(?P=mark)"
    % (re.escape(_OPEN_QUOTES), re.escape(_CLOSE_QUOTES))
)


def _describe_blocks(blocks: tuple[str, ...]) -> str:
    if not blocks:
        return "nothing"
    kind = blocks[0]
    if kind.startswith("heading:"):
        return "a heading"
    if kind.startswith("directive:"):
        return f"a {{{kind.split(':', 1)[1]}}} directive"
    name = _BLOCK_NAMES.get(kind, kind.replace("_", " "))
    return name + (" and more" if len(set(blocks)) > 1 and kind not in ("bullet_list", "ordered_list") else "")


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

    if msgstr.blocks != msgid.blocks and not msgstr.directives and not any(
            b == "html_block" for b in msgstr.blocks):
        issues.append(f"the translation is parsed as {_describe_blocks(msgstr.blocks)}, "
                      f"the English as {_describe_blocks(msgid.blocks)}")
        if msgstr.blocks[:1] == ("ordered_list",):
            advice.append("a line that starts with a number and '.' or ')' becomes a numbered list: "
                          "write the number with 年/个 or escape the dot (1954\\.)")
        elif msgstr.blocks[:1] and msgstr.blocks[0].startswith("heading"):
            advice.append("a line that starts with '#' becomes a heading: remove the '#'")
        else:
            advice.append("keep it one line of text as in the English (no line starting with "
                          "'- ', '* ', '>', '#', '%' or four spaces)")

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
        for item in dropped:
            issues.append(f"the translation drops the {label} {show(item)}")
    if any("drops the" in issue for issue in issues):
        advice.append("keep every piece of markup of the English, with the same target (translate only the text)")

    if not issues:
        return None
    return "; ".join(dict.fromkeys(issues)), "; ".join(dict.fromkeys(advice)) or "keep the markup of the English"
