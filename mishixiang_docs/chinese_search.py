"""Chinese full-text search that works in the browser.

Sphinx 9.0.4's Chinese search language splits words with jieba correctly, but
the JavaScript it emits ends with ``window.Stemmer = ChineseStemmer;`` while the
stemmer it ships is the English one, so the search page throws
``ChineseStemmer is not defined`` and never lists a result
(sphinx-doc/sphinx#14229, fixed upstream by #14416 after 9.0.4, which is the last
release for Python 3.11).  We register the same language with the JavaScript
stemmer embedded under its real name, the smallest change that matches the
Python side (which stems Latin words with the English Snowball stemmer).

jieba also builds a prefix dictionary on first use and caches it in /tmp; we
keep that cache with the build instead.
"""

from __future__ import annotations

import logging as std_logging
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import _MINIFIED_JS_PATH
from sphinx.search.zh import SearchChinese

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _english_stemmer_js() -> str:
    return "\n".join((
        (_MINIFIED_JS_PATH / "base-stemmer.js").read_text(encoding="utf-8"),
        (_MINIFIED_JS_PATH / "english-stemmer.js").read_text(encoding="utf-8"),
        "window.Stemmer = EnglishStemmer;",
    ))


class SearchChineseFixed(SearchChinese):
    # An empty raw code makes Sphinx embed js_stemmer_code as it is.
    js_stemmer_rawcode = ""
    js_stemmer_code = _english_stemmer_js()


def use_build_cache_for_jieba(app: Sphinx) -> None:
    if app.builder.format != "html" or not (app.config.language or "").startswith("zh"):
        return
    import jieba

    cache_dir = Path(app.doctreedir).parent / "jieba-cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(cache_dir)
    jieba.setLogLevel(std_logging.WARNING)


def setup(app: Sphinx) -> None:
    app.add_search_language(SearchChineseFixed)
    app.connect("builder-inited", use_build_cache_for_jieba)
