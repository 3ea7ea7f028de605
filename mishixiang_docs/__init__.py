"""Build code of the Mishixiang Sub-district profile.

``mishixiang_docs.sphinxext`` is the Sphinx extension that ``conf.py`` loads; the
other modules are helpers for it, for the Makefile and for the tests.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The language the sources are written in; every other edition is a translation.
SOURCE_LANGUAGE = "en"

#: Each edition's name for itself, as shown in the language switcher.
LANGUAGE_NAMES = {
    "en": "English",
    "zh_CN": "简体中文",
    "ja": "日本語",
}


def language_tag(language: str) -> str:
    """BCP 47 tag for a gettext locale name (``zh_CN`` -> ``zh-CN``)."""
    return language.replace("_", "-")
