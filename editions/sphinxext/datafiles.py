"""The data files of the page directives (``{chart}``, ``{key-figures}``): small CSV files.

A data file is the one place its figures live.  Lines starting with ``#`` are
comments (for the editors: where the figures come from); the first other line
names the columns.  A problem is reported with the file and the line to fix.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sphinx.util.docutils import SphinxDirective

Row = TypeVar("Row")


class DataFileError(ValueError):
    pass


def read_rows(path: Path, shown: str, what: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of the CSV file *path* (*shown* in messages, named *what*) as (line
    number, {column: stripped text}); DataFileError if it cannot be read or lacks a
    column."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{what} {shown}: cannot be read ({exc})") from None
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if not line.startswith("#")]
    reader = csv.DictReader(line for _n, line in lines)
    if reader.fieldnames is None or not set(columns) <= set(reader.fieldnames):
        raise DataFileError(f"{what} {shown}: expected a CSV file with the columns {','.join(columns)}")
    return [(number, {name: (row.get(name) or "").strip() for name in columns})
            for (number, _line), row in zip(lines[1:], reader, strict=False)]  # blank rows are skipped


class DataFileDirective(SphinxDirective):
    """A directive drawn from a data file, its one argument: the file is a dependency of
    the page, and a problem with it is the directive's error, naming file and line."""

    required_arguments = 1

    def read_data_file(self, reader: Callable[[Path, str], list[Row]], what: str) -> list[Row]:
        relative, path = self.env.relfn2path(self.arguments[0], self.env.current_document.docname)
        self.env.note_dependency(relative)
        try:
            rows = reader(Path(path), relative)
        except DataFileError as exc:
            raise self.error(str(exc)) from None
        if not rows:
            raise self.error(f"{what} {relative} has no rows")
        return rows
