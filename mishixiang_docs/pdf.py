"""PDF brochures: Sphinx's LaTeX builder configured per edition.

Sphinx's default manual for this text is seven A4 pages with blank pages, an
English "Contents" and running header in the Chinese edition and FreeSerif
(not installed on Debian by default).  Here each edition gets a ``howto``
document (sections flow, one-sided, no blank pages), a cover in its own
language, xeCJK with Noto CJK SC and TeX Gyre Latin fonts, localized labels,
booktabs tables and PDF metadata from the translated config values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import language_tag

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# Labels LaTeX prints itself; Sphinx's own ones (Contents, Table) come from its
# catalogs.  Key: language -> LaTeX command -> text.
LATEX_LABELS = {
    "zh_CN": {
        r"\contentsname": "目录",
        r"\tablename": "表",
        r"\figurename": "图",
        r"\sphinxtablename": "表",
        r"\sphinxfigurename": "图",
        r"\sphinxliteralblockname": "代码",
        r"\sphinxnonalphabeticalgroupname": "非字母",
        r"\sphinxsymbolsname": "符号",
        r"\sphinxnumbersname": "数字",
    },
}

LATIN_FONTS = r"""
\setmainfont{TeX Gyre Termes}
\setsansfont{TeX Gyre Heros}
\setmonofont{TeX Gyre Cursor}
"""

# Chinese captions read "图1 标题": a space, not an English colon, after the number.
CJK_CAPTIONS = r"\usepackage{caption}\captionsetup{labelsep=quad}"

CJK_FONTS = r"""
\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold}]
\setCJKsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}]
\setCJKmonofont{Noto Sans Mono CJK SC}
\xeCJKsetup{CJKecglue={}}  % the project's rule: no space between Chinese and Latin
"""


def pdf_basename(language: str) -> str:
    return f"mishixiang-profile-{language}"


def tex_escape(text: str) -> str:
    """Text, never commands: for values that come from translations."""
    replacements = {
        "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$",
        "%": r"\%", "&": r"\&", "_": r"\_", "^": r"\^{}", "~": r"\~{}",
    }
    return "".join(replacements.get(ch, ch) for ch in text)


def _cover(config: Config) -> str:
    title = tex_escape(config.project)
    subtitle = tex_escape(config.profile_subtitle)
    author = tex_escape(config.author)
    return rf"""
\begin{{titlepage}}
  \pagestyle{{empty}}
  \color{{mxblue}}\rule{{\linewidth}}{{2pt}}\par
  \vspace*{{0.28\textheight}}
  {{\sffamily\bfseries\fontsize{{30}}{{40}}\selectfont {title}\par}}
  \vspace{{1.2em}}
  {{\sffamily\Large\color{{black}} {subtitle}\par}}
  \vfill
  {{\sffamily\large\color{{black}} {author}\par}}
  \vspace{{1em}}
  \color{{mxblue}}\rule{{\linewidth}}{{1pt}}\par
\end{{titlepage}}
"""


def _metadata(config: Config) -> str:
    fields = {
        "pdftitle": config.project,
        "pdfauthor": config.author,
        "pdfsubject": config.profile_subtitle,
        "pdfkeywords": config.profile_keywords,
        "pdflang": language_tag(config.language or "en"),
        "pdfcreator": "Sphinx, XeLaTeX",
    }
    body = ",\n  ".join(f"{key}={{{tex_escape(value)}}}" for key, value in fields.items())
    return f"\\hypersetup{{\n  {body}\n}}\n"


def _labels(language: str) -> str:
    # No babel for Chinese, so nothing resets these at \begin{document}.
    return "\n".join(
        rf"\def{command}{{{text}}}"
        for command, text in LATEX_LABELS.get(language, {}).items()
    )


def configure_latex(app: Sphinx, config: Config) -> None:
    """Set the LaTeX options of this edition (config-inited, after translation)."""
    language = config.language or "en"
    chinese = language.startswith("zh")
    config.latex_engine = "xelatex"
    config.latex_documents = [
        (config.root_doc, f"{pdf_basename(language)}.tex", config.project, config.author, "howto"),
    ]
    config.latex_use_xindy = False
    config.latex_domain_indices = False
    config.latex_table_style = ["booktabs", "colorrows"]
    config.latex_show_urls = "footnote"
    config.latex_show_pagerefs = False
    preamble = "\n".join([
        r"\usepackage{xcolor}\definecolor{mxblue}{HTML}{2B5D8A}",
        r"\usepackage{tikz}",  # charts (mishixiang_docs.charts)
        _labels(language),
        CJK_CAPTIONS if chinese else "",
        # a brochure: unnumbered headings, the theme pages listed in the contents
        r"\setcounter{secnumdepth}{0}\setcounter{tocdepth}{2}",
        _metadata(config),
    ])
    config.latex_elements = {
        "papersize": "a4paper",
        "pointsize": "11pt",
        "classoptions": ",oneside",
        "fontpkg": LATIN_FONTS,
        "fontenc": r"\usepackage{xeCJK}" + CJK_FONTS if chinese else r"\usepackage{fontspec}",
        "babel": "",
        "polyglossia": "" if chinese else r"\usepackage{polyglossia}\setdefaultlanguage{english}",
        "geometry": r"\usepackage[a4paper,margin=22mm,top=25mm,bottom=25mm]{geometry}",
        "sphinxsetup": "TitleColor={HTML}{2B5D8A}, InnerLinkColor={HTML}{2B5D8A}, OuterLinkColor={HTML}{2B5D8A}",
        "maketitle": _cover(config),
        "tableofcontents": r"\sphinxtableofcontents",
        "preamble": preamble,
        "printindex": "",
        "releasename": "",
        "fncychap": "",
        "extraclassoptions": "",
    }
    config.release = ""
    config.version = ""


def setup(app: Sphinx) -> None:
    app.add_config_value("profile_keywords", "", "env", types=frozenset({str}))
    # After translated_config (100) and Sphinx's own handlers that read latex_*.
    app.connect("config-inited", configure_latex, priority=150)
