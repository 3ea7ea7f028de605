"""``python -m editions assemble ARTIFACTS_DIR [LANGUAGE...]``: one site from editions
built on separate runners.

Each runner of the CI matrix (``python -m editions matrix``) builds one edition with
``make edition EDITION=...`` and uploads its site folder, its PDF and its EPUB as one
artifact, ``edition-<basename>-<edition>/`` holding ``html/<edition>/``, ``pdf/<name>.pdf``
and ``epub/<name>.epub`` (the layout under ``_build/``).  Every runner builds with the
profile's whole language list and offers every edition's PDF and EPUB (``build
--with-pdfs --with-epubs``: the matrix builds them all),
so its pages already link the editions and brochures the others make.  This step, run
from the profile's folder, puts the artifacts found in *ARTIFACTS_DIR* where ``make``
would have built them (``$BUILDDIR/html/<edition>/``, ``$BUILDDIR/pdf/``,
``$BUILDDIR/html/pdf/``, the same for ``epub/``), writes the language picker (and with ``SITE_URL`` the sitemap
index and robots.txt), then follows every link that leaves an edition's folder (the
switchers, the "Download PDF" and "Download EPUB" links, the way back to the picker) and stops on one
that leads nowhere: the site is whole, or it is not published.
"""

from __future__ import annotations

import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..edition import DOWNLOADS
from ..project import Project, load
from . import language_picker
from .matrix import artifact_name
from .say import say


class AssemblyError(Exception):
    pass


def expected(project: Project, artifacts: Path, editions: list[str]) -> dict[str, tuple[Path, ...]]:
    """Each edition's site folder, PDF and EPUB in its artifact; AssemblyError naming every one missing."""
    found: dict[str, tuple[Path, ...]] = {}
    missing: list[str] = []
    for edition in editions:
        artifact = artifacts / artifact_name(project, edition)
        html = artifact / "html" / edition
        downloads = [artifact / format / project.edition(edition).download_name(format) for format in DOWNLOADS]
        lacking = [str(path) for path in (html / "index.html", *downloads) if not path.is_file()]
        if lacking:
            missing.append(f"  {edition}: {', '.join(lacking)} missing (artifact {artifact.name})")
        found[edition] = (html, *downloads)
    if missing:
        raise AssemblyError("assemble: these editions were not built or not uploaded; run their build jobs "
                            "again (or `make edition EDITION=...` into that layout):\n" + "\n".join(missing))
    return found


def place(found: dict[str, tuple[Path, ...]], builddir: Path) -> None:
    """Copy each edition where `make` builds it: the site folder, the PDF and the EPUB, the
    site's copies of them."""
    for edition, (html, *downloads) in found.items():
        target = builddir / "html" / edition
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(html, target)
        for download in downloads:
            format = download.parent.name
            for folder in (builddir / format, builddir / "html" / format):
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(download, folder / download.name)


class _Links(HTMLParser):
    """The href and src values of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [value for name, value in attrs if name in ("href", "src") and value]


def dead_links(site: Path, editions: list[str]) -> list[str]:
    """Every link of an edition's pages that leaves its folder for a file of the site that
    is not there: ``zh_CN/index.html: ../pdf/x-zh_CN.pdf``."""
    dead: list[str] = []
    root = site.resolve()
    for edition in editions:
        folder = (site / edition).resolve()
        for page in sorted(folder.rglob("*.html")):
            parser = _Links()
            parser.feed(page.read_text(encoding="utf-8", errors="replace"))
            for target in dict.fromkeys(parser.targets):
                parts = urlsplit(target)
                if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                    continue  # another site, this page, or the host's root: not the assembly's to know
                resolved = Path(os.path.normpath(page.parent / unquote(parts.path)))
                if resolved.is_relative_to(folder) or not resolved.is_relative_to(root):
                    continue
                if not resolved.exists():
                    dead.append(f"{page.relative_to(root)}: {target}")
    return dead


def assemble(artifacts: Path, builddir: Path, languages: list[str]) -> list[str]:
    """Put the artifacts in place and write the language picker; the editions assembled."""
    project = load()
    editions = project.editions_of(languages)
    place(expected(project, artifacts, editions), builddir)
    if language_picker.main([str(builddir / "html"), *languages]) != 0:
        raise AssemblyError("assemble: the language picker was not written (see above)")
    if dead := dead_links(builddir / "html", editions):
        raise AssemblyError("assemble: links between the editions that lead nowhere (an edition built with "
                            "another language list, or without --with-pdfs?):\n  " + "\n  ".join(dead))
    return editions


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        say("usage: python -m editions assemble ARTIFACTS_DIR [LANGUAGE...]", sys.stderr)
        return 2
    project = load()
    builddir = Path(os.environ.get("BUILDDIR", "_build"))
    languages = project.requested(argv[1:])
    try:
        editions = assemble(Path(argv[0]), builddir, languages)
    except AssemblyError as exc:
        say(str(exc), sys.stderr)
        return 1
    plural = "s" if len(editions) > 1 else ""
    say(f"assembled {builddir / 'html'}: {', '.join(editions)}, the language picker, "
        f"{len(editions)} PDF{plural} and {len(editions)} EPUB{plural}")
    return 0
