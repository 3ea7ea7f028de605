"""EDITOR_URL: the link in the review view that opens a catalog entry in the translator's
own editor (``vscode://file{path}:{line}``, ``idea://open?file={path}&line={line}``).

Read by the publishing driver, which refuses a bad one before Sphinx starts, and by the
review extension, which renders it."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

#: Schemes that run or embed something in the page instead of handing the file to an editor.
REFUSED_SCHEMES = {"javascript", "data", "vbscript", "blob", "about", "file"}
EXAMPLE = "vscode://file{path}:{line}"  # {path} is absolute: /work/…


def problem(template: str) -> str | None:
    """Why *template* cannot be used as EDITOR_URL, or None (an empty one means no link)."""
    if not template:
        return None
    scheme = urlsplit(template).scheme.lower()
    if not scheme:
        return f"it has no scheme; try {EXAMPLE}"
    if scheme in REFUSED_SCHEMES:
        return f"a {scheme}: URL does not open an editor; try {EXAMPLE}"
    if "{path}" not in template:
        return f"it has no {{path}}, where the catalog's path goes ({{line}} takes its line); try {EXAMPLE}"
    return None


def fill(template: str, path: str, line: int) -> str:
    """The URL for one entry: the path quoted (spaces, #, ?), the line as digits."""
    return template.replace("{path}", quote(path)).replace("{line}", str(line))
