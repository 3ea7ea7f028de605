"""What a translation may carry: the rules the build enforces and ``make check`` reports.

A translation is untrusted input.  It may change the text of its English
message and nothing else:

* **size** — at most four times the English plus 200 characters, and no word
  (a run of letters without a space or a CJK character to break it) longer
  than 80 characters or the English's longest: a 15 MB message or a
  1,500-letter word made the build take minutes, or crash XeLaTeX;
* **content** (page messages, MyST) — no raw HTML, directive, new role,
  target, substitution, image, download, math or TeX command, no link or
  cross-reference target the English doesn't have, no ``#noqa`` (which
  silences Sphinx's warning about a changed reference);
* **structure** — one paragraph stays one paragraph: Sphinx silently ignores a
  translation that parses as a list, heading or block, and shows the English;
* **references** — a translation that drops a cross-reference of the English
  is used, and reported (Sphinx would report it at the page's line);
* **interface** (``sphinx.po``: template strings and conf.py values) —
  exactly the tags, entities and placeholders of the English (no width or
  flags in a placeholder, no ``%`` or brace of its own), no ``javascript:``
  link;
* **invisible characters** — no bidirectional controls, zero-width or other
  invisible format characters, fillers or control characters that the English
  doesn't have, written as such or as character references (``&#x202E;``,
  ``&NoBreak;``) that MyST or the browser decodes later: they make the text read
  differently from what reviewers see;
* **dates** (a date format in ``sphinx.po``) — rendered by Sphinx for known
  dates, it must show each one's year, month and day in their places (not
  2026年30月11日 for 30 November 2026, not a fixed 2026年1月1日, no directive
  Sphinx would print as it is).

The build (``editions.sphinxext.catalog_guard``) leaves an entry that breaks a
rule out of the edition and names its catalog line; ``make check`` reports the
same rule under the same name, and no translator comment waives it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from sphinx.util.i18n import date_format_mappings, format_date

from ..languages import CJK_CHARACTERS, is_chinese, is_cjk
from .files import character_name
from .markup import MessageParser, Parsed

# -- Size -----------------------------------------------------------------------------------

MAX_WORD = 80
# A no-break space joins what it stands between: TeX can't break there either.
_WORD = re.compile(rf"(?:[^\s{CJK_CHARACTERS}]|[\u00a0\u2007\u202f])+")
# ... and in a language that is not CJK, a CJK character is no break either: xeCJK is not
# set up for it, and 1,850 Han characters in a row made XeTeX crash ("This can't happen").
_RUN = re.compile(r"(?:\S|[\u00a0\u2007\u202f])+")


def max_length(msgid: str) -> int:
    return 4 * len(msgid) + 200


def longest_word(text: str, cjk: bool = True) -> int:
    """The longest run of *text* that a line can't break (*cjk*: between CJK characters it can)."""
    return max((m.end() - m.start() for m in (_WORD if cjk else _RUN).finditer(text)), default=0)


def size_problems(msgid: str, msgstr: str, language: str | None = None) -> list[str]:
    """Why *msgstr* is too large to use; *language* is the translation's (None: as a CJK one)."""
    if len(msgstr) > max_length(msgid):
        return [f"the translation is {len(msgstr):,} characters long; it may be at most {max_length(msgid):,} "
                "(four times the English plus 200)"]
    cjk = language is None or is_cjk(language)
    word, allowed = longest_word(msgstr, cjk), max(MAX_WORD, longest_word(msgid, cjk))
    if word > allowed:
        where = "" if cjk else f" (in {language}, CJK characters don't break a line either)"
        return [f"the translation has a word of {word:,} characters with no space to break it{where}; "
                f"at most {allowed} are allowed"]
    return []


# -- Invisible characters ----------------------------------------------------------------------

#: What a reader doesn't see but a renderer acts on: Unicode's Default_Ignorable_Code_Point
#: characters (bidi controls, zero-width characters, fillers, variation selectors, tags),
#: every format character (Cf), line and paragraph separators, and control characters
#: but tab and line breaks.  Written out (from Unicode 14's data): \p{...} is not in re.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd"
    "\u070f\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


INVISIBLE_ADVICE = "delete it (an editor that shows invisible characters finds it)"

#: A character reference: MyST decodes ``&#x202E;``, ``&#8238;`` and ``&NoBreak;`` in text
#: (markdown-it's entity rule), a browser those of an interface string, some even without
#: the ";" (``&shy``).  Inside a code span MyST shows one as it is: it is counted there too,
#: as a translation has no reason to add one.
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def _no_character(point: int) -> str | None:
    """Why code point *point* is no character (MyST shows such a reference as U+FFFD)."""
    if point > 0x10FFFF:
        return "beyond Unicode"
    if 0xD800 <= point <= 0xDFFF:
        return "a surrogate"
    if 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return "a noncharacter"
    return None


def _invisibles(text: str) -> list[tuple[str, str]]:
    """(what, how it is written) for each invisible character of *text*: the character
    itself, or a character reference that decodes to one after this check (the page
    shows 3.59 as 95.3 all the same).  A reference to no character counts too."""
    found = [(char, char) for char in _INVISIBLE.findall(text)]
    for match in _REFERENCE.finditer(text):
        written = match.group(0)
        if written[1] != "#":
            found += [(char, written) for char in _INVISIBLE.findall(html.unescape(written))]
            continue
        digits = written[2:].rstrip(";")
        hexadecimal = digits[0] in "xX"
        digits = digits[hexadecimal:].lstrip("0") or "0"
        # a browser reads any number of digits; a long number is beyond Unicode (and int() refuses 5,000 digits)
        point = 0x110000 if len(digits) > 8 else int(digits, 16 if hexadecimal else 10)
        if _no_character(point):
            found.append((f"U+{point:04X}", written))
        elif _INVISIBLE.fullmatch(chr(point)):
            found.append((chr(point), written))
    return found


def _describe_invisible(what: str, written: str) -> str:
    written = written if len(written) <= 20 else written[:16] + "…"
    if what.startswith("U+"):  # no character
        return (f"the translation has {written}, a character reference to no character "
                f"({_no_character(int(what[2:], 16))}, shown as \ufffd), that the English doesn't have")
    spelled = f", written as {written}," if written != what else ""
    return (f"the translation has an invisible {character_name(what)} (U+{ord(what):04X}){spelled} "
            "that the English doesn't have")


def invisible_problems(msgid: str, msgstr: str) -> list[str]:
    found = _invisibles(msgstr)
    added = Counter(what for what, _ in found) - Counter(what for what, _ in _invisibles(msgid))
    # one finding per character; if it is (also) written as a reference, name that: sorted last, it wins
    written = {what: spelling for what, spelling in sorted(found, key=lambda pair: pair[0] != pair[1])}
    return [_describe_invisible(what, written[what]) for what in added]


# -- Page messages (MyST) -----------------------------------------------------------------------

_SCHEME = re.compile(r"(?<![\w.+-])(javascript|vbscript|data|file)\s*:(?=\S)", re.IGNORECASE)
_HTML_TEXT = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*(?=[\s/>])|<!--|<\?|<!\[CDATA\[|<![A-Za-z]")
_TEX = re.compile(r"\\[A-Za-z@]{2,}")
_DOLLAR_MATH = re.compile(r"\$\$.+?\$\$|\$[^\s$](?:[^$]*[^\s$])?\$", re.DOTALL)
_FILE_REFERENCE = re.compile(
    r"\{(?:include|literalinclude|download|image|figure|raw|eval-rst|csv-table|embed|math|eq)\}"
    r"|:(?:file|start-after|end-before|literal):|\.\.\s+(?:include|literalinclude|raw|image|figure)::",
    re.IGNORECASE,
)
_NOQA = re.compile(r"#\s*noqa", re.IGNORECASE)
_SUBSTITUTION = re.compile(r"\{\{")


def _added(english: list, translation: list) -> list:
    if not translation or sorted(translation) == sorted(english):
        return []
    return list((Counter(translation) - Counter(english)).elements())


def _texts(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group(0).strip().lower() if pattern is _SCHEME else m.group(0).strip() for m in pattern.finditer(text)]


def content_problems(msgid_text: str, msgstr_text: str, msgid: Parsed, msgstr: Parsed) -> list[str]:
    """What a page translation adds that is not text (empty: nothing)."""
    issues: list[str] = []
    added_html = _added(list(msgid.html), list(msgstr.html))
    added_html_text = _added(_texts(_HTML_TEXT, msgid_text), _texts(_HTML_TEXT, msgstr_text))
    if added_html or added_html_text:
        shown = (added_html or added_html_text)[0]
        issues.append(f"adds raw HTML {shown[:30]!r}")
    for name in _added(list(msgid.directives), list(msgstr.directives)):
        issues.append(f"adds the directive ```{{{name}}}")
    english_roles = set(msgid.role_names)
    for name in dict.fromkeys(n for n in msgstr.role_names if n not in english_roles):
        issues.append(f"adds the role {{{name}}}")
    for scheme in _added(_texts(_SCHEME, msgid_text), _texts(_SCHEME, msgstr_text)):
        issues.append(f"adds a {scheme.replace(' ', '')} link")
    for src in _added(list(msgid.images), list(msgstr.images)):
        issues.append(f"adds an image ({src})")
    named = set(msgstr.directives) | set(msgstr.role_names)
    for reference in _added(_texts(_FILE_REFERENCE, msgid_text), _texts(_FILE_REFERENCE, msgstr_text)):
        if reference.strip("{}") not in named:  # else reported above as a directive or role
            issues.append(f"adds a file reference or directive {reference}")
    for tex in _added(_texts(_TEX, msgid_text), _texts(_TEX, msgstr_text)):
        issues.append(f"adds the TeX command {tex}")
    if msgstr_text.count("$") > msgid_text.count("$") and (math := _DOLLAR_MATH.search(msgstr_text)):
        issues.append(f"adds math {math.group(0)[:20]}")
    if msgstr.blocks.count("myst_target") > msgid.blocks.count("myst_target"):
        issues.append("adds a (label)= target")
    english_targets = Counter(msgid.links)
    for href in _added(list(msgid.links), list(msgstr.links)):
        was = f" (the English links to {', '.join(english_targets)})" if english_targets else ""
        issues.append(f"adds a link target {href}{was}")
    for name, target in _added([r for r in msgid.roles if r[1]], [r for r in msgstr.roles if r[1]]):
        if name in english_roles:
            issues.append(f"changes a reference target to {{{name}}}`{target}`")
    if len(_NOQA.findall(msgstr_text)) > len(_NOQA.findall(msgid_text)):
        issues.append("adds #noqa, which silences Sphinx's check of the references")
    if len(_SUBSTITUTION.findall(msgstr_text)) > len(_SUBSTITUTION.findall(msgid_text)):
        issues.append("adds a {{ substitution }}")
    return list(dict.fromkeys(issues))


CONTENT_ADVICE = ("translations may only change text: keep the markup and link targets of the English "
                  "exactly, and take out what it doesn't have")

_BLOCK_NAMES = {
    "paragraph": "a paragraph", "bullet_list": "a bulleted list", "ordered_list": "a numbered list",
    "list_item": "a list item", "blockquote": "a quotation", "fence": "a code block",
    "code_block": "an indented code block", "hr": "a horizontal rule", "table": "a table",
    "html_block": "an HTML block", "myst_target": "a (label)= target",
    "myst_line_comment": "a % comment (not shown)", "myst_block_break": "a +++ break",
    "footnote_reference_open": "a footnote definition", "front_matter": "front matter",
}


def describe_blocks(blocks: tuple[str, ...]) -> str:
    if not blocks:
        return "nothing"
    kind = blocks[0]
    if kind.startswith("heading:"):
        return "a heading"
    if kind.startswith("directive:"):
        return f"a {{{kind.split(':', 1)[1]}}} directive"
    name = _BLOCK_NAMES.get(kind, kind.replace("_", " "))
    return name + (" and more" if len(set(blocks)) > 1 and kind not in ("bullet_list", "ordered_list") else "")


def structure_problem(msgid: Parsed, msgstr: Parsed) -> tuple[str, str] | None:
    """A translation whose blocks are not the English's: Sphinx ignores it (the English shows)."""
    if msgstr.blocks == msgid.blocks or len(msgstr.directives) > len(msgid.directives) \
            or "html_block" in msgstr.blocks:
        return None  # a directive or HTML block: the content rules name it
    message = (f"the translation is parsed as {describe_blocks(msgstr.blocks)}, the English as "
               f"{describe_blocks(msgid.blocks)}: Sphinx ignores such a translation and shows the English")
    if msgstr.blocks[:1] == ("ordered_list",):
        advice = ("a line that starts with a number and '.' or ')' becomes a numbered list: "
                  "write the number with 年/个 or escape the dot (1954\\.)")
    elif msgstr.blocks[:1] and msgstr.blocks[0].startswith("heading"):
        advice = "a line that starts with '#' becomes a heading: remove the '#'"
    else:
        advice = ("keep it one line of text as in the English (no line starting with "
                  "'- ', '* ', '>', '#', '%', '(' or four spaces, no ``` or ::: fence)")
    return message, advice


def dropped_references(msgid: Parsed, msgstr: Parsed) -> list[str]:
    """Cross-references and footnote references of the English that the translation drops.
    Not unsafe, but Sphinx warns about it at the page's line; the build says it at the
    catalog's line instead, and uses the translation."""
    issues = []
    for name, target in _added([r for r in msgstr.roles if r[1]], [r for r in msgid.roles if r[1]]):
        issues.append(f"drops the reference {{{name}}}`{target}` of the English")
    for label in _added(list(msgstr.footnotes), list(msgid.footnotes)):
        issues.append(f"drops the footnote reference [^{label}] of the English")
    return issues


# -- Interface strings (sphinx.po) -------------------------------------------------------------

# What a template string may carry besides text: tags, entities, placeholders
# (a placeholder with a width or flags, %(name)2000s, is not one: see LONE_FORMAT).
INTERFACE_TOKENS = re.compile(r"<[^<>]*>|&#?\w+;|%\(\w+\)[sd]|%[sd]|%%|\{\w*\}")
# What looks like a strftime directive (%B, %-d, %Q): in a date format, text for the date
# rule to judge, not placeholders (Sphinx prints one it doesn't know as it is).  The one
# definition: the dates check and pofilter's placeholders check read these too.
DATE_DIRECTIVE = re.compile(r"%[-_0^#]?[A-Za-z%]")
STRFTIME = frozenset("aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%")
# Letters printf doesn't have: "%d pages" is printf, "%B %-d, %Y" and "%Y" are dates.
_DATE_ONLY = STRFTIME - frozenset("diouxXeEfFgGcrsa%")
_LONE_FORMAT = re.compile(r'[%{}<>"]')
INTERFACE_ADVICE = ("interface strings go into the pages' HTML and the PDF's TeX: keep the English's tags, "
                    "entities and placeholders exactly, and add none (the build uses the English instead)")


def is_date_format(msgid: str) -> bool:
    """``%B %d, %Y``: a strftime format (every ``%`` a strftime directive, one at least
    that printf doesn't have), whose translation may use other date directives
    (``%Y年%-m月%-d日``).  The one definition: the build, make check and pofilter's
    placeholders check ask this."""
    letters = {d[-1] for d in DATE_DIRECTIVE.findall(msgid)}
    return (bool(letters & _DATE_ONLY) and letters <= STRFTIME
            and "%" not in DATE_DIRECTIVE.sub("", msgid))


# The kinds of interface issue: the tags, entities and placeholders differ (Issue.tokens:
# those added or dropped); a '%' of its own; another format character of its own; a link.
TOKENS, LONE_PERCENT, LONE_MARK, LINK = "tokens", "lone-percent", "lone-mark", "link"


class Issue(NamedTuple):
    kind: str
    text: str
    tokens: tuple[str, ...] = ()


def interface_problems(msgid: str, msgstr: str) -> list[Issue]:
    """Why *msgstr* may not stand for *msgid* in a template, in TeX or in str.format()."""
    tokens = DATE_DIRECTIVE if is_date_format(msgid) else INTERFACE_TOKENS
    issues = []
    if tokens is INTERFACE_TOKENS:
        expected, found = Counter(tokens.findall(msgid)), Counter(tokens.findall(msgstr))
        if found != expected:
            added = sorted((found - expected).elements())
            missing = sorted((expected - found).elements())
            if added:
                issues.append(Issue(TOKENS, "adds " + ", ".join(added), tuple(added)))
            if missing:
                issues.append(Issue(TOKENS, "drops " + ", ".join(missing), tuple(missing)))
    rest = tokens.sub("", msgstr)
    lone = sorted(set(_LONE_FORMAT.findall(rest)) - set(_LONE_FORMAT.findall(tokens.sub("", msgid))))
    if "%" in lone:  # the placeholders check's too, where msgfmt checks the entry
        issues.append(Issue(LONE_PERCENT, "has '%' outside the English's placeholders (a width such as "
                            "%(name)10s, or a directive of its own)"))
    if lone := [c for c in lone if c != "%"]:
        issues.append(Issue(LONE_MARK, "has " + " ".join(f"'{c}'" for c in lone) + " outside the English's tags "
                            "and placeholders (a field such as {author.x}, a tag or a quote of its own)"))
    for scheme in _added(_texts(_SCHEME, msgid), _texts(_SCHEME, msgstr)):
        issues.append(Issue(LINK, f"adds a {scheme.replace(' ', '')} link"))
    return issues


# -- Date formats (sphinx.po: today_fmt, html_last_updated_fmt) ----------------------------------

# Two dates (and times) whose year, month and day can't be taken for each other or for the
# time, in any order or padding: a format is judged by what Sphinx makes of them, read back.
KNOWN_DATES = (dt.datetime(2026, 11, 30, 21, 47, 58, tzinfo=dt.UTC),
               dt.datetime(2027, 3, 5, 8, 6, 4, tzinfo=dt.UTC))
# Sphinx's directives that show each part of a date (%c and %x: the locale's whole date).
_SHOWS = {"year": {"%Y", "%y", "%c", "%x"}, "month": {"%m", "%-m", "%b", "%B", "%c", "%x"},
          "day": {"%d", "%-d", "%c", "%x"}}
_CHINESE = {"year": "%Y年", "month": "%-m月", "day": "%-d日"}
_MARKED = re.compile(r"(\d+)\s*([年月日])")  # a Chinese (or Japanese) date's numbers, read back
_MARKS = {"年": "year", "月": "month", "日": "day"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def render_date(fmt: str, when: dt.datetime, language: str) -> str:
    """*fmt* as Sphinx renders it for *when* (``today``, last updated): its own translation
    of %-d and the others into Babel patterns; a directive it doesn't know stays as it is."""
    return format_date(fmt, date=when, language=language)


def _spoken(when: dt.datetime) -> str:
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"  # not strftime: the locale's


def _shown(fmt: str) -> list[str]:
    directives = set(DATE_DIRECTIVE.findall(fmt))
    return [part for part, shows in _SHOWS.items() if directives & shows]


def _misread(text: str, when: dt.datetime, chinese: bool) -> str | None:
    """Why *text*, a rendering of *when*, doesn't say it (None: it does)."""
    value = {"year": when.year, "month": when.month, "day": when.day}
    read = {_MARKS[mark]: int(number) for number, mark in _MARKED.findall(text)}
    if read.get("month") == when.day and read.get("day") == when.month:
        return "day and month swapped"
    for part, number in read.items():
        if number != value[part] and not (part == "year" and number == when.year % 100):  # %y: dates.py's
            return f"its {part} reads {number}"
    if chinese:  # Chinese writes the year, the month, the day, in that order
        roles = {value["year"]: 0, when.year % 100: 0, value["month"]: 1, value["day"]: 2}
        order = [roles[int(n)] for n in re.findall(r"\d+", text) if int(n) in roles]
        if order != sorted(order):
            return "Chinese writes the year, the month, then the day"
    return None


def date_format_problem(msgid: str, msgstr: str, language: str = "en") -> tuple[str, str] | None:
    """What is wrong with *msgstr* as a translation of the date format *msgid*, judged by the
    dates Sphinx renders with it (None: nothing, or *msgid* is no date format).

    Sphinx doesn't check a date format: one with day and month swapped, a date written
    out (2026年1月1日) or a directive it doesn't know (%e) is published as it renders."""
    if not msgstr or not is_date_format(msgid):
        return None
    chinese = is_chinese(language) or any(mark in msgstr for mark in _MARKS)
    english, shown = _shown(msgid), _shown(msgstr)
    if chinese:
        advice = "write " + ("".join(_CHINESE[part] for part in english) or "%Y年%-m月%-d日")
    else:
        advice = "show the date with Sphinx's date directives, as the English does (%Y, %-m or %B, %-d)"
    first, second = (render_date(msgstr, when, language) for when in KNOWN_DATES)
    renders = f"the translation renders {_spoken(KNOWN_DATES[0])} as {first}"
    if unknown := [d for d in dict.fromkeys(DATE_DIRECTIVE.findall(msgstr)) if d not in date_format_mappings]:
        return (f"{renders} ({', '.join(unknown)}: not one of Sphinx's date directives, "
                "printed as it is)", advice)
    if first == second:
        return f"{renders}, and every other date too (a fixed text, not a date format)", advice
    for when, text in zip(KNOWN_DATES, (first, second), strict=True):
        if reason := _misread(text, when, chinese):
            return f"the translation renders {_spoken(when)} as {text} ({reason})", advice
    if dropped := [part for part in english if part not in shown]:
        return (f"{renders} (it has no directive for the {' and the '.join(dropped)}, which the "
                "English shows)", advice)
    return None


# -- All of them, as the build applies them ------------------------------------------------------

@dataclass(frozen=True)
class Breach:
    rule: str       # size, safety, structure, markup, dates: the make check name too
    message: str
    advice: str
    refused: bool = True  # left out of the edition (else only reported)


def breaches(msgid: str, msgstr: str, interface: bool, parser: MessageParser | None,
             language: str = "en") -> list[Breach]:
    """Every rule *msgstr* breaks as the translation of *msgid* (empty: it may be used).

    Size comes first: nothing else is parsed when a message is too large to parse.
    *language* (the edition's) names the months a date format renders, and holds a
    Chinese date format without 年月日 (2026-11-30) to the Chinese order too.
    """
    if problems := size_problems(msgid, msgstr, language):
        return [Breach("size", p, "shorten it") for p in problems]
    found = [Breach("safety", p, INVISIBLE_ADVICE) for p in invisible_problems(msgid, msgstr)]
    if interface:
        found += [Breach("safety", p.text, INTERFACE_ADVICE) for p in interface_problems(msgid, msgstr)]
        if date := date_format_problem(msgid, msgstr, language):
            found.append(Breach("dates", *date))
        return found
    assert parser is not None
    parsed_id, parsed_str = parser.parse(msgid), parser.parse(msgstr)
    found += [Breach("safety", p, CONTENT_ADVICE) for p in content_problems(msgid, msgstr, parsed_id, parsed_str)]
    if structure := structure_problem(parsed_id, parsed_str):
        found.append(Breach("structure", *structure))
    found += [Breach("markup", p, "keep the references of the English (translate only their text)", refused=False)
              for p in dropped_references(parsed_id, parsed_str)]
    return found
