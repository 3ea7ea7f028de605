"""Links between the editions: language switcher and ``hreflang`` alternates.

Each edition is built into a sibling folder (``_build/html/en``,
``_build/html/zh_CN``) with the same page names, so the same page in another
language is always ``<up to the site root>/<language>/<page>.html``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ..languages import language_name, language_tag
from ..project import slug
from .latex import pdf_basename

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def to_site_root(pagename: str) -> str:
    """From a page up to the folder that holds every edition."""
    return "../" * (pagename.count("/") + 1)


def page_url(base: str, language: str, uri: str) -> str:
    """A page's absolute address once the site's address (*base*) is known."""
    return f"{base.rstrip('/')}/{language}/{uri}"


def edition_links(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    current = app.config.language
    root = to_site_root(pagename)
    uri = app.builder.get_target_uri(pagename)
    links = []
    for language in app.config.edition_languages:
        links.append({
            "language": language,
            "tag": language_tag(language),
            "name": language_name(language),
            "href": f"{root}{language}/{uri}",
            "current": language == current,
        })
    return links


def add_edition_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.builder.format != "html":
        return
    links = edition_links(app, pagename)
    context["edition_links"] = links
    context["edition_base_url"] = app.config.edition_base_url
    context["language_folder"] = app.config.language
    root = to_site_root(pagename)
    # `make pdf` copies each brochure into the site's pdf/ folder; the link is there
    # only when the brochure is (edition_pdfs: the Makefile says which are built).
    offered = app.config.language in app.config.edition_pdfs
    context["edition_pdf"] = f"{root}pdf/{pdf_basename(app.config)}.pdf" if offered else ""
    # the front page's key for the reader's choice (editions.publish.frontpage.storage_key)
    context["edition_storage_key"] = f"{app.config.edition_basename or slug(app.config.project)}-language"
    base = app.config.edition_base_url.rstrip("/")
    uri = app.builder.get_target_uri(pagename)
    tags = []
    for link in links:
        href = page_url(base, link["language"], uri) if base else link["href"]
        tags.append(f'<link rel="alternate" hreflang="{link["tag"]}" href="{escape(href)}">')
    chooser = f"{base}/" if base else f"{root}index.html"
    tags.append(f'<link rel="alternate" hreflang="x-default" href="{escape(chooser)}">')
    context["metatags"] = Markup(context.get("metatags", "")) + Markup("\n".join(tags))


def setup(app: Sphinx) -> None:
    # The editions the switcher offers; empty: every language with catalogs (catalog_guard).
    app.add_config_value("edition_languages", [], "html", types=frozenset({list, tuple}))
    # Absolute URL of the folder holding every edition, once the site is hosted;
    # empty keeps every link relative so the site works from any folder.
    app.add_config_value("edition_base_url", "", "html", types=frozenset({str}))
    # The languages whose PDF brochure the site offers.
    app.add_config_value("edition_pdfs", [], "html", types=frozenset({list, tuple}))
    app.connect("html-page-context", add_edition_links)
