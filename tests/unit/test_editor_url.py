"""Translators: EDITOR_URL opens a catalog entry in their editor, and nothing else.

The rule is one function (editions.editor_url.problem), read by the publishing driver
before Sphinx starts and by the review extension; each of them is shown to use it once
(tests/pipeline/test_makefile.py, tests/sphinx/test_review.py)."""

from __future__ import annotations

import pytest

from editions import editor_url


@pytest.mark.parametrize(("url", "said"), [
    ("javascript:alert(document.domain)//{path}", "a javascript: URL does not open an editor"),
    ("data:text/html,x{path}", "a data: URL does not open an editor"),
    ("vscode://file/no-path-here", "it has no {path}, where the catalog's path goes"),
    ("{path}:{line}", "it has no scheme"),
])
def test_an_editor_url_that_opens_no_editor_is_refused(url: str, said: str) -> None:
    problem = editor_url.problem(url)
    assert problem is not None and problem.startswith(said) and problem.endswith("try vscode://file{path}:{line}")


@pytest.mark.parametrize("url", ["", "vscode://file{path}:{line}", "idea://open?file={path}&line={line}"])
def test_an_editors_url_or_none_is_accepted(url: str) -> None:
    assert editor_url.problem(url) is None


def test_the_path_is_quoted_and_the_line_is_digits() -> None:
    assert editor_url.fill("vscode://file{path}:{line}", "/work/a b#c?.po", 12) == "vscode://file/work/a%20b%23c%3F.po:12"
