"""jieba, the Chinese word splitter, loaded once a process, and quickly.

The numbers check (``editions.checks.numbers``) and the Chinese search
(``editions.sphinxext.chinese_search``) share jieba's one tokenizer.  Its prefix
dictionary (half a million words) comes from a marshal cache that jieba reads
with ``marshal.load`` on the open file, which asks the file for every object:
0.65 s on the build machine, against 0.2 s for ``marshal.loads`` of the file's
bytes, the same dictionary.  So we read the cache, and leave everything else
(the first build of the cache, a user dictionary, a damaged cache) to jieba.
"""

from __future__ import annotations

import marshal
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

_cache_folder: Path | None = None


def keep_cache_in(folder: Path) -> None:
    """Where jieba keeps its cache (the build's, not /tmp); before the first use."""
    global _cache_folder
    _cache_folder = folder


@cache
def jieba() -> ModuleType:
    """The jieba module, its default tokenizer ready (about a fifth of a second, once)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    if _cache_folder is not None:
        tokenizer.tmp_dir = str(_cache_folder)
    if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
        _load_cache(tokenizer)
    tokenizer.check_initialized()  # jieba's own way when the cache could not be read
    return jieba


def _load_cache(tokenizer) -> None:  # a jieba.Tokenizer (untyped)
    # jieba's name for the default dictionary's cache, in jieba's folder for it
    path = Path(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return  # none yet, or damaged: jieba builds it again
    if isinstance(freq, dict) and isinstance(total, int):
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
