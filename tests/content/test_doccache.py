"""The document cache: unchanged files are not parsed again; changed ones are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import VALID_CASE, ProjectFactory
from widw.content.doccache import DocumentCache
from widw.content.library import ProjectPaths, load_library

TODAY = dt.date(2026, 11, 23)


def _load(root: Path, cache: DocumentCache) -> list[str]:
    result = load_library(ProjectPaths(root), cache=cache, today=TODAY)
    return [p.format() for p in result.problems] + sorted(result.library.cases)


def test_cached_load_equals_fresh_load(make_project: ProjectFactory, tmp_path: Path) -> None:
    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "status: beschreven", "status: misschien"
    )
    root = make_project({"cases/kapot.md": broken})
    cache_file = tmp_path / "documents.json"
    first = _load(root, DocumentCache(cache_file))
    assert cache_file.is_file()
    second = _load(root, DocumentCache(cache_file))  # a new process: read from the file
    fresh = load_library(ProjectPaths(root), today=TODAY)
    assert first == second == [p.format() for p in fresh.problems] + sorted(fresh.library.cases)
    assert any("status" in line for line in second)


def test_a_changed_file_is_parsed_again(make_project: ProjectFactory, tmp_path: Path) -> None:
    root = make_project({})
    cache = DocumentCache(tmp_path / "documents.json")
    _load(root, cache)
    case = root / "cases" / "buurtkamer-noord.md"
    case.write_text(VALID_CASE.replace("titel: Buurtkamer Noord", "titel: Buurtkamer Oost"))
    library = load_library(ProjectPaths(root), cache=cache, today=TODAY).library
    assert library.cases["buurtkamer-noord"].title == "Buurtkamer Oost"


def test_a_corrupt_cache_file_is_ignored(make_project: ProjectFactory, tmp_path: Path) -> None:
    root = make_project({})
    cache_file = tmp_path / "documents.json"
    cache_file.write_text("{niet: geldig", encoding="utf-8")
    assert "buurtkamer-noord" in _load(root, DocumentCache(cache_file))
