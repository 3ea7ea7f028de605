"""Chinese typography: full-width punctuation, balanced pairs, the spacing rule.

Applies to Chinese translations (languages zh*), to the visible text only:
inline code, roles and link targets are markup (``myst.OBJECT``) and are not
looked at, nor are URLs, decimals (3.59), thousands (39,000) or times (9:30).

* ASCII , . ; : ? ! ( ) next to Chinese text: use ，。；：？！（）
* “” ‘’ 《》 （） 「」 『』 【】 in pairs;
* the spacing rule of ``locales/zh_CN/README.md``: no space between Chinese
  characters and Latin letters or digits (“2018年”, “CCTV报道”);
* no ASCII straight double quotes " in Chinese text: use “ ”;
* no leading or trailing whitespace that the English doesn't have.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..languages import HAN
from .registry import Message, Problem, content_check

CJK_PUNCT = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
)
_HAN = re.compile(f"[{HAN}]")
_CJK = re.compile(f"[{HAN}{CJK_PUNCT}]")
_ASCII_PUNCTUATION = re.compile(r"[,.;:?!()]")
FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "「": "」", "『": "』", "【": "】", "〈": "〉"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_MASK = re.compile(
    # URLs, e-mail addresses (an address is tried only where a run of word characters
    # starts, and never backtracked into: linear in the text, Chinese runs included)
    r"(?:https?|ftp|mailto):\S+|www\.\S+|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+"
    r"|\d[.,:]\d"                                                # 3.59, 39,000, 9:30
    r"|\.{3,}"                                                   # ellipsis: reported apart
)
_URL = re.compile(r"(?:https?|ftp|mailto):\S+|www\.\S+")
_SPACE_HAN_LATIN = re.compile(f"[{HAN}][ \u00a0\u3000]+[A-Za-z0-9]|[A-Za-z0-9][ \u00a0\u3000]+[{HAN}]")
_HAN_LATIN_TOUCH = re.compile(f"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")

SPACING_NONE, SPACING_SPACE = "none", "space"
_RULE_NONE = re.compile(r"不加空格|不留空格|不空格|无空格|不要加空格|不要空格|no space|without (?:a )?space", re.I)
_RULE_SPACE = re.compile(r"加一个空格|留一个空格|加空格|留空格|(?:add|put|insert) a space|one space between", re.I)


def spacing_rule(style_guide: Path) -> str:
    """The spacing rule between Chinese and Latin/digits the style guide states
    (no space, unless the guide asks for one)."""
    try:
        text = style_guide.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return SPACING_NONE
    if _RULE_NONE.search(text):
        return SPACING_NONE
    if _RULE_SPACE.search(text):
        return SPACING_SPACE
    return SPACING_NONE


def has_chinese(text: str) -> bool:
    return _HAN.search(text) is not None


def _snippet(text: str, index: int, width: int = 8) -> str:
    start, end = max(0, index - width), min(len(text), index + width + 1)
    return (
        ("…" if start else "")
        + text[start:end].replace("\n", " ").replace("\ufffc", "…")
        + ("…" if end < len(text) else "")
    )


def _ascii_punctuation(text: str) -> list[str]:
    masked = _MASK.sub(lambda m: "\x00" * len(m.group(0)), text)
    issues = []
    for match in _ASCII_PUNCTUATION.finditer(masked):
        i, char = match.start(), match.group(0)
        before = masked[i - 1] if i else ""
        after_text = masked[i + 1:].lstrip(" ")
        after = after_text[:1]
        inside_han = False
        if char == "(":
            close = masked.find(")", i)
            inside_han = close > 0 and _HAN.search(masked[i:close]) is not None
        if char == ")":
            open_ = masked.rfind("(", 0, i)
            inside_han = open_ >= 0 and _HAN.search(masked[open_:i]) is not None
        next_to_chinese = bool(before and _CJK.match(before)) or bool(after and _HAN.match(after))
        if next_to_chinese or inside_han:
            issues.append(f"ASCII '{char}' in “{_snippet(text, i)}”: write '{FULL_WIDTH[char]}'")
    stripped = text.rstrip()
    if stripped.endswith("...") and has_chinese(stripped):
        issues.append(f"ASCII '...' in “{_snippet(text, len(stripped) - 1)}”: write '……'")
    elif stripped.endswith(".") and has_chinese(stripped) and not _CJK.match(stripped[-2:-1]):
        # (after a Chinese character the loop above has reported it already)
        issues.append(f"the sentence ends with ASCII '.' in “{_snippet(text, len(stripped) - 1)}”: write '。'")
    return issues


def _pairs(text: str) -> list[str]:
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char == "’" and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() \
                and text[i + 1].isascii() and text[i + 1].isalpha():
            continue  # an apostrophe: People’s
        if char in PAIRS:
            stack.append((char, i))
        elif char in _CLOSERS:
            if stack and stack[-1][0] == _CLOSERS[char]:
                stack.pop()
            else:
                return [f"'{char}' closes nothing in “{_snippet(text, i)}”: "
                        f"add the opening '{_CLOSERS[char]}' or remove it"]
    if stack:
        char, i = stack[-1]
        return [f"'{char}' is not closed in “{_snippet(text, i)}”: add '{PAIRS[char]}'"]
    return []


def problems(msgid: str, msgstr: str, visible: str, rule: str = SPACING_NONE) -> list[str]:
    """What is wrong with the Chinese typography of *msgstr* (*visible*: its text
    without markup)."""
    issues: list[str] = []
    if msgstr[:1].isspace() and not msgid[:1].isspace():
        issues.append("the translation starts with whitespace that the English doesn't have: remove it")
    if msgstr[-1:].isspace() and not msgid[-1:].isspace():
        issues.append("the translation ends with whitespace that the English doesn't have: remove it")
    if not has_chinese(visible):
        return issues
    issues += _ascii_punctuation(visible)
    issues += _pairs(visible)
    if '"' in visible:
        i = visible.index('"')
        issues.append(f"ASCII quote '\"' in “{_snippet(visible, i)}”: write “…” (full-width quotes)")
    spaced = _URL.sub("\ufffc", visible)  # a space before a bare URL is fine
    if rule == SPACING_NONE:
        for match in _SPACE_HAN_LATIN.finditer(spaced):
            issues.append(f"space between Chinese and Latin/digits in “{_snippet(spaced, match.start() + 1)}”: "
                          "remove it (no space between Chinese characters and Latin letters or digits)")
            break
    else:
        for match in _HAN_LATIN_TOUCH.finditer(spaced):
            issues.append(f"no space between Chinese and Latin/digits in “{_snippet(spaced, match.start())}”: "
                          "add one (the style guide asks for a space)")
            break
    return issues


@content_check("typography", "ASCII punctuation, quotes or spaces in Chinese text, unbalanced “” 《》 （）, "
               "extra leading/trailing whitespace", "ours (zh_CN style guide)", order=90, waivable=True,
               languages=("zh",))
def find(message: Message) -> Problem | None:
    found = problems(message.msgid, message.msgstr, message.visible[1], message.context.spacing)
    if not found:
        return None
    more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
    return "; ".join(found[:3]) + more, "follow the Chinese style guide (locales/zh_CN/README.md)"
