"""jieba's dictionary is read from the build's cache folder by editions.chinese_words, and
what it cannot read is left to jieba (which builds the cache again).  Each case in a
fresh process: jieba's tokenizer is one a process."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures import ROOT

# jieba's own loading, recorded instead of done (it reads dict.txt: seconds)
SPLIT = """
import json, sys
from pathlib import Path
import jieba
from editions import chinese_words
called = []
def initialize(self, dictionary=None):
    called.append(1)
    self.FREQ, self.total, self.initialized = {}, 1, True
jieba.Tokenizer.initialize = initialize
chinese_words.keep_cache_in(Path(sys.argv[1]))
words = chinese_words.jieba().lcut(sys.argv[2], HMM=False)
print(json.dumps({"words": words, "jieba_loaded_it": bool(called)}, ensure_ascii=False))
"""


def split(folder: Path, text: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SPLIT, str(folder), text], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def test_the_dictionary_is_read_from_the_build_cache(tmp_path: Path) -> None:
    # a dictionary of two words (and their prefixes, as jieba keeps them)
    freq = {"米": 0, "米市": 0, "米市巷": 10, "街": 0, "街道": 10}
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps((freq, 20)))
    assert split(tmp_path, "米市巷街道") == {"words": ["米市巷", "街道"], "jieba_loaded_it": False}


@pytest.mark.parametrize("cache", [None, b"not a marshal file", marshal.dumps(["a list", 1])])
def test_a_cache_missing_or_damaged_is_left_to_jieba(tmp_path: Path, cache: bytes | None) -> None:
    if cache is not None:
        (tmp_path / "jieba.cache").write_bytes(cache)
    assert split(tmp_path, "米市巷")["jieba_loaded_it"]
