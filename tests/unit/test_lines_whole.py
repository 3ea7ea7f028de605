"""Maintainers: editions built side by side print whole lines, even unbuffered (as in CI)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from editions.publish.say import say
for n in range(3000):
    say(f"{sys.argv[1]} HTML    _build/html/{sys.argv[1]} ({n}.0 s)")
"""


def test_two_editions_printing_at_once_never_share_a_line() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
    read, write = os.pipe()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, name], stdout=write, env=env)
               for name in ("en", "zh_CN-en")]
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        lines = pipe.read().splitlines()
    assert all(w.wait() == 0 for w in writers)
    assert len(lines) == 6000
    for line in lines:
        name = line.split()[0]
        assert line.startswith(f"{name} HTML    _build/html/{name} (") and line.endswith(".0 s)"), line
