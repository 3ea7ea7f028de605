"""The review view (``make review``): the parallel edition, with each message's
catalog entry beside it, for translators and reviewers.

For each pair (a paragraph, a heading, a list item, a cell, a chart label):

* the catalog and line to edit (``locales/zh_CN/LC_MESSAGES/economy.po:47``), as
  text to copy, and a link that opens it where an editor URL is configured
  (``make review EDITOR_URL='vscode://file{path}:{line}'``);
* its state in colour and in words: translated, fuzzy, untranslated, or missing
  from the catalog (the English is newer than the catalog: ``make update-po``);
* for a fuzzy entry, what changed in the English since it was translated (a
  word-level diff of the ``#| msgid`` against the msgid) and the translation that
  waits to be updated;
* every ``make check`` finding of the entry, the names in it that wait for the
  office's confirmation, and its ``# review:`` comments.

Each page opens with its summary (counts by state and by check, and links to
each entry that needs work, in order); the root page lists every page's counts,
then the interface catalog (sphinx.po) and the findings that belong to no page.

What translators wrote is shown as text: every value goes through docutils
nodes, which the HTML writer escapes.  The review view is built into
``_build/review/<language>/``, never into the site or ``make dist``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polib
from docutils import nodes
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from .. import editor_url
from ..catalogs.counts import entry_state
from ..catalogs.diff import diff
from ..catalogs.files import catalog_problems, display_path
from ..catalogs.lines import msgstr_lines
from ..checks.report import format_text, shorten
from ..languages import language_tag
from .catalog_guard import translations_dir
from .current_edition import profile, source_language
from .parallel import languages_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from ..checks.report import Finding

logger = logging.getLogger(__name__)

TRANSLATED, FUZZY, UNTRANSLATED, MISSING = "translated", "fuzzy", "untranslated", "missing"
STATES = (TRANSLATED, FUZZY, UNTRANSLATED, MISSING)
STATE_WORDS = {TRANSLATED: "Translated", FUZZY: "Fuzzy: not published", UNTRANSLATED: "Untranslated",
               MISSING: "Not in the catalog"}
REVIEW_COMMENT = re.compile(r"^review:\s*", re.IGNORECASE)


class review_deleted(nodes.Inline, nodes.TextElement):
    """Words of the old English that the new one dropped (``<del>``)."""


class review_inserted(nodes.Inline, nodes.TextElement):
    """Words the new English added (``<ins>``)."""


# -- What the catalogs and the checks say ------------------------------------------------------

@dataclass
class Entry:
    catalog: Catalog
    line: int
    state: str
    msgid: str
    msgstr: str = ""
    previous: str | None = None
    findings: list[Finding] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # names the office has yet to confirm
    shown: bool = False  # set when the entry is placed beside its text on a page

    @property
    def location(self) -> str:
        # a message the catalog lacks has no line yet: the file is where it goes
        return self.catalog.display if self.state == MISSING else f"{self.catalog.display}:{self.line}"

    @property
    def anchor(self) -> str:
        return f"review-{self.catalog.domain.replace('/', '-')}-{self.line}"

    @property
    def needs_work(self) -> bool:
        return self.state != TRANSLATED or any(f.is_error for f in self.findings)


@dataclass
class Catalog:
    domain: str  # "economy", "sphinx"
    path: Path
    display: str  # as make check names it: locales/zh_CN/LC_MESSAGES/economy.po
    entries: dict[str, Entry] = field(default_factory=dict)  # by msgid
    findings: list[Finding] = field(default_factory=list)  # the catalog's own (header, syntax)

    def counts(self) -> Counter[str]:
        return Counter(entry.state for entry in self.entries.values())

    def check_counts(self) -> Counter[str]:
        found = [*self.findings, *(f for e in self.entries.values() for f in e.findings)]
        return Counter(f.check for f in found)


@dataclass
class Review:
    language: str
    catalogs: dict[str, Catalog] = field(default_factory=dict)  # by domain
    other: list[Finding] = field(default_factory=list)  # findings on no catalog (the termbase)


def _comments(entry: polib.POEntry) -> list[str]:
    return [REVIEW_COMMENT.sub("", line) for line in (entry.tcomment or "").splitlines()
            if REVIEW_COMMENT.match(line)]


def _read_catalog(language_dir: Path, path: Path) -> Catalog:
    domain = path.relative_to(language_dir).with_suffix("").as_posix()
    catalog = Catalog(domain, path, display_path(path))
    if catalog_problems(path):
        return catalog  # not read (it may be too large to): the checks report why, on the catalog's line
    try:
        text = path.read_text(encoding="utf-8")
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError):
        return catalog
    line_of = msgstr_lines(text)  # where make check sends the translator too
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        catalog.entries[entry.msgid] = Entry(catalog, line_of(entry.linenum), entry_state(entry), entry.msgid,
                                             entry.msgstr,
                                             entry.previous_msgid if "fuzzy" in entry.flags else None,
                                             comments=_comments(entry))
    return catalog


def collect(config: Config, templates: Path | None) -> Review:
    """The catalogs of the edition's translation, with make check's findings on each entry."""
    from ..checks import terms
    from ..checks.runner import Options, run

    language = config.language
    locale_dir = translations_dir(config)
    language_dir = locale_dir / language / "LC_MESSAGES"
    review = Review(language)
    for path in sorted(language_dir.rglob("*.po")):
        catalog = _read_catalog(language_dir, path)
        review.catalogs[catalog.domain] = catalog
    by_display = {catalog.display: catalog for catalog in review.catalogs.values()}
    options = Options(languages=[language], locale_dir=locale_dir, pot_dir=templates,
                      conf_py=profile(config).conf_py, jobs=1)
    general, results = run(options)
    for finding in [*general, *(f for result in results for f in result.findings)]:
        catalog = by_display.get(finding.file)
        if catalog is None:
            review.other.append(finding)
        elif finding.msgid is None:
            catalog.findings.append(finding)
        elif finding.msgid in catalog.entries:
            catalog.entries[finding.msgid].findings.append(finding)
        else:  # a message of the page the catalog lacks (check: missing)
            entry = catalog.entries.setdefault(finding.msgid, Entry(catalog, finding.line, MISSING, finding.msgid))
            entry.findings.append(finding)
    termbase, _problems = terms.load(locale_dir / language / "termbase.tsv")
    if termbase is not None and termbase.pending:
        for catalog in review.catalogs.values():
            for entry in catalog.entries.values():
                entry.pending = [f"“{t.english}” → {t.translation}" for t in termbase.terms_in(entry.msgid)
                                 if t.pending]
    return review


# -- Notes beside the text ------------------------------------------------------------------------

def editor_link(config: Config, entry: Entry) -> str | None:
    template = config.edition_editor_url
    if not template or editor_url.problem(template):
        return None
    return editor_url.fill(template, str(Path(entry.catalog.path).resolve()), entry.line)


def _text(text: str, *classes: str, lang: str | None = None) -> nodes.inline:
    classes_ = [*classes, *([f"language-{lang}"] if lang else [])]
    return nodes.inline(text, text, classes=classes_)


def _diff_paragraph(old: str, new: str) -> nodes.paragraph:
    paragraph = nodes.paragraph("", "", _text("The English changed: ", "review-label"),
                                classes=["review-diff"])
    for piece in diff(old, new):
        if piece.kind == "deleted":
            paragraph += review_deleted(piece.text, piece.text)
        elif piece.kind == "inserted":
            paragraph += review_inserted(piece.text, piece.text)
        else:
            paragraph += nodes.Text(piece.text)
    return paragraph


def note(config: Config, entry: Entry, quote_source: bool = False) -> nodes.container:
    """The entry, as a reviewer needs it: where, in what state, what is wrong.
    *quote_source*: the note is not right under its text (a chart's label), so it says which."""
    box = nodes.container("", classes=["review-note", f"review-{entry.state}", "language-en"], ids=[])
    head = nodes.paragraph("", "", classes=["review-head"])
    head += _text(STATE_WORDS[entry.state], "review-state")
    errors = sorted({f.check for f in entry.findings if f.is_error and f.check not in STATES})
    if errors:  # translated, yet wrong: said as loudly as the state
        head += nodes.Text(" ")
        head += _text("Check: " + ", ".join(errors), "review-state", "review-state-error")
    head += nodes.Text(" ")
    head += nodes.literal(entry.location, entry.location, classes=["review-location"])
    if quote_source:
        head += nodes.Text(" ")
        head += _text(_shorten(entry.msgid), "review-quoted", lang=language_tag(source_language(config)))
    if url := editor_link(config, entry):
        head += nodes.Text(" ")
        head += nodes.reference("", "open in the editor", refuri=url, classes=["review-open"])
    box += head
    target = language_tag(config.language)
    if entry.state == FUZZY:
        if entry.previous is not None:
            box += _diff_paragraph(entry.previous, entry.msgid)
        else:
            box += nodes.paragraph("", "No previous English was recorded (#| msgid): compare with the text "
                                       "on the left.", classes=["review-diff"])
        if entry.msgstr:
            box += nodes.paragraph("", "", _text("Its translation, to update: ", "review-label"),
                                   _text(entry.msgstr, lang=target), classes=["review-fuzzy-text"])
    elif entry.state == MISSING:
        box += nodes.paragraph("", "This English is newer than the catalog: run `make update-po`, "
                                   "then translate it.")
    items = [(f"[{f.check}] " + ("note: " if not f.is_error else "") + f.message
              + (f"; {f.advice}" if f.advice else ""), "review-finding" if f.is_error else "review-finding-note")
             for f in entry.findings if f.check not in STATES]
    items += [(f"Name to confirm with the office: {name}", "review-pending") for name in entry.pending]
    items += [(f"Review: {comment}", "review-comment") for comment in entry.comments]
    if items:
        listing = nodes.bullet_list("", classes=["review-items"])
        for text, kind in items:
            listing += nodes.list_item("", nodes.paragraph("", text), classes=[kind])
        box += listing
    return box


def _anchor_of(node: nodes.Element) -> nodes.Element:
    """Where a note can follow: the pair itself, or the block a heading, a caption, a
    term or a chart label belongs to."""
    block: nodes.Element = node
    while block.parent is not None and not isinstance(block.parent, (
            nodes.section, nodes.document, nodes.list_item, nodes.entry, nodes.definition, nodes.field_body,
            nodes.container, nodes.Admonition, nodes.block_quote, nodes.footnote, nodes.topic, nodes.sidebar)):
        block = block.parent
    return block


def annotate(app: Sphinx, doctree: nodes.document, docname: str) -> Catalog | None:
    review = _review(app)
    catalog = review.catalogs.get(docname_to_domain(docname, app.config.gettext_compact))
    if catalog is None:
        return None
    placed: dict[int, list[nodes.Element]] = {}
    anchors: dict[int, nodes.Element] = {}
    for node in list(doctree.findall(lambda n: isinstance(n, nodes.Element) and "msgid" in n.attributes)):
        entry = catalog.entries.get(node["msgid"])
        if entry is None:
            continue
        anchor = _anchor_of(node)
        box = note(app.config, entry, quote_source=anchor is not node and "parallel-pair" not in node["classes"])
        if not entry.shown:  # the first place of a message that occurs twice is its anchor
            box["ids"] = [entry.anchor]
            entry.shown = True
        placed.setdefault(id(anchor), []).append(box)
        anchors[id(anchor)] = anchor
    for key, boxes in placed.items():
        anchor = anchors[key]
        parent = anchor.parent
        parent.insert(parent.index(anchor) + 1, boxes)
    return catalog


# -- Summaries ----------------------------------------------------------------------------------

def _counts_text(catalog: Catalog) -> str:
    counts = catalog.counts()
    parts = [f"{counts[state]} {state}" for state in STATES if counts[state] or state == TRANSLATED]
    return f"{sum(counts.values())} messages: " + ", ".join(parts)


def _checks_text(catalog: Catalog) -> str:
    checks = {check: n for check, n in catalog.check_counts().items() if check not in STATES}
    return ", ".join(f"{check} {n}" for check, n in sorted(checks.items())) or "none"


def summary(app: Sphinx, catalog: Catalog, docname: str) -> nodes.container:
    box = nodes.container("", classes=["review-summary", "language-en"])
    box += nodes.paragraph("", "", _text("Review of this page: ", "review-label"),
                           nodes.literal(catalog.display, catalog.display), nodes.Text(f", {_counts_text(catalog)}. "),
                           _text("Findings by check: ", "review-label"), nodes.Text(_checks_text(catalog) + "."))
    work = [e for e in sorted(catalog.entries.values(), key=lambda e: e.line) if e.needs_work or e.findings]
    if catalog.findings:
        box += _finding_list(catalog.findings)
    if work:
        box += nodes.paragraph("", "To look at, in order:", classes=["review-label"])
        listing = nodes.enumerated_list("", enumtype="arabic", prefix="", suffix=".")
        for entry in work:
            what = entry.state if entry.state != TRANSLATED else \
                ", ".join(sorted({f.check for f in entry.findings}))
            item = nodes.paragraph()
            if entry.shown:
                item += nodes.reference("", entry.location, refuri=f"#{entry.anchor}")
            else:
                item += nodes.literal(entry.location, entry.location)
            item += nodes.Text(f" ({what}) {_shorten(entry.msgid)}")
            listing += nodes.list_item("", item)
        box += listing
    else:
        box += nodes.paragraph("", "Nothing to do on this page.")
    elsewhere = [e for e in sorted(catalog.entries.values(), key=lambda e: e.line) if not e.shown]
    if elsewhere:  # not beside a text of the page (alt text, metadata): shown here, so none is hidden
        box += nodes.paragraph("", "Messages of this catalog not shown beside a text of the page:",
                               classes=["review-label"])
        for entry in elsewhere:
            box += nodes.paragraph("", "", _text(entry.msgid, lang=language_tag(source_language(app.config))),
                                   classes=["review-elsewhere"])
            box += note(app.config, entry)
    return box


def _shorten(text: str) -> str:
    return f"“{shorten(text, 60)}”"


def _finding_list(findings: list[Finding]) -> nodes.bullet_list:
    listing = nodes.bullet_list("", classes=["review-items"])
    for f in findings:
        text = format_text(replace(f, msgid=None))  # as make check prints it, less the msgid
        listing += nodes.list_item("", nodes.paragraph("", text),
                                   classes=["review-finding" if f.is_error else "review-finding-note"])
    return listing


def _pages_in_order(env: BuildEnvironment, root: str) -> list[str]:
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(root)
    return order + sorted(set(env.found_docs) - set(order))


def index(app: Sphinx, docname: str) -> nodes.container:
    """The review index: each page with its counts, then what belongs to no page."""
    review = _review(app)
    box = nodes.container("", classes=["review-index", "language-en"])
    box += nodes.paragraph("", "Review index: every page, with its catalog's counts and findings.",
                           classes=["review-label"])
    rows = []
    pages = set()
    for page in _pages_in_order(app.env, app.config.root_doc):
        domain = docname_to_domain(page, app.config.gettext_compact)
        catalog = review.catalogs.get(domain)
        pages.add(domain)
        title = app.env.titles[page].astext() if page in app.env.titles else page
        link = nodes.reference("", title, refuri=app.builder.get_relative_uri(docname, page))
        rows.append((link, catalog))
    listing = nodes.bullet_list("")
    for link, catalog in rows:
        if catalog is None:  # a page nobody has started: it shows in English
            listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(
                " — no catalog yet: the page shows in English; run `make update-po` to create it")))
            continue
        listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(" — "),
                                                      nodes.literal(catalog.display, catalog.display),
                                                      nodes.Text(f": {_counts_text(catalog)}; findings: "
                                                                 f"{_checks_text(catalog)}")))
    box += listing
    for catalog in review.catalogs.values():
        if catalog.domain in pages:
            continue
        # the interface and conf.py values (sphinx.po): every entry that needs work, with its note
        box += nodes.paragraph("", "", _text("Not on a page: ", "review-label"),
                               nodes.literal(catalog.display, catalog.display),
                               nodes.Text(f", {_counts_text(catalog)}; findings: {_checks_text(catalog)}"))
        if catalog.findings:
            box += _finding_list(catalog.findings)
        for entry in sorted(catalog.entries.values(), key=lambda e: e.line):
            if entry.needs_work or entry.findings or entry.comments:
                box += nodes.paragraph("", "", _text(entry.msgid, lang="en"), classes=["review-elsewhere"])
                box += note(app.config, entry)
    if review.other:
        box += nodes.paragraph("", "Findings on other files (the termbase, the templates):",
                               classes=["review-label"])
        box += _finding_list(review.other)
    return box


def _review(app: Sphinx) -> Review:
    return app._editions_review  # type: ignore[attr-defined]


# -- Wiring -----------------------------------------------------------------------------------------

def is_review(config: Config) -> bool:
    return bool(config.edition_review) and languages_of(config) is not None


def start(app: Sphinx) -> None:
    if not is_review(app.config):
        return
    if problem := editor_url.problem(app.config.edition_editor_url):
        # The driver refuses it first; a direct sphinx-build gets the same words, no link.
        logger.error("EDITOR_URL %r cannot be used: %s", app.config.edition_editor_url, problem)
    templates = Path(app.config.edition_review_templates) if app.config.edition_review_templates else None
    app._editions_review = collect(app.config, templates)  # type: ignore[attr-defined]  # not in the pickled env
    app.add_css_file("review.css")


def every_page_again(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                     removed: set[str]) -> list[str]:
    # A note depends on the whole catalog (lines, flags, comments) and on the checks:
    # each review build reads every page again.
    return sorted(env.found_docs) if is_review(app.config) else []


def place_notes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_review(app.config):
        return
    catalog = annotate(app, doctree, docname)
    # before the page's heading: the summary is the page's, the heading has its own note
    at = next((doctree.index(child) for child in doctree.children if isinstance(child, nodes.section)),
              len(doctree.children))
    if docname == app.config.root_doc:
        doctree.insert(at, index(app, docname))
    if catalog is not None:
        doctree.insert(at, summary(app, catalog, docname))


def visit_deleted(self: Any, node: review_deleted) -> None:
    self.body.append(self.starttag(node, "del", "", CLASS="review-deleted"))


def depart_deleted(self: Any, node: review_deleted) -> None:
    self.body.append("</del>")


def visit_inserted(self: Any, node: review_inserted) -> None:
    self.body.append(self.starttag(node, "ins", "", CLASS="review-inserted"))


def depart_inserted(self: Any, node: review_inserted) -> None:
    self.body.append("</ins>")


def not_shown(self: Any, node: nodes.Node) -> None:
    pass
