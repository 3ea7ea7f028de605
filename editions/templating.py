"""Templates for what the editions write in HTML, CSS, JavaScript and TeX.

A fragment of markup is a Jinja template in a ``templates/`` folder beside the code
that renders it (``*.html.jinja``, ``*.tex.jinja``), never a Python string with
doubled braces.  Every value that lands in a template is escaped for where it lands,
by the environment, not by each caller: translators are not trusted, and a value
from a .po file must never become live HTML or a TeX command.

* HTML: Jinja's autoescape.  Markup made by another template (or ``markupsafe.Markup``)
  is kept as it is.
* TeX: every value is ``tex_escape``d (editions.sphinxext.tex: text, never commands)
  unless it is ``TexText``, TeX already: another template's output, or a value a
  caller has made safe itself and says why.  The delimiters are Sphinx's for its
  LaTeX templates (``<%= value %>``, ``<% for ... %>``, ``<# comment #>``), which TeX's
  braces leave alone.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

# Where a build keeps the templates once compiled (keep_compiled), and the environments
# made so far, which use it.
_compiled: BytecodeCache | None = None
_environments: list[Environment] = []


def keep_compiled(folder: Path) -> None:
    """Keep the compiled templates in *folder* (a build's cache): the next build loads
    them instead of compiling each again (0.3 s of an edition's PDF).  Keyed by template
    and the checksum of its source: an edited template is compiled again."""
    global _compiled
    _compiled = FileSystemBytecodeCache(str(folder))
    for environment in _environments:
        environment.bytecode_cache = _compiled


def _kept(environment: Environment) -> Environment:
    environment.bytecode_cache = _compiled
    _environments.append(environment)
    return environment


@cache
def _html_environment(folder: Path) -> Environment:
    return _kept(Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                             keep_trailing_newline=True))


def render_html(folder: Path, name: str, **values: Any) -> Markup:
    """Template *name* of *folder*, every value HTML-escaped."""
    return Markup(_html_environment(folder).get_template(name).render(**values))


@cache
def _tex_environment(folder: Path) -> Environment:
    from .sphinxext.tex import TexText, tex_escape  # (no Sphinx for the HTML-only callers)

    def escaped(value: Any) -> TexText:
        return value if isinstance(value, TexText) else tex_escape(value)

    def lines(values: list[str], between: str = r"\\") -> TexText:
        """Lines (one a language in a parallel edition), each escaped, *between* them
        (the template's own TeX)."""
        return TexText(between.join(escaped(value) for value in values))

    environment = Environment(
        loader=FileSystemLoader(folder), autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True,
        variable_start_string="<%=", variable_end_string="%>", block_start_string="<%", block_end_string="%>",
        comment_start_string="<#", comment_end_string="#>", finalize=escaped)
    environment.filters["lines"] = lines
    return _kept(environment)


def render_tex(folder: Path, name: str, **values: Any) -> str:
    """Template *name* of *folder*, every value TeX-escaped unless it is TeX already
    (``TexText``); the result is ``TexText``, TeX that another template keeps as it is."""
    from .sphinxext.tex import TexText

    return TexText(_tex_environment(folder).get_template(name).render(**values))
