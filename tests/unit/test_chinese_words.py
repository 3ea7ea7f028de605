"""jieba's dictionary for a build (editions.chinese_words): the words of the project's
characters, which split its texts exactly as the whole dictionary does, and the whole
dictionary for any other text; without a project, jieba's whole cache, read from the
build's folder, and what cannot be read left to jieba.  Each case in a fresh process:
jieba's tokenizer is one a process."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures import ROOT


def run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


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
chinese_words.prepare(Path(sys.argv[1]))
words = chinese_words.jieba().lcut(sys.argv[2], HMM=False)
print(json.dumps({"words": words, "jieba_loaded_it": bool(called)}, ensure_ascii=False))
"""


def test_without_a_project_the_whole_dictionary_is_read_from_the_build_cache(tmp_path: Path) -> None:
    # a dictionary of two words (and their prefixes, as jieba keeps them)
    freq = {"米": 0, "米市": 0, "米市巷": 10, "街": 0, "街道": 10}
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps((freq, 20)))
    assert run(SPLIT, str(tmp_path), "米市巷街道") == {"words": ["米市巷", "街道"], "jieba_loaded_it": False}


@pytest.mark.parametrize("cache", [None, b"not a marshal file", marshal.dumps(["a list", 1])])
def test_a_cache_missing_or_damaged_is_left_to_jieba(tmp_path: Path, cache: bytes | None) -> None:
    if cache is not None:
        (tmp_path / "jieba.cache").write_bytes(cache)
    assert run(SPLIT, str(tmp_path), "米市巷")["jieba_loaded_it"]


# The project's words against jieba's whole dictionary, made by jieba (Tokenizer.gen_pfdict)
COMPARE = """
import json, sys
from pathlib import Path
import jieba
from editions import chinese_words
folder, texts = Path(sys.argv[1]), json.loads(sys.argv[2])
chinese_words.prepare(folder / "cache", [folder / "page.md"])
ours = chinese_words.jieba().dt
whole = jieba.Tokenizer()
whole.FREQ, whole.total = whole.gen_pfdict(open(chinese_words._dictionary_file(jieba), "rb"))
whole.initialized = True
said = {"kept": sorted(p.name.split("-")[0] for p in (folder / "cache").glob("words-*")),
        "words": len(ours.FREQ), "whole": len(whole.FREQ), "same": []}
for text in texts:
    ours.add_word("米市巷", 100000), whole.add_word("米市巷", 100000)  # a termbase's word
    said["same"].append([list(ours.cut(text)) == list(whole.cut(text)),
                         list(ours.cut(text, HMM=False)) == list(whole.cut(text, HMM=False)),
                         list(ours.cut_for_search(text)) == list(whole.cut_for_search(text)),
                         len(ours.FREQ) < len(whole.FREQ)])
print(json.dumps(said))
"""


def test_the_projects_words_split_as_the_whole_dictionary(tmp_path: Path) -> None:
    page = "米市巷街道位于拱墅区，辖7个社区，面积1.37平方公里。大运河穿境而过，第十三届。"
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    said = run(COMPARE, str(tmp_path), json.dumps([page, "街道7个社区", "一块新的牌匾"]))
    assert said["kept"] == ["words"] and said["words"] < said["whole"] // 10
    # the project's texts with its own words; a text with other characters with the whole dictionary
    assert said["same"] == [[True, True, True, True], [True, True, True, True], [True, True, True, False]]
