"""The site's front page: ``_build/html/index.html`` lets a reader pick a language.

With JavaScript it goes straight to the edition the reader chose before (the
switcher remembers it) or, failing that, to the first edition that matches the
browser's languages; ``index.html#choose`` always shows the choice.  Without
JavaScript it is a plain page of links.  Its heading is the profile's title in
each edition's own words: conf.py's ``project`` and its translations in each
``sphinx.po``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from html import escape
from pathlib import Path

from ..catalogs import CatalogError, read_catalog
from ..catalogs.rules import breaches
from ..edition import languages_of
from ..languages import language_name, language_tag
from ..project import Project, load
from .booklet import BOOKLET_SUFFIX
from .say import say


def storage_key(project: Project) -> str:
    """Where the browser keeps the reader's choice (edition.js uses the same key)."""
    return f"{project.basename}-language"


def project_titles(project: Project, languages: list[str]) -> dict[str, str]:
    """Each edition's title; CatalogError for a catalog that cannot be read."""
    found = {project.source_language: project.title}
    for language in languages:
        catalog = project.translations / language / "LC_MESSAGES" / "sphinx.po"
        if language != project.source_language and catalog.is_file():
            entry = read_catalog(catalog).find(project.title)
            if entry is not None and entry.translated() and "fuzzy" not in entry.flags:
                # the rules the build applies to every interface string (size, invisible
                # characters, tags and quotes): the front page is no side door
                for breach in breaches(entry.msgid, entry.msgstr, interface=True, parser=None, language=language):
                    if breach.refused:
                        raise CatalogError(catalog, entry.linenum, f"the translation of {entry.msgid!r} "
                                           f"{breach.message}", breach.advice, breach.rule)
                found[language] = entry.msgstr
    return found


PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<link rel="icon" href="{first}/_static/favicon.svg" type="image/svg+xml">
{alternates}
<style>
  body {{ font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC",
         "Microsoft YaHei", sans-serif; margin: 0; display: grid; min-height: 100vh;
         place-items: center; background: #f7f7f5; color: #1c1c1c; }}
  main {{ text-align: center; padding: 2rem; }}
  h1 {{ font-weight: 600; font-size: 1.4rem; line-height: 1.6; margin: 0 0 1.5rem; }}
  ul {{ list-style: none; padding: 0; margin: 0; display: flex; gap: 1rem; justify-content: center;
       flex-wrap: wrap; }}
  a {{ display: inline-block; padding: .75rem 1.5rem; border: 1px solid {colour}; border-radius: .4rem;
      color: {colour}; text-decoration: none; font-size: 1.1rem; }}
  a:hover, a:focus {{ background: {colour}; color: #fff; }}
</style>
<script>
(function () {{
  var editions = {editions};
  if (location.hash === "#choose") return;
  var pick = null;
  var key = {key};
  try {{ pick = localStorage.getItem(key); }} catch (e) {{}}
  if ({choices}.indexOf(pick) < 0) {{
    pick = null;
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length && !pick; i++) {{
      var w = String(wanted[i]).toLowerCase().replace("-", "_");
      for (var j = 0; j < editions.length; j++) {{
        var e = editions[j].toLowerCase();
        if (w === e || w.split("_")[0] === e.split("_")[0]) {{ pick = editions[j]; break; }}
      }}
    }}
  }}
  location.replace((pick || editions[0]) + "/index.html");
}})();
document.addEventListener("click", function (event) {{
  var link = event.target.closest && event.target.closest("a[data-language]");
  if (link) {{ try {{ localStorage.setItem({key}, link.dataset.language); }} catch (e) {{}} }}
}});
</script>
</head>
<body>
<main>
{headings}
<ul>
{links}
</ul>
</main>
</body>
</html>
"""


def render(project: Project, languages: list[str]) -> str:
    source = project.source_language
    editions = [source] + [lang for lang in languages if lang != source]
    titles = project_titles(project, editions)
    key = json.dumps(storage_key(project)).replace("<", "\\u003c")  # inside <script>
    parallels = project.parallels_of(editions)
    links = "\n".join([
        *(f'<li><a href="{lang}/index.html" hreflang="{language_tag(lang)}" lang="{language_tag(lang)}"'
          f' data-language="{lang}">{escape(language_name(lang))}</a></li>' for lang in editions),
        # the parallel editions: both languages, side by side
        *(f'<li><a href="{name}/index.html" data-language="{name}">'
          + " | ".join(f'<span lang="{language_tag(lang)}">{escape(language_name(lang))}</span>'
                       for lang in languages_of(name)) + "</a></li>" for name in parallels),
    ])
    headings = "\n".join(
        f'<h1 lang="{language_tag(lang)}">{escape(titles[lang])}</h1>'
        for lang in editions if lang in titles
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{language_tag(lang)}" href="{lang}/index.html">'
        for lang in editions
    )
    return PAGE.format(
        lang=language_tag(source),
        title=escape(" · ".join(titles[lang] for lang in editions if lang in titles)),
        alternates=alternates,
        first=editions[0],
        editions=json.dumps(editions),
        choices=json.dumps([*editions, *parallels]),
        key=key,
        colour=escape(project.colour),
        headings=headings,
        links=links,
    )


def write_site_index(outdir: Path, languages: list[str], base: str) -> None:
    """With a known address: a sitemap index of the editions' sitemaps, and robots.txt."""
    base = base.rstrip("/")
    sitemaps = "".join(f"  <sitemap><loc>{base}/{lang}/sitemap.xml</loc></sitemap>\n" for lang in languages)
    (outdir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{sitemaps}</sitemapindex>\n", encoding="utf-8")
    (outdir / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
                                       encoding="utf-8")


def prune(builddir: Path, project: Project) -> list[Path]:
    """Take off the site every edition whose language has no catalogs any more
    (its folder, its PDFs, its stamps), so that no page offers a language that is gone."""
    gone: list[Path] = []
    html = builddir / "html"
    for folder in sorted(html.iterdir()) if html.is_dir() else []:
        # .<edition>.incoming/.outgoing: an edition being swapped in beside us (make -j)
        if folder.name.startswith("."):
            continue
        if folder.is_dir() and (folder / ".buildinfo").exists() and folder.name not in project.editions:
            shutil.rmtree(folder)
            gone.append(folder)
    prefix = f"{project.basename}-"
    for pdf in [*builddir.glob(f"pdf/{prefix}*.pdf"), *html.glob(f"pdf/{prefix}*.pdf")]:
        # an edition's booklet goes with it, and stays with it
        if pdf.stem[len(prefix):].removesuffix(BOOKLET_SUFFIX) not in project.editions:
            pdf.unlink()
            gone.append(pdf)
    for stamp in builddir.glob(".stamps/*-*"):
        kind, _, edition = stamp.name.partition("-")
        if kind in ("html", "pdf", "booklet") and edition not in project.editions and edition != "options":
            stamp.unlink()
    return gone


def main(argv: list[str]) -> int:
    if not argv:
        say("usage: python -m editions frontpage OUTDIR [LANGUAGE...]", sys.stderr)
        return 2
    project = load()
    outdir = Path(argv[0])
    languages = argv[1:] or project.languages
    try:
        page = render(project, languages)
    except CatalogError as exc:
        say(exc.report(), sys.stderr)
        say("The front page was not written: fix the catalog above.", sys.stderr)
        return 1
    outdir.mkdir(parents=True, exist_ok=True)
    for path in prune(outdir.parent, project):
        say(f"removed {path} (no catalogs for its language in {project.translations.name}/ any more)")
    (outdir / "index.html").write_text(page, encoding="utf-8")
    if base := os.environ.get("SITE_URL", ""):
        write_site_index(outdir, languages, base)
    return 0
