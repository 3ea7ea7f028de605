"""``python -m editions COMMAND [ARGS...]``: the one entry point the Makefile calls.

Each command runs from the project's root (where conf.py is) and imports only
what it needs: ``editions`` and ``inputs`` run with nothing but Python, before
the virtual environment exists.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .edition import EditionError
from .project import ProjectError, load


def _editions(argv: list[str]) -> int:
    """The Makefile's one question: the languages of this run (those asked for, checked,
    else every one of the profile), the translations among them and their editions, and the
    order make starts them in, as ``languages=en,zh_CN translations=zh_CN
    editions=en,zh_CN,en-zh_CN build-order=en-zh_CN,en,zh_CN`` (language codes hold no ','
    or '=': make splits the words and the lists)."""
    from .edition import build_order

    project = load()
    languages = project.requested(argv)  # the languages a user asked for are checked
    editions = project.editions_of(languages)
    answer = {"languages": languages, "translations": project.translations_of(languages),
              "editions": editions, "build-order": build_order(editions)}
    print(" ".join(f"{key}={','.join(values)}" for key, values in answer.items()))
    return 0


def _inputs(argv: list[str]) -> int:
    from .inputs import main

    return main(argv)


def _build(argv: list[str]) -> int:
    from .publish.build import main

    return main(argv)


def _booklet(argv: list[str]) -> int:
    from .publish.booklet import main

    return main(argv)


def _language_picker(argv: list[str]) -> int:
    from .publish.language_picker import main

    return main(argv)


def _dist(argv: list[str]) -> int:
    from .publish.dist import main

    return main(argv)


def _matrix(argv: list[str]) -> int:
    from .publish.matrix import main

    return main(argv)


def _assemble(argv: list[str]) -> int:
    from .publish.assemble import main

    return main(argv)


def _queries(argv: list[str]) -> int:
    from .publish.queries import main

    return main(argv)


def _bench(argv: list[str]) -> int:
    from .publish.bench import main

    return main(argv)


def _update_po(argv: list[str]) -> int:
    from .catalogs.merge import update

    if not argv:
        print("usage: python -m editions update-po POT_DIR [LANGUAGE...]", file=sys.stderr)
        return 2
    project = load()
    return update(Path(argv[0]), project.translations, argv[1:] or project.translation_languages)


def _stats(argv: list[str]) -> int:
    from .publish.progress import print_stats

    project = load()
    return print_stats(project, argv or project.translation_languages)


def _progress(argv: list[str]) -> int:
    from .publish.progress import main

    return main(argv)


def _releasable(argv: list[str]) -> int:
    """The languages asked for whose catalogs would publish (no error; with ALLOW_FUZZY=0
    no warning either), for `make dist`; each one left out is said on stderr."""
    import os

    from .checks import gate
    from .checks.report import format_text

    project = load()
    strict = os.environ.get("ALLOW_FUZZY", "").strip() == "0"
    kept = []
    for language in project.requested(argv):
        if language == project.source_language:
            kept.append(language)
            continue
        errors = gate.errors(gate.check(language, project.translations, project.root / "conf.py", strict))
        if not errors:
            kept.append(language)
            continue
        print(f"dist: the {language} editions are left out: {len(errors)} error{'s' if len(errors) > 1 else ''} "
              f"in its catalogs, the first: {format_text(errors[0])}", file=sys.stderr)
    print(" ".join(kept))
    return 0


def _check(argv: list[str]) -> int:
    from .checks.cli import entry_point

    return entry_point(argv)


COMMANDS: dict[str, tuple[Callable[[list[str]], int], str]] = {
    "editions": (_editions, "the languages (the source, then every folder of catalogs), translations and editions "
                           "of this run: editions [LANGUAGE...] (checks LANGUAGE...)"),
    "inputs": (_inputs, "stamp what the editions are built from, rewriting a stamp only when it changed: "
                       "inputs STAMPS_DIR [EDITION...]"),
    "build": (_build, "build one edition, in one or more formats read once: build {html,pdf,html,pdf,review} "
                     "EDITION [SPHINXOPTS...]"),
    "booklet": (_booklet, "impose built PDFs as print-ready A5 booklets on A4 sheets: booklet [EDITION...]"),
    "language-picker": (_language_picker, "write the site's root page, where a reader picks an edition: "
                        "language-picker OUTDIR [LANGUAGE...]"),
    "dist": (_dist, "pack the built site: dist [BUILDDIR]"),
    "matrix": (_matrix, "the editions as a CI matrix, one runner each, as JSON: matrix [PROJECT_DIR...]"),
    "assemble": (_assemble, "one site from editions built apart (CI artifacts): assemble ARTIFACTS_DIR [LANGUAGE...]"),
    "bench": (_bench, "print build timings"),
    "queries": (_queries, "the questions for the office (pending names, ask-the-office notes) as HTML and PDF: "
                          "queries OUTDIR [LANGUAGE...]"),
    "update-po": (_update_po, "merge the templates into the catalogs: update-po POT_DIR [LANGUAGE...]"),
    "stats": (_stats, "translated / fuzzy / untranslated counts: stats [LANGUAGE...]"),
    "progress": (_progress, "the translation progress page and a badge per language: progress OUTDIR [LANGUAGE...]"),
    "check": (_check, "check the translations (check --help)"),
    "releasable": (_releasable, "the languages whose editions may be published (no error): releasable [LANGUAGE...]"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print("usage: python -m editions COMMAND [ARGS...]\n\ncommands:", file=sys.stderr)
        for name, (_function, text) in COMMANDS.items():
            print(f"  {name:<10} {text}", file=sys.stderr)
        return 2
    function, _text = COMMANDS[argv[0]]
    try:
        return function(argv[1:])
    except (ProjectError, EditionError) as exc:
        print(f"editions: {exc}", file=sys.stderr)
        return 2
