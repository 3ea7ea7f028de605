"""Translations are untrusted input: keep them to text and inline markup.

A ``msgstr`` is parsed by the same parser as the page it belongs to, so without
these guards a translator could publish live HTML, pull files into the page
(``{include}``, ``{literalinclude}``, ``:file:`` options), copy any readable file
into the site through an image or download path, or hand TeX to the PDF build
through math.  We close this in the build itself:

* raw HTML syntax is off in MyST, and docutils' ``raw`` and file insertion are
  off for every page (the sources don't need them either);
* a translated message may not add an image, download, math, raw node or link
  target that its English message doesn't have.  An addition is removed from
  the edition (its text stays, inert) and reported as a warning naming the
  catalog entry, which ``-W`` turns into a failed build;
* interface strings (``sphinx.po``) go into templates unescaped, so their
  translations must carry exactly the HTML tags, entities and placeholders of
  the English; one that doesn't is left out (the English shows) and reported.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

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
    return None


def _payloads(node: nodes.Node) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for sub in node.findall(nodes.Element):
        if (payload := _payload_of(sub)) is not None:
            found[payload] += 1
    return found


def _neutralise(node: nodes.Element) -> None:
    """Replace an unsafe node by inert text (nothing for an image)."""
    if isinstance(node, nodes.image):
        replacement: list[nodes.Node] = [nodes.Text(node.get("alt", ""))]
    elif isinstance(node, (nodes.math, nodes.math_block, nodes.raw)):
        replacement = [nodes.literal(node.astext(), node.astext())]
    else:  # links and downloads keep their visible text, lose their target
        replacement = [nodes.inline("", "", *node.children)]
    if node.parent is not None:
        node.replace_self(replacement)


class RecordMessagePayloads(SphinxTransform):
    """Before translation: note what each translatable node may legitimately hold."""

    default_priority = 19  # sphinx.transforms.i18n.Locale is 20

    def apply(self, **kwargs: Any) -> None:
        if not self.config.language or self.config.language == "en":
            return
        self.document["mx_payloads"] = {
            id(node): (node, msg, _payloads(node))
            for node, msg in extract_messages(self.document)
        }


class RejectTranslatedPayloads(SphinxTransform):
    """After translation: strip and report anything a msgstr added."""

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        recorded = self.document.attributes.pop("mx_payloads", None)
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
                self._report(node, msg, payload)
                _neutralise(sub)

    def _report(self, node: nodes.Element, msg: str, payload: tuple[str, str]) -> None:
        kind, value = payload
        where = _catalog_location(self.env, msg)
        short = msg if len(msg) <= 60 else msg[:57] + "..."
        logger.warning(
            "%s: the translation of %r adds %s (%r) that the English text does not "
            "have; it was removed from the edition. Translations may only change "
            "text: remove it from the msgstr.",
            where,
            short,
            _PAYLOAD_NAMES[kind],
            value,
            location=node,
            type="i18n",
            subtype="unsafe",
        )


def _catalog_location(env: Any, msgid: str) -> str:
    """``locales/<lang>/LC_MESSAGES/<page>.po:<line>`` of a message."""
    from .catalogs import find_entry

    return find_entry(env, msgid)


# What a template string may carry besides text: tags, entities, placeholders.
_INTERFACE_TOKENS = re.compile(r"<[^>]*>|&#?\w+;|%\(\w+\)[sd]|%[sd]|\{\w*\}")


def interface_token_problems(msgid: str, msgstr: str) -> str | None:
    """Why *msgstr* may not stand for *msgid* in a template, or None."""
    expected = Counter(_INTERFACE_TOKENS.findall(msgid))
    found = Counter(_INTERFACE_TOKENS.findall(msgstr))
    if found == expected:
        if "<" in _INTERFACE_TOKENS.sub("", msgstr):
            return "it has a '<' outside the tags of the English; write &lt; or leave it out"
        return None
    added = sorted((found - expected).elements())
    missing = sorted((expected - found).elements())
    parts = []
    if added:
        parts.append("adds " + ", ".join(added))
    if missing:
        parts.append("drops " + ", ".join(missing))
    return "; ".join(parts) + " (tags, entities and placeholders must be those of the English)"


def drop_unsafe_interface_translations(app: Sphinx, config: Config) -> None:
    """Take out of the loaded catalog any interface translation that changes
    its markup, and report each one (``-W`` then fails the build)."""
    from sphinx import locale

    from .catalogs import CatalogError, display_path, locale_paths, read_catalog

    if not config.language or config.language == "en":
        return
    translator = locale.translators.get(("general", "sphinx"))
    loaded = getattr(translator, "_catalog", {})
    for path in locale_paths(app.srcdir, config, "LC_MESSAGES/sphinx.po"):
        try:
            catalog = read_catalog(path)
        except CatalogError as exc:
            logger.warning("%s", exc, location=f"{display_path(exc.path)}:{exc.line}",
                           type="i18n", subtype="catalog")
            continue
        for entry in catalog.translated_entries():
            problem = interface_token_problems(entry.msgid, entry.msgstr)
            if problem is None:
                continue
            if loaded.get(entry.msgid) == entry.msgstr:
                loaded.pop(entry.msgid)
            logger.warning(
                "[interface-markup] the translation of %r %s; the English is used instead",
                entry.msgid[:50], problem,
                location=f"{display_path(path)}:{entry.linenum}", type="i18n", subtype="unsafe",
            )


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


def setup(app: Sphinx) -> None:
    app.connect("config-inited", secure_config, priority=200)
    # Before translate_config (priority 100) uses the catalog.
    app.connect("config-inited", drop_unsafe_interface_translations, priority=50)
    app.connect("builder-inited", secure_docutils_settings)
    app.add_transform(RecordMessagePayloads)
    app.add_transform(RejectTranslatedPayloads)
