r"""The brochure's imprint: who issues it, when, of what year its figures are, and where
it is online.  The PDF says it on the cover and on a back cover of its own; nothing
here is a fact the profile doesn't give (conf.py's ``author``, the build's date,
``edition_data_as_of``, ``SITE_URL``): no address or telephone number is invented.

* **Cover**, under the author: the edition's date (the build's, ``SOURCE_DATE_EPOCH``,
  in the edition's ``today_fmt``) and "Figures as of 2018" (``edition_data_as_of``,
  editions.sphinxext.as_of: the one place the year is said).
* **Back cover**, the last page: the title and subtitle; in a band of the brand colour
  the same line of the year, the issuing office, the edition's date and, where the
  site's address is known (``SITE_URL``), the address of this edition on the site with
  a QR code of it, and a line on the accessible web edition.
* **A multiple of four pages**: a folded booklet is four pages a sheet.  Blank pages
  (no header, no number) stand between the text and the back cover, so that it is the
  last page of the PDF and of the folded booklet (``make booklet`` adds none).

A parallel edition says each line in both languages, one under the other.  The words
are interface strings (``MESSAGES``, in ``sphinx.pot``, translated in ``sphinx.po``)
read at config-inited, before safety.py escapes translations for the output; every
value is TeX-escaped where it is inserted: cover.py draws the cover and the back
cover from it, with templates that escape every value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx.builders.gettext import MsgOrigin
from sphinx.locale import _
from sphinx.util.i18n import format_date

from .as_of import as_of_text
from .parallel import languages_of
from .translated_config import _line_of, source_value

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

AS_OF = "Figures as of {as_of}"
PUBLISHED_BY = "Published by"
EDITION = "Edition"
ONLINE = "Online"
ACCESSIBLE_ONLINE = "The online edition is accessible: a screen reader reads it aloud, and it reflows to a phone."
ACCESSIBLE = "This profile is also published as an accessible web edition (HTML)."
#: The imprint's words, in sphinx.pot (add_messages) and translated in sphinx.po.
MESSAGES = (AS_OF, PUBLISHED_BY, EDITION, ONLINE, ACCESSIBLE_ONLINE, ACCESSIBLE)

#: An address the PDF links and draws as a QR code: nothing TeX or the QR code reads
#: as anything but a character of it.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?")


class Imprint(NamedTuple):
    """Each item as lines (one a language in a parallel edition), not yet escaped."""

    date: list[str]
    as_of: list[str]
    published_by: list[str]
    edition: list[str]
    online: list[str]
    accessible: list[str]
    url: str  # this edition on the site, "" where SITE_URL is not set


def said(config: Config, message: str) -> list[str]:
    """*message* in the edition's language; a parallel edition's in both (the English is
    the message itself), or once if it is not translated."""
    translated = str(_(message))
    return [message, translated] if languages_of(config) and translated != message else [translated]


def edition_dates(app: Sphinx, config: Config) -> list[str]:
    """The edition's date as Sphinx's ``\\date`` has it (conf.py's ``today``, else the
    build's date in ``today_fmt``); a parallel edition's in both languages."""
    if config.today:
        return [config.today]
    own = format_date(config.today_fmt or "%b %d, %Y", language=config.language)
    pair = languages_of(config)
    if pair:
        source = format_date(source_value(app, "today_fmt") or config.today_fmt or "%b %d, %Y", language=pair[0])
        return [source, own] if source != own else [own]
    return [own]


def edition_url(config: Config) -> str:
    """This edition's home on the site, where its address is known (``SITE_URL``)."""
    return str(config.html_baseurl or "")  # the edition's folder (links.place_in_site)


def imprint(app: Sphinx, config: Config) -> Imprint:
    year = str(config.edition_data_as_of or "").strip()
    url = edition_url(config)
    return Imprint(
        date=edition_dates(app, config),
        as_of=[as_of_text(line, config) for line in said(config, AS_OF)] if year else [],
        published_by=said(config, PUBLISHED_BY),
        edition=said(config, EDITION),
        online=said(config, ONLINE),
        accessible=said(config, ACCESSIBLE_ONLINE if url else ACCESSIBLE),
        url=url,
    )


def qr_usable(url: str) -> bool:
    return bool(url) and _PLAIN_URL.fullmatch(url) is not None


def add_messages(app: Sphinx) -> None:
    """builder-inited: the imprint's words into sphinx.pot."""
    if app.builder.name != "gettext":
        return
    here = Path(__file__)
    for message in MESSAGES:
        app.builder.catalogs["sphinx"].add(message, MsgOrigin(source=str(here), line=_line_of(here, message)))
