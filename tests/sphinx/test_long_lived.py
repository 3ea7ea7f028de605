"""A build sets what lives to its end aside from the garbage collector, and hands it back
at the end (editions.sphinxext.long_lived): a process that runs more builds frees each."""

from __future__ import annotations

import gc

from editions.sphinxext import long_lived


def test_a_build_sets_its_long_lived_objects_aside_and_hands_them_back(sample, monkeypatch) -> None:
    aside = []
    hand_back = long_lived.hand_back

    def counted(app, exception) -> None:  # Sphinx's build-finished handler
        aside.append(gc.get_freeze_count())
        hand_back(app, exception)

    monkeypatch.setattr(long_lived, "hand_back", counted)
    assert sample.build(language="en").exit_code == 0
    assert aside and aside[0] > 10_000  # modules, configuration, theme, environment
    assert gc.get_freeze_count() == 0
