"""Where a translator fixes an entry: the line of its ``msgstr``.

polib numbers an entry by its first line, which is its first comment (a
``# review:`` note, a ``#:`` reference); an editor opened there shows comments,
not the translation.  Every finding, warning and review note names the msgstr
line instead (``msgstr[0]`` for plurals).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable


def msgstr_lines(text: str) -> Callable[[int], int]:
    """For the catalog *text*: entry's first line (polib's ``linenum``) -> its msgstr line."""
    # splitlines() would also break at U+2028 and friends, which the catalog checks refuse
    # but polib does not count as lines: number the lines as polib does, by "\n".
    starts = [number for number, line in enumerate(text.split("\n"), start=1)
              if line.startswith("msgstr")]

    def line_of(entry_line: int) -> int:
        index = bisect_left(starts, entry_line)
        return starts[index] if index < len(starts) else entry_line

    return line_of
