"""Translations are untrusted input: they reach an edition as text, escaped for where they land.

The first line of defence is construction, not patterns:

* page messages are parsed by MyST with raw HTML off, and docutils' ``raw`` and
  file insertion off for every page (the sources don't need them either);
* interface strings (``sphinx.po``: the theme's words, Sphinx's own, conf.py
  values) are escaped where they are inserted: for an HTML build every
  translation in the catalog becomes HTML-escaped text around the English's
  own tags and placeholders (so it is safe in element text and in
  ``title="…"`` alike); for the PDF, TeX-escaped text; the conf.py values in
  the templates' context (project, title, copyright, date) are escaped for
  HTML, and for TeX where the LaTeX writer inserts them (``latex.py``).

The second line: ``catalog_guard`` leaves out any entry that breaks the rules
of ``editions.catalogs.rules`` before Sphinx parses it, and after translation
the transforms below strip, and report at the catalog line, any image,
download, math, raw node, link, target or cross-reference target that a
msgstr brought in and its English doesn't have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import polib
from docutils import nodes
from markupsafe import Markup, escape
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from ..catalogs.rules import INTERFACE_TOKENS, is_date_format
from .catalog_guard import INTERFACE_DOMAIN, catalog_location, checked_dir, is_translation
from .tex import TexText, tex_escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

# MyST rules that pass HTML through to the page.
UNSAFE_MYST_SYNTAX = ("html_block", "html_inline")
UNSAFE_MYST_EXTENSIONS = ("html_image", "html_admonition")

_PAYLOAD_NAMES = {
    "image": "an image path",
    "download": "a download path",
    "math": "math (TeX)",
    "raw": "raw markup",
    "link": "a link target",
    "target": "a target (label or id)",
    "reference": "a cross-reference target",
}


def _payload_of(node: nodes.Node) -> tuple[str, str] | None:
    """What a node brings in from outside the text, or None."""
    if isinstance(node, nodes.image):
        return "image", node.get("uri", "")
    if isinstance(node, addnodes.download_reference):
        return "download", node.get("reftarget", "")
    if isinstance(node, (nodes.math, nodes.math_block)):
        return "math", node.astext()
    if isinstance(node, nodes.raw):
        return "raw", node.astext()
    if isinstance(node, nodes.reference) and node.get("refuri"):
        return "link", node["refuri"]
    if isinstance(node, nodes.target):
        return "target", " ".join(node.get("ids", []) + node.get("names", [])) or node.get("refuri", "")
    if isinstance(node, addnodes.pending_xref):
        return "reference", f"{node.get('reftype', '')}:{node.get('reftarget', '')}"
    return None


def _payloads(node: nodes.Node) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for sub in node.findall(nodes.Element):
        if (payload := _payload_of(sub)) is not None:
            found[payload] += 1
    return found


def _neutralise(node: nodes.Element) -> None:
    """Replace an unsafe node by inert text (nothing for an image or a target)."""
    if isinstance(node, (nodes.image, nodes.target)):
        replacement: list[nodes.Node] = [nodes.Text(node.get("alt", ""))]
    elif isinstance(node, (nodes.math, nodes.math_block, nodes.raw)):
        replacement = [nodes.literal(node.astext(), node.astext())]
    else:  # links, downloads, references keep their visible text, lose their target
        replacement = [nodes.inline("", "", *node.children)]
    if node.parent is not None:
        node.replace_self(replacement)


class RecordMessagePayloads(SphinxTransform):
    """Before translation: note what each translatable node may legitimately hold."""

    default_priority = 19  # sphinx.transforms.i18n.Locale is 20

    def apply(self, **kwargs: Any) -> None:
        if not is_translation(self.config):
            return
        self.document["editions_payloads"] = {
            id(node): (node, msg, _payloads(node))
            for node, msg in extract_messages(self.document)
        }


class RejectTranslatedPayloads(SphinxTransform):
    """After translation: strip and report anything a msgstr added."""

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        recorded = self.document.attributes.pop("editions_payloads", None)
        if not recorded:
            return
        for node, msg, allowed in recorded.values():
            if not node.get("translated"):
                continue
            allowed = Counter(allowed)
            for sub in list(node.findall(nodes.Element)):
                payload = _payload_of(sub)
                if payload is None:
                    continue
                if allowed[payload] > 0:
                    allowed[payload] -= 1
                    continue
                self._report(msg, payload)
                _neutralise(sub)

    def _report(self, msg: str, payload: tuple[str, str]) -> None:
        kind, value = payload
        domain = docname_to_domain(self.env.current_document.docname, self.config.gettext_compact)
        short = msg if len(msg) <= 60 else msg[:57] + "..."
        logger.warning(
            "[safety] the translation of %r adds %s (%r) that the English text does not have; "
            "it was removed from the edition. Translations may only change text: remove it "
            "from the msgstr.", short, _PAYLOAD_NAMES[kind], value,
            location=catalog_location(self.config, domain, msg), type="i18n", subtype="unsafe",
        )


# -- Interface strings, escaped for the output they land in --------------------------------------

class HtmlText(str):
    """An interface translation already escaped for HTML: Jinja's ``|e`` leaves it as it is."""

    def __html__(self) -> str:
        return str(self)


def _escaped_translation(msgid: str, translation: str, tokens: Any,
                         escape_text: Callable[[str], str]) -> str | None:
    """*translation* with its text escaped and the English's tokens kept; None if its
    tokens are not the English's (catalog_guard left such an entry out already)."""
    if Counter(tokens.findall(translation)) != Counter(tokens.findall(msgid)):
        return None
    parts, position = [], 0
    for match in tokens.finditer(translation):
        parts += [escape_text(translation[position:match.start()]), match.group(0)]
        position = match.end()
    parts.append(escape_text(translation[position:]))
    return "".join(parts)


def _html(msgid: str, translation: str) -> str | None:
    text = _escaped_translation(msgid, translation, INTERFACE_TOKENS, lambda t: str(escape(t)))
    return None if text is None else HtmlText(text)


_PRINTF = re.compile(r"%\(\w+\)[sd]|%[sd]|%%")


def _tex(msgid: str, translation: str) -> str | None:
    text = _escaped_translation(msgid, translation, _PRINTF, tex_escape)
    return None if text is None else TexText(text)


def escape_interface_translations(app: Sphinx) -> None:
    """builder-inited: every translation of our ``sphinx`` catalog, as loaded for this
    build, becomes escaped text for the output (HTML or TeX) it is inserted into."""
    if not is_translation(app.config):
        return
    convert = {"html": _html, "latex": _tex}.get(app.builder.format)
    staged = checked_dir(app) / app.config.language / "LC_MESSAGES" / f"{INTERFACE_DOMAIN}.po"
    if convert is None or not staged.is_file():
        return
    from sphinx import locale

    catalog = getattr(locale.translators.get(("general", "sphinx")), "_catalog", None)
    if catalog is None:
        return
    for entry in polib.pofile(str(staged)):
        if is_date_format(entry.msgid):
            continue  # a format: the dates it makes are escaped where they land
        prefix = f"{entry.msgctxt}\x04" if entry.msgctxt else ""
        keys = ([(prefix + entry.msgid, entry.msgid)] if not entry.msgid_plural else
                [((prefix + entry.msgid, n), entry.msgid_plural if n else entry.msgid)
                 for n in entry.msgstr_plural])
        for key, english in keys:
            if key in catalog:
                safe = convert(english, catalog[key])
                catalog[key] = safe if safe is not None else english


#: Template context values that come from conf.py, so from sphinx.po.
CONFIG_CONTEXT = ("project", "docstitle", "shorttitle", "copyright", "last_updated")


def escape_config_context(app: Sphinx, pagename: str, templatename: str,
                          context: dict[str, Any], doctree: Any) -> None:
    """html-page-context: translated conf.py values are text in every template
    (Furo prints the title unescaped in its sidebar)."""
    for key in CONFIG_CONTEXT:
        value = context.get(key)
        if isinstance(value, str) and not hasattr(value, "__html__"):
            context[key] = Markup(escape(value))


def escape_latex_context(app: Sphinx, builder: Any) -> None:
    """write-started (LaTeX): the values Sphinx's LaTeX templates insert unescaped:
    the date, and the caption label of code listings (``Listing %s``).  Once the pages
    are read and the environment saved: numfig_format is a value Sphinx reads every page
    again for, and the HTML builder, which shares the environment, has it unescaped."""
    if builder.format != "latex":
        return
    context = getattr(builder, "context", {})
    if isinstance(context.get("date"), str):
        context["date"] = tex_escape(context["date"])
    formats = app.config.numfig_format
    if formats.get("code-block"):
        formats["code-block"] = "%s".join(tex_escape(part) for part in formats["code-block"].split("%s"))


# -- Settings ------------------------------------------------------------------------------------

def secure_config(app: Sphinx, config: Config) -> None:
    disabled = list(config.myst_disable_syntax or [])
    config.myst_disable_syntax = disabled + [
        rule for rule in UNSAFE_MYST_SYNTAX if rule not in disabled
    ]
    config.myst_enable_extensions = [
        ext for ext in (config.myst_enable_extensions or []) if ext not in UNSAFE_MYST_EXTENSIONS
    ]


def secure_docutils_settings(app: Sphinx) -> None:
    # Settings live in the environment, which may come from a pickle: set them
    # on every run rather than once.
    app.env.settings["raw_enabled"] = False
    app.env.settings["file_insertion_enabled"] = False
