r"""Tagged PDF/A-2a brochures: structure, alternative text, languages and metadata.

Each edition's PDF is tagged from the same XeLaTeX + xeCJK route as before, with
the LaTeX tagging project as TeX Live 2022 ships it (tagpdf 0.98, pdfmanagement
0.95): ``\DocumentMetadata{pdfstandard=a-2a, testphase=phase-II, lang=...}``
before ``\documentclass`` (``templates/latex.tex.jinja`` puts it there: Sphinx's
template has no place before the class) gives the PDF/A-2a declaration, XMP
metadata (``dc:title`` and ``dc:language`` in the edition's language, from
hyperref's ``pdftitle`` and ``pdflang``), ``/MarkInfo /Marked true``, a structure
tree whose every paragraph is a ``P``, and the running header and footer as
artifacts (tagpdf's ``exclude-header-footer``).  Phase II tags paragraphs only;
templates/tex/tagging-preamble.tex.jinja adds the layer Sphinx's LaTeX lacks, with LaTeX's hooks (so the
typesetting is untouched, pixel for pixel):

* headings: ``\section`` H1, ``\subsection`` H2, ``\subsubsection`` H3, the
  cover's title H1;
* lists: ``L``, each item an ``LI`` of its ``Lbl`` (the bullet) and ``LBody``;
* the chart: a ``Figure`` whose ``/Alt`` is the site's text alternative (its
  caption and description, ``charts.description``), then its ``Caption``;
* the key-figures panel: a ``Div`` of cards, each a ``Div`` of its figure
  (number and unit, one paragraph) and its label: read in that order;
* a parallel edition: each half of a pair a ``Div`` with its own ``/Lang``
  (paracol's columns count on separately: tagpdf's counters are made global);
* ``/ViewerPreferences /DisplayDocTitle true``: a viewer shows the title.

TeX Live 2022 has no ``pdfstandard=ua-1`` (and XeTeX no interword-space marks):
the brochures are tagged PDF/A-2a, not PDF/UA.  Tagging in XeTeX's generic mode
needs a third XeLaTeX run (latexmk does it: the marked content is located through
the .aux).  Every translated value reaches TeX as hex digits (the alternative
text) or as a checked language tag: never as TeX.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..languages import language_tag
from ..templating import render_tex
from . import charts
from .parallel import languages_of, parallel_half

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: A BCP 47 tag as it may be written into TeX and the PDF: letters, digits, hyphens.
_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")

#: The tagging layer, after the rest of the preamble: templates/tex/tagging-preamble.tex.jinja.
TEMPLATES = Path(__file__).resolve().parent / "templates" / "tex"


def document_metadata(language: str) -> str:
    """The line before ``\\documentclass``: PDF/A-2a, tagging, the document's language."""
    tag = checked_tag(language_tag(language))
    return rf"\DocumentMetadata{{pdfstandard=a-2a, testphase=phase-II, lang={tag}}}"


def checked_tag(tag: str) -> str:
    if not _TAG.fullmatch(tag):
        raise ValueError(f"{tag!r} is not a language tag (BCP 47) that the PDF can carry")
    return tag


def hex_text(text: str) -> str:
    """*text* for TeX as the hex digits of its UTF-8: nothing in it is read as TeX."""
    return " ".join(text.split()).encode("utf-8").hex()


def alternative_text(node: charts.chart, language: str) -> str:
    """The chart's text alternative, as the site's: its caption, then its description."""
    caption, _data = charts.chart_parts(node)
    return " ".join(part for part in (caption, charts.description(node, language)) if part)


class MarkHeadingLanguages(SphinxPostTransform):
    """A parallel edition's heading, ``<source> · <translation>``: each half in its own
    language (``\\editionlang``, a Span with its /Lang), before parallel.SplitListsForPrint
    (200) would make the heading one text.  The halves' text stays the writer's to escape."""

    builders = ("latex",)
    default_priority = 195

    def run(self, **kwargs: Any) -> None:
        titles = [title for title in self.document.findall(nodes.title)]
        # the first section's is the document's title (LaTeX's, set on the cover): one text
        first = next((title for title in titles if isinstance(title.parent, nodes.section)), None)
        for title in titles:
            if title is first:
                continue
            for half in [child for child in title.children if isinstance(child, nodes.inline)
                         and {"parallel-source", "parallel-target"} & set(child["classes"])]:
                tag = next((c[len("language-"):] for c in half["classes"] if c.startswith("language-")), None)
                if tag is None:
                    continue
                # not replace_self: it would give the first raw node the half's classes
                title.replace(half, [nodes.raw("", rf"\editionlang{{{checked_tag(tag)}}}{{", format="latex"),
                                     *half.children, nodes.raw("", "}", format="latex")])


class MarkForTagging(SphinxPostTransform):
    """What the tagging layer cannot know from LaTeX alone: each chart's alternative
    text (before its figure) and each parallel half's language (around its text)."""

    builders = ("latex",)
    default_priority = 210  # after parallel.SplitListsForPrint (200)

    def run(self, **kwargs: Any) -> None:
        for chart in list(self.document.findall(charts.chart)):
            alt = alternative_text(chart, self.config.language)
            chart.parent.insert(chart.parent.index(chart),
                                nodes.raw("", rf"\editionfigurealt{{{hex_text(alt)}}}" + "\n", format="latex"))
        for half in self.document.findall(parallel_half):
            tag = checked_tag(half["lang"])
            half.insert(0, nodes.raw("", rf"\editionhalf{{{tag}}}" + "\n", format="latex"))
            half.append(nodes.raw("", "\n\\editionhalfend\n", format="latex"))


def xmp_settings(config: Any) -> str:
    """What the XMP packet says, made exact: its dates (and the Info dictionary's, which
    must match them) from SOURCE_DATE_EPOCH, as the untagged PDF's were (pdfmanagement
    would take the time of the build: two builds would differ), and the subtitle one
    description (pdfmanagement splits a value at its commas: "Gongshu District,
    Hangzhou" would be two).  As pdfmanagement's own regression set-up does; the
    instance's id is the edition's and its date's (pdfmanagement hashes the time)."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    instance = uuid.uuid5(uuid.NAMESPACE_URL, f"editions:{config.project}:{config.language}:"
                          f"{config.edition if languages_of(config) else ''}:{epoch}")
    date = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).strftime("D:%Y%m%d%H%M%S-00'00'")
    return render_tex(TEMPLATES, "xmp-settings.tex.jinja",
                      date=date, instance=instance, subject=config.edition_subtitle)


def add_preamble(app: Sphinx, config: Any) -> None:
    """config-inited, after latex.configure_latex (150) has set the preamble."""
    elements = dict(config.latex_elements)
    preamble = render_tex(TEMPLATES, "tagging-preamble.tex.jinja") + xmp_settings(config)
    elements["preamble"] = elements.get("preamble", "") + "\n" + preamble
    config.latex_elements = elements


def add_document_metadata(app: Sphinx) -> None:
    """builder-inited: the template's ``documentmetadata`` (templates/latex.tex.jinja)."""
    if app.builder.name == "latex":
        app.builder.context["documentmetadata"] = document_metadata(app.config.language)
