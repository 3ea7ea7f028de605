r"""PDF brochures: the LaTeX set-up of each edition, added to what conf.py says.

Sphinx's default for this kind of text is a manual with blank pages, an
English "Contents" and running header in a Chinese edition, FreeSerif (not
installed on Debian by default) and, for Japanese, pLaTeX's ``jreport`` class.
Here, where conf.py doesn't say otherwise, each edition is a brochure: Sphinx's
``howto`` (sections flow, no blank pages) set with XeLaTeX on A5 pages (the
classic brochure: ``make booklet`` imposes them two to an A4 sheet), TeX Gyre
for Latin, Noto CJK for Chinese, Japanese and Korean (xeCJK), and

* a cover in the brand colour (``edition_colour``) with title, subtitle and
  author in the edition's language, and a back cover with the imprint (cover.py),
  and PDF metadata in that language;
* no table of contents: the brochure is a dozen short pages, each with its
  section in the running header, and the PDF's bookmarks list the sections
  (``latex_elements["tableofcontents"] = r"\sphinxtableofcontents"`` in conf.py
  brings it back);
* on every page but the cover the profile's title and the section in a running
  header, the page number as "3 / 12" in the footer (the same in every language:
  digits read alike, and one footer serves a bilingual edition too);
* unnumbered headings, each section opening in the brand colour over a rule;
* the key-figures panel of ``{key-figures}`` (``keyfigures.latex_preamble``);
* CJK text set for its readers: 1.3 line spread, paragraphs indented two
  characters, xeCJK's full-width punctuation with adjacent marks compressed
  (``PunctStyle=quanjiao``) and no single character alone on the last line
  of a paragraph (``CheckSingle``).

The layout is the same for every edition; CJK languages add their typesetting
rules.  A parallel edition (en-zh_CN, editions.sphinxext.parallel) sets the
cover's title, subtitle and author and the running header's title and section
one language a line, under a taller head, and its columns of a Latin script
ragged right (parallel.py: justified, half the measure leaves gaps).  A setting
conf.py makes is never replaced: the defaults below fill only what it leaves
out, and its ``latex_elements`` win over ours key by key (its ``preamble`` comes
after ours).  Every translated value is TeX-escaped here, where it is inserted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..handoff import PAGE_MARKER
from ..languages import cjk_region, is_cjk, language_tag
from ..templating import render_tex
from . import cover, imprint, keyfigures
from .current_edition import conf_values, pdf_basename
from .parallel import LATIN_COLUMN, LATIN_TEXT, SEPARATOR, languages_of
from .tex import BRAND, colour_definition, tex_escape
from .translated_config import source_value

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).resolve().parent / "templates" / "tex"

LATIN_FONTS = r"""
\setmainfont{TeX Gyre Termes}
\setsansfont{TeX Gyre Heros}
\setmonofont{TeX Gyre Cursor}
"""

# Captions read "图1 标题": a space, not an English colon, after the number.
CJK_CAPTIONS = r"\usepackage{caption}\captionsetup{labelsep=quad}"


def cjk_fonts(language: str, others: tuple[str, ...] = ()) -> str:
    """xeCJK with Noto CJK in *language*'s glyphs; for each other CJK language of the
    edition whose glyphs differ (zh_CN-ja), a switch to its fonts (templates/tex/cjk-fonts.tex.jinja)."""
    region = cjk_region(language)
    return render_tex(TEMPLATES, "cjk-fonts.tex.jinja", region=region,
                      others=sorted({cjk_region(lang) for lang in others if is_cjk(lang)} - {region}))


class PageMarkers(SphinxPostTransform):
    """Each page of the PDF announces itself in XeLaTeX's log, so that a failure,
    a crash or a time-out names the page (editions.publish.latexmk)."""

    builders = ("latex",)
    default_priority = 999

    def run(self, **kwargs: Any) -> None:
        def marker(docname: str) -> nodes.raw:
            return nodes.raw("", rf"\typeout{{{PAGE_MARKER}\detokenize{{{docname}}}}}" + "\n", format="latex")

        self.document.insert(0, marker(self.config.root_doc))
        for start in self.document.findall(addnodes.start_of_file):
            start.insert(0, marker(start["docname"]))


def value_lines(app: Sphinx, config: Config, name: str) -> list[str]:
    """A conf.py value as the PDF sets it: one line, or in a parallel edition, whose
    value is "<source> · <translation>" (translated_config), the two one above the other."""
    value, source = config[name], source_value(app, name)
    if languages_of(config) and source and value.startswith(source + SEPARATOR):
        return [source, value[len(source + SEPARATOR):]]
    return [value]


def _metadata(config: Config) -> str:
    return render_tex(TEMPLATES, "metadata.tex.jinja", fields={
        "pdftitle": config.project,
        "pdfauthor": config.author,
        "pdfsubject": config.edition_subtitle,
        "pdfkeywords": config.edition_keywords,
        "pdflang": language_tag(config.language),
        "pdfcreator": "Sphinx, XeLaTeX",
    })


#: A5 portrait: the reading page, and half an A4 sheet for the booklet.  A parallel
#: edition's running header has two lines (one a language): a taller head, the text
#: starting as much lower.
GEOMETRY = (r"\usepackage[a5paper,top={top},bottom=20mm,hmargin=16mm,headheight={head},headsep=5mm,"
            r"footskip=10mm]{{geometry}}")


def _top_and_head(config: Config) -> tuple[str, str]:
    return ("25mm", "26pt") if languages_of(config) else ("21mm", "14pt")


def _geometry(config: Config) -> str:
    top, head = _top_and_head(config)
    return GEOMETRY.format(top=top, head=head)


def _page_style(config: Config, shown: dict[str, list[str]]) -> str:
    """Running header (title left, section right; a parallel edition's, each language
    on a line of its own) and "3 / 12" footer on every text page (templates/tex/page-style.tex.jinja)."""
    return render_tex(TEMPLATES, "page-style.tex.jinja", parallel=languages_of(config) is not None,
                      separator=SEPARATOR, text_top=_top_and_head(config)[0], title=shown["project"], brand=BRAND)


def _headings() -> str:
    """No numbers; a section opens in the brand colour over a rule (templates/tex/headings.tex.jinja)."""
    return render_tex(TEMPLATES, "headings.tex.jinja", brand=BRAND)


#: Lists of a brochure are short lines: items close together (LaTeX's \@listI is
#: what \normalsize restores).
COMPACT_LISTS = r"""\makeatletter
\g@addto@macro\@listI{\topsep=3pt plus 1pt\parsep=1pt plus 1pt\itemsep=0pt plus 1pt}
\let\@listi\@listI\@listi
\makeatother"""

#: The label of an untranslated passage (language_marks, parallel): small and grey, as a key
#: figure's (\editionkfuntranslated).  Sphinx writes it \DUrole{untranslated-mark}{…}; that
#: role only names a robust command, so a caption's copy in the .aux reads back.
UNTRANSLATED_MARK = r"""
\DeclareRobustCommand{\editionuntranslated}[1]{{\csname editionowntext\endcsname
  \sffamily\mdseries\footnotesize\color{black!55}[#1]}}
\expandafter\def\csname DUroleuntranslated-mark\endcsname{\editionuntranslated}
"""

#: Copy and search give the letters of a ligature ("office", not "o\ufb00ice").
ACTUAL_TEXT = r"\XeTeXgenerateactualtext=1"

#: Latin text: a little more leading than LaTeX's 10/12 for a short measure.
LATIN_BODY = r"\linespread{1.08}"

#: CJK text, set for its readers (xeCJK 3.9, TeX Live 2022): leading 1.3 (ctex's),
#: paragraphs indented two characters (the first after a heading too), full-width
#: punctuation with adjacent marks compressed (quanjiao), and no single character
#: alone on a paragraph's last line (CheckSingle: a penalty before the last one).
CJK_BODY = r"""
\linespread{1.3}
\xeCJKsetup{PunctStyle=quanjiao, CheckSingle=true}
\usepackage{indentfirst}
\setlength{\parindent}{2em}
\setlength{\parskip}{0.3\baselineskip plus 1pt}
"""


def cjk_language(config: Config) -> str | None:
    """The CJK language whose fonts the edition needs: its own, or a parallel
    edition's either half."""
    return next((lang for lang in (config.language, *(languages_of(config) or ())) if is_cjk(lang)), None)


def _elements(config: Config, shown: dict[str, list[str]], dated: imprint.Imprint) -> dict[str, str]:
    language = cjk_language(config) or config.language
    cjk = cjk_language(config) is not None
    colour = config.edition_colour.lstrip("#").upper()
    contents = rf"\renewcommand{{\contentsname}}{{{tex_escape(_('Table of Contents'))}}}" if cjk else ""
    preamble = "\n".join(part for part in [
        r"\usepackage{xcolor}" + colour_definition(config.edition_colour),
        r"\usepackage{tikz}",  # the cover, charts (editions.sphinxext.charts)
        # parallel text: the two halves of each pair side by side, starting level
        r"\usepackage{paracol}\setcolumnwidth{0.48\textwidth,0.48\textwidth}\usepackage{ragged2e}"
        + LATIN_COLUMN if languages_of(config) else "",
        # text in a Latin script in a CJK document: its own quotes (parallel.LATIN_TEXT)
        LATIN_TEXT if cjk else "",
        # "<source> · <translation>": the dot between two languages is the Latin font's,
        # not a full-width CJK mark with its own space
        r'\xeCJKDeclareCharClass{Default}{"00B7}' if languages_of(config) and cjk else "",
        contents,  # no babel for CJK: nothing else names the contents in the edition's language
        CJK_CAPTIONS if cjk else "",
        _headings(),
        COMPACT_LISTS,
        _page_style(config, shown),
        keyfigures.latex_preamble(),
        cover.preamble(dated),
        UNTRANSLATED_MARK,
        CJK_BODY if cjk else LATIN_BODY,
        ACTUAL_TEXT,
        _metadata(config),
    ] if part)
    return {
        "papersize": "a5paper",
        "pointsize": "10pt",
        "classoptions": ",oneside",
        "fontpkg": LATIN_FONTS,
        "fontenc": cjk_fonts(language, languages_of(config) or ()) if cjk else r"\usepackage{fontspec}",
        # CJK: xeCJK does the language's typesetting; others: Sphinx's polyglossia set-up
        **({"babel": "", "polyglossia": ""} if cjk else {}),
        "geometry": _geometry(config),
        "sphinxsetup": f"TitleColor={{HTML}}{{{colour}}}, InnerLinkColor={{HTML}}{{{colour}}}, "
                       f"OuterLinkColor={{HTML}}{{{colour}}}",
        "maketitle": cover.front(shown, dated, tuple(language_tag(lang) for lang in languages_of(config) or ())),
        # the back cover, the last of a multiple of four pages
        "atendofbody": cover.back(dated, shown["project"], shown["edition_subtitle"], shown["author"]),
        "tableofcontents": "",
        "preamble": preamble,
        "printindex": "",
        "releasename": "",
        "fncychap": "",
        "extraclassoptions": "",
    }


def configure_latex(app: Sphinx, config: Config) -> None:
    """config-inited, after translation: fill in what conf.py leaves to us."""
    given: dict[str, Any] = conf_values(config)  # what conf.py itself sets
    cjk = cjk_language(config) is not None
    defaults: dict[str, Any] = {
        "latex_engine": "xelatex",
        "latex_documents": [(config.root_doc, f"{pdf_basename(config)}.tex", tex_escape(config.project),
                             tex_escape(config.author), "howto")],
        "latex_use_xindy": False,
        "latex_domain_indices": False,
        "latex_table_style": ["booktabs", "colorrows"],
        "latex_show_urls": "footnote",
        "latex_show_pagerefs": False,
        "release": "",
        "version": "",
    }
    if cjk:  # Sphinx gives Japanese pLaTeX's jreport, which XeLaTeX doesn't have
        defaults["latex_docclass"] = {"howto": "article", "manual": "report"}
    for name, value in defaults.items():
        if name not in given:
            config[name] = value
    shown = {name: value_lines(app, config, name) for name in ("project", "edition_subtitle", "author")}
    ours = _elements(config, shown, imprint.imprint(app, config))
    theirs = dict(given.get("latex_elements") or {})
    if "preamble" in theirs:
        theirs["preamble"] = ours["preamble"] + "\n" + theirs["preamble"]
    config.latex_elements = {**ours, **theirs}


def cjk_numbering(app: Sphinx, config: Config) -> None:
    """CJK captions and numbers take no space between label and number: 图1, 表2."""
    if is_cjk(config.language):
        config.numfig_format = {kind: text.replace(" %s", "%s").replace("%s ", "%s")
                                for kind, text in config.numfig_format.items()}
