"""Fixtures for search tests: the Dutch fixture library and its cache directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.search.fixtures import load, write_project
from widw.content.library import Library
from widw.search.index import SearchIndex, ensure_index, search_cache_dir


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project root holding the fixture library."""
    return write_project(tmp_path / "project")


@pytest.fixture
def library(project: Path) -> Library:
    return load(project)


@pytest.fixture
def cache_dir(project: Path) -> Path:
    return search_cache_dir(project)


@pytest.fixture
def index(library: Library, cache_dir: Path) -> Iterator[SearchIndex]:
    """A freshly built index over the fixture library."""
    built = ensure_index(library, cache_dir)
    yield built
    built.engine.close()
