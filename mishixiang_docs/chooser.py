"""The site's front page: ``_build/html/index.html`` lets a reader pick a language.

With JavaScript it goes straight to the edition the reader chose before (the
switcher remembers it) or, failing that, to the first edition that matches the
browser's languages; ``index.html#choose`` always shows the choice.  Without
JavaScript it is a plain page of links.
"""

from __future__ import annotations

import json
import os
import sys
from html import escape
from pathlib import Path

import polib

from . import LANGUAGE_NAMES, PROJECT_ROOT, SOURCE_LANGUAGE, language_tag

# The chooser's heading is the project title, in each edition's own words: the
# translation translators already gave it in sphinx.po (conf.py's `project`).
TITLE = "Mishixiang Sub-district Profile"


def project_titles(languages: list[str], locale_dir: Path = PROJECT_ROOT / "locales") -> dict[str, str]:
    found = {SOURCE_LANGUAGE: TITLE}
    for language in languages:
        catalog = locale_dir / language / "LC_MESSAGES" / "sphinx.po"
        if language != SOURCE_LANGUAGE and catalog.is_file():
            entry = polib.pofile(str(catalog)).find(TITLE)
            if entry is not None and entry.translated():
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
  a {{ display: inline-block; padding: .75rem 1.5rem; border: 1px solid #2b5d8a; border-radius: .4rem;
      color: #2b5d8a; text-decoration: none; font-size: 1.1rem; }}
  a:hover, a:focus {{ background: #2b5d8a; color: #fff; }}
</style>
<script>
(function () {{
  var editions = {editions};
  if (location.hash === "#choose") return;
  var pick = null;
  try {{ pick = localStorage.getItem("mishixiang-language"); }} catch (e) {{}}
  if (editions.indexOf(pick) < 0) {{
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


def render(languages: list[str]) -> str:
    editions = [SOURCE_LANGUAGE] + [lang for lang in languages if lang != SOURCE_LANGUAGE]
    titles = project_titles(editions)
    links = "\n".join(
        f'<li><a href="{lang}/index.html" hreflang="{language_tag(lang)}" lang="{language_tag(lang)}"'
        f' onclick="try{{localStorage.setItem(\'mishixiang-language\',\'{lang}\')}}catch(e){{}}">'
        f"{escape(LANGUAGE_NAMES.get(lang, lang))}</a></li>"
        for lang in editions
    )
    headings = "\n".join(
        f'<h1 lang="{language_tag(lang)}">{escape(titles[lang])}</h1>'
        for lang in editions if lang in titles
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{language_tag(lang)}" href="{lang}/index.html">'
        for lang in editions
    )
    return PAGE.format(
        lang=language_tag(SOURCE_LANGUAGE),
        title=escape(" · ".join(titles[lang] for lang in editions if lang in titles)),
        alternates=alternates,
        first=editions[0],
        editions=json.dumps(editions),
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


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m mishixiang_docs.chooser OUTDIR LANGUAGE...", file=sys.stderr)
        return 2
    outdir = Path(argv[0])
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "index.html").write_text(render(argv[1:]), encoding="utf-8")
    if base := os.environ.get("SITE_URL", ""):
        write_site_index(outdir, argv[1:], base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
