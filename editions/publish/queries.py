"""``make queries``: one letter to the office with every question the translation still has.

``python -m editions queries OUTDIR [LANGUAGE...]`` writes, for each translation,
``OUTDIR/<language>.html`` and ``OUTDIR/<language>.pdf``: a short letter in the
language of the translation (in Chinese: 致<the office>：…), one numbered question
a line of the office's answer, built from what the translators already keep:

* each term of ``locales/<language>/termbase.tsv`` whose status is ``pending``: its
  English, the proposed translation, where it is used (the page, and the
  catalog:line of each message whose English names it, as ``make check``'s
  ``pending`` notes find them) and a blank for the answer;
* each ``# review: ask the office: …`` note of the catalogs that is not about one of
  those names (a figure, a sentence, a formula): the note's question, where it is,
  and a blank.  A note is about a name when its entry uses a pending term and the
  note names it (its English or its translation) or says "pending in the termbase".

When the office answers, the translator writes the answer into the termbase (the
name corrected if need be, the status emptied) and removes the entry's ``ask the
office`` line: the question leaves the letter, and ``make check``'s ``terms`` check
names every message that does not use the corrected name yet.

Everything in the letter comes from contributors' files (the termbase, the
catalogs): it is text, escaped for HTML and for TeX where it lands (the templates'
environments, editions.templating: templates/queries-letter.*.jinja), never markup.
The PDF is a small standalone XeLaTeX document, run by ``latexmk.build_pdf``
(locked down like the brochures).  A catalog or termbase that ``make check`` refuses
as a file (too large, a link, bad bytes) is left out and said so; nothing else stops
the letter.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalogs.files import (
    CatalogError,
    catalog_problems,
    display_path,
    folder_problems,
    language_catalogs,
    non_regular_files,
    parse,
)
from ..catalogs.lines import msgstr_lines
from ..checks import terms
from ..dates import source_date_epoch
from ..languages import cjk_region, is_cjk, language_tag
from ..project import Project, literal_settings, load
from ..templating import render_html, render_tex
from .latexmk import PdfError, build_pdf

if TYPE_CHECKING:
    import polib

#: A translator's note that asks the office something: "# review: ask the office: …"
_ASK = re.compile(r"^\s*review:\s*ask the office\b(?:\s*\([^)]*\))?\s*[:：]?\s*(?P<question>.*)$", re.IGNORECASE)
_PENDING_NOTE = re.compile(r"pending in the termbase", re.IGNORECASE)
#: The interface catalog: not a page.
INTERFACE = "sphinx"


@dataclass(frozen=True)
class Use:
    page: str  # the page's title in the translation ("经济基础扎实"), or the interface's name
    catalog: str  # "economy.po" (the progress page counts an entry's questions by catalog)
    line: int  # its msgstr line, as make check names it

    @property
    def where(self) -> str:
        return f"{self.catalog}:{self.line}"  # "economy.po:52"


@dataclass
class Question:
    text: str  # a term's English, or a note's question
    proposed: str = ""  # a term's proposed translation
    uses: list[Use] = field(default_factory=list)
    is_term: bool = False


@dataclass
class Letter:
    language: str
    title: str  # the profile's title in the translation
    addressee: str  # the author (the office) in the translation
    date: dt.date
    terms: list[Question]
    others: list[Question]
    left_out: list[str]  # files not read, with the reason

    @property
    def questions(self) -> list[Question]:
        return [*self.terms, *self.others]


#: The letter's words, by language (the first part of its code); English otherwise.
WORDS = {
    "zh": {
        "heading": "关于《{title}》{language_name}待确认事项的函",
        "language_name": "中文版",
        "to": "致{addressee}：",
        "intro": ("《{title}》{language_name}由英文文本译出。以下名称和表述无法通过公开资料核实，"
                  "现逐项列出，恳请贵办确认。请在每项“答复”处写明正确的写法；拟用写法无误的，写“无误”即可。"
                  "如能提供英文文本所据的中文原文，多数问题可一并解决。"),
        "terms": "一、名称（{count}项）",
        "others": "二、其他问题（{count}项）",
        "none": "目前没有待确认的事项。",
        "english": "英文：",
        "proposed": "拟用写法：",
        "question": "问题：",
        "where": "出现位置：",
        "unused": "（正文中暂未使用）",
        "answer": "答复：",
        "blank": "＿" * 20,
        "from": "《{title}》编译组",
        "date": "{year}年{month}月{day}日",
        "interface": "网站界面",
        "list_separator": "；",
        "where_format": "{page}（{where}）",
        "thanks": "此致\n敬礼！",
    },
    "en": {
        "heading": "{title}: questions for the office about the {language_name}",
        "language_name": "translation",
        "to": "To: {addressee}",
        "intro": ("The {language_name} of “{title}” was made from the English text. The names and statements "
                  "below could not be verified from public sources: please confirm each one, writing the right "
                  "form under “Answer” (or “correct” if the proposed form is right). The original text the "
                  "English was made from would settle most of them at once."),
        "terms": "1. Names ({count})",
        "others": "2. Other questions ({count})",
        "none": "There is nothing to confirm at present.",
        "english": "English: ",
        "proposed": "Proposed: ",
        "question": "Question: ",
        "where": "Where: ",
        "unused": "(not used in the text yet)",
        "answer": "Answer: ",
        "blank": "_" * 40,
        "from": "The translators of “{title}”",
        "date": "{year}-{month:02d}-{day:02d}",
        "interface": "site interface",
        "list_separator": "; ",
        "where_format": "{page} ({where})",
        "thanks": "",
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language.split("_")[0].split("@")[0], WORDS["en"])


# -- Reading: the termbase and the catalogs ---------------------------------------------

@dataclass(frozen=True)
class Catalog:
    """A catalog read once: its text and entries, or why it cannot be read (the progress
    page counts the same reading)."""
    path: Path
    text: str = ""
    po: polib.POFile | None = None
    problem: CatalogError | None = None


def read_catalogs(paths: list[Path]) -> list[Catalog]:
    catalogs = []
    for path in paths:
        if problems := catalog_problems(path):
            catalogs.append(Catalog(path, problem=problems[0]))
            continue
        text = path.read_text(encoding="utf-8")
        try:
            catalogs.append(Catalog(path, text, parse(path, text)))
        except CatalogError as exc:
            catalogs.append(Catalog(path, problem=exc))
    return catalogs


def _translations(catalogs: list[Catalog]) -> dict[str, str]:
    """msgid -> msgstr of the interface catalog (the title and author of conf.py)."""
    found: dict[str, str] = {}
    for catalog in catalogs:
        if catalog.path.stem == INTERFACE and catalog.po is not None:
            found = {e.msgid: e.msgstr for e in catalog.po if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}
    return found


def _page_title(po: polib.POFile, stem: str, language: str) -> str:
    if stem == INTERFACE:
        return words(language)["interface"]
    for entry in po:
        if not entry.obsolete:  # a page's first message is its title
            return " ".join((entry.msgstr if entry.msgstr and "fuzzy" not in entry.flags else entry.msgid).split())
    return stem


def _page_order(path: Path) -> tuple[int, str]:
    """The home page first, the pages by name, the interface last."""
    return (0 if path.stem == "index" else 2 if path.stem == INTERFACE else 1, path.name)


def _about_a_name(note: str, used: list[terms.Term]) -> bool:
    """A note asks about a name when it says so ("… Pending in the termbase", the style
    guide's convention) on an entry that uses a pending term: the name's own question
    asks it.  Any other question (a figure, a sentence, even one that quotes a name) is
    asked on its own."""
    return bool(used) and bool(_PENDING_NOTE.search(note))


def read_letter(project: Project, language: str, catalogs: list[Catalog] | None = None) -> Letter:
    """The letter of *language*, from its termbase and its *catalogs* (read here if not given)."""
    folder = project.translations / language
    left_out: list[str] = []
    refused = non_regular_files(folder) + folder_problems(folder) if folder.is_dir() else []
    for problem in refused:
        left_out.append(problem.report())
    termbase, findings = terms.load(folder / "termbase.tsv")
    if termbase is None:
        left_out += [f"{f.file}:{f.line}: {f.message}" for f in findings]
        termbase = terms.Termbase(folder / "termbase.tsv", [])
    pending = termbase.pending
    questions = {term.english: Question(term.english, term.translation, is_term=True) for term in pending}
    others: dict[str, Question] = {}
    if refused:
        catalogs = []
    elif catalogs is None:
        catalogs = read_catalogs(language_catalogs(project.translations, language))
    catalogs = sorted(catalogs, key=lambda catalog: _page_order(catalog.path))
    for catalog in catalogs:
        if catalog.po is None:
            left_out.append(catalog.problem.report())
            continue
        path, po = catalog.path, catalog.po
        line_of = msgstr_lines(catalog.text)
        page = _page_title(po, path.stem, language)
        for entry in po:
            if entry.obsolete:
                continue
            use = Use(page, path.name, line_of(entry.linenum))
            used = [term for term in dict.fromkeys(termbase.terms_in(entry.msgid)) if term.pending]
            for term in used:
                if use not in questions[term.english].uses:
                    questions[term.english].uses.append(use)
            for comment in (entry.tcomment or "").splitlines():
                match = _ASK.match(comment)
                if not match or not match["question"].strip() or _about_a_name(comment, used):
                    continue
                question = others.setdefault(" ".join(match["question"].split()),
                                             Question(" ".join(match["question"].split())))
                if use not in question.uses:
                    question.uses.append(use)
    interface = _translations(catalogs)
    settings = literal_settings(project.root / "conf.py")
    title = str(settings.get("project") or project.title)
    author = str(settings.get("author") or "")
    return Letter(
        language=language,
        title=interface.get(title, title),
        addressee=interface.get(author, author),
        date=dt.datetime.fromtimestamp(source_date_epoch(project.root), tz=dt.UTC).date(),
        terms=list(questions.values()),
        others=list(others.values()),
        left_out=left_out,
    )


# -- Writing: HTML and TeX ------------------------------------------------------------------

def _filled(letter: Letter) -> dict[str, str]:
    """The letter's fixed words with its title, addressee and date put in (still plain text)."""
    w = words(letter.language)
    values = {"title": letter.title, "addressee": letter.addressee, "language_name": w["language_name"]}
    filled = {key: value.replace("{title}", values["title"]).replace("{addressee}", values["addressee"])
              .replace("{language_name}", values["language_name"]) for key, value in w.items()}
    filled["date"] = w["date"].format(year=letter.date.year, month=letter.date.month, day=letter.date.day)
    return filled


def _where(question: Question, w: dict[str, str]) -> str:
    if not question.uses:
        return w["unused"]
    return w["list_separator"].join(w["where_format"].format(page=use.page, where=use.where)
                                    for use in question.uses)


def _lines(question: Question, w: dict[str, str]) -> list[tuple[str, str]]:
    """A question as (label, text) lines, the answer's blank last."""
    if question.is_term:
        lines = [(w["english"], question.text), (w["proposed"], question.proposed)]
    else:
        lines = [(w["question"], question.text)]
    return [*lines, (w["where"], _where(question, w)), (w["answer"], w["blank"])]


TEMPLATES = Path(__file__).resolve().parent / "templates"


def _sections(letter: Letter, w: dict[str, str]) -> list[dict[str, Any]]:
    """The letter's questions: the names, then the other questions, numbered on."""
    sections, number = [], 1
    for heading, questions in ((w["terms"], letter.terms), (w["others"], letter.others)):
        if not questions:
            continue
        numbered = []
        for question in questions:
            lines = [{"label": label, "text": text, "answer": label == w["answer"]}
                     for label, text in _lines(question, w)]
            numbered.append({"number": number, "lines": lines})
            number += 1
        sections.append({"heading": heading.replace("{count}", str(len(questions))),
                         "start": numbered[0]["number"], "questions": numbered})
    return sections


def _letter_values(letter: Letter) -> dict[str, Any]:
    w = _filled(letter)
    return {"w": w, "sections": _sections(letter, w), "no_questions": not letter.questions,
            "thanks": w["thanks"].splitlines() if w["thanks"] else [], "left_out": letter.left_out}


def html_letter(letter: Letter) -> str:
    return render_html(TEMPLATES, "queries-letter.html.jinja", tag=language_tag(letter.language),
                       **_letter_values(letter))


def tex_letter(letter: Letter) -> str:
    return render_tex(TEMPLATES, "queries-letter.tex.jinja",
                      region=cjk_region(letter.language) if is_cjk(letter.language) else "",
                      **_letter_values(letter))


# -- The command -----------------------------------------------------------------------------

def write(project: Project, language: str, out: Path, pdf: bool = True) -> tuple[Path, Path | None]:
    letter = read_letter(project, language)
    for reason in letter.left_out:
        print(f"queries {language}: left out: {reason}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    html = out / f"{language}.html"
    html.write_text(html_letter(letter), encoding="utf-8")
    if not pdf:
        return html, None
    latex_dir = out / f"latex-{language}"
    shutil.rmtree(latex_dir, ignore_errors=True)
    latex_dir.mkdir(parents=True)
    (latex_dir / f"queries-{language}.tex").write_text(tex_letter(letter), encoding="utf-8")
    built = build_pdf(latex_dir, project)
    target = out / f"{language}.pdf"
    shutil.copyfile(built, target)
    count = len(letter.questions)
    print(f"{language} queries {display_path(html)}, {display_path(target)} "
          f"({len(letter.terms)} name{'s' if len(letter.terms) != 1 else ''}, "
          f"{count - len(letter.terms)} other question{'s' if count - len(letter.terms) != 1 else ''})")
    return html, target


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python -m editions queries OUTDIR [LANGUAGE...]", file=sys.stderr)
        return 2
    project = load()
    out = Path(argv[0])
    languages = project.translations_of(project.requested(argv[1:]))
    status = 0
    for language in languages:
        try:
            write(project, language, out)
        except PdfError as exc:
            print(f"queries {language}: the HTML is written ({display_path(out / (language + '.html'))}); "
                  f"the PDF is not: {exc}", file=sys.stderr)
            status = 1
    return status
