"""The language picker: the site's root page, ``_build/html/index.html``, from which a
reader picks an edition.

With JavaScript it goes straight to the edition the reader chose before (the
switcher remembers it) or, failing that, to the first edition that matches the
browser's languages; ``index.html#choose`` always shows the choice.  Without
JavaScript it is a plain page of links (templates/language-picker.html.jinja).  Its heading is the profile's title in
each edition's own words: conf.py's ``project`` and its translations in each
``sphinx.po``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ..catalogs import CatalogError, read_catalog
from ..catalogs.rules import breaches
from ..edition import languages_of
from ..languages import language_name, language_tag
from ..project import Project, load
from ..templating import render_html
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
                # characters, tags and quotes): the language picker is no side door
                for breach in breaches(entry.msgid, entry.msgstr, interface=True, parser=None, language=language):
                    if breach.refused:
                        raise CatalogError(catalog, entry.linenum, f"the translation of {entry.msgid!r} "
                                           f"{breach.message}", breach.advice, breach.rule)
                found[language] = entry.msgstr
    return found


TEMPLATES = Path(__file__).resolve().parent / "templates"


def render(project: Project, languages: list[str]) -> str:
    source = project.source_language
    names = [source] + [lang for lang in languages if lang != source]
    titles = project_titles(project, names)
    parallels = project.parallels_of(names)
    return render_html(
        TEMPLATES, "language-picker.html.jinja",
        lang=language_tag(source),
        title=" · ".join(titles[lang] for lang in names if lang in titles),
        editions=[_named(lang) for lang in names],
        parallels=[{"name": name, "halves": [_named(lang) for lang in languages_of(name)]} for name in parallels],
        headings=[{"tag": language_tag(lang), "text": titles[lang]} for lang in names if lang in titles],
        choices=[*names, *parallels],
        key=storage_key(project),
        colour=project.colour,
    )


def _named(language: str) -> dict[str, str]:
    return {"name": language, "tag": language_tag(language), "text": language_name(language)}


def write_site_index(outdir: Path, editions: list[str], base: str) -> None:
    """With a known address: a sitemap index of the editions' sitemaps (the parallel ones
    too: each writes its own), and robots.txt."""
    base = base.rstrip("/")
    (outdir / "sitemap.xml").write_text(render_html(TEMPLATES, "sitemap-index.xml.jinja", base=base,
                                                    editions=editions), encoding="utf-8")
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
        say("usage: python -m editions language-picker OUTDIR [LANGUAGE...]", sys.stderr)
        return 2
    project = load()
    outdir = Path(argv[0])
    languages = argv[1:] or project.languages
    try:
        page = render(project, languages)
    except CatalogError as exc:
        say(exc.report(), sys.stderr)
        say("The language picker was not written: fix the catalog above.", sys.stderr)
        return 1
    outdir.mkdir(parents=True, exist_ok=True)
    for path in prune(outdir.parent, project):
        say(f"removed {path} (no catalogs for its language in {project.translations.name}/ any more)")
    (outdir / "index.html").write_text(page, encoding="utf-8")
    if base := os.environ.get("SITE_URL", ""):
        write_site_index(outdir, project.editions_of(languages), base)
    return 0
