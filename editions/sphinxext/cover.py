r"""The brochure's covers: page 1 and the back cover, the last page.

* **Cover**: the upper half in the brand colour with the title and subtitle on it, the
  author below, then the edition's date and the year of its figures (a parallel
  edition: each in both languages, one line each).  In the tagged PDF the title is one
  H1, the subtitle one P (pdf_tagging's ``\editioncoverpart``), each line of a parallel
  edition a Span with its /Lang (``\editioncoverline``).  The text pages count on from
  2: the page numbers are the PDF's and the booklet's.
* **Back cover**: blank pages (no header, no number) up to a multiple of four, so that
  it is the last page of the PDF and of the folded booklet; the title and subtitle at
  the top, the imprint in a band of the brand colour at the foot, with the QR code of
  the edition's address on the site where it is known.

Both covers are one module: they are the two sides of the brochure's binding, drawn in
the same colour from the same lines (title, subtitle, author, the imprint's date and
year).  What the imprint says (its words, in sphinx.pot; the date; the address) is
imprint.py's.  The TeX is in templates/tex/ (cover.tex.jinja, back-cover.tex.jinja),
where every value is TeX-escaped (editions.templating).
"""

from __future__ import annotations

from pathlib import Path

from ..templating import render_tex
from .imprint import Imprint, qr_usable
from .tex import BRAND, TexText

TEMPLATES = Path(__file__).resolve().parent / "templates" / "tex"


def front(shown: dict[str, list[str]], dated: Imprint, tags: tuple[str, ...] = ()) -> str:
    """Page 1 (Sphinx's ``maketitle``); *tags* the languages of a parallel edition's lines."""

    def tagged(lines: list[str]) -> list[tuple[str, str]]:
        return list(zip(tags if len(lines) == len(tags) else ("",) * len(lines), lines, strict=True))

    return render_tex(TEMPLATES, "cover.tex.jinja", brand=BRAND, title=tagged(shown["project"]),
                      subtitle=tagged(shown["edition_subtitle"]), author=shown["author"],
                      date=dated.date, as_of=dated.as_of)


def back(dated: Imprint, title: list[str], subtitle: list[str], author: list[str]) -> str:
    """The last page (Sphinx's ``atendofbody``), after blank pages up to a multiple of four."""
    qr = qr_usable(dated.url)
    # An address qr_usable passes has nothing in it for TeX to read but its characters:
    # \href, \nolinkurl and \qrcode take it as it is (escaped, "_" would be "\_" in the link).
    url = TexText(dated.url) if qr else dated.url
    return render_tex(TEMPLATES, "back-cover.tex.jinja", brand=BRAND, qr=qr, url=url, title=title,
                      subtitle=subtitle, author=author, date=dated.date, as_of=dated.as_of,
                      published_by=dated.published_by, edition=dated.edition, online=dated.online,
                      accessible=dated.accessible)


def preamble(dated: Imprint) -> str:
    """The back cover's macros, and the QR code's package where there is one to draw."""
    return render_tex(TEMPLATES, "back-cover-preamble.tex.jinja", qr=qr_usable(dated.url))
