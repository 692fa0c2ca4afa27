"""Whoosh is used through its public API only: no code reads an attribute starting with '_'."""

from __future__ import annotations

import re
from pathlib import Path

import widw.search

PACKAGE = Path(widw.search.__file__).parent
CLI = PACKAGE.parent / "cli" / "search.py"

PRIVATE = re.compile(r"(?<!\bself)(?<!\bcls)\.(_(?!_\w*__\b)\w+)|getattr\([^)]*[\"']_")
"""`x._name` on anything but our own object (dunders like `__init__` are public), or
getattr(x, '_name')."""


def sources() -> list[Path]:
    return [*sorted(PACKAGE.glob("*.py")), CLI]


def test_the_search_package_reads_no_private_attribute() -> None:
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert found == []


def test_the_check_catches_a_private_attribute() -> None:
    assert PRIVATE.search("matcher = reader._terms")
    assert PRIVATE.search("getattr(q, '_btexts')")
    assert PRIVATE.search("reader.__secret")
    assert not PRIVATE.search("self._cache = {}")
    assert not PRIVATE.search("super().__init__(message)")
    assert len(sources()) > 10


def test_the_reimplemented_scoring_is_gone() -> None:
    assert not (PACKAGE / "columns.py").exists()
    assert not (PACKAGE / "evaluate.py").exists()
