"""One environment, several builders: read once, written many times.

**One edition's formats.** An edition's HTML and PDF share one Sphinx environment (its
doctrees), so each source page is read once.  Sphinx writes a page when the builder that
is running read it, or when its output is older than the source; a page read again
because its catalog changed (the source did not) by the LaTeX builder would never be
written by the HTML builder that comes after it: the site would keep the old translation.
So the environment keeps, for each output folder written from it, the pages read since
(``env.edition_unwritten``, pickled with it): by folder, not by builder, so that two
editions' sites written from one environment each get their due.  An output folder
never written from this environment gets every page: a fresh environment (a clean build,
or one forgotten after a failure) has no record of what the folder holds.

**A parallel edition** is written from its translation's environment.
en-zh_CN is zh_CN's reading written another way: the same sources, the same catalogs,
the same language.  So its build reads as the zh_CN edition does, into an environment
(a doctree folder) the zh_CN edition's builds can share, and becomes the parallel
edition only when it writes:

* **reading**: from the end of config-inited until the first page is written, the
  configuration is the translation edition's: ``edition`` and every value Sphinx
  compares to keep a pickled environment (``rebuild="env"``) that a parallel edition
  shows in both languages (``project``, ``author``, ``edition_subtitle``, the names
  glossary's words: ``edition_names_words``; the EPUB's identifier, ``epub_uid``).  Sphinx
  finds zh_CN's environment up to date and reads nothing; one it reads itself is
  pickled as zh_CN's.  The doctrees carry what the parallel edition needs
  (parallel.KeepSource: each message's source, quoted, on its node);
* **writing** (write-started, after the environment is pickled): the parallel
  edition's values are back; its pages are paired as they are written
  (parallel.SetSideBySide), and the titles Sphinx collected while reading (the
  window's title, the contents, the sidebar, the links to the previous and next
  page, the names of labels) become ``<source> · <translation>``, until the build
  finishes, in this process only.

The translators' review view is a parallel edition with its own environment
(``edition_review`` differs): it reads as itself.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import new_document
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.transforms import SphinxContentsFilter
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import clean_astext

from ..edition import Edition
from ..languages import language_tag
from .current_edition import edition_of
from .epub import book_name
from .names_glossary import WORDS, said_words, words_as_translation
from .parallel import kept_source, paired_line
from .translated_config import translation_value

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

# A parallel edition's values: as its translation's edition has them (reading), and its own (writing).
_values: weakref.WeakKeyDictionary[Config, dict[str, tuple[Any, Any]]] = weakref.WeakKeyDictionary()
# What the environment said before a parallel edition's writing paired it (put back after).
_unpaired: weakref.WeakKeyDictionary[BuildEnvironment, tuple[dict, ...]] = weakref.WeakKeyDictionary()


def read_as_translation(app: Sphinx, config: Config) -> None:
    """config-inited, last: a parallel edition's configuration becomes its translation's
    edition's wherever the environment depends on it."""
    edition = edition_of(config)
    if not edition.parallel or config.edition_review:
        return
    reading = Edition(edition.language, edition.source, edition.basename)
    translation = {"edition": reading.name}
    derived = {"edition_names_words": words_as_translation,
               "epub_uid": lambda value: book_name(reading)}  # the edition's own values, set at config-inited
    for item in config.filter(frozenset({"env"})):
        value = derived[item.name](item.value) if item.name in derived else translation_value(app, item.name)
        if value is not None and value != item.value:
            translation[item.name] = value
    _values[config] = {name: (value, config[name]) for name, value in translation.items()}
    _set(config, reading=True)


def _set(config: Config, reading: bool) -> None:
    for name, (translation, written) in _values.get(config, {}).items():
        config[name] = translation if reading else written


def write_as_edition(app: Sphinx, builder: Builder) -> None:
    """write-started (the environment is pickled): the written edition's values back,
    and in a parallel edition the titles collected while reading in both languages."""
    _set(app.config, reading=False)
    if edition_of(app.config).parallel:  # a review, which reads as itself, too
        _unpaired[app.env] = pair_titles(app.env)


def read_again_as_translation(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """env-before-read-docs: another build of this application (``app.build()`` again)
    reads as the translation's edition too."""
    _set(app.config, reading=True)


def unpair_titles(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: the environment as it was read, for another build of this
    application (which pairs them again as it writes)."""
    titles, longtitles, tocs, labels = _unpaired.pop(app.env, ({}, {}, {}, {}))
    app.env.titles.update(titles)
    app.env.longtitles.update(longtitles)
    app.env.tocs.update(tocs)
    app.env.domains.standard_domain.labels.update(labels)


# -- Which pages to write ------------------------------------------------------------------------

#: The pages this build read (env-before-read-docs), per application.
_READ = "_edition_pages_read"


def note_pages_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """env-before-read-docs: the pages this builder reads."""
    setattr(app, _READ, set(docnames))


def pages_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: the pages other builds read since this output folder was last written
    (every page, if it never was); this build's reading is owed to each of the others."""
    read = getattr(app, _READ, set())
    unwritten: dict[str, set[str]] = env.__dict__.setdefault("edition_unwritten", {})
    here = str(app.outdir)
    for outdir, pages in unwritten.items():
        if outdir != here:
            pages |= read
    owed = unwritten.get(here)
    unwritten[here] = set()
    return sorted((set(env.all_docs) if owed is None else owed) & env.found_docs)


# -- The titles Sphinx collected while reading ------------------------------------------------

#: One heading (caption, term...) as it was read: its kept source, whether it was
#: translated, and its text as the translation's edition shows it (clean_astext).
Kept = tuple[nodes.Element, bool, str]


def _entry_text(title: nodes.title) -> list[nodes.Node]:
    """A title's text as Sphinx's title and contents collectors copy it."""
    visitor = SphinxContentsFilter(new_document("<title>"))
    title.walkabout(visitor)
    return visitor.get_entry_text()


def _paired(kept: Kept, shown: list[nodes.Node], config: Config) -> nodes.title:
    """The heading as the parallel edition has it, its translation as *shown*."""
    source, translated, _ = kept
    source = source.deepcopy()
    translation = [child.deepcopy() for child in (shown if translated else source.children)]
    return nodes.title("", "", *paired_line(source.children, translation, translated, config))


def pair_titles(env: BuildEnvironment) -> tuple[dict, ...]:
    """Each page's title (``env.titles``, ``env.longtitles``), its sections' entries in
    the contents (``env.tocs``) and the names of its labels (what a ``{ref}`` without a
    title shows, and objects.inv) as the parallel edition's headings say them.  Returns
    the entries it replaced."""
    config, labels = env.config, env.domains.standard_domain.labels
    kept: dict[str, dict[str, dict[str, Kept]]] = getattr(env, KeptTitles.attribute, {})
    titles, longtitles, tocs, names = {}, {}, {}, {}
    for docname, headings in kept.items():
        sections = headings["toc"]
        if "" in sections and docname in env.titles:
            title = titles[docname] = env.titles[docname]
            paired = nodes.title("", "", *_entry_text(_paired(sections[""], title.children, config)))
            if env.longtitles.get(docname) is title:  # no title of its own for the window
                longtitles[docname] = title
                env.longtitles[docname] = paired
            env.titles[docname] = paired
        if docname in env.tocs:
            tocs[docname], env.tocs[docname] = env.tocs[docname], env.tocs[docname].deepcopy()
            for reference in env.tocs[docname].findall(nodes.reference):
                if reference.get("refuri") == docname and reference.get("anchorname") in sections:
                    shown, reference.children = reference.children, []
                    reference.extend(_entry_text(_paired(sections[reference["anchorname"]], shown, config)))
    for name, (docname, labelid, text) in list(labels.items()):
        found = kept[docname]["labels"].get(labelid) if docname in kept else None
        if found is not None and found[2] == text:
            names[name] = labels[name]
            labels[name] = (docname, labelid, clean_astext(_paired(found, [nodes.Text(text)], config)))
    return titles, longtitles, tocs, names


class KeptTitles(EnvironmentCollector):
    """For each page, its headings (captions, terms...) as KeepSource kept them: for the
    contents, keyed as the contents name a section (``""`` the page's first, its title;
    ``#<id>`` the others); for the labels, by the ids of the heading and of what it
    heads (a section, a figure, a table)."""

    attribute = "editions_kept_titles"

    @classmethod
    def _store(cls, env: BuildEnvironment) -> dict[str, dict[str, dict[str, Kept]]]:
        if not hasattr(env, cls.attribute):
            setattr(env, cls.attribute, {})
        return getattr(env, cls.attribute)

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self._store(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        theirs = self._store(other)
        self._store(env).update({docname: theirs[docname] for docname in docnames if docname in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        sections: dict[str, Kept] = {}
        for number, section in enumerate(doctree.findall(nodes.section)):
            title = section[0] if section.children and isinstance(section[0], nodes.title) else None
            if title is not None and (entry := _kept(title)) is not None:
                if number == 0:
                    sections[""] = entry
                if section["ids"]:
                    sections["#" + section["ids"][0]] = entry
        owners: dict[str, Kept] = {}
        for node in doctree.findall(lambda n: isinstance(n, HEADINGS)):
            if (entry := _kept(node)) is not None:
                for holder in (node, node.parent):
                    owners.update((labelid, entry) for labelid in (holder["ids"] if holder is not None else ()))
        if sections or owners:
            self._store(app.env)[app.env.current_document.docname] = {"toc": sections, "labels": owners}


#: What a label's name may come from (sphinx.domains.std: a section's title, a rubric, a
#: figure's or a table's caption or title, a term, a field's name).
HEADINGS = (nodes.title, nodes.caption, nodes.rubric, nodes.term, nodes.field_name)


def _kept(node: nodes.Element) -> Kept | None:
    kept = kept_source(node)
    return None if kept is None else (kept[0], bool(node.get("translated")), clean_astext(node))


# -- What a page read as the translation's says in one language ------------------------------

class SayInBothLanguages(SphinxPostTransform):
    """In a parallel edition, as a page is written: the names glossary's headings and
    column heads in both languages (editions.sphinxext.names_glossary; read as the
    translation's edition, they say the translation only)."""

    default_priority = 2

    def run(self, **kwargs: Any) -> None:
        pair = edition_of(self.config).pair
        if not pair:
            return
        words = self.config.edition_names_words
        tags = [language_tag(language) for language in pair]
        for node in self.document.findall(lambda n: isinstance(n, nodes.Element) and WORDS in n.attributes):
            node.children = []
            node.extend(said_words(words[node[WORDS]], tags))
