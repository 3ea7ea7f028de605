"""``python -m editions.checks [--format text|json|github] [--pot-dir DIR] LANG...``

One line per error and per warning, then one summary line per language;
notes are counted there (``--notes`` lists them).  Exit status: 1 when there
is an error (with ``--strict``, a warning too: a fuzzy or untranslated
message), 0 otherwise, 2 when the checks could not run (bad arguments).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .registry import CHECKS, table
from .report import format_github, format_json, format_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m editions.checks",
        description="Check the translation catalogs: syntax, sync with the sources, markup, "
                    "safety, numbers, terms and typography. One finding a line.",
        epilog="checks: " + ", ".join(CHECKS) + ". Waive one on an entry with a translator "
               "comment: # check: allow <check> — <reason>",
    )
    parser.add_argument("languages", nargs="*", metavar="LANG",
                        help="languages to check (default: every folder in --locale-dir)")
    parser.add_argument("--format", choices=["text", "json", "github"], default="text",
                        help="text (default), json (a list of findings) or github (annotations)")
    parser.add_argument("--pot-dir", type=Path, default=Path("_build/gettext"),
                        help="the message templates from `make gettext` (default: _build/gettext)")
    parser.add_argument("--locale-dir", type=Path, default=Path("locales"),
                        help="where the catalogs are (default: locales)")
    parser.add_argument("--output", "-o", type=Path, default=None,
                        help="write the findings to this file (the summary still goes to the terminal); "
                             "`make check` prints Sphinx's output too, so use this for JSON")
    parser.add_argument("--jobs", "-j", type=int, default=None,
                        help="processes for a large catalog set (default: one a core)")
    parser.add_argument("--notes", action="store_true",
                        help="list the notes too (obsolete entries, names pending confirmation), not just count them")
    parser.add_argument("--strict", action="store_true",
                        help="for a release: a fuzzy or untranslated message is an error (make check ALLOW_FUZZY=0)")
    parser.add_argument("--conf", type=Path, default=Path("conf.py"),
                        help="Sphinx conf.py whose myst_* settings the markup parse follows")
    parser.add_argument("--list-checks", action="store_true",
                        help="print the table of the checks (the README's) and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    from .runner import Options, run

    args = _parser().parse_args(argv)
    if args.list_checks:
        sys.stdout.write(table())
        return 0
    languages = args.languages
    if not languages:
        if not args.locale_dir.is_dir():
            print(f"check: no {args.locale_dir}/ folder here; run from the project's root "
                  "or give --locale-dir", file=sys.stderr)
            return 2
        from ..project import catalog_folders

        languages = catalog_folders(args.locale_dir)
    options = Options(languages=languages, locale_dir=args.locale_dir, pot_dir=args.pot_dir,
                      conf_py=args.conf, jobs=args.jobs, strict=args.strict)
    general, results = run(options)
    findings = general + [f for result in results for f in result.findings]
    if args.format == "json":
        report = format_json(findings) + "\n"
    else:
        line = format_github if args.format == "github" else format_text
        shown = [f for f in findings if args.notes or f.is_error or f.is_warning]
        report = "".join(line(finding) + "\n" for finding in shown)
    hint = "" if args.notes or args.format == "json" else " (make check NOTES=1 lists them)"
    summary = "".join(result.summary() + (hint if result.notes else "") + "\n" for result in results)
    if args.output is not None:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"check: cannot write {args.output} ({exc.strerror})", file=sys.stderr)
            return 2
        sys.stdout.write(summary + f"findings written to {args.output}\n")
    else:
        sys.stdout.write(report + ("" if args.format == "json" else summary))
    return 1 if any(f.is_error for f in findings) else 0


def entry_point(argv: list[str] | None = None) -> int:
    """main(), with every failure turned into one line: a translator never sees a traceback."""
    try:
        return main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        print(f"check: internal error ({type(exc).__name__}: {exc}); please report it, "
              "with the catalog that caused it", file=sys.stderr)
        return 2
