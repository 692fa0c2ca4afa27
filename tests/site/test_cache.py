"""Caches keyed by content hash: unchanged input is reused, changed input is rebuilt."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader

from tests.site.fixtures import write_project
from widw.assemble import SiteOptions, assemble_site, build_cache
from widw.buildcache import BuildCache
from widw.content.library import ProjectPaths, load_library
from widw.site import build_site, jinja
from widw.site.cache import PageCache

TODAY = dt.date(2026, 11, 23)


def _options(root: Path) -> SiteOptions:
    return SiteOptions(site_url="https://wijk.test/", root=root, today=TODAY)


def _assemble(root: Path, cache: BuildCache | None = None) -> dict[str, str]:
    library = load_library(ProjectPaths(root)).library
    return dict(assemble_site(library, _options(root), cache or build_cache(root)).pages)


def test_unchanged_content_gives_the_same_site_from_disk(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    first = _assemble(root)
    manifests = list((ProjectPaths(root).cache_dir / "build" / "site").rglob("*"))
    assert [p for p in manifests if p.is_file()], "the site is stored in the build cache"
    library = load_library(ProjectPaths(root)).library
    again = assemble_site(library, _options(root), build_cache(root))  # a new cache object
    assert again.stored, "a stored site hands its files to the builder"
    assert dict(again.pages) == first


def test_a_changed_case_changes_its_page_and_the_pages_that_show_it(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    before = _assemble(root, cache)
    case = root / "cases" / "buurtkamer-noord.md"
    case.write_text(
        case.read_text(encoding="utf-8").replace("Buurtkamer Noord", "Buurtkamer Noordwest"),
        encoding="utf-8",
    )
    after = _assemble(root, cache)
    assert "Buurtkamer Noordwest" in after["casussen/buurtkamer-noord.md"]
    assert "Buurtkamer Noordwest" in after["casussen/index.md"]
    assert before["casussen/buurtkamer-noord.md"] != after["casussen/buurtkamer-noord.md"]


def test_a_corrupt_cache_is_rebuilt_silently(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    first = _assemble(root)
    for path in (ProjectPaths(root).cache_dir / "build").rglob("*"):
        if path.is_file():
            path.write_bytes(b"{kapot\x00\xff")
    assert _assemble(root) == first


def test_a_changed_template_invalidates_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same cache object, a modified case template: the next build shows the change."""
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    before = _assemble(root, cache)
    assert "Sjabloon gewijzigd" not in before["casussen/buurtkamer-noord.md"]
    templates = tmp_path / "templates"
    shutil.copytree(Path(str(files("widw.site") / "templates")), templates)
    case_template = templates / "case.md.j2"
    text = case_template.read_text(encoding="utf-8")
    marked = text.replace(
        "{{ m.sources_section(sources) }}", "Sjabloon gewijzigd\n\n{{ m.sources_section(sources) }}"
    )
    assert marked != text
    case_template.write_text(marked, encoding="utf-8")
    original = jinja.environment()
    patched = original.overlay(loader=FileSystemLoader(str(templates)))
    monkeypatch.setattr(jinja, "environment", lambda: patched)
    after = _assemble(root, cache)
    assert "Sjabloon gewijzigd" in after["casussen/buurtkamer-noord.md"]
    monkeypatch.undo()
    assert _assemble(root, cache) == before, "the old template gives the old pages again"


def test_without_a_cache_nothing_is_kept(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    library = load_library(ProjectPaths(root)).library
    site = assemble_site(library, _options(root))
    assert site.pages["casussen/buurtkamer-noord.md"].startswith("---\n")
    assert not (ProjectPaths(root).cache_dir / "build").exists()


def test_page_cache_reuses_unchanged_case_pages_only(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    library = load_library(ProjectPaths(root)).library
    cache = BuildCache()
    built = build_site(library, site_url="https://wijk.test/", page_cache=PageCache(cache, "a"))
    pages = cache.count(PageCache.KIND)
    assert pages == len(library.cases)
    again = build_site(library, site_url="https://wijk.test/", page_cache=PageCache(cache, "a"))
    assert again.pages == built.pages
    assert cache.count(PageCache.KIND) == pages
    build_site(library, site_url="https://elders.test/", page_cache=PageCache(cache, "a"))
    assert cache.count(PageCache.KIND) == 2 * pages, "another site_url is another input"


def test_unused_entries_are_swept(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    old = cache.store("blob", "oud")
    cache.sweep(["blob"])
    new = cache.store("blob", "nieuw")
    assert cache.sweep(["blob"]) == 1
    assert cache.get("blob", new) == "nieuw"
    assert cache.get("blob", old) is None
