"""jieba, the Chinese word splitter, loaded once a process, and quickly.

The numbers check (``editions.checks.numbers``) and the Chinese search
(``editions.sphinxext.chinese_search``) share jieba's one tokenizer.  Its prefix
dictionary holds half a million words, and a build splits texts made of a few
hundred characters.  So a build (``prepare``) gives the files its texts come
from, and jieba gets the words made of their characters only: the *project's
words*, kept in the build's cache (about 20 ms to read, against 0.2 s for
jieba's whole dictionary, 0.65 s as jieba reads it, 3 s to make it from
jieba's dict.txt).

Every lookup jieba makes while splitting a text is of a piece of that text, so
for a text made of those characters the project's words give exactly the
answers of the whole dictionary.  A text (or a word added to the dictionary)
with any other character makes the tokenizer load the whole dictionary first
(a character the build writes itself, not in any file, each time).

Without ``prepare`` (``make check``), jieba's whole dictionary, read from its
cache with ``marshal.loads`` of the file's bytes (jieba's ``marshal.load`` on the
open file asks the file for every object).
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

from .inputs import write_whole

_cache_folder: Path | None = None
_sources: tuple[Path, ...] = ()


def prepare(cache_folder: Path, sources: Iterable[Path] = ()) -> None:
    """Where jieba's caches go (the build's, not /tmp), and the files and folders whose
    characters the texts to split are made of (before the first use)."""
    global _cache_folder, _sources
    _cache_folder, _sources = cache_folder, tuple(sources)


@cache
def jieba() -> ModuleType:
    """The jieba module, its default tokenizer ready."""
    import logging

    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    if _cache_folder is not None:
        tokenizer.tmp_dir = str(_cache_folder)
    if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
        if _cache_folder is not None and _sources:
            _load_project_words(tokenizer, _cache_folder, _alphabet(_sources))
        else:
            _load_whole(tokenizer)
    tokenizer.check_initialized()  # jieba's own way when no cache could be read
    return jieba


def import_jieba() -> ModuleType:
    """jieba, imported without pkg_resources (70 ms), which it uses only to open its
    dict.txt, and opens by path without it; later imports of pkg_resources are not
    affected.  Before anything else imports jieba (Sphinx's Chinese search does)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # its import fails: jieba takes its fallback
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def _whole_cache(tokenizer) -> Path:  # a jieba.Tokenizer (untyped)
    # jieba's name for the default dictionary's cache, in jieba's folder for it
    return Path(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")


def _read_whole(tokenizer) -> tuple[dict[str, int], int] | None:
    try:
        freq, total = marshal.loads(_whole_cache(tokenizer).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # none yet, or damaged: jieba makes it again
    return (freq, total) if isinstance(freq, dict) and isinstance(total, int) else None


def _load_whole(tokenizer) -> None:
    if whole := _read_whole(tokenizer):
        tokenizer.FREQ, tokenizer.total = whole
        tokenizer.initialized = True


# -- The project's words ------------------------------------------------------------------------

#: Larger files are not read for their characters (a text of another character is split
#: right all the same: the whole dictionary is loaded for it).
MAX_SOURCE_BYTES = 10 * 1024 * 1024


def _alphabet(sources: Iterable[Path]) -> frozenset[str]:
    """Every character of the text files among *sources* (and under them), and ASCII."""
    characters = {chr(code) for code in range(128)}
    for source in sources:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in files:
            try:
                if path.is_file() and path.stat().st_size <= MAX_SOURCE_BYTES:
                    characters.update(path.read_bytes().decode("utf-8"))
            except (OSError, UnicodeDecodeError):
                continue  # not a text (an image), or gone
    return frozenset(characters)


def _dictionary_file(jieba: ModuleType) -> Path:
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def _load_project_words(tokenizer, folder: Path, alphabet: frozenset[str]) -> None:
    import jieba

    dictionary = _dictionary_file(jieba)
    try:
        stat = dictionary.stat()
    except OSError:
        return  # jieba says what is wrong
    key = hashlib.sha256("\0".join([str(dictionary), str(stat.st_size), str(stat.st_mtime_ns),
                                    "".join(sorted(alphabet))]).encode()).hexdigest()[:32]
    kept = folder / f"words-{key}.marshal"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "words.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # editions side by side: one makes them, the others read them
        try:
            words, total = marshal.loads(kept.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            words = None
        if not isinstance(words, dict):
            whole = _read_whole(tokenizer)
            if whole is not None:  # this process has it all already: use it, keep the project's part
                tokenizer.FREQ, tokenizer.total = whole
                tokenizer.initialized = True
                words, total = {w: f for w, f in whole[0].items() if alphabet.issuperset(w)}, whole[1]
            else:  # read from dict.txt, a quarter of the time jieba takes to make its whole cache
                words, total = _words_of(dictionary.read_bytes(), alphabet)
            for old in folder.glob("words-*.marshal"):
                old.unlink(missing_ok=True)
            write_whole(kept, marshal.dumps((words, total)))
            if tokenizer.initialized:
                return
    tokenizer.FREQ, tokenizer.total = words, total
    tokenizer.initialized = True
    _guard(tokenizer, alphabet)


def _words_of(dictionary: bytes, alphabet: frozenset[str]) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (``Tokenizer.gen_pfdict``, line by line the same), only
    its words and prefixes made of *alphabet*'s characters; the total of all."""
    words: dict[str, int] = {}
    total = 0
    for line in io.BytesIO(dictionary):
        word, freq = line.strip().decode("utf-8").split(" ")[:2]
        freq = int(freq)
        total += freq
        inside = next((i for i, character in enumerate(word) if character not in alphabet), len(word))
        if inside == len(word):
            words[word] = freq
        for end in range(1, inside + 1):
            words.setdefault(word[:end], 0)
    return words, total


def _guard(tokenizer, alphabet: frozenset[str]) -> None:
    """Before the tokenizer splits a text, or adds a word, with a character the project's
    words do not have: the whole dictionary.  ``cut`` is what every way of splitting calls
    (lcut, cut_for_search, suggest_freq), as ``self.cut``: the instance's comes first."""
    def complete() -> None:
        whole = _read_whole(tokenizer)
        if whole is None:  # jieba's own: made from dict.txt, and kept in its cache
            import jieba

            other = jieba.Tokenizer()
            # where it can keep it: a test's build folder may be gone by now
            other.tmp_dir = tokenizer.tmp_dir if tokenizer.tmp_dir and os.path.isdir(tokenizer.tmp_dir) else None
            other.initialize()
            whole = other.FREQ, other.total
        # The project's words hold what was added since (only their characters could be)
        # and the whole dictionary's own values for the rest; the total counts the additions.
        freq = dict(whole[0])
        freq.update(tokenizer.FREQ)
        tokenizer.FREQ = freq
        del tokenizer.cut, tokenizer.add_word

    def cut(sentence, *args, **kwargs):  # jieba's signature
        if not (isinstance(sentence, str) and alphabet.issuperset(sentence)):
            complete()
        return type(tokenizer).cut(tokenizer, sentence, *args, **kwargs)

    def add_word(word, *args, **kwargs):
        if not (isinstance(word, str) and alphabet.issuperset(word)):
            complete()
        return type(tokenizer).add_word(tokenizer, word, *args, **kwargs)

    tokenizer.cut, tokenizer.add_word = cut, add_word
