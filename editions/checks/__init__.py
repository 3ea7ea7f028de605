"""``make check``: translation checks that tell a translator exactly what is wrong.

One finding a line, ``file:line: [check] what is wrong; what to do (msgid: "…")``,
for every catalog of the languages asked for.  Modules:

* ``registry`` — every check's name, what it finds, which tool does it;
* ``health`` — msgfmt syntax, duplicates, header (catalog-syntax, duplicate-msgid, header);
* ``sync`` — against the templates: missing, stale-entry, untranslated, fuzzy, obsolete, stale-catalog;
* ``myst`` — a message parsed as myst-parser parses it; ``markup`` and ``safety`` compare parses;
* ``pofilter`` — translate-toolkit's placeholder and doubled-word checks;
* ``numbers`` — English and Chinese quantities compared as values;
* ``terms`` — the termbase (and its ``pending`` notes); ``typography`` — Chinese punctuation
  and spacing; ``title_marks`` — 《》 only for works; ``dates`` — unpadded Chinese dates;
* ``waivers`` — ``# check: allow <check> — <reason>``;
* ``runner`` — runs them all; ``report`` — text, JSON and GitHub output; ``cli``; ``bench``.
"""
