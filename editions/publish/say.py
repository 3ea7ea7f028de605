"""One line of a build's output, written whole.

make runs editions side by side into one terminal or pipe.  ``print`` writes the
text and its newline separately when Python is unbuffered (PYTHONUNBUFFERED, as in
CI), so two editions' lines ran together: "en HTML … (4.9 s)zh_CN-en HTML …".
One write of under 4 kB to a pipe is never interleaved with another (POSIX PIPE_BUF).
"""

from __future__ import annotations

import sys
from typing import TextIO


def say(text: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(text + "\n")
    stream.flush()
