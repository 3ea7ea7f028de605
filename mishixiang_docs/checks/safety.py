"""Safety: a translation may change text, nothing else.

The build strips what a msgstr adds (``translation_safety``) and fails with
-W; this check says so before the build, with the catalog line and the fix.
Reported when the msgstr has it and its msgid doesn't (compared as multisets):

* raw HTML: html_inline / html_block tokens, or ``<tag`` text;
* a directive (```{name}) or role ({name}`...`) that the English doesn't use;
* a ``javascript:``, ``data:``, ``vbscript:`` or ``file:`` link;
* an image, or a download (images and files come only from the English);
* math or TeX: ``$…$``, ``\\command``, ``{math}``;
* a file reference: ``{include}``, ``{literalinclude}``, ``:file:``;
* a link or reference target that is not one of the English's (Sphinx warns
  about a changed ``{ref}`` but not about a retargeted Markdown link).

For sphinx.po (interface strings, inserted into the HTML templates
unescaped) the rule of the build is reused:
``translation_safety.interface_token_problems``: tags, entities and
placeholders must be those of the English.
"""

from __future__ import annotations

import re
from collections import Counter

from ..translation_safety import _INTERFACE_TOKENS, interface_token_problems
from .myst import Parsed

_SCHEME = re.compile(r"(?<![\w.+-])(javascript|vbscript|data|file)\s*:(?=\S)", re.IGNORECASE)
_HTML_TEXT = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*(?=[\s/>])|<!--|<\?|<!\[CDATA\[|<![A-Za-z]")
_TEX = re.compile(r"\\[A-Za-z@]{2,}")
_DOLLAR_MATH = re.compile(r"\$\$.+?\$\$|\$[^\s$](?:[^$]*[^\s$])?\$", re.DOTALL)
_FILE_REFERENCE = re.compile(
    r"\{(?:include|literalinclude|download|image|figure|raw|eval-rst|csv-table|embed|math|eq)\}"
    r"|:(?:file|start-after|end-before|literal):|\.\.\s+(?:include|literalinclude|raw|image|figure)::",
    re.IGNORECASE,
)


def _added(english: list, translation: list) -> list:
    if not translation or sorted(translation) == sorted(english):
        return []
    return list((Counter(translation) - Counter(english)).elements())


def _texts(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group(0).strip().lower() if pattern is _SCHEME else m.group(0).strip() for m in pattern.finditer(text)]


def problem(msgid_text: str, msgstr_text: str, msgid: Parsed, msgstr: Parsed) -> tuple[str, str] | None:
    issues: list[str] = []
    added_html = _added(list(msgid.html), list(msgstr.html))
    added_html_text = _added(_texts(_HTML_TEXT, msgid_text), _texts(_HTML_TEXT, msgstr_text))
    if added_html or added_html_text:
        shown = (added_html or added_html_text)[0]
        issues.append(f"adds raw HTML {shown[:30]!r} (the build shows it as text or drops it)")
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
    if msgstr_text.count("$") > msgid_text.count("$") and _DOLLAR_MATH.search(msgstr_text):
        issues.append(f"adds math {_DOLLAR_MATH.search(msgstr_text).group(0)[:20]}")
    english_targets = Counter(msgid.links)
    for href in _added(list(msgid.links), list(msgstr.links)):
        was = f" (the English links to {', '.join(english_targets)})" if english_targets else ""
        issues.append(f"adds a link target {href}{was}")
    for name, target in _added([r for r in msgid.roles if r[1]], [r for r in msgstr.roles if r[1]]):
        if name in english_roles:
            issues.append(f"changes a reference target to {{{name}}}`{target}`")
    if not issues:
        return None
    return ("; ".join(dict.fromkeys(issues)),
            "translations may only change text: keep the markup and link targets of the English "
            "exactly, and take out what it doesn't have (the build removes it and fails)")


def interface_problem(msgid: str, msgstr: str, flags: list[str]) -> tuple[str, str] | None:
    """sphinx.po: the build's own rule; placeholders alone are the placeholders check's."""
    found = interface_token_problems(msgid, msgstr)
    issues = []
    if found:
        expected = Counter(_INTERFACE_TOKENS.findall(msgid))
        actual = Counter(_INTERFACE_TOKENS.findall(msgstr))
        differing = (expected - actual) + (actual - expected)
        only_placeholders = differing and all(t.startswith(("%", "{")) for t in differing)
        has_format_flag = any(f in flags for f in ("python-format", "python-brace-format", "c-format"))
        if not (only_placeholders and has_format_flag):
            issues.append(found)
    for scheme in _added(_texts(_SCHEME, msgid), _texts(_SCHEME, msgstr)):
        issues.append(f"adds a {scheme.replace(' ', '')} link")
    if not issues:
        return None
    return ("; ".join(issues),
            "interface strings go into the page's HTML as they are: keep the English's tags, "
            "entities and placeholders exactly (the build uses the English instead)")
