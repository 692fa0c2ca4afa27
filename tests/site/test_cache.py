"""Caches keyed by content hash: unchanged input is reused, changed input is rebuilt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.site.fixtures import write_project
from widw.assemble import _SITES, SiteOptions, assemble_site
from widw.content.library import ProjectPaths, load_library
from widw.site import build_site
from widw.site.cache import PageCache

TODAY = dt.date(2026, 11, 23)


def _options(root: Path) -> SiteOptions:
    return SiteOptions(site_url="https://wijk.test/", root=root, today=TODAY)


def _assemble(root: Path) -> dict[str, str]:
    library = load_library(ProjectPaths(root)).library
    return assemble_site(library, _options(root)).pages


def test_unchanged_content_gives_the_same_site_from_disk(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    first = _assemble(root)
    assert (ProjectPaths(root).cache_dir / "site.json").is_file()
    _SITES.clear()  # a new process: only the file on disk is left
    assert _assemble(root) == first


def test_a_changed_case_changes_its_page_and_the_pages_that_show_it(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    before = _assemble(root)
    case = root / "cases" / "buurtkamer-noord.md"
    case.write_text(
        case.read_text(encoding="utf-8").replace("Buurtkamer Noord", "Buurtkamer Noordwest"),
        encoding="utf-8",
    )
    after = _assemble(root)
    assert "Buurtkamer Noordwest" in after["casussen/buurtkamer-noord.md"]
    assert "Buurtkamer Noordwest" in after["casussen/index.md"]
    assert before["casussen/buurtkamer-noord.md"] != after["casussen/buurtkamer-noord.md"]


def test_a_corrupt_cache_file_is_rebuilt_silently(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    first = _assemble(root)
    _SITES.clear()
    (ProjectPaths(root).cache_dir / "site.json").write_text("{kapot", encoding="utf-8")
    (ProjectPaths(root).cache_dir / "pages.json").write_bytes(b"\x00\xff")
    assert _assemble(root) == first


def test_page_cache_reuses_unchanged_case_pages_only(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    library = load_library(ProjectPaths(root)).library
    cache = PageCache(salt="test")
    built = build_site(library, site_url="https://wijk.test/", page_cache=cache)
    assert len(cache.entries) == len(library.cases)
    keys = set(cache.entries)
    again = build_site(library, site_url="https://wijk.test/", page_cache=cache)
    assert again.pages == built.pages
    assert set(cache.entries) == keys
    build_site(library, site_url="https://elders.test/", page_cache=cache)
    assert len(cache.entries) == 2 * len(keys), "another site_url is another input"
