"""``python -m editions matrix [PROJECT...]``: the editions as a CI matrix, one runner each.

GitHub Actions' ``strategy.matrix`` takes ``{"include": [{...}, ...]}``: one entry an
edition of a profile, with what its runner needs to build it and upload it (the
profile's folder, the edition, the artifact's name, the folders and files it uploads:
its site folder, its PDF, its EPUB).  The
editions come from the model (:mod:`editions.project`, :mod:`editions.edition`), the
same answer ``make`` gets, never from a list written into the workflow: a new
language's folder under ``locales/`` is a new runner.  Several profiles (one folder
each, its own conf.py) give one matrix; their artifacts are named by each edition's
PDF stem (``<edition_basename>-<edition>``), so two profiles must not share a basename.

Standard library only, like ``python -m editions editions``: the matrix job runs it
with the system's python3, before any virtual environment exists.
"""

from __future__ import annotations

import json
import posixpath
import sys
from pathlib import Path

from ..edition import DOWNLOADS
from ..project import Project, ProjectError, load

#: Where `make` builds (the Makefile's BUILDDIR default): what a runner uploads is under it.
BUILDDIR = "_build"
ARTIFACT_PREFIX = "edition-"


def artifact_name(project: Project, edition: str) -> str:
    """The artifact one edition's runner uploads: ``edition-<basename>-<edition>``."""
    return ARTIFACT_PREFIX + project.edition(edition).pdf_stem


def entries(folder: str) -> list[dict[str, str]]:
    """One matrix entry per edition of the profile in *folder* (a path relative to the
    repository's root, as the workflow's steps see it)."""
    project = load(Path(folder))
    built = posixpath.join(folder, BUILDDIR)
    def path(*parts: str) -> str:
        return posixpath.normpath(posixpath.join(built, *parts))

    return [{"project": folder, "edition": edition, "artifact": artifact_name(project, edition),
             "html": path("html", edition),
             **{format: path(format, project.edition(edition).download_name(format)) for format in DOWNLOADS}}
            for edition in project.editions]


def matrix(folders: list[str]) -> dict[str, list[dict[str, str]]]:
    include: list[dict[str, str]] = []
    owners: dict[str, str] = {}
    for folder in dict.fromkeys(posixpath.normpath(folder) for folder in folders):  # each profile once
        if not (Path(folder) / "conf.py").is_file():
            raise ProjectError(f"matrix: {folder}/conf.py does not exist: give the folder of a profile "
                               f"(the one holding its conf.py, docs/ and locales/)")
        for entry in entries(folder):
            if (other := owners.setdefault(entry["artifact"], folder)) != folder:
                raise ProjectError(f"matrix: {folder} and {other} both publish {entry['artifact']}: give each "
                                   f"profile its own edition_basename in its conf.py")
            include.append(entry)
    return {"include": include}


def profiles(folders: list[str]) -> dict[str, list[dict[str, str]]]:
    """The profiles of *matrix* (folders), one entry each with its basename: the assembly's
    matrix, one runner a profile, which downloads the artifacts ``edition-<basename>-*``."""
    seen: dict[str, dict[str, str]] = {}
    for entry in matrix(folders)["include"]:
        seen.setdefault(entry["project"], {"project": entry["project"],
                                           "basename": load(Path(entry["project"])).basename})
    return {"include": list(seen.values())}


USAGE = "usage: python -m editions matrix [--profiles] [PROJECT_DIR...]  (default: the current folder)"


def main(argv: list[str]) -> int:
    by_profile = "--profiles" in argv
    folders = [arg for arg in argv if arg != "--profiles"]
    if any(arg.startswith("-") for arg in folders):
        print(USAGE, file=sys.stderr)
        return 2
    # one line of JSON: the workflow writes it as `editions=<json>` into $GITHUB_OUTPUT
    print(json.dumps((profiles if by_profile else matrix)(folders or ["."]), ensure_ascii=False))
    return 0
