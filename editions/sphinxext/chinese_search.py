"""Chinese full-text search that works in the browser.

Sphinx 9.0.4's Chinese search language splits words with jieba correctly, but
the JavaScript it emits ends with ``window.Stemmer = ChineseStemmer;`` while the
stemmer it ships is the English one, so the search page throws
``ChineseStemmer is not defined`` and never lists a result
(sphinx-doc/sphinx#14229, fixed upstream by #14416 after 9.0.4, which is the last
release for Python 3.11).  We register the same language with the JavaScript
stemmer embedded under its real name, the smallest change that matches the
Python side (which stems Latin words with the English Snowball stemmer).

Names matter more than anything in this text, and jieba doesn't know them:
it cuts a three-character street name into one character and a two-character
word, so a reader searching for the name of the place found nothing.  The termbase
(``locales/<lang>/termbase.tsv``) becomes jieba's user dictionary.

Three costs are cut too: Sphinx loads jieba's *main* dictionary a second time as
a "user dictionary" unless ``html_search_options['dict']`` says otherwise
(350,000 ``add_word`` calls, about 4 s of every Chinese build); jieba caches
its prefix dictionary in /tmp; and that dictionary is half a million words.  We
load a user dictionary only when one is configured, keep jieba's cache with the
build, and give it the words of the edition's texts only (``editions.chinese_words``,
which the numbers check shares).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import snowballstemmer
from sphinx.search import _MINIFIED_JS_PATH, SearchLanguage

from .. import chinese_words
from ..languages import HAN, is_chinese
from .catalog_guard import translations_dir
from .current_edition import cache_folder, profile

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _english_stemmer_js() -> str:
    return "\n".join((
        (_MINIFIED_JS_PATH / "base-stemmer.js").read_text(encoding="utf-8"),
        (_MINIFIED_JS_PATH / "english-stemmer.js").read_text(encoding="utf-8"),
        "window.Stemmer = EnglishStemmer;",
    ))


def chinese_search_language() -> type[SearchLanguage]:
    """Sphinx's Chinese search language, fixed; imported only for a Chinese edition
    (jieba takes a sixth of a second to import, and an edition in another language
    never needs it)."""
    chinese_words.import_jieba()  # first: Sphinx's module imports jieba
    from sphinx.search.zh import JIEBA_DEFAULT_DICT, SearchChinese, jieba_load_userdict

    class SearchChineseFixed(SearchChinese):
        # An empty raw code makes Sphinx embed js_stemmer_code as it is.
        js_stemmer_rawcode = ""
        js_stemmer_code = _english_stemmer_js()

        def __init__(self, options: dict[str, str]) -> None:
            SearchLanguage.__init__(self, options)
            self.latin_terms: set[str] = set()
            chinese_words.jieba()  # the dictionary read quickly, before Sphinx's first use of it
            dict_path = options.get("dict", "")
            if dict_path and dict_path != JIEBA_DEFAULT_DICT and Path(dict_path).is_file():
                jieba_load_userdict(str(dict_path))
            self.stemmer = snowballstemmer.stemmer("english")

    return SearchChineseFixed


def register_chinese_search(app: Sphinx, config: Config) -> None:
    if is_chinese(config.language):
        app.add_search_language(chinese_search_language())


def termbase_words(termbase: Path) -> list[str]:
    """The Chinese forms of a termbase, split at punctuation, longest first.

    Read as make check reads it, within its bounds (size, terms, a term's length):
    jieba's dictionary costs the square of a word's length, and one Han term of
    100,000 characters took 3 GB.  What is out of bounds is left out here and
    reported by make check and the build's gate."""
    from ..checks import terms

    loaded, _problems = terms.load(termbase)
    words: set[str] = set()
    for term in loaded.terms if loaded is not None else []:
        for word in re.split(r"[\s“”《》（）()、，,/·]+", term.translation):
            if len(word) > 1 and re.search(f"[{HAN}]", word):
                words.add(word)
    return sorted(words, key=lambda w: (-len(w), w))


def termbase_dictionary(app: Sphinx, config: Config) -> None:
    """Give jieba the termbase's words (config-inited, Chinese editions only)."""
    if not is_chinese(config.language or "") or "dict" in config.html_search_options:
        return
    termbase = translations_dir(config) / config.language / "termbase.tsv"
    if not termbase.is_file():
        return
    dictionary = cache_folder(app, "jieba-cache") / f"termbase-{config.language}.txt"
    content = "".join(f"{word} 100000\n" for word in termbase_words(termbase))
    if not dictionary.exists() or dictionary.read_text(encoding="utf-8") != content:
        dictionary.write_text(content, encoding="utf-8")
    config.html_search_options = {**config.html_search_options, "dict": str(dictionary)}


def use_build_cache_for_jieba(app: Sphinx) -> None:
    if app.builder.format != "html" or not is_chinese(app.config.language or ""):
        return
    prepare_jieba(app)


def prepare_jieba(app: Sphinx) -> None:
    """jieba's caches in the build's, its dictionary the words of what this edition splits:
    the sources, the language's catalogs and termbase, conf.py (``editions.chinese_words``)."""
    config = app.config
    chinese_words.prepare(cache_folder(app, "jieba-cache"), [
        Path(app.srcdir), translations_dir(config) / config.language, profile(config).conf_py])
