"""Links between the editions: the edition bar (switcher, PDFs) and ``hreflang`` alternates.

Each edition is built into a sibling folder (``_build/html/en``,
``_build/html/zh_CN``, ``_build/html/en-zh_CN``) with the same page names, so
the same page in another edition is always ``<up to the site root>/<edition>/<page>.html``.
The editions are the site's languages (``edition_languages``) and, for each translation,
the parallel edition of the source and that translation (editions.edition says which).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..edition import is_parallel
from ..edition import languages_of as edition_languages
from ..languages import language_name, language_tag
from ..templating import render_html
from .current_edition import basename, edition_name, pdf_basename, site_editions
from .parallel import SEPARATOR, languages_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).resolve().parent / "templates" / "html"


def to_site_root(pagename: str) -> str:
    """From a page up to the folder that holds every edition."""
    return "../" * (pagename.count("/") + 1)


def page_url(base: str, edition: str, uri: str) -> str:
    """A page's absolute address once the site's address (*base*) is known."""
    return f"{base.rstrip('/')}/{edition}/{uri}"


def place_in_site(app: Sphinx, config: Config) -> None:
    """conf.py's ``html_baseurl`` is the site's address (SITE_URL); each edition lives in a
    folder of it, so Sphinx's canonical links and ``pageurl`` need the edition's folder."""
    site = str(config.html_baseurl or "").strip().rstrip("/")
    config.html_baseurl = f"{site}/{edition_name(config)}/" if site else ""


def site_url(config: Config) -> str:
    """The folder holding every edition (SITE_URL, no trailing slash); empty while unknown."""
    edition_home = str(config.html_baseurl or "").rstrip("/")
    return edition_home.removesuffix(f"/{edition_name(config)}")


def edition_title(edition: str) -> str:
    """How the switcher names an edition: its language, or both of a parallel one."""
    return " | ".join(language_name(language) for language in edition_languages(edition))


def edition_parts(edition: str) -> list[dict[str, str]]:
    """The edition's languages, each named in itself with its tag (a reader of
    one of them reads its name; a screen reader pronounces each in its language)."""
    return [{"tag": language_tag(name), "name": language_name(name)} for name in edition_languages(edition)]


def name_in(language: str, reader: str) -> str:
    """*language*'s name in the *reader*'s language (CLDR: "Chinese", 英语), or its own name."""
    try:
        from babel import Locale

        name = Locale.parse(language).get_language_name(reader)
    except Exception:  # noqa: BLE001 - unknown to CLDR: its own name
        name = None
    return (name[:1].upper() + name[1:]) if name else language_name(language)


#: The one message that names a parallel edition (edition-bar.html says it).
PARALLEL_NAME = "%(source)s with %(target)s"


def parallel_names(edition: str, reader: str) -> dict[str, str]:
    """A parallel edition's languages named in the reader's language, for the one message
    that names it as one choice ("English with Chinese", 英语–中文对照); in English while
    the message is (not "英语 with 中文")."""
    from sphinx.locale import get_translation

    if get_translation("sphinx")(PARALLEL_NAME) == PARALLEL_NAME:
        reader = "en"
    source, target = edition_languages(edition)
    return {"source": name_in(source, reader), "target": name_in(target, reader)}


def title_parts(config: Config) -> list[dict[str, str]]:
    """A parallel edition's title ("Profile · 概况"): each half with its language tag."""
    pair = languages_of(config)
    title = str(config.html_title or "")
    if not pair or SEPARATOR not in title:
        return []
    first, second = title.split(SEPARATOR, 1)
    return [{"text": first, "tag": language_tag(pair[0])}, {"text": second, "tag": language_tag(pair[1])}]


def editions(config: Config) -> list[str]:
    return site_editions(config)


def edition_links(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    current = edition_name(app.config)
    root = to_site_root(pagename)
    uri = app.builder.get_target_uri(pagename)
    return [{
        "language": edition,
        # a parallel edition is in two languages: no one tag says it
        "tag": "" if is_parallel(edition) else language_tag(edition),
        "name": edition_title(edition),
        "parts": edition_parts(edition),
        "parallel": parallel_names(edition, app.config.language) if is_parallel(edition) else None,
        "href": f"{root}{edition}/{uri}",
        "current": edition == current,
    } for edition in editions(app.config)]


def pdf_links(app: Sphinx, pagename: str, format: str = "pdf") -> list[dict[str, str]]:
    """This edition's brochure (or book: *format* epub), and the parallel ones it is half of
    (or the halves of this parallel one): those the site offers (``edition_pdfs``,
    ``edition_epubs``: the ones built)."""
    config, current = app.config, edition_name(app.config)
    offered = config.edition_epubs if format == "epub" else config.edition_pdfs
    related = [current] + [e for e in editions(config) if e != current and
                           (current in edition_languages(e) or e in edition_languages(current))]
    root = to_site_root(pagename)
    return [{"href": f"{root}{format}/{pdf_basename(config, edition)}.{format}", "edition": edition,
             "name": edition_title(edition), "parts": edition_parts(edition), "current": edition == current,
             "parallel": parallel_names(edition, config.language) if is_parallel(edition) else None}
            for edition in related if edition in offered]


def add_edition_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.builder.format != "html" or app.builder.name == "epub":  # a book links no other edition
        return
    if app.config.edition_review:  # the review view stands alone: it is not part of the site
        context["edition_links"], context["edition_pdfs"], context["edition_title_parts"] = [], [], []
        context["edition_epubs"] = []
        return
    links = edition_links(app, pagename)
    context["edition_links"] = links
    context["edition_title_parts"] = title_parts(app.config)
    context["edition_home"] = app.config.html_baseurl  # the 404 page's links
    # `make pdf` copies each brochure into the site's pdf/ folder; a link is there only
    # when its brochure is (edition_pdfs: the driver says which are built).
    context["edition_pdfs"] = pdf_links(app, pagename)
    context["edition_epubs"] = pdf_links(app, pagename, "epub")  # likewise the EPUBs (_build/html/epub/)
    # the language picker's key for the reader's choice (editions.publish.language_picker.storage_key)
    context["edition_storage_key"] = f"{basename(app.config)}-language"
    base = site_url(app.config)
    uri = app.builder.get_target_uri(pagename)
    root = to_site_root(pagename)
    # hreflang: the same page in another language
    alternates = [{"tag": link["tag"], "href": page_url(base, link["language"], uri) if base else link["href"]}
                  for link in links if link["tag"]]
    chooser = f"{base}/" if base else f"{root}index.html"
    context["metatags"] = Markup(context.get("metatags", "")) + render_html(
        TEMPLATES, "alternate-links.html.jinja", links=alternates, chooser=chooser)
