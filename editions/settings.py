"""The extension's conf.py settings, each once: name, default, what a change rebuilds,
types, and what it is for.

``editions.sphinxext`` registers every one of them in one loop; the tools outside
Sphinx (:mod:`editions.project`) take their defaults from here.  Standard library
only: this module never imports Sphinx (``python -m editions`` runs before the
virtual environment exists).  The site's address is Sphinx's own ``html_baseurl``.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Setting(NamedTuple):
    name: str
    default: Any
    rebuild: str  # what Sphinx rebuilds when it changes: "env" (every page read again) or "html"
    types: tuple[type, ...]
    doc: str


SETTINGS: tuple[Setting, ...] = (
    # -- Which edition (the build driver passes these; a maintainer may too) ------------------
    Setting("edition", "", "env", (str,),
            "the edition this build is (en, zh_CN, en-zh_CN); empty: the language's (-D language)"),
    Setting("edition_languages", [], "html", (list, tuple),
            "the languages the site offers (switcher, alternates); empty: every language of the profile"),
    Setting("edition_pdfs", [], "html", (list, tuple),
            "the editions whose PDF brochure the site links (the driver: those built)"),
    Setting("edition_epubs", [], "html", (list, tuple),
            "the editions whose EPUB book the site links (the driver: those built)"),
    # -- The profile (conf.py) ----------------------------------------------------------------
    Setting("edition_basename", "", "env", (str,),
            "file names: <basename>-<edition>.pdf; empty: the slug of the project"),
    Setting("edition_subtitle", "", "env", (str,), "the cover's and the metadata's subtitle (translated)"),
    Setting("edition_keywords", "", "env", (str,), "the PDF's and the pages' keywords (translated)"),
    Setting("edition_colour", "#2B5D8A", "env", (str,), "covers, rules, links and charts: #RRGGBB"),
    Setting("edition_data_as_of", "", "env", (str,), "the year the content describes: {as_of} in the pages"),
    Setting("edition_translations", "locales", "env", (str,),
            "the translators' folder, relative to conf.py: <language>/LC_MESSAGES/*.po"),
    # -- Translation -----------------------------------------------------------------------------
    Setting("edition_allow_fuzzy", True, "env", (bool,),
            "False for a release (make ALLOW_FUZZY=0): a fuzzy or untranslated message stops the build"),
    # the message of editions.sphinxext.parallel.MESSAGES (its line there is the translators' reference)
    Setting("edition_untranslated_mark", "Not yet translated", "env", (str,),
            "the label of a text left untranslated; set from sphinx.po at start-up, not in conf.py"),
    # the names glossary (editions.sphinxext.names_glossary): a termbase or sphinx.po change reads every page again
    Setting("edition_names", (), "env", (tuple, list),
            "the names glossary's entries, from the termbases' confirmed names; set at start-up, not in conf.py"),
    Setting("edition_names_words", {}, "env", (dict,),
            "the names glossary's group headings and column heads, from sphinx.po; set at start-up, not in conf.py"),
    # -- The review view (make review) -----------------------------------------------------------
    Setting("edition_review", False, "env", (bool,), "build the translators' review view of a translation"),
    Setting("edition_review_templates", "", "env", (str,), "make gettext's templates, for make check's findings"),
    Setting("edition_editor_url", "", "env", (str,),
            "an editor link for each entry, e.g. vscode://file{path}:{line} (EDITOR_URL, never a catalog)"),
)

BY_NAME = {setting.name: setting for setting in SETTINGS}


def defaults() -> dict[str, Any]:
    """Each setting's default, for readers of conf.py outside Sphinx."""
    return {setting.name: setting.default for setting in SETTINGS}
