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
``PREAMBLE`` adds the layer Sphinx's LaTeX lacks, with LaTeX's hooks (so the
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
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..languages import language_tag
from . import charts
from .parallel import languages_of, parallel_half
from .tex import tex_escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: A BCP 47 tag as it may be written into TeX and the PDF: letters, digits, hyphens.
_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")

#: The tagging layer, after the rest of the preamble (tagpdf and paracol are loaded).
#: It uses a few of tagpdf 0.98's internals (the paragraph flag and tag, the counts of
#: paragraph hooks): pinned with TeX Live 2022.
PREAMBLE = r"""
\hypersetup{pdfdisplaydoctitle=true}
\makeatletter
\ExplSyntaxOn
% paracol keeps a column's counters apart; tagpdf numbers its structure elements and
% marked content with counters that must run on across both columns
\@ifpackageloaded{paracol}
  {\globalcounter{g__tag_struct_abs_int}\globalcounter{g__tag_MCID_abs_int}
   \globalcounter{g__tag_parenttree_obj_int}}{}
% a column's page (paracol makes each with \@makecol) continues that column's marked
% content: tagpdf reopens a paragraph broken across a page from the marks of the last
% page it made, which paracol's next column shares; each column keeps its own
\cs_new_protected:Npn \__edition_column_marks_in:
  {
    \legacy_if:nT {pcol@output}
      {
        \seq_if_exist:cF { g__edition_column_\int_use:N \pcol@currcol _marks_seq }
          { \seq_new:c { g__edition_column_\int_use:N \pcol@currcol _marks_seq } }
        \seq_gset_eq:Nc \g__tag_mc_main_marks_seq
          { g__edition_column_\int_use:N \pcol@currcol _marks_seq }
      }
  }
\cs_new_protected:Npn \__edition_column_marks_out:
  {
    \legacy_if:nT {pcol@output}
      {
        \seq_gset_eq:cN { g__edition_column_\int_use:N \pcol@currcol _marks_seq }
          \g__tag_mc_main_marks_seq
      }
  }
\@ifpackageloaded{paracol}
  {
    \AddToHook{begindocument/before}
      {
        \tl_put_left:Nn \@kernel@before@cclv { \__edition_column_marks_in: }
        \tl_put_right:Nn \@kernel@before@cclv { \__edition_column_marks_out: }
      }
  }{}
% -- what the next paragraph is (our para/begin code runs before tagpdf's) --------------
\tl_new:N \g__edition_next_tag_tl      % H1, H2, H3: the next tagged paragraph is a heading
\bool_new:N \l__edition_tagged_bool
\cs_new_protected:Npn \__edition_take_tag: % this paragraph is the heading
  {
    \tl_set_eq:NN \l__tag_para_tag_tl \g__edition_next_tag_tl
    \tl_gclear:N \g__edition_next_tag_tl
    \bool_set_true:N \l__edition_tagged_bool
  }
\AddToHook{para/begin}[edition/tagging]
  {
    \bool_if:NT \l__tag_para_bool
      {
        \tl_if_empty:NF \g__edition_next_tag_tl { \__edition_take_tag: }
      }
    \__edition_item_label:
  }
\DeclareHookRule{para/begin}{edition/tagging}{before}{tagpdf}
\AddToHook{para/end}[edition/tagging]
  {
    \bool_if:NT \l__edition_tagged_bool % the next paragraph of the group is a P again
      {
        \tl_set:Nn \l__tag_para_tag_tl { \l__tag_para_tag_default_tl }
        \bool_set_false:N \l__edition_tagged_bool
      }
    \bool_if:NT \l__edition_para_on_after_bool
      { \bool_set_false:N \l__edition_para_on_after_bool \bool_set_true:N \l__tag_para_bool }
  }
\DeclareHookRule{para/end}{edition/tagging}{after}{tagpdf}
% -- headings: \section H1, \subsection H2, \subsubsection H3 (the cover's title H1)
\AddToHook{cmd/section/before}
  {\tl_gset:Nn \g__edition_next_tag_tl {H1}}
\AddToHook{cmd/subsection/before}{\tl_gset:Nn \g__edition_next_tag_tl {H2}}
\AddToHook{cmd/subsubsection/before}{\tl_gset:Nn \g__edition_next_tag_tl {H3}}
% -- lists: L, each item an LI of its label (Lbl) and body (LBody) ---------------------
% At each depth: 0 nothing open, 1 L, 2 L and LI, 3 L, LI and LBody.
\bool_new:N \l__edition_list_bool
\cs_new:Npn \__edition_list_state:
  { \int_use:c { g__edition_list_\int_use:N \@listdepth _int } }
\cs_new_protected:Npn \__edition_list_set:n #1
  {
    \int_if_exist:cF { g__edition_list_\int_use:N \@listdepth _int }
      { \int_new:c { g__edition_list_\int_use:N \@listdepth _int } }
    \int_gset:cn { g__edition_list_\int_use:N \@listdepth _int } {#1}
  }
\cs_new_protected:Npn \__edition_list_close:n #1 % close down to state #1
  {
    \int_if_exist:cT { g__edition_list_\int_use:N \@listdepth _int }
      {
        \int_compare:nNnT { \__edition_list_state: } > {2} { \par \tag_struct_end: }
        \int_compare:nNnT { \__edition_list_state: } > {1} { \int_compare:nNnT {#1} < {2} { \tag_struct_end: } }
        \int_compare:nNnT { \__edition_list_state: } > {0} { \int_compare:nNnT {#1} < {1} { \tag_struct_end: } }
        \__edition_list_set:n { \int_min:nn {#1} { \__edition_list_state: } }
      }
  }
\cs_new_protected:Npn \__edition_list_begin:
  { \bool_set_true:N \l__edition_list_bool }
\cs_new_protected:Npn \__edition_list_end:
  { \bool_if:NT \l__edition_list_bool { \__edition_list_close:n {0} } }
\AddToHook{env/itemize/begin}{\__edition_list_begin:}
\AddToHook{env/enumerate/begin}{\__edition_list_begin:}
\AddToHook{env/description/begin}{\__edition_list_begin:}
\AddToHook{env/itemize/end}{\__edition_list_end:}
\AddToHook{env/enumerate/end}{\__edition_list_end:}
\AddToHook{env/description/end}{\__edition_list_end:}
% a list inside an item (a quote, a centred line) is not an item of the list
\AddToHook{cmd/trivlist/before}{\bool_set_false:N \l__edition_list_bool}
\AddToHook{env/quote/begin}{\bool_set_false:N \l__edition_list_bool}
\AddToHook{env/quotation/begin}{\bool_set_false:N \l__edition_list_bool}
\AddToHook{cmd/@item/before}
  {
    \bool_if:NT \l__edition_list_bool
      {
        \int_if_exist:cF { g__edition_list_\int_use:N \@listdepth _int } { \__edition_list_set:n {0} }
        \int_compare:nNnTF { \__edition_list_state: } = {0}
          { \tag_struct_begin:n {tag=L} }
          { \__edition_list_close:n {1} }
        \tag_struct_begin:n {tag=LI}
        \__edition_list_set:n {2}
      }
  }
% the item's label, set where LaTeX's \everypar sets it (\@item), but as its own Lbl
% before the body's paragraph begins
\cs_new_protected:Npn \__edition_item_label:
  {
    \bool_if:NT \l__edition_list_bool
      {
        \legacy_if:nT {@inlabel}
          {
            \int_compare:nNnT { \__edition_list_state: } = {2}
              {
                \legacy_if_gset_false:n {@inlabel}
                \box_if_empty:NTF \g_para_indent_box
                  { \kern-\itemindent }
                  { \box_gclear:N \g_para_indent_box }
                \tag_struct_begin:n {tag=Lbl}
                \tag_mc_begin:n {tag=Lbl}
                \box\@labels
                \tag_mc_end:
                \tag_struct_end:
                \penalty\z@
                \tag_struct_begin:n {tag=LBody}
                \__edition_list_set:n {3}
              }
          }
      }
  }
% -- a figure with its alternative text: \editionfigurealt{<UTF-8 in hex>} before the
% figure; its picture a Figure with /Alt, its caption the Figure's Caption (a Caption
% is no child of Document; the Alt, read instead of the Figure, opens with its words)
\str_new:N \g__edition_alt_str
\bool_new:N \l__edition_figure_bool
\bool_new:N \l__edition_caption_bool
\NewDocumentCommand \editionfigurealt { m }
  { \str_gset_convert:Nnnn \g__edition_alt_str {#1} {utf8/hex} {} }
\AddToHook{env/figure/begin}
  {
    \str_if_empty:NF \g__edition_alt_str { \bool_set_true:N \l__edition_figure_bool }
  }
\AddToHook{env/tikzpicture/before}
  {
    \bool_if:NT \l__edition_figure_bool
      {
        \tagpdfparaOff \leavevmode
        \tag_struct_begin:n {tag=Figure, alt=\g__edition_alt_str}
        \str_gclear:N \g__edition_alt_str
        \tag_mc_begin:n {tag=Figure}
      }
    \bool_if:NT \l__edition_cover_bool
      { \tagpdfparaOff \bool_set_true:N \l__edition_para_on_after_bool }
  }
\AddToHook{env/tikzpicture/after}
  {
    \bool_if:NT \l__edition_figure_bool
      { \tag_mc_end: }
  }
\AddToHook{cmd/caption/before}
  {
    \bool_if:NF \l__edition_caption_bool
      {
        \tl_if_eq:NnT \@captype {figure}
          {
            \par \tagpdfparaOff
            \tag_struct_begin:n {tag=Caption} \tag_mc_begin:n {tag=Caption}
            \bool_set_true:N \l__edition_caption_bool
          }
      }
  }
\AddToHook{env/figure/end}
  {
    \bool_if:NT \l__edition_caption_bool { \par \tag_mc_end: \tag_struct_end: }
    \bool_if:NT \l__edition_figure_bool { \tag_struct_end: }
  }
% -- the key-figures panel (keyfigures.py): a Div of cards, each a Div of its figure
% (number and unit in one paragraph) and its label, read in that order; the rows of
% cards are lines of the panel, not paragraphs
\AddToHook{env/editionkeyfigures/begin}{ \par \tagpdfparaOff \tag_struct_begin:n {tag=Div} }
\AddToHook{env/editionkeyfigures/after}{ \tag_struct_end: }
\cs_new_eq:NN \__edition_keyfigure:nn \editionkeyfigure
\RenewDocumentCommand \editionkeyfigure { +m +m }
  {
    \__edition_keyfigure:nn
      { \tagpdfparaOn \tag_struct_begin:n {tag=Div} #1 }
      { #2 \par \tag_struct_end: }
  }
% its caption (the year of the figures): a paragraph of the panel
\cs_if_exist:NT \editionkfcaption
  {
    \cs_new_eq:NN \__edition_kfcaption:n \editionkfcaption
    \RenewDocumentCommand \editionkfcaption { +m }
      { \par \group_begin: \tagpdfparaOn \__edition_kfcaption:n {#1} \group_end: }
  }
% -- the cover: its picture is the page's background; its title a heading (H1), its
% subtitle a paragraph
\bool_new:N \l__edition_cover_bool
\bool_new:N \l__edition_para_on_after_bool
\AddToHook{env/titlepage/begin}
  {
    \bool_set_true:N \l__edition_cover_bool
    \tikzset{every~node/.append~style={execute~at~begin~node=\__edition_node_paragraphs:}}
  }
% the text of a node: its paragraphs tagged; the first, if TikZ has begun it (tagging
% off), untagged: the title and the subtitle in it tag themselves (\editioncoverpart)
\cs_new_protected:Npn \__edition_node_paragraphs:
  { \mode_if_horizontal:F { \bool_set_true:N \l__tag_para_bool } }
% the cover's title and subtitle (latex.py): \editioncoverpart{<H1 or P>}{<lines>}, one
% element of its lines (paragraphs, not each its own); each line \editioncoverline{<tag>}
% {<text>}: in a parallel edition a Span with its /Lang, else (no tag) the element's text
\NewDocumentCommand \editioncoverpart { m +m }
  {
    \group_begin:
      \tagpdfparaOff
      \bool_set_false:N \l__edition_para_on_after_bool
      \tag_struct_begin:n {tag=#1}
      #2 \par
      \tag_struct_end:
    \group_end:
  }
\NewDocumentCommand \editioncoverline { m +m }
  {
    \mode_leave_vertical:
    \tl_if_blank:nTF {#1}
      { \tag_mc_begin:n {} #2 \tag_mc_end: }
      {
        \tag_struct_begin:n {tag=Span, lang=#1}
        \tag_mc_begin:n {tag=Span}
        #2
        \tag_mc_end:
        \tag_struct_end:
      }
  }
% -- what is no text, for the reader: an artifact (the back cover's band and QR code,
% imprint.py), outside the paragraph's marked content it is set in
\cs_set_protected:Npn \editionartifact #1
  {
    \leavevmode
    \tag_mc_if_in:TF
      { \tag_mc_end: \tag_mc_begin:n {artifact} #1 \tag_mc_end: \tag_mc_begin:n {} }
      { \tag_mc_begin:n {artifact} #1 \tag_mc_end: }
  }
% a structure made before its place in the reading order (the back cover's imprint, set
% in a box before the title above it): a Div kept aside, then put where it is read
\cs_set_protected:Npn \editionstashbegin #1 { \tag_struct_begin:n {tag=Div, stash, label=edition-#1} }
\cs_set_protected:Npn \editionstashend { \tag_struct_end: }
\cs_set_protected:Npn \editionstashuse #1 { \tag_struct_use:n {edition-#1} }
% -- a part of a line in a language of its own (a parallel heading's halves, a key figure's,
% pdf_tagging.py and keyfigures.py mark them): \editionlang{<tag>}{<text>}, in a tagged
% paragraph a Span with its /Lang (outside the paragraph's marked content, which is closed
% and reopened round it); elsewhere its text: a heading's title also goes to the .aux, and
% from there to the running head (an artifact), and to the bookmarks
\DeclareRobustCommand \editionlang [2]
  {
    \bool_if:NTF \l__tag_para_bool
      {
        \mode_leave_vertical:
        \tag_mc_if_in:TF
          {
            \tag_mc_end:
            \tag_struct_begin:n {tag=Span, lang=#1}
            \tag_mc_begin:n {tag=Span}
            #2
            \tag_mc_end:
            \tag_struct_end:
            \tag_mc_begin:n {}
          }
          {#2}
      }
      {#2}
  }
\pdfstringdefDisableCommands { \cs_set_eq:NN \editionlang \use_ii:nn }
\cs_if_exist:NT \editionsection
  { \tl_put_left:Nn \editionsection { \cs_set_eq:NN \editionlang \use_ii:nn } }
% -- a parallel edition's halves (pdf_tagging.py marks them): each a Div in its language
\NewDocumentCommand \editionhalf { m } { \par \tag_struct_begin:n {tag=Div, lang=#1} }
\NewDocumentCommand \editionhalfend { } { \par \tag_struct_end: }
\ExplSyntaxOff
\makeatother
"""


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
    subject = tex_escape(config.edition_subtitle)
    return rf"""\ExplSyntaxOn
\pdfmanagement_add:nnn {{Info}} {{CreationDate}} {{({date})}}
\pdfmanagement_add:nnn {{Info}} {{ModDate}} {{({date})}}
\AddToDocumentProperties [document] {{pdfcreationdate}} {{{date}}}
\AddToDocumentProperties [document] {{pdfmoddate}} {{{date}}}
\AddToDocumentProperties [hyperref] {{pdfmetadate}} {{{date}}}
\AddToDocumentProperties [hyperref] {{pdfdate}} {{{date}}}
\AddToDocumentProperties [hyperref] {{pdfinstanceid}} {{uuid:{instance}}}
\ExplSyntaxOff
\hypersetup{{pdfsubject={{{{{subject}}}}}}}
"""


def add_preamble(app: Sphinx, config: Any) -> None:
    """config-inited, after latex.configure_latex (150) has set the preamble."""
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + "\n" + PREAMBLE + xmp_settings(config)
    config.latex_elements = elements


def add_document_metadata(app: Sphinx) -> None:
    """builder-inited: the template's ``documentmetadata`` (templates/latex.tex.jinja)."""
    if app.builder.name == "latex":
        app.builder.context["documentmetadata"] = document_metadata(app.config.language)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_preamble, priority=160)
    app.connect("builder-inited", add_document_metadata)
    app.add_post_transform(MarkHeadingLanguages)
    app.add_post_transform(MarkForTagging)
