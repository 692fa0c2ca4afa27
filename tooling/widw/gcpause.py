"""Pause Python's cyclic garbage collector while a large, acyclic structure is built.

Loading thousands of documents creates millions of plain dicts, lists and strings; the
collector would walk all of them again at every generation-2 pass, which made up about a
third of `widw validate`'s time at 5,000 cases. Reference counting still frees everything
that is not part of a cycle; any cycle made meanwhile is collected once the pause ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off (restored afterwards, also on errors)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
