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
from ..edition import DOWNLOADS, languages_of
from ..inputs import WITH_EPUBS, WITH_PDFS
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


def downloads(project: Project, languages: list[str], builddir: Path, building: dict[str, bool]) -> list[dict]:
    """Each edition's PDF and EPUB that the site offers (as its pages do: those this run
    builds, or that exist), for the page's list of downloads: the edition's name and files."""
    offered = {format: project.offered(format, languages, builddir, building.get(format, False))
               for format in DOWNLOADS}
    found = []
    for name in project.editions_of(languages):
        files = [{"format": format.upper(), "href": f"{format}/{project.edition(name).download_name(format)}",
                  "type": MEDIA_TYPES[format]} for format in DOWNLOADS if name in offered[format]]
        if files:
            found.append({"halves": [_named(language) for language in languages_of(name)], "files": files})
    return found


MEDIA_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip"}


def render(project: Project, languages: list[str], builddir: Path | None = None,
           building: dict[str, bool] | None = None) -> str:
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
        downloads=downloads(project, names, builddir, building or {}) if builddir else [],
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
    for pdf in [*builddir.glob(f"pdf/{prefix}*.pdf"), *html.glob(f"pdf/{prefix}*.pdf"),
                *builddir.glob(f"epub/{prefix}*.epub"), *html.glob(f"epub/{prefix}*.epub")]:
        # an edition's booklet goes with it, and stays with it
        if pdf.stem[len(prefix):].removesuffix(BOOKLET_SUFFIX) not in project.editions:
            pdf.unlink()
            gone.append(pdf)
    for stamp in builddir.glob(".stamps/*-*"):
        kind, _, edition = stamp.name.partition("-")
        if kind in ("html", "pdf", "epub", "booklet") and edition not in project.editions and edition != "options":
            stamp.unlink()
    return gone


def main(argv: list[str]) -> int:
    # --with-pdfs, --with-epubs: this run builds them (make all), so the page lists them all
    building = {"pdf": WITH_PDFS in argv, "epub": WITH_EPUBS in argv}
    argv = [arg for arg in argv if arg not in (WITH_PDFS, WITH_EPUBS)]
    if not argv:
        say(f"usage: python -m editions language-picker [{WITH_PDFS}] [{WITH_EPUBS}] OUTDIR [LANGUAGE...]",
            sys.stderr)
        return 2
    project = load()
    outdir = Path(argv[0])
    languages = argv[1:] or project.languages
    try:
        page = render(project, languages, outdir.parent, building)
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
