"""CI: the edition matrix comes from the model (`python -m editions matrix`), never a list
written into the workflow; it runs with the system's python3 alone, as the matrix job does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from fixtures import ROOT, TESTS

from editions.project import load

TINY = TESTS / "roots" / "test-second-profile"


def matrix(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # what the matrix job has: the system's python3 (-I: no venv, no PYTHONPATH), and the package
    code = ("import sys; sys.path.insert(0, sys.argv.pop(1)); "
            "from editions.cli import main; sys.exit(main(['matrix', *sys.argv[1:]]))")
    return subprocess.run(["/usr/bin/python3", "-I", "-c", code, str(ROOT), *args], cwd=cwd, capture_output=True,
                          text=True)


def test_matrix_of_the_tiny_profile_is_its_editions(tmp_path: Path) -> None:
    folder = shutil.copytree(TINY, tmp_path / "riverside")
    result = matrix("riverside", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1  # one line: `editions=<json>` in $GITHUB_OUTPUT
    include = json.loads(result.stdout)["include"]
    assert [entry["edition"] for entry in include] == load(folder).editions == ["zh_CN", "en", "zh_CN-en"]
    assert include[2] == {"project": "riverside", "edition": "zh_CN-en", "artifact": "edition-riverside-brief-zh_CN-en",
                          "html": "riverside/_build/html/zh_CN-en",
                          "pdf": "riverside/_build/pdf/riverside-brief-zh_CN-en.pdf",
                          "epub": "riverside/_build/epub/riverside-brief-zh_CN-en.epub"}
    # a new language is a folder of catalogs, and so a new runner and its parallel edition
    shutil.copytree(folder / "locales" / "en", folder / "locales" / "ja")
    include = json.loads(matrix("riverside", cwd=tmp_path).stdout)["include"]
    assert [entry["edition"] for entry in include] == ["zh_CN", "en", "ja", "zh_CN-en", "zh_CN-ja"]


def test_matrix_of_several_profiles(tmp_path: Path) -> None:
    shutil.copytree(TINY, tmp_path / "a")
    shutil.copy2(ROOT / "conf.py", tmp_path / "conf.py")
    shutil.copytree(ROOT / "locales", tmp_path / "locales", ignore=shutil.ignore_patterns("*.po", "*.tsv", "*.txt"))
    result = matrix(".", "a", "./a/", cwd=tmp_path)  # each profile once, however written
    assert result.returncode == 0, result.stderr
    artifacts = [entry["artifact"] for entry in json.loads(result.stdout)["include"]]
    assert artifacts == ["edition-mishixiang-profile-en", "edition-mishixiang-profile-zh_CN",
                         "edition-mishixiang-profile-en-zh_CN", "edition-riverside-brief-zh_CN",
                         "edition-riverside-brief-en", "edition-riverside-brief-zh_CN-en"]
    profiles = json.loads(matrix("--profiles", ".", "a", cwd=tmp_path).stdout)
    assert profiles == {"include": [{"project": ".", "basename": "mishixiang-profile"},
                                    {"project": "a", "basename": "riverside-brief"}]}


def test_matrix_refuses_what_is_not_a_collection(tmp_path: Path) -> None:
    shutil.copytree(TINY, tmp_path / "a")
    shutil.copytree(TINY, tmp_path / "b")
    clash = matrix("a", "b", cwd=tmp_path)
    assert clash.returncode == 2 and "Traceback" not in clash.stderr
    assert "b and a both publish edition-riverside-brief-zh_CN" in clash.stderr and "edition_basename" in clash.stderr
    missing = matrix("nowhere", cwd=tmp_path)
    assert missing.returncode == 2 and "nowhere/conf.py does not exist" in missing.stderr
    assert matrix("--json", cwd=tmp_path).returncode == 2
