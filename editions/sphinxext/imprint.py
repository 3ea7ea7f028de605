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
value is TeX-escaped here, where it is inserted.
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
from .tex import BRAND, tex_escape
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


def _lines(lines: list[str], between: str = r"\\") -> str:
    return between.join(tex_escape(line) for line in lines)


def cover_lines(shown: Imprint) -> str:
    """Under the cover's author: the date, and the year of the figures."""
    lines = _lines(shown.date) + (r"\par\vspace{2pt}" + _lines(shown.as_of) if shown.as_of else "")
    return rf"""\vspace{{1.2em}}
  {{\sffamily\small\color{{black!70}}{lines}\par}}"""


def qr_usable(url: str) -> bool:
    return bool(url) and _PLAIN_URL.fullmatch(url) is not None


#: The back cover's macros: blank pages up to a multiple of four, then the page.
PREAMBLE = r"""\newsavebox{\editionimprintbox}\newlength{\editionbandheight}\newlength{\editionimprintwidth}
\makeatletter
\newcommand\editionpadtofour{\clearpage
  \@tempcnta=\value{page}\divide\@tempcnta4 \multiply\@tempcnta4
  \ifnum\@tempcnta=\value{page}\else\thispagestyle{empty}\null\expandafter\editionpadtofour\fi}
\makeatother
% (tagging, pdf_tagging.py: the band and the QR code artifacts; the imprint, set in a box
% before the page's title, read after it; the paragraphs around boxes not paragraphs)
\providecommand\editionartifact[1]{#1}\providecommand\tagpdfparaOn{}\providecommand\tagpdfparaOff{}
\providecommand\editionstashbegin[1]{}\providecommand\editionstashend{}\providecommand\editionstashuse[1]{}"""


def back_cover(shown: Imprint, title: list[str], subtitle: list[str], author: list[str]) -> str:
    """The last page: a multiple of four pages after the cover; the title at the top,
    the imprint in the brand colour at the foot, the QR code of the site beside it."""
    newline = r"\newline "
    rows = [(shown.published_by, [tex_escape(line) for line in author]),
            (shown.edition, [tex_escape(line) for line in shown.date])]
    link = ""
    if shown.url:
        url = tex_escape(shown.url)
        if qr_usable(shown.url):  # nothing in it for TeX to read but its characters
            url = rf"\href{{{shown.url}}}{{\textcolor{{white}}{{\nolinkurl{{{shown.url}}}}}}}"
            link = (r"\hfill\editionartifact"  # the code says the address beside it: no text
                    rf"{{\colorbox{{white}}{{\color{{black}}\qrcode[height=24mm,nolink]{{{shown.url}}}}}}}")
        rows.append((shown.online, [url]))
    # (the measure of the page: \textwidth is the minipage's inside it)
    width = r"\dimexpr\editionimprintwidth-30mm\relax" if link else r"\editionimprintwidth"
    table = "\\\\[4pt]\n    ".join(_lines(label, newline) + " & " + newline.join(values) for label, values in rows)
    as_of = rf"{{\bfseries {_lines(shown.as_of)}\par}}\vspace{{8pt}}" if shown.as_of else ""
    return rf"""
\editionpadtofour
\setlength{{\editionimprintwidth}}{{\textwidth}}%
\begin{{lrbox}}{{\editionimprintbox}}\sffamily\footnotesize\color{{white}}\tagpdfparaOff\editionstashbegin{{imprint}}%
  \begin{{minipage}}[b]{{\textwidth}}
    \begin{{minipage}}[b]{{{width}}}\tagpdfparaOn
      {as_of}\tagpdfparaOff\begin{{tabular}}{{@{{}}>{{\raggedright\arraybackslash\tagpdfparaOn}}p{{21mm}}@{{\hspace{{3mm}}}}>{{\raggedright\arraybackslash\tagpdfparaOn}}p{{\dimexpr{width}-24mm\relax}}@{{}}}}
      {table}
      \end{{tabular}}\par\vspace{{8pt}}\tagpdfparaOn
      {_lines(shown.accessible)}\par
    \end{{minipage}}{link}\par
  \end{{minipage}}\editionstashend
\end{{lrbox}}%
\setlength{{\editionbandheight}}{{\dimexpr\ht\editionimprintbox+\dp\editionimprintbox+20mm+12mm\relax}}%
\ifdim\editionbandheight<0.4\paperheight \setlength{{\editionbandheight}}{{0.4\paperheight}}\fi
\thispagestyle{{empty}}%
{{\setlength{{\parindent}}{{0pt}}%
  \editionartifact{{\begin{{tikzpicture}}[remember picture,overlay]
    \fill[{BRAND}] (current page.south west) rectangle ([yshift=\editionbandheight]current page.south east);
  \end{{tikzpicture}}}}%
  {{\sffamily\bfseries\fontsize{{15}}{{19}}\selectfont\color{{{BRAND}}}{_lines(title)}\par}}
  \vspace{{4pt}}{{\sffamily\small {_lines(subtitle)}\par}}
  \vfill
  \editionstashuse{{imprint}}\tagpdfparaOff\usebox{{\editionimprintbox}}\par}}
"""


def add_messages(app: Sphinx) -> None:
    """builder-inited: the imprint's words into sphinx.pot."""
    if app.builder.name != "gettext":
        return
    here = Path(__file__)
    for message in MESSAGES:
        app.builder.catalogs["sphinx"].add(message, MsgOrigin(source=str(here), line=_line_of(here, message)))


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", add_messages)
