"""PDF brochures: the LaTeX set-up of each edition, added to what conf.py says.

Sphinx's default for this kind of text is a manual with blank pages, an
English "Contents" and running header in a Chinese edition, FreeSerif (not
installed on Debian by default) and, for Japanese, pLaTeX's ``jreport`` class.
Here, where conf.py doesn't say otherwise, each edition is a ``howto`` (sections
flow, one-sided, no blank pages) set with XeLaTeX: TeX Gyre for Latin, Noto CJK
for Chinese, Japanese and Korean (xeCJK), a cover and PDF metadata in the
edition's language, booktabs tables.

A setting conf.py makes is never replaced: the defaults below fill only what
it leaves out, and its ``latex_elements`` win over ours key by key (its
``preamble`` comes after ours).  Every translated value is TeX-escaped here,
where it is inserted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..languages import is_cjk, language_tag
from ..outputs import PAGE_MARKER
from .names import pdf_basename
from .parallel import languages_of
from .tex import BRAND, colour_definition, tex_escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

LATIN_FONTS = r"""
\setmainfont{TeX Gyre Termes}
\setsansfont{TeX Gyre Heros}
\setmonofont{TeX Gyre Cursor}
"""

#: Noto CJK's region for each CJK language (fonts-noto-cjk has them all).
CJK_REGION = {"zh_CN": "SC", "zh_SG": "SC", "zh_TW": "TC", "zh_HK": "HK", "ja": "JP", "ko": "KR"}

# Captions read "图1 标题": a space, not an English colon, after the number.
CJK_CAPTIONS = r"\usepackage{caption}\captionsetup{labelsep=quad}"


def cjk_fonts(language: str) -> str:
    region = CJK_REGION.get(language) or CJK_REGION.get(language.split("_")[0], "SC")
    return rf"""\usepackage{{xeCJK}}
\setCJKmainfont{{Noto Serif CJK {region}}}[BoldFont={{Noto Serif CJK {region} Bold}}]
\setCJKsansfont{{Noto Sans CJK {region}}}[BoldFont={{Noto Sans CJK {region} Bold}}]
\setCJKmonofont{{Noto Sans Mono CJK {region}}}
\xeCJKsetup{{CJKecglue={{}}}}  % the style guides' rule: no space between CJK and Latin text
"""


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


def _cover(config: Config) -> str:
    title, subtitle, author = (tex_escape(v) for v in (config.project, config.edition_subtitle, config.author))
    return rf"""
\begin{{titlepage}}
  \pagestyle{{empty}}
  \color{{{BRAND}}}\rule{{\linewidth}}{{2pt}}\par
  \vspace*{{0.28\textheight}}
  {{\sffamily\bfseries\fontsize{{30}}{{40}}\selectfont {title}\par}}
  \vspace{{1.2em}}
  {{\sffamily\Large\color{{black}} {subtitle}\par}}
  \vfill
  {{\sffamily\large\color{{black}} {author}\par}}
  \vspace{{1em}}
  \color{{{BRAND}}}\rule{{\linewidth}}{{1pt}}\par
\end{{titlepage}}
"""


def _metadata(config: Config) -> str:
    fields = {
        "pdftitle": config.project,
        "pdfauthor": config.author,
        "pdfsubject": config.edition_subtitle,
        "pdfkeywords": config.edition_keywords,
        "pdflang": language_tag(config.language),
        "pdfcreator": "Sphinx, XeLaTeX",
    }
    body = ",\n  ".join(f"{key}={{{tex_escape(value)}}}" for key, value in fields.items())
    return f"\\hypersetup{{\n  {body}\n}}\n"


def cjk_language(config: Config) -> str | None:
    """The CJK language whose fonts the edition needs: its own, or a parallel
    edition's either half."""
    return next((lang for lang in (config.language, *(languages_of(config) or ())) if is_cjk(lang)), None)


def _elements(config: Config) -> dict[str, str]:
    language = cjk_language(config) or config.language
    cjk = cjk_language(config) is not None
    colour = config.edition_colour.lstrip("#").upper()
    contents = rf"\renewcommand{{\contentsname}}{{{tex_escape(_('Table of Contents'))}}}" if cjk else ""
    preamble = "\n".join(part for part in [
        r"\usepackage{xcolor}" + colour_definition(config.edition_colour),
        r"\usepackage{tikz}",  # charts (editions.sphinxext.charts)
        # parallel text: the two halves of each pair side by side, starting level
        r"\usepackage{paracol}\setcolumnwidth{0.48\textwidth,0.48\textwidth}" if languages_of(config) else "",
        contents,  # no babel for CJK: nothing else names the contents in the edition's language
        CJK_CAPTIONS if cjk else "",
        # a brochure: unnumbered headings, the theme pages listed in the contents
        r"\setcounter{secnumdepth}{0}\setcounter{tocdepth}{2}",
        _metadata(config),
    ] if part)
    return {
        "papersize": "a4paper",
        "pointsize": "11pt",
        "classoptions": ",oneside",
        "fontpkg": LATIN_FONTS,
        "fontenc": cjk_fonts(language) if cjk else r"\usepackage{fontspec}",
        # CJK: xeCJK does the language's typesetting; others: Sphinx's polyglossia set-up
        **({"babel": "", "polyglossia": ""} if cjk else {}),
        "geometry": r"\usepackage[a4paper,margin=22mm,top=25mm,bottom=25mm]{geometry}",
        "sphinxsetup": f"TitleColor={{HTML}}{{{colour}}}, InnerLinkColor={{HTML}}{{{colour}}}, "
                       f"OuterLinkColor={{HTML}}{{{colour}}}",
        "maketitle": _cover(config),
        "tableofcontents": r"\sphinxtableofcontents",
        "preamble": preamble,
        "printindex": "",
        "releasename": "",
        "fncychap": "",
        "extraclassoptions": "",
    }


def configure_latex(app: Sphinx, config: Config) -> None:
    """config-inited, after translation: fill in what conf.py leaves to us."""
    given: dict[str, Any] = config._raw_config  # what conf.py itself sets (Sphinx is pinned)
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
    ours = _elements(config)
    theirs = dict(given.get("latex_elements") or {})
    if "preamble" in theirs:
        theirs["preamble"] = ours["preamble"] + "\n" + theirs["preamble"]
    config.latex_elements = {**ours, **theirs}


def cjk_numbering(app: Sphinx, config: Config) -> None:
    """CJK captions and numbers take no space between label and number: 图1, 表2."""
    if is_cjk(config.language):
        config.numfig_format = {kind: text.replace(" %s", "%s").replace("%s ", "%s")
                                for kind, text in config.numfig_format.items()}


def setup(app: Sphinx) -> None:
    app.add_config_value("edition_basename", "", "env", types=frozenset({str}))
    app.add_config_value("edition_subtitle", "", "env", types=frozenset({str}))
    app.add_config_value("edition_keywords", "", "env", types=frozenset({str}))
    app.add_config_value("edition_colour", "#2B5D8A", "env", types=frozenset({str}))
    # After translated_config (100) and Sphinx's own handlers that read latex_*.
    app.connect("config-inited", configure_latex, priority=150)
    # After Sphinx fills numfig_format with its translations (800).
    app.connect("config-inited", cjk_numbering, priority=850)
    app.add_post_transform(PageMarkers)
