"""What the editions are built from, as make sees it: content stamps; file names are data.

A contributor names the files under ``locales/`` and ``docs/``.  A name handed to
make (``$(shell find ...)`` in a prerequisite list) or to a shell is read as syntax:
a space splits it into targets (`` serve``, `` clean``), ``$(...)`` runs.  So the
Makefile never sees these names.  ``python -m editions inputs STAMPS EDITION...``
hashes each edition's inputs (names and contents) and rewrites a stamp only when its
hash changed; make rebuilds an edition when one of its stamps is newer.

* ``STAMPS/sources``: conf.py, docs/, the extension and what it imports (the
  files of ``editions.sphinxext.code_version``, which makes Sphinx re-read pages),
  and the checks that gate each translated edition;
* ``STAMPS/catalogs-EDITION``: the catalogs of the edition's language (a parallel
  edition's: its translation's), ``locales/<language>/``;
* ``STAMPS/offered-pdfs``, ``STAMPS/offered-epubs``: the editions whose PDF, whose
  EPUB the site links (``--with-pdfs``, ``--with-epubs``: this run builds them all;
  otherwise those already built).

A name that is not plain (:func:`is_plain`) stops the command, one line each.  The
build and ``make check`` refuse the same names under ``locales/`` through
``editions.catalogs.files.non_regular_files``, which uses the rule here.

Standard library only, like ``editions``: the Makefile runs it with the system
python3, so the stamps never wait for (or depend on) the virtual environment.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .project import load

#: A plain file or folder name: ASCII letters, digits, '.', '_', '-', never a leading '-'
#: (an option to a command).  Hidden names are plain: editors' swap files and .DS_Store
#: come and go beside the sources, and the build reads a hidden catalog like any other,
#: so they are inputs like any other file, tracked and never expanded.
PLAIN_NAME = re.compile(r"[A-Za-z0-9._][A-Za-z0-9._-]*")
NOT_PLAIN = "is not a plain file name (letters, digits, '.', '_', '-'; no spaces)"
RENAME = "rename or remove it"

#: The code an edition runs besides conf.py and docs/ (and editions/*.py): the extension,
#: the catalog rules, and the checks, which gate every translated edition (a changed check
#: builds again, to give its verdict; Sphinx re-reads pages only for the first two, whose
#: output the pages are: editions.sphinxext.code_version).
PACKAGE_TREES = ("editions/sphinxext", "editions/catalogs", "editions/checks")


#: `make all`, `make pdf`: this run builds the PDFs, so the site links every one of them.
WITH_PDFS = "--with-pdfs"
#: `make all`, `make epub`: this run builds the EPUBs, so the site links every one of them.
WITH_EPUBS = "--with-epubs"


def is_plain(name: str) -> bool:
    return PLAIN_NAME.fullmatch(name) is not None


def as_printed(path: Path) -> Path:
    """*path* with its last name quoted: a space shows, and a control character or a
    line break is an escape, never a second line (or a command to the terminal)."""
    return path.parent / repr(path.name)


def entries(folder: Path, refused: list[Path]) -> Iterator[Path]:
    """Every file and folder under *folder*, sorted; a name that is not plain goes to
    *refused* (its folder is not entered).  Links are not followed."""
    for top, folders, files in os.walk(folder):
        for name in sorted(folders + files):
            if not is_plain(name):
                refused.append(Path(top, name))
            elif name != "__pycache__" and not name.endswith(".pyc"):  # written by Python, not read
                yield Path(top, name)
        folders[:] = sorted(name for name in folders if is_plain(name) and name != "__pycache__")


def _add(digest: Any, path: Path) -> None:
    """The name, kind and content of *path*: a link is its target's name, never
    followed; a device or fifo is never opened (the build refuses them)."""
    mode = os.lstat(path).st_mode
    digest.update(path.as_posix().encode("utf-8", "surrogateescape") + b"\0")
    if stat.S_ISREG(mode):
        digest.update(b"file\0" + path.read_bytes() + b"\0")
    elif stat.S_ISLNK(mode):
        digest.update(b"link\0" + os.fsencode(os.readlink(path)) + b"\0")
    else:
        digest.update(b"folder\0" if stat.S_ISDIR(mode) else b"other\0")


def tree_hash(paths: list[Path], refused: list[Path]) -> str:
    """The hash of *paths* and of everything under those that are folders."""
    digest = hashlib.sha256()
    for path in paths:
        if not os.path.lexists(path):
            continue
        _add(digest, path)
        if path.is_dir() and not path.is_symlink():
            for entry in entries(path, refused):
                _add(digest, entry)
    return digest.hexdigest()


def write_if_changed(path: Path, text: str) -> bool:
    """Write *text* to *path* only when it differs (its time is what make, and Sphinx's
    catalog compiler, compare); whole, never half-written, and in place of a symbolic
    link, never through it.  True: it was written."""
    data = text.encode("utf-8")
    if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, data)
    return True


def write_whole(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file beside it, renamed into place: a
    reader (another edition built beside) sees the old file or the new, never half of one,
    and a symbolic link is replaced, never written through."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def main(argv: list[str]) -> int:
    building_pdfs, building_epubs = WITH_PDFS in argv, WITH_EPUBS in argv
    argv = [arg for arg in argv if arg not in (WITH_PDFS, WITH_EPUBS)]
    if not argv:
        print(f"usage: python -m editions inputs STAMPS_DIR [{WITH_PDFS}] [{WITH_EPUBS}] [EDITION...]",
              file=sys.stderr)
        return 2
    project = load()
    stamps = Path(argv[0])
    editions = [project.edition(name) for name in argv[1:]]  # each becomes a file name: editions only
    # Paths relative to the project (the working directory): a copy of a built project
    # has the same stamps, and the names print as the user sees them.
    translations = Path(os.path.relpath(project.translations))
    refused: list[str] = []

    def stamp(paths: list[Path], check: str) -> str:
        names: list[Path] = []
        value = tree_hash(paths, names)
        # as the build and make check print it (editions.catalogs.files.CatalogError.report)
        refused.extend(f"{as_printed(path)}:1: [{check}] {NOT_PLAIN}; {RENAME}" for path in names)
        return value

    stamped = {stamps / "sources": stamp([Path("conf.py"), Path("docs"), *map(Path, PACKAGE_TREES),
                                          *sorted(Path("editions").glob("*.py"))], "source-file")}
    catalogs: dict[str, str] = {}
    for edition in editions:
        language = edition.catalogs
        if language not in catalogs:
            # the source edition's glossary lists the names of every translation's termbase
            termbases = [Path(os.path.relpath(path)) for other, path in project.termbases_of(edition).items()
                         if other != language]
            catalogs[language] = stamp([translations / language, *termbases], "catalog-file")
        stamped[stamps / f"catalogs-{edition.name}"] = catalogs[language]
    # The PDFs the site links (the HTML editions are built again when they change).
    languages = [edition.name for edition in editions if not edition.parallel]
    builddir = Path(os.environ.get("BUILDDIR", "_build"))
    stamped[stamps / "offered-pdfs"] = " ".join(project.offered_pdfs(languages, builddir, building_pdfs))
    stamped[stamps / "offered-epubs"] = " ".join(project.offered("epub", languages, builddir, building_epubs))
    if refused:
        print("\n".join(refused), file=sys.stderr)
        return 1
    for path, value in stamped.items():
        write_if_changed(path, value + "\n")
    return 0
