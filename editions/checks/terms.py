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

import re
from dataclasses import dataclass
from pathlib import Path

from ..catalogs import display_path
from ..catalogs.markup import OBJECT
from .registry import Message, Problem, content_check
from .report import NOTE, Finding

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
        self._by_key = {_key(term.english): term for term in terms}
        # The lengths (in tokens) of the terms that start with each token, longest first:
        # at each token of a text only those are looked up, so finding the terms is
        # linear in the text, whatever the size of the termbase (one pattern of all
        # terms, tried at every word, took 120 s for 60,000 terms).
        lengths: dict[str, set[int]] = {}
        for key in self._by_key:
            if tokens := _TOKEN.findall(key):
                lengths.setdefault(tokens[0], set()).add(len(tokens))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        self._cache: dict[str, tuple[Term, ...]] = {}
        # the terms that may never stand in 《》, longest first
        self.not_works = sorted((t for t in terms if t.kind in NOT_WORKS),
                                key=lambda t: len(t.translation), reverse=True)

    @property
    def pending(self) -> list[Term]:
        return [term for term in self.terms if term.pending]

    def _term_for(self, key: str) -> Term | None:
        """The term *key* (normalised text) is, or the plural (-s, -es) of."""
        if key in self._by_key:
            return self._by_key[key]
        for suffix in ("s", "es"):
            term = self._by_key.get(key.removesuffix(suffix)) if key.endswith(suffix) else None
            if term is not None and term.english[-1:].isalpha():
                return term
        return None

    def _longest_at(self, text: str, tokens: list[re.Match[str]], index: int) -> tuple[int, Term] | None:
        """The longest term that starts at token *index* of *text*: (its last token, the term)."""
        first = tokens[index]
        if first.start() and _WORD_CHARACTER.match(text, first.start() - 1):
            return None  # inside a word
        word = first.group().lower()
        lengths = self._lengths.get(word, [])
        if 1 not in lengths and (word.endswith("s") or word.endswith("es")):
            lengths = [*lengths, 1]  # a plural of a one-word term
        for length in lengths:
            last = index + length - 1
            if last >= len(tokens):
                continue
            end = tokens[last].end()
            if end < len(text) and _WORD_CHARACTER.match(text, end):
                continue
            if term := self._term_for(_key(text[first.start():end])):
                return last, term
        return None

    def terms_in(self, text: str) -> tuple[Term, ...]:
        """The terms of *text*: longest first, overlapping shorter ones left out."""
        if text not in self._cache:
            self._cache[text] = tuple(term for _start, _end, term in self.spans_in(text))
        return self._cache[text]

    def spans_in(self, text: str) -> tuple[tuple[int, int, Term], ...]:
        """Where the terms of *text* are, in order: (start, end, term), as terms_in finds them."""
        tokens = list(_TOKEN.finditer(text))
        candidates = []  # (first token, last token, term): at each token its longest term
        for index in range(len(tokens)):
            if found := self._longest_at(text, tokens, index):
                candidates.append((index, *found))
        # Longest (in characters) first; one that overlaps a term already chosen is left out.
        taken = bytearray(len(tokens))
        chosen = []
        for first, last, term in sorted(candidates, key=lambda c: (tokens[c[0]].start() - tokens[c[1]].end(),
                                                                   c[0])):
            if not any(taken[first:last + 1]):
                taken[first:last + 1] = b"\1" * (last + 1 - first)
                chosen.append((first, last, term))
        return tuple((tokens[first].start(), tokens[last].end(), term)
                     for first, last, term in sorted(chosen, key=lambda c: c[0]))


#: A word or a single punctuation mark: what terms and texts are compared by.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_CHARACTER = re.compile(r"\w")


def _key(text: str) -> str:
    """*text* as a termbase key: lower case, whitespace as one space."""
    return " ".join(text.lower().split())


#: Bounds: the termbase is read by every check of every entry, and the Chinese editions'
#: search splits words with it (jieba's dictionary takes the square of a term's length).
MAX_TERMBASE_BYTES = 1024 * 1024
MAX_TERMS = 5_000
MAX_TERM_CHARACTERS = 100


def load(path: Path) -> tuple[Termbase | None, list[Finding]]:
    """The termbase, and what is wrong with it (a missing file is a finding)."""
    display = display_path(path)
    header_line = "\t".join(HEADER)
    if not path.is_file():
        return None, [Finding(
            display, 1, "terms", "there is no termbase for this language",
            f"create {display} with the header line `{header_line.replace(chr(9), '<TAB>')}` "
            "and one term a line (tab-separated)", severity=NOTE)]  # no names to keep: nothing is wrong
    if (size := path.stat().st_size) > MAX_TERMBASE_BYTES:
        return None, [Finding(display, 1, "terms", f"the termbase is {size / 1024 / 1024:.1f} MB; it may be at "
                              f"most {MAX_TERMBASE_BYTES // 1024 // 1024} MB ({MAX_TERMS:,} terms)",
                              "keep the names and terms of the pages in it, one a line")]
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
    rows = 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if (rows := rows + 1) > MAX_TERMS:
            return None, [*findings, Finding(display, number, "terms", f"the termbase has more than {MAX_TERMS:,} "
                                             f"terms; it may have at most {MAX_TERMS:,}",
                                             "keep the names and terms of the pages in it")]
        columns = [c.strip() for c in line.split("\t")]
        if long := next((c for c in columns[:2] if len(c) > MAX_TERM_CHARACTERS), None):
            findings.append(Finding(display, number, "terms", f"a term of {len(long):,} characters; a term may "
                                    f"have at most {MAX_TERM_CHARACTERS}", "shorten it (a term is a name, "
                                    "not a sentence); it is not used until then"))
            continue
        if len(columns) < 2 or not columns[0] or not columns[1]:
            findings.append(Finding(display, number, "terms",
                                    "a term needs an English and a Chinese column",
                                    f"separate the columns with tabs: {columns_help}"))
            continue
        columns += [""] * (len(layout) - len(columns))
        row = dict(zip(layout[:-1], columns, strict=False))  # the columns past the layout are the note
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


@content_check("terms", "a termbase term whose approved translation is not used", "ours (termbase.tsv)",
               order=80, waivable=True, needs_termbase=True)
def find(message: Message) -> Problem | None:
    visible_id, visible_str = message.visible
    assert message.context.termbase is not None
    return problem(message.context.termbase, visible_id.replace(OBJECT, " "), visible_str)
