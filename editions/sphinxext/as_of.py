"""What date the content describes: ``edition_data_as_of`` in conf.py, said from that one place.

A profile is written at one time and published, and republished, later.  Its
figures and plans are those of the year it was written, whatever date the
edition carries (the footer's "Last updated", the copyright year).  conf.py
says which year that is, once:

    edition_data_as_of = "2018"

and the pages say it with ``{as_of}`` where the year goes:

* the ``{as-of}`` directive, a paragraph of the page in its own words::

      ```{as-of}
      This profile describes the sub-district as of {as_of}.
      ```

* the caption of the key figures (``{key-figures}``'s ``:caption:`` option,
  ``Figures as of {as_of}``).

Each is a message of the page's catalog with the year written in (``Figures as
of 2018``): the translator writes it the way the language does (数据截至2018年),
and ``make check``'s numbers check holds the year to the English one.  When the
year changes in conf.py, those messages change and become fuzzy: every edition
says the new year or shows the English, never the old year.

Other parts of the extension (the PDF cover, say) read the same value:
``app.config.edition_data_as_of``, or ``as_of_text(text, config)`` for a text with
``{as_of}``.  Empty (the default) means the profile names no such year; a page
that asks for it then stops the build with the reason.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.config import Config

PLACEHOLDER = "{as_of}"

#: A year, or a year and month (2018, 2018-06): the value is written into messages.
_VALUE = re.compile(r"[0-9]{4}(?:-[0-9]{2})?")


class AsOfError(ValueError):
    pass


def as_of_text(text: str, config: Config) -> str:
    """*text* with ``{as_of}`` replaced by conf.py's ``edition_data_as_of``."""
    if PLACEHOLDER not in text:
        return text
    value = str(config.edition_data_as_of or "").strip()
    if not value:
        raise AsOfError(f"{PLACEHOLDER} needs edition_data_as_of in conf.py (the year the content describes, "
                        'edition_data_as_of = "2018")')
    if not _VALUE.fullmatch(value):
        raise AsOfError(f"edition_data_as_of = {value!r} in conf.py: write a year, such as \"2018\"")
    return text.replace(PLACEHOLDER, value)


class AsOfDirective(SphinxDirective):
    """A paragraph saying what date the content describes; ``{as_of}`` is conf.py's year."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        text = " ".join(" ".join(self.content).split())
        if not text:
            raise self.error("as-of: write the sentence, with {as_of} where the year goes")
        if PLACEHOLDER not in text:
            raise self.error("as-of: the sentence has no {as_of}: the year comes from conf.py "
                             "(edition_data_as_of), never written in the page")
        try:
            text = as_of_text(text, self.config)
        except AsOfError as exc:
            raise self.error(str(exc)) from None
        source, line = self.get_source_info()
        paragraph = nodes.paragraph(text, text, classes=["as-of"])
        paragraph.source, paragraph.line = source, line
        return [paragraph]
