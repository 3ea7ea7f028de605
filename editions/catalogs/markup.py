"""A message as MyST sees it: parsed with myst-parser's markdown-it set-up.

Checks on markup compare what the parser makes of the English and of the
translation, not what the characters look like: ``城市的**“绿色心脏”**。`` has
two pairs of ``**`` yet no bold text, because CommonMark does not open
emphasis between a Chinese character and an opening quote (flanking rules).
Only a parse sees that.

The parser is myst-parser's own (``create_md_parser``) with the project's
``myst_*`` settings read from ``conf.py``; raw HTML syntax stays *on* here,
unlike in the build, so that HTML in a translation shows up as tokens.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

# Stands in the visible text for a piece of inline markup that is not text
# (inline code, a role, a footnote reference, an image, inline HTML).
OBJECT = "\ufffc"

# Roles whose content is (or ends with ``<target>``) a cross-reference target.
XREF_ROLES = frozenset({
    "ref", "doc", "numref", "download", "any", "eq", "term", "keyword", "option",
    "envvar", "token", "confval", "external", "abbr-ref",
})
_TITLE_TARGET = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]*)>\s*$", re.DOTALL)
_SUBSTITUTION = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")

# Text that cannot start a block other than a paragraph: its inline parse is enough.
_MAYBE_BLOCK = re.compile(r"[\n\r]|^\s*(?:[#>+\-*=%(:|\[<$_~`]|\d+[.)])|^ {4}|^\t")
# Plain text that is certainly one paragraph of text with no markup: no parse needed.
_MAYBE_MARKUP = re.compile(
    r"[`*_\[\]{}<>!\\&$|~\n\r\t]"          # inline markup, escapes, entities, tables
    r"|^\s*(?:[#>+\-=%(:]|\d+[.)])"        # a block marker at the start
    r"|^ {4}|\s$|^\s"                       # indented code, surrounding space
)


@dataclass(frozen=True)
class Parsed:
    """What a message is made of, once parsed."""

    blocks: tuple[str, ...]          # block structure: ('paragraph',), ('heading:h1',), ...
    text: str                        # visible text; OBJECT where markup stands
    em: int = 0
    strong: int = 0
    codes: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()   # (name, target or content)
    links: tuple[str, ...] = ()      # hrefs, autolinks included
    images: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()
    html: tuple[str, ...] = ()       # html_inline and html_block contents
    directives: tuple[str, ...] = () # names of ```{name} fences
    substitutions: tuple[str, ...] = ()

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.roles)


def role_target(name: str, content: str) -> str:
    """The target of a cross-reference role, or '' for a role whose content is text."""
    base = name.split(":")[-1]
    if base not in XREF_ROLES and ":" not in name:
        return ""
    match = _TITLE_TARGET.match(content)
    return (match["target"] if match else content).strip()


def _conf_myst_settings(conf_py: Path) -> dict[str, object]:
    """The ``myst_*`` literal assignments of conf.py, as MdParserConfig fields."""
    try:
        tree = ast.parse(conf_py.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    names = {f.name for f in fields(MdParserConfig)}
    settings: dict[str, object] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not (isinstance(target, ast.Name) and target.id.startswith("myst_")):
            continue
        name = target.id[len("myst_"):]
        if name not in names:
            continue
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            continue
        if name == "disable_syntax":
            # keep HTML parsed here, so that it can be reported
            value = [rule for rule in value if rule not in ("html_block", "html_inline")]
        if isinstance(value, list):
            value = tuple(value) if name != "enable_extensions" else set(value)
        settings[name] = value
    return settings


class MessageParser:
    """Parses messages with one MyST configuration; results are cached per text."""

    def __init__(self, conf_py: Path | None = None) -> None:
        settings = _conf_myst_settings(conf_py) if conf_py else {}
        try:
            config = MdParserConfig(**settings)
        except (TypeError, ValueError):
            config = MdParserConfig()
        self.md = create_md_parser(config, RendererHTML)
        self.md.disable("wordcount", ignoreInvalid=True)  # reading-time metadata: not needed here
        self.parse = lru_cache(maxsize=None)(self._parse)

    def _parse(self, text: str) -> Parsed:
        if not _MAYBE_MARKUP.search(text):
            return Parsed(blocks=("paragraph",), text=text)
        if _MAYBE_BLOCK.search(text):
            tokens = self.md.parse(text, {})
        else:  # one paragraph: skip the block parser
            inline = self.md.parseInline(text, {})
            tokens = [Token("paragraph_open", "p", 1), *inline, Token("paragraph_close", "p", -1)]
        collected: dict[str, list] = {
            "codes": [], "roles": [], "links": [], "images": [], "footnotes": [],
            "html": [], "directives": [],
        }
        blocks: list[str] = []
        pieces: list[str] = []
        counts = {"em": 0, "strong": 0}
        for token in tokens:
            if token.type == "inline":
                if pieces:
                    pieces.append("\n")
                self._inline(token.children or [], pieces, collected, counts)
                continue
            if token.type.endswith("_close"):
                continue
            kind = token.type.removesuffix("_open")
            if token.type == "heading_open":
                kind = f"heading:{token.tag}"
            if token.type == "fence":
                info = token.info.strip()
                if info.startswith("{"):
                    name = info[1:].split("}", 1)[0].strip()
                    collected["directives"].append(name)
                    kind = f"directive:{name}"
            if token.type == "html_block":
                collected["html"].append(token.content.strip())
            if kind in ("paragraph",) and token.hidden:
                continue  # the paragraph of a tight list item
            blocks.append(kind)
        text_out = "".join(pieces)
        return Parsed(
            blocks=tuple(blocks),
            text=text_out,
            em=counts["em"],
            strong=counts["strong"],
            substitutions=tuple(_SUBSTITUTION.findall(text_out)),
            **{key: tuple(value) for key, value in collected.items()},
        )

    @staticmethod
    def _inline(children: list[Token], pieces: list[str], collected: dict[str, list],
                counts: dict[str, int]) -> None:
        for child in children:
            kind = child.type
            if kind == "text":
                pieces.append(child.content)
            elif kind in ("softbreak", "hardbreak"):
                pieces.append("\n")
            elif kind == "code_inline":
                pieces.append(OBJECT)
                collected["codes"].append(child.content)
            elif kind == "myst_role":
                pieces.append(OBJECT)
                name = str(child.meta.get("name", ""))
                collected["roles"].append((name, role_target(name, child.content)))
            elif kind == "link_open":
                collected["links"].append(str(child.attrs.get("href", "")))
            elif kind == "image":
                pieces.append(OBJECT)
                collected["images"].append(str(child.attrs.get("src", "")))
            elif kind in ("em_open", "strong_open"):
                counts[kind.removesuffix("_open")] += 1
            elif kind == "footnote_ref":
                pieces.append(OBJECT)
                collected["footnotes"].append(str(child.meta.get("label", child.meta.get("id", ""))))
            elif kind == "html_inline":
                pieces.append(OBJECT)
                collected["html"].append(child.content)
            elif kind in ("math_inline", "math_single", "math_inline_double", "amsmath"):
                pieces.append(OBJECT)
                collected["roles"].append(("math", child.content))
            elif child.children:
                MessageParser._inline(child.children, pieces, collected, counts)

