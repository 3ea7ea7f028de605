"""Put the HTML theme's interface strings into ``sphinx.pot``.

Sphinx's gettext builder only extracts ``_()`` strings from the project's own
templates.  Furo ships no translations and Sphinx's Chinese catalog covers only
the basic theme, so without this the Chinese edition would show "Back to top",
"Skip to content" and the like in English.  With it, every string of the theme
in use reaches translators through ``sphinx.po``, the catalog Sphinx overlays
on its own.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.gettext import MsgOrigin
from sphinx.theming import HTMLThemeFactory, _load_theme_with_ancestors

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def theme_dirs(app: Sphinx) -> list[Path]:
    """The folders of the configured theme and its ancestors.

    ``HTMLThemeFactory.create`` would set up a packaged theme as an extension,
    and furo's handlers then fail in a non-HTML build; so we only find the
    themes' folders (builtin, ``html_theme_path`` and packaged ones) and follow
    their ``inherit`` chain.  Uses a private Sphinx helper: Sphinx is pinned.
    """
    factory = HTMLThemeFactory(
        confdir=Path(app.confdir), app=app, config=app.config, registry=app.registry
    )
    paths = dict(factory._themes)
    for entry_point in entry_points(group="sphinx.html_themes"):
        module_dir = Path(importlib.import_module(entry_point.module).__file__).parent
        for folder in (module_dir, module_dir / "theme"):
            for name, path in factory._find_themes(folder).items():
                paths.setdefault(name, path)
    _configs, dirs, _tmp = _load_theme_with_ancestors(app.config.html_theme, paths, {})
    return [Path(d) for d in dirs]


def theme_template_files(app: Sphinx) -> list[tuple[Path, str]]:
    """Each template with a stable name for it: ``<theme>/<path>``."""
    return [
        (f, f"{d.name}/{f.relative_to(d).as_posix()}")
        for d in theme_dirs(app)
        for f in sorted(d.rglob("*.html"))
    ]


# (template, its mtime) -> its messages: parsing every template of the theme is most of a
# gettext build's start, and a process that builds several times (the tests) parses them once.
_MESSAGES: dict[tuple[Path, int], list[tuple[int, str]]] = {}


def template_messages(app: Sphinx, template: Path) -> list[tuple[int, str]]:
    key = (template, template.stat().st_mtime_ns)
    if key not in _MESSAGES:
        extract = app.builder.templates.environment.extract_translations
        _MESSAGES[key] = [(line, message) for line, _function, message in extract(template.read_text(encoding="utf-8"))
                          if isinstance(message, str)]  # skip ngettext tuples
    return _MESSAGES[key]


#: Sphinx's own words that its HTML writer puts on every page (the headings' permalink
#: title): in sphinx.pot too, so that sphinx.po can word them as the style guide does
#: (Sphinx's Chinese catalog ends the tooltip with a full stop: 链接到此标题。).
WRITER_MESSAGES = ("Link to this heading",)


def add_theme_messages(app: Sphinx) -> None:
    if app.builder.name != "gettext":
        return
    catalog = app.builder.catalogs["sphinx"]
    for message in WRITER_MESSAGES:
        catalog.add(
            message, MsgOrigin(source=str(Path(app.outdir, "(theme)", "sphinx", "writers", "html5.py")), line=0)
        )
    for template, name in theme_template_files(app):
        # The pot shows sources relative to its own folder: this prints
        # "(theme)/furo/page.html", the same wherever the theme is installed.
        source = str(Path(app.outdir, "(theme)", name))
        for line, message in template_messages(app, template):
            catalog.add(message, MsgOrigin(source=source, line=line))
