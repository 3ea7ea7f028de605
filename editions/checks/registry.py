"""Every check by name: what it finds, how grave it is, and which tool does the work.

One rule set for every consumer: ``make check``, the build (the catalog guard
runs these same checks before Sphinx reads a catalog) and the review view.
Each finding has one severity:

* ``error`` — the edition is not published (the last good one stays);
  ``make check`` fails;
* ``warning`` — published, the English shows and the page marks it; one line
  per edition at the end of ``make``; ``ALLOW_FUZZY=0`` makes it an error (a
  release);
* ``note`` — for the record; ``make check`` prints one summary line
  (``NOTES=1`` lists them).

Only style may be waived: nothing that protects a fact, the reader or the
machine.  The names are what a finding shows in brackets and what a waiver names::

    # check: allow typography — the English quotes a code sample
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, NOTE = "error", "warning", "note"


@dataclass(frozen=True)
class Check:
    name: str
    finds: str
    source: str
    waivable: bool = False  # only style checks may be waived
    severity: str = ERROR


_CHECKS = [
    Check("catalog-file", "anything under locales/<lang>/ that is a symbolic link, not a regular file, "
          "not a plain name, or over a limit (a catalog: 1 MB, 50,000 lines, 5,000 '['; a language: 500 files, "
          "8 MB)", "ours"),
    Check("catalog-syntax", "a catalog that GNU msgfmt rejects (quoting, encoding, ...), at its line",
          "msgfmt"),
    Check("catalog-header", "a byte-order mark, bytes that are not UTF-8, a charset other than UTF-8, "
          "a header field twice, a lone carriage return, a Plural-Forms gettext can't use (1-6 forms, a short "
          "expression of n)", "ours"),
    Check("header", "a Language that is not the folder's, or no sane Plural-Forms",
          "polib + Babel's plural table"),
    Check("duplicate-msgid", "the same msgid twice in a catalog (at the second one)", "msgfmt"),
    Check("templates", "no message templates to compare with (run make gettext)", "ours"),
    Check("missing", "a message of the page's .pot that the .po lacks", "polib"),
    Check("stale-entry", "an entry whose English is no longer in the sources", "polib"),
    Check("stale-catalog", "a .po whose page (.pot) no longer exists", "ours"),
    Check("untranslated", "an empty msgstr (the English shows, marked as not yet translated)", "polib",
          severity=WARNING),
    Check("fuzzy", "a translation of an older English text, with a word diff of what changed", "polib + difflib",
          severity=WARNING),  # the build shows the English: there is nothing to waive
    Check("obsolete", "entries (#~) kept for reference", "polib", severity=NOTE),
    Check("size", "a translation over four times the English plus 200 characters, or with a word of "
          "over 80 letters", "ours (editions.catalogs.rules)"),
    Check("structure", "a translation that is not one paragraph like its English (a list, heading, "
          "block): the build ignores it", "myst-parser (block tokens)"),
    Check("markup", "inline markup of the English lost or broken: roles, code, links, emphasis, "
          "footnotes, substitutions, literal ** or backticks", "myst-parser (markdown-it tokens)"),
    Check("safety", "raw HTML, a new directive or role, javascript:/data: links, images, downloads, "
          "math/TeX, file references, changed link targets; interface tags and placeholders",
          "myst-parser tokens + ours (editions.catalogs.rules, as the build)"),
    Check("placeholders", "%(name)s / {name} placeholders that differ from the English",
          "translate-toolkit (printf, pythonbraceformat) + msgfmt --check-format"),
    Check("doubled-word", "a word written twice in a row", "translate-toolkit (doublewords)", waivable=True),
    Check("numbers", "a quantity, year, ordinal or count of the English missing or with another value",
          "ours (English and Chinese number parsing)"),
    Check("terms", "a termbase term whose approved translation is not used", "ours (termbase.tsv)", waivable=True),
    Check("typography", "ASCII punctuation, quotes or spaces in Chinese text, unbalanced “” 《》 （）, "
          "extra leading/trailing whitespace", "ours (zh_CN style guide)", waivable=True),
    Check("title-marks", "《》 around a termbase term that is not a work (honour, campaign, programme, event, "
          "slogan): only works take 《》", "ours (termbase kinds; GB/T 15834-2011 4.15)", waivable=True),
    Check("dates", "a date format in sphinx.po that renders another date (read back from two known dates: day "
          "and month swapped, a fixed date, a part of the English's dropped); in Chinese, a zero-padded month or "
          "day or a cut year (write %-m, %-d, %Y)", "Sphinx's format_date + ours (GB/T 15835-2011)"),
    Check("pending", "a termbase term waiting for the office's confirmation, with the entries that use it",
          "ours (termbase.tsv status column)", severity=NOTE),
    Check("waiver", "a waiver naming an unknown check or giving no reason; a note for one no longer needed",
          "ours"),
    Check("internal", "a check that failed on an entry (a bug in the checks: please report it)", "ours",
          waivable=False),
]

CHECKS: dict[str, Check] = {check.name: check for check in _CHECKS}

