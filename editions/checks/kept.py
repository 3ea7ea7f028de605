"""The checks' answer on each catalog, kept between builds (the build's gate, and the
catalog guard's file checks).

A translator changes one catalog at a time; the gate then checks that catalog
again and reads the answers on the others.  An answer is kept under the hash of
everything it depends on: what every catalog of the language shares (*shared*:
the language, conf.py, the checks' code, the language's folder but its
catalogs: termbase, style guide) and the catalog's own name and bytes.  Any
change is a new question, never an old answer: a bad catalog is checked as it is.

An answer is kept only if the catalog did not change while it was checked (the
checks read the file more than once: msgfmt reads it too); the answers the last
check did not ask for are removed (``forget_the_rest``).
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Generic, TypeVar

from ..catalogs.files import display_path
from ..inputs import write_whole

Answer = TypeVar("Answer")


class KeptAnswers(Generic[Answer]):
    def __init__(self, folder: Path, shared: str) -> None:
        self.folder = folder
        self.shared = shared
        self._asked: dict[Path, tuple[bytes, Path]] = {}  # catalog -> its bytes and its answer's file

    def get(self, catalog: Path) -> Answer | None:
        """The kept answer on *catalog* as it is now, or None: check it (then ``keep``)."""
        try:
            raw = catalog.read_bytes()
        except OSError:
            return None  # the checks say what is wrong with it, every time
        key = hashlib.sha256(b"\0".join([self.shared.encode(), display_path(catalog).encode(), raw])).hexdigest()
        answer = self.folder / f"{key[:32]}.pickle"
        self._asked[catalog] = (raw, answer)
        try:
            # our own file, under _build/, named by the hash of all it depends on
            return pickle.loads(answer.read_bytes())
        except Exception:  # noqa: BLE001 - none yet, or damaged: checked again
            return None

    def keep(self, catalog: Path, result: Answer) -> None:
        if catalog not in self._asked:
            return
        raw, answer = self._asked[catalog]
        try:
            if catalog.read_bytes() != raw:
                return  # changed while it was checked: the answer may be the other version's
        except OSError:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        write_whole(answer, pickle.dumps(result))

    def forget_the_rest(self) -> None:
        """Remove the answers this check did not ask for (catalogs changed or gone)."""
        wanted = {answer for _raw, answer in self._asked.values()}
        for old in self.folder.glob("*.pickle") if self.folder.is_dir() else []:
            if old not in wanted:
                old.unlink(missing_ok=True)
