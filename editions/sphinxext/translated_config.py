"""Translate language-dependent values of ``conf.py``.

Sphinx reads ``project``, ``author``, ``html_title`` and friends from ``conf.py``
and prints them untranslated in every edition.  We give them to translators the
way Sphinx gives its own interface strings: the gettext builder puts them in
``sphinx.pot`` (with the ``conf.py`` line as the source reference), ``make update-po``
carries them into ``locales/<lang>/LC_MESSAGES/sphinx.po``, and at start-up each
value is replaced by its translation from that catalog, which Sphinx has already
compiled and loaded as an overlay of its own ``sphinx`` domain.
"""

from __future__ import annotations

import re
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.gettext import MsgOrigin
from sphinx.locale import get_translation

from ..dates import build_year, source_date_epoch
from .current_edition import edition_of, profile
from .parallel import MESSAGES, SEPARATOR

if TYPE_CHECKING:
    from sphinx.config import Config

from sphinx.application import Sphinx

#: conf.py values a translator may translate.  ``copyright`` is a template with
#: ``{year}`` and ``{author}`` so that the message doesn't change every January.
TRANSLATABLE = (
    "project",
    "author",
    "html_title",
    "html_short_title",
    "copyright",
    "today_fmt",
    "html_last_updated_fmt",
    "edition_subtitle",
    "edition_keywords",
)

_sphinx_gettext = get_translation("sphinx")

#: Values a parallel edition shows in both languages ("<source> · <translation>").
BILINGUAL = ("project", "html_title", "html_short_title", "author", "edition_subtitle")

# The English values, kept per application: by the time the gettext builder
# asks for them, the config already holds the translated (and formatted) ones.
_msgids: weakref.WeakKeyDictionary[Sphinx, dict[str, str]] = weakref.WeakKeyDictionary()
# A parallel edition's values as its translation's edition has them (before "<source> · ").
_translations: weakref.WeakKeyDictionary[Sphinx, dict[str, str]] = weakref.WeakKeyDictionary()


def _conf_line(conf_py: Path, name: str) -> int:
    try:
        text = conf_py.read_text(encoding="utf-8")
    except OSError:
        return 0
    match = re.search(rf"^{re.escape(name)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _values(config: Config) -> dict[str, str]:
    # Only values conf.py sets: a default such as html_title ("<project>
    # documentation") is derived from translated values when Sphinx reads it.
    explicit = profile(config).set_in_conf
    return {
        name: config[name]
        for name in TRANSLATABLE
        if name in explicit and isinstance(config[name], str) and config[name]
    }


def translate_config(app: Sphinx, config: Config) -> None:
    """Replace each translatable value by its translation (config-inited)."""
    _msgids[app] = _values(config)
    for name, value in _msgids[app].items():
        config[name] = str(_sphinx_gettext(value))
    year = build_year(source_date_epoch(Path(app.confdir)))
    # catalog_guard let only a translation with the English's {year} and {author} through
    try:
        config.copyright = config.copyright.format(year=year, author=config.author)
    except (KeyError, IndexError, ValueError) as exc:
        from sphinx.errors import ConfigError

        raise ConfigError(
            f"the copyright line {config.copyright!r} (conf.py, or its translation in "
            f"sphinx.po) may only use the fields {{year}} and {{author}}: {exc}"
        ) from exc
    if edition_of(config).parallel:  # a parallel edition names itself in both languages
        _translations[app] = {}
        for name in BILINGUAL:
            source = _msgids[app].get(name)
            if source and config[name] != source:
                _translations[app][name] = config[name]
                config[name] = f"{source}{SEPARATOR}{config[name]}"


def translation_value(app: Sphinx, name: str) -> str | None:
    """A value a parallel edition shows in both languages, as its translation's edition
    shows it; None for any other (editions.sphinxext.shared_environment)."""
    return _translations.get(app, {}).get(name)


def source_value(app: Sphinx, name: str) -> str | None:
    """A translatable conf.py value as conf.py gives it (before translation)."""
    return _msgids.get(app, {}).get(name)


def add_config_messages(app: Sphinx) -> None:
    """Put the translatable conf.py values into sphinx.pot (builder-inited)."""
    if app.builder.name != "gettext":
        return
    conf_py = Path(app.confdir, "conf.py")
    for name, value in _msgids.get(app, {}).items():
        line = _conf_line(conf_py, name)
        if line:  # values only defaulted (html_short_title) share another's msgid
            app.builder.catalogs["sphinx"].add(value, MsgOrigin(source=str(conf_py), line=line))
    # the extension's own words (the parallel edition's "Not yet translated")
    own = Path(__file__).with_name("parallel.py")
    for message in MESSAGES:
        app.builder.catalogs["sphinx"].add(message, MsgOrigin(source=str(own), line=_line_of(own, message)))


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if repr(text)[1:-1] in line:
            return number
    return 0
