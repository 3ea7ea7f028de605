"""TeX for values that come from translations: text, never commands.

Used wherever the extension writes a translated value into LaTeX (title,
author, date, cover, PDF metadata, chart labels, Sphinx's own LaTeX messages).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# TeX's special characters, as text.  Our own table, not Sphinx's: Sphinx fills its
# own only when its LaTeX builder starts (after conf.py's values are set, when an
# empty table escapes nothing), and writes "-" as \sphinxhyphen{}, which is wrong in
# the PDF's metadata.
_SPECIAL = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%",
    "&": r"\&", "_": r"\_", "^": r"\^{}", "~": r"\~{}",
})

#: The xcolor name of the profile's colour (conf.py ``edition_colour``).
BRAND = "editionbrand"


class TexText(str):
    """A string that is already TeX.  Sphinx's ``e`` filter in its LaTeX templates
    (``sphinx.util.texescape.escape``, which calls ``str.translate``) leaves it as it
    is, so a message escaped here is not escaped twice where Sphinx escapes it too."""

    def translate(self, table: object) -> TexText:  # type: ignore[override]
        return self


def tex_escape(text: str) -> TexText:
    """*text* as TeX that prints it: special characters escaped, control characters
    dropped, line breaks as spaces (a blank line would end the paragraph of a macro)."""
    flat = _CONTROL.sub("", str(text)).replace("\r", " ").replace("\n", " ")
    return TexText(str.translate(flat, _SPECIAL))


def colour_definition(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        raise ValueError(f"edition_colour {hex_colour!r} is not a colour like #2B5D8A")
    return rf"\definecolor{{{BRAND}}}{{HTML}}{{{value.upper()}}}"
