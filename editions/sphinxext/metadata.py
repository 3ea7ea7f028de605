"""What search engines and link previews read: Open Graph tags and sitemaps.

Every page gets a description (its first paragraph) and Open Graph tags in the
page's own language, with the other editions as ``og:locale:alternate``.  When
the site's address is known (``SITE_URL``, i.e. Sphinx's ``html_baseurl``), pages
also get ``og:url`` (the canonical link is Sphinx's and the theme's), and each
edition writes ``sitemap.xml`` with ``hreflang`` alternates for every page; a
sitemap needs absolute URLs, so without ``SITE_URL`` none is written.

Why not the well-known extensions: sphinxext-opengraph 0.13 writes a relative
``og:url`` when no address is known, no ``og:locale``, a description of every
text node run together (headings, lists) cut at 200 characters, and an
``og:title`` of which only ``"`` is escaped; sphinx-sitemap 2.9 lists only the
pages written by the last (incremental) build, and puts a parallel edition's
pages under its Sphinx language's folder (``zh_CN/``, not ``en-zh_CN/``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup

from ..languages import language_tag
from ..templating import render_html
from .current_edition import edition_name
from .links import page_url, site_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TEMPLATES = Path(__file__).resolve().parent / "templates" / "html"

DESCRIPTION_LENGTH = 160


def og_locale(language: str) -> str:
    """Open Graph wants ll_CC: en -> en_US, zh_CN -> zh_CN."""
    return {"en": "en_US"}.get(language, language)


#: The end of a sentence, in the languages' own marks.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")


def first_paragraph(doctree: nodes.document | None) -> str:
    """The page's first paragraph as a description.  One that introduces a list (ending
    in a colon, "……下辖7个社区：") would read as cut off in a search result or a share
    card: it ends at its last full sentence instead, or, if it is one sentence, the next
    paragraph outside a list is taken."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.list_item):
            continue
        text = " ".join(paragraph.astext().split())
        if text.endswith((":", "：")):
            ends = [m.start() for m in _SENTENCE_END.finditer(text)]
            text = text[:ends[-1]].strip() if ends else ""
        if text:
            return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"
    return ""


def add_page_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.builder.format != "html" or app.builder.name == "epub":  # the site's pages only
        return
    language = app.config.language
    title = Markup(context.get("title") or "").striptags() or app.config.project
    description = first_paragraph(doctree)
    tags = [
        ("og:type", "website"),
        ("og:site_name", app.config.project),
        ("og:title", title),
        ("og:locale", og_locale(language)),
    ]
    tags += [("og:locale:alternate", og_locale(other))
             for other in app.config.edition_languages if other != language]
    if description:
        tags.append(("og:description", description))
    if url := context.get("pageurl"):  # Sphinx's, from html_baseurl (links.place_in_site)
        tags.append(("og:url", url))
    # The canonical link is Sphinx's and the theme's (html_baseurl), not ours.
    context["metatags"] = Markup(context.get("metatags", "")) + render_html(
        TEMPLATES, "page-metadata.html.jinja", description=description, properties=tags)


def write_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    base = site_url(app.config)
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub" or not base:
        return
    edition = edition_name(app.config)
    pages = []
    for docname in sorted(app.env.found_docs):
        uri = app.builder.get_target_uri(docname)
        pages.append({"url": page_url(base, edition, uri),
                      "alternates": [{"tag": language_tag(other), "url": page_url(base, other, uri)}
                                     for other in app.config.edition_languages]})
    Path(app.outdir, "sitemap.xml").write_text(render_html(TEMPLATES, "sitemap.xml.jinja", pages=pages),
                                               encoding="utf-8")
