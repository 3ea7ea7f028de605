"""jieba loaded by editions.chinese_words: the same dictionary as jieba's own load,
from the same cache file, which jieba still writes, checks and rebuilds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fixtures import ROOT

SENTENCE = "米市巷街道有3个公园和一座桥，一般不收费。"
# In a fresh process each time: jieba's dictionary is loaded once a process.
PROBE = """
import json, marshal, sys
if sys.argv[3] == "ours":
    from editions.chinese_words import jieba
    module = jieba(sys.argv[1])
else:  # jieba's own load, from the same cache
    import jieba as module
    module.dt.tmp_dir = sys.argv[1]
    module.dt.initialize()
print(json.dumps({"words": module.lcut(sys.argv[2], HMM=False), "entries": len(module.dt.FREQ),
                  "total": module.dt.total, "marshal_restored": module.marshal is marshal}))
"""


def probe(cache: Path, loader: str = "ours") -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, str(cache), SENTENCE, loader], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_dictionary_read_at_once_is_jiebas_own(tmp_path: Path) -> None:
    first = probe(tmp_path)  # no cache yet: jieba builds its dictionary and writes the cache
    assert (tmp_path / "jieba.cache").is_file()
    again = probe(tmp_path)  # read back at once
    assert again == first == probe(tmp_path, "jieba's")
    assert again["marshal_restored"] and again["entries"] > 300_000
    assert {"街道", "公园", "一座"} <= set(again["words"])


def test_a_damaged_cache_is_rebuilt_by_jieba(tmp_path: Path) -> None:
    expected = probe(tmp_path)
    cache = tmp_path / "jieba.cache"
    cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])  # cut in the middle
    assert probe(tmp_path) == expected
    assert probe(tmp_path) == expected  # and the rewritten cache reads back
