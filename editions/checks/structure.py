"""Structure: a page's translation is one paragraph like its English, not a list,
heading or block, which Sphinx would silently ignore (the build's own rule,
``editions.catalogs.rules.structure_problem``)."""

from __future__ import annotations

from ..catalogs import rules
from .registry import PAGES, Message, Problem, content_check


@content_check("structure", "a translation that is not one paragraph like its English (a list, heading, "
               "block): the build ignores it", "myst-parser (block tokens)", order=20, catalogs=PAGES)
def find(message: Message) -> Problem | None:
    return rules.structure_problem(*message.parsed)
