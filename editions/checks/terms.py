"""Termbase: a term of the English must be translated the approved way.

``locales/<lang>/termbase.tsv`` has one term a line, tab-separated, under the
header ``english<TAB>chinese<TAB>kind<TAB>status<TAB>note`` (the older
``english<TAB>chinese<TAB>kind<TAB>note``, without status, is read too).  When a
term occurs in a msgid (case-insensitive, whole words, an English plural -s/-es
allowed), its approved translation must occur in the msgstr.  Longer terms win:
in "Grand Canal Sub-district" only that term counts, not "Sub-district" too.

``kind`` is one of ``KINDS`` (or empty): the ``title-marks`` check knows from it
which terms are works (``work``: 《》 allowed) and which never are.  ``status``
is empty (or ``approved``) for a confirmed term and ``pending`` for one that
waits for the office's confirmation: ``make check`` lists those as notes
(``pending``), with the entries that use them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from ..catalogs import display_path
from .report import Finding

HEADER = ("english", "chinese", "kind", "status", "note")
LEGACY_HEADER = ("english", "chinese", "kind", "note")  # before the status column

#: What a term names.  ``work``: a book, newspaper, film... (the only kind that
#: takes 《》, GB/T 15834-2011 4.15); the kinds of ``NOT_WORKS`` never do.
KINDS = ("place", "community", "road", "river", "organisation", "company", "work",
         "honour", "campaign", "programme", "event", "slogan", "term")
NOT_WORKS = frozenset({"honour", "campaign", "programme", "event", "slogan"})
APPROVED, PENDING = "approved", "pending"
STATUSES = ("", APPROVED, PENDING)


@dataclass(frozen=True)
class Term:
    english: str
    translation: str
    kind: str
    note: str
    line: int
    status: str = ""

    @property
    def pending(self) -> bool:
        return self.status == PENDING


class Termbase:
    def __init__(self, path: Path, terms: list[Term]) -> None:
        self.path = path
        self.display = display_path(path)
        self.terms = terms
        self._by_key = {" ".join(term.english.lower().split()): term for term in terms}
        # One pattern for all terms, tried at every word start (a lookahead, so that
        # overlapping matches are all seen); at each position the longest term wins.
        alternatives = []
        for term in sorted(terms, key=lambda t: len(t.english), reverse=True):
            escaped = re.escape(term.english).replace(r"\ ", r"\s+")
            plural = r"(?:s|es)?" if term.english[-1:].isalpha() else ""
            alternatives.append(f"{escaped}{plural}(?!\\w)")
        self._pattern = (re.compile(r"(?<!\w)(?=(" + "|".join(alternatives) + "))", re.IGNORECASE)
                         if alternatives else None)
        self._cache: dict[str, tuple[Term, ...]] = {}
        # the terms that may never stand in 《》, longest first
        self.not_works = sorted((t for t in terms if t.kind in NOT_WORKS),
                                key=lambda t: len(t.translation), reverse=True)

    @property
    def pending(self) -> list[Term]:
        return [term for term in self.terms if term.pending]

    def _term_for(self, matched: str) -> Term | None:
        key = " ".join(matched.lower().split())
        for candidate in (key, key[:-1], key[:-2]):
            if candidate in self._by_key:
                return self._by_key[candidate]
        return None

    def terms_in(self, text: str) -> tuple[Term, ...]:
        """The terms of *text*: longest first, overlapping shorter ones left out."""
        if text in self._cache:
            return self._cache[text]
        if self._pattern is None:
            return ()
        candidates = []
        for match in self._pattern.finditer(text):
            term = self._term_for(match.group(1))
            if term is not None:
                candidates.append((match.start(), match.start() + len(match.group(1)), term))
        # Longest first; a candidate overlapping one already chosen is left out.  The
        # chosen spans never overlap, so sorted by start their ends are sorted too:
        # the two neighbours of a candidate are all it can overlap (linear in the text).
        starts: list[int] = []
        spans: list[tuple[int, int, Term]] = []
        for start, end, term in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            at = bisect.bisect_left(starts, start)
            if at > 0 and spans[at - 1][1] > start or at < len(spans) and spans[at][0] < end:
                continue
            starts.insert(at, start)
            spans.insert(at, (start, end, term))
        result = tuple(term for _, _, term in spans)
        self._cache[text] = result
        return result


def load(path: Path) -> tuple[Termbase | None, list[Finding]]:
    """The termbase, and what is wrong with it (a missing file is a finding)."""
    display = display_path(path)
    header_line = "\t".join(HEADER)
    if not path.is_file():
        return None, [Finding(
            display, 1, "terms", "there is no termbase for this language",
            f"create {display} with the header line `{header_line.replace(chr(9), '<TAB>')}` "
            "and one term a line (tab-separated)")]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Finding(display, 1, "terms", f"cannot read the termbase ({exc})",
                              "save it as UTF-8 text, tab-separated")]
    findings: list[Finding] = []
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    lines = text.splitlines()
    first = tuple(c.strip().lower() for c in lines[0].split("\t")) if lines else ()
    if first[:5] == HEADER:
        layout = HEADER
        start = 1
    elif first[:4] == LEGACY_HEADER:
        layout = LEGACY_HEADER
        start = 1
    else:
        layout = HEADER
        findings.append(Finding(display, 1, "terms", "the first line is not the header",
                                f"start the file with `{header_line.replace(chr(9), '<TAB>')}` "
                                "(columns separated by tabs)"))
        start = 0 if lines and "\t" in lines[0] and lines[0].split("\t")[0].strip().lower() != "english" else 1
    columns_help = "<TAB>".join(layout)
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [c.strip() for c in line.split("\t")]
        if len(columns) < 2 or not columns[0] or not columns[1]:
            findings.append(Finding(display, number, "terms",
                                    "a term needs an English and a Chinese column",
                                    f"separate the columns with tabs: {columns_help}"))
            continue
        columns += [""] * (len(layout) - len(columns))
        row = dict(zip(layout[:-1], columns))
        row["note"] = "\t".join(columns[len(layout) - 1:]).strip()
        kind, status = row["kind"].lower(), row.get("status", "").lower()
        if kind and kind not in KINDS:
            findings.append(Finding(display, number, "terms", f"{row['english']!r} has the kind {row['kind']!r}, "
                                    "which the checks do not know",
                                    "use one of " + ", ".join(KINDS) + " (see the style guide, §6)"))
        if status not in STATUSES:
            findings.append(Finding(display, number, "terms", f"{row['english']!r} has the status "
                                    f"{row.get('status')!r}",
                                    f"write `{PENDING}` (waiting for confirmation) or leave it empty "
                                    f"(or `{APPROVED}`)"))
            status = ""
        term = Term(row["english"], row["chinese"], kind, row["note"], number, status)
        key = " ".join(term.english.lower().split())
        if key in seen:
            if seen[key].translation != term.translation:
                findings.append(Finding(
                    display, number, "terms",
                    f"{term.english!r} is already in the termbase (line {seen[key].line}) "
                    f"as {seen[key].translation!r}, here as {term.translation!r}",
                    "keep one approved translation per term"))
            continue
        seen[key] = term
        terms.append(term)
    return Termbase(path, terms), findings


def problem(termbase: Termbase, msgid_text: str, msgstr: str) -> tuple[str, str] | None:
    """The approved translations of *msgid_text*'s terms that *msgstr* lacks."""
    translation = msgstr.lower()
    missing = [term for term in dict.fromkeys(termbase.terms_in(msgid_text))
               if term.translation.lower() not in translation]
    if not missing:
        return None
    listed = "; ".join(f"“{t.english}” → {t.translation} ({termbase.display}:{t.line})" for t in missing)
    one = len(missing) == 1
    return (f"the approved translation of {'a term is' if one else 'terms are'} not used: {listed}",
            f"use the termbase's wording, or, if the termbase is wrong, correct {termbase.display}")
