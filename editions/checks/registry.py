"""Every check by name: what it finds and which tool does the work.

The names are what a finding shows in brackets and what a waiver names::

    # check: allow numbers — "六百工程" is the programme's name, not a count
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    name: str
    finds: str
    source: str
    waivable: bool = True


_CHECKS = [
    Check("catalog-file", "a catalog (or anything under locales/<lang>/) that is a symbolic link or not a "
          "regular file, or too large", "ours", waivable=False),
    Check("catalog-syntax", "a catalog that GNU msgfmt rejects (quoting, encoding, ...), at its line",
          "msgfmt", waivable=False),
    Check("catalog-header", "a byte-order mark, bytes that are not UTF-8, a charset other than UTF-8, "
          "a header field twice", "ours", waivable=False),
    Check("header", "a Language that is not the folder's, or no sane Plural-Forms",
          "polib + Babel's plural table", waivable=True),
    Check("duplicate-msgid", "the same msgid twice in a catalog (at the second one)", "msgfmt", waivable=False),
    Check("templates", "no message templates to compare with (run make gettext)", "ours", waivable=False),
    Check("missing", "a message of the page's .pot that the .po lacks", "polib", waivable=False),
    Check("stale-entry", "an entry whose English is no longer in the sources", "polib", waivable=False),
    Check("stale-catalog", "a .po whose page (.pot) no longer exists", "ours", waivable=True),
    Check("untranslated", "an empty msgstr (the English shows)", "polib"),
    Check("fuzzy", "a translation of an older English text, with a word diff of what changed", "polib + difflib",
          waivable=False),  # the build ignores fuzzy translations: there is nothing to accept
    Check("obsolete", "entries (#~) kept for reference (a note, not an error)", "polib"),
    Check("size", "a translation over four times the English plus 200 characters, or with a word of "
          "over 80 letters", "ours (editions.catalogs.rules)", waivable=False),
    Check("structure", "a translation that is not one paragraph like its English (a list, heading, "
          "block): the build ignores it", "myst-parser (block tokens)", waivable=False),
    Check("markup", "inline markup of the English lost or broken: roles, code, links, emphasis, "
          "footnotes, substitutions, literal ** or backticks", "myst-parser (markdown-it tokens)"),
    Check("safety", "raw HTML, a new directive or role, javascript:/data: links, images, downloads, "
          "math/TeX, file references, changed link targets; interface tags and placeholders",
          "myst-parser tokens + ours (editions.catalogs.rules, as the build)", waivable=False),
    Check("placeholders", "%(name)s / {name} placeholders that differ from the English",
          "translate-toolkit (printf, pythonbraceformat) + msgfmt --check-format", waivable=False),
    Check("doubled-word", "a word written twice in a row", "translate-toolkit (doublewords)"),
    Check("numbers", "a quantity, year, ordinal or count of the English missing or with another value",
          "ours (English and Chinese number parsing)"),
    Check("terms", "a termbase term whose approved translation is not used", "ours (termbase.tsv)"),
    Check("typography", "ASCII punctuation, quotes or spaces in Chinese text, unbalanced “” 《》 （）, "
          "extra leading/trailing whitespace", "ours (zh_CN style guide)"),
    Check("title-marks", "《》 around a termbase term that is not a work (honour, campaign, programme, event, "
          "slogan): only works take 《》", "ours (termbase kinds; GB/T 15834-2011 4.15)"),
    Check("dates", "a Chinese date format in sphinx.po that zero-pads month or day (%m, %d) or cuts the year "
          "(%y): write %-m, %-d, %Y", "ours (GB/T 15835-2011)"),
    Check("pending", "a termbase term waiting for the office's confirmation, with the entries that use it "
          "(a note, not an error)", "ours (termbase.tsv status column)", waivable=False),
    Check("waiver", "a waiver naming an unknown check or giving no reason; a note for one no longer needed",
          "ours", waivable=False),
    Check("internal", "a check that failed on an entry (a bug in the checks: please report it)", "ours",
          waivable=False),
]

CHECKS: dict[str, Check] = {check.name: check for check in _CHECKS}

