"""The garbage collector around bulk work: paused during it, the survivors frozen
after it, and an earlier pause's garbage collected by the next one; and the work
itself leaves no reference cycle, which a frozen heap would keep until the next
build."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from mkdocs_journey.analysis import analyse, paused_gc
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import Loader
from mkdocs_journey.render.site import generate
from tests.conftest import REPO


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


def test_loading_and_generating_make_no_cyclic_garbage() -> None:
    """Everything the sample's load and pages made is freed by reference counting."""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        graph, _ = analyse(Loader(), REPO / "journeys", REPO)
        assert graph is not None
        pages = generate(graph, ENGLISH)
        assert pages
        del graph, pages
        gc.collect()
        cycles = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert cycles == []
