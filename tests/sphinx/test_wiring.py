"""The extension's wiring (editions/sphinxext/__init__.py) is written in the order Sphinx
runs it: each event's handlers and each kind of transform, as listed in ``setup()``, are
what a real build calls, in that order (priorities sort them; equal ones keep the order
they were registered in)."""

from __future__ import annotations

import ast
import inspect
from operator import attrgetter
from pathlib import Path

import editions.sphinxext as extension

EVENTS = ["config-inited", "builder-inited", "env-get-outdated", "env-before-read-docs", "write-started",
          "doctree-resolved", "html-page-context", "build-finished"]


def written(method: str, event: str | None = None) -> list[str]:
    """What each ``app.<method>(...)`` statement of setup() registers, in the order written."""
    setup = next(node for node in ast.parse(inspect.getsource(extension)).body
                 if isinstance(node, ast.FunctionDef) and node.name == "setup")
    names = []
    for statement in setup.body:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == method):
            continue
        args = call.args
        if event is not None:
            if args[0].value != event:
                continue
            args = args[1:]
        names.append(ast.unparse(args[0]))
    return names


def dotted(thing: object) -> str:
    """``module.name`` as setup() writes it (a function of __init__ by its name alone)."""
    module = thing.__module__.removeprefix("editions.sphinxext").lstrip(".")
    return f"{module}.{thing.__name__}" if module else thing.__name__


def test_the_order_written_is_the_order_sphinx_runs(sample) -> None:
    app = sample.build(language="en").app
    for event in EVENTS:
        run = [listener.handler for listener in sorted(app.events.listeners[event], key=attrgetter("priority"))
               if listener.handler.__module__.startswith("editions.sphinxext")]
        assert [dotted(handler) for handler in run] == written("connect", event), event
    for method, registered in (("add_transform", app.registry.get_transforms()),
                               ("add_post_transform", app.registry.get_post_transforms())):
        ours = [t for t in registered if t.__module__.startswith("editions.sphinxext")]
        run = sorted(ours, key=attrgetter("default_priority"))  # stable: ties keep the registration order
        assert [dotted(t) for t in run] == written(method), method
    assert len(written("connect", "config-inited")) >= 10  # the test reads setup() at all


def test_every_handler_is_wired_in_one_place() -> None:
    # No module of the extension connects a handler of its own: the order is read in __init__.py alone.
    for path in Path(extension.__file__).parent.glob("*.py"):
        if path.name != "__init__.py":
            text = path.read_text(encoding="utf-8")
            assert "app.connect(" not in text and "add_transform(" not in text, path.name
