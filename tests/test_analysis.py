"""The garbage collector around bulk work: paused during it, the survivors frozen
after it, and an earlier pause's garbage collected by the next one."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from mkdocs_journey.analysis import paused_gc


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_paused_gc_freezes_what_survives_and_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        kept = [_Node() for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    seen_by_collections = {id(o) for o in gc.get_objects()}
    assert not any(id(n) in seen_by_collections for n in kept)


def test_the_next_pause_collects_the_garbage_of_the_last() -> None:
    with paused_gc():
        garbage = _Node()
        gone = weakref.ref(garbage)
        del garbage
    assert gone() is not None  # frozen: no collection sees the cycle
    gc.collect()
    assert gone() is not None
    with paused_gc():
        assert gone() is None


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
