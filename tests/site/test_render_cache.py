"""The MkDocs adapter's caches: a warm build converts nothing and gives the same HTML; under
`mkdocs serve --dirty` an edit rebuilds only the pages whose text changed."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from tests.site.fixtures import write_project

pytestmark = pytest.mark.slow


def _build(project: Path, site: Path, *, command: str = "build", dirty: bool = False) -> Any:
    """One in-process build, as `mkdocs build` or one rebuild of `mkdocs serve` runs it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=dirty)
    build(config, dirty=dirty)
    return config.plugins["widw"]


def _pages(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*.html")
        if "pagefind" not in p.parts
    }


def test_a_warm_build_converts_no_page_and_gives_the_same_html(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    renders = _build(project, tmp_path / "cold")._renders
    converted = renders.misses
    assert converted > 0
    assert renders.hits == 0
    assert not gc.get_freeze_count(), "nothing stays frozen after the build"
    # MkDocs keeps the plugin instance (it defines on_startup), so the counts go on.
    assert _build(project, tmp_path / "warm")._renders is renders
    assert renders.misses == converted, "the warm build converts no page"
    assert renders.hits == converted
    assert _pages(tmp_path / "warm") == _pages(tmp_path / "cold")


def test_a_page_whose_link_target_is_gone_is_converted_again(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    about = project / "docs" / "over.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Zelfscan](zelfscan-oud.md)\n", encoding="utf-8"
    )
    (project / "docs" / "zelfscan-oud.md").write_text("# Oud\n", encoding="utf-8")
    renders = _build(project, tmp_path / "a")._renders
    converted = renders.misses
    (project / "docs" / "zelfscan-oud.md").unlink()
    _build(project, tmp_path / "b")
    assert renders.misses == converted + 1, "only the page with the broken link is converted"
    shown = (tmp_path / "b" / "over" / "index.html").read_text(encoding="utf-8")
    assert 'href="zelfscan-oud.md"' in shown, "MkDocs leaves a broken link as it is"


def test_serve_rebuilds_only_the_pages_an_edit_changes(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    site = tmp_path / "site"
    plugin = _build(project, site, command="serve", dirty=True)
    outputs = {name: (site / name).stat().st_mtime_ns for name in _pages(site)}
    case = project / "cases" / "buurtkamer-noord.md"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("samenvatting: ", "samenvatting: Bewerkt. ", 1), "utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    assert config.plugins["widw"] is plugin, "serve keeps one plugin instance"
    build(config, dirty=True)
    page = (site / "casussen" / "buurtkamer-noord" / "index.html").read_text(encoding="utf-8")
    assert "Bewerkt." in page
    changed = {n for n, t in outputs.items() if (site / n).stat().st_mtime_ns != t}
    assert "casussen/buurtkamer-noord/index.html" in changed
    assert "casussen/moestuin-zuid/index.html" not in changed
    assert len(changed) < len(outputs) / 2, sorted(changed)
    if plugin._indexer is not None:
        plugin._indexer.join()


def test_pages_wait_for_their_template_without_their_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs converts every page before rendering the first: the build holds no page's
    HTML in between, and gets it back (or converts again) when the template needs it."""
    import shutil

    import mkdocs.commands.build as mkdocs_build

    project = write_project(tmp_path / "project")
    _build(project, tmp_path / "cold")
    real_build_page = mkdocs_build._build_page
    held: list[int] = []

    def build_page(page: Any, config: Any, doc_files: Any, *args: Any, **kwargs: Any) -> None:
        if not held:
            held.append(sum(1 for f in doc_files if f.page is not None and f.page.content))
            held.append(len(doc_files))
            # A cache entry that went missing meanwhile: the page is converted again.
            shutil.rmtree(project / ".cache" / "widw" / "build" / "body")
        real_build_page(page, config, doc_files, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)
    _build(project, tmp_path / "warm")
    holding, pages = held
    assert pages > 20
    assert holding == 0, f"{holding} of {pages} pages held their HTML before rendering"
    assert _pages(tmp_path / "warm") == _pages(tmp_path / "cold")


def test_a_cold_build_with_workers_gives_the_same_site_and_the_same_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Forked workers convert the pages first (and related cases and APA references run
    side by side): the site and MkDocs' messages are those of a build in one process."""
    import shutil

    import widw.mkdocs_cache

    project = write_project(tmp_path / "project")
    about = project / "docs" / "over.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Weg](bestaat-niet.md)\n", encoding="utf-8"
    )
    monkeypatch.setattr(widw.mkdocs_cache, "PREFETCH_FROM", 10)
    monkeypatch.setenv("WIDW_WORKERS", "1")
    caplog.set_level("WARNING")
    renders = _build(project, tmp_path / "one")._renders
    before = (renders.hits, renders.misses)
    alone = [r.getMessage() for r in caplog.records if "bestaat-niet" in r.getMessage()]
    assert len(alone) == 1
    shutil.rmtree(project / ".cache")
    caplog.clear()
    monkeypatch.setenv("WIDW_WORKERS", "2")
    assert _build(project, tmp_path / "two")._renders is renders
    hits, misses = renders.hits - before[0], renders.misses - before[1]
    shared = [r.getMessage() for r in caplog.records if "bestaat-niet" in r.getMessage()]
    assert shared == alone, "the broken link is reported once, by the build itself"
    assert hits > 20, "the workers converted the pages"
    assert misses == 1, "only the page that logs is converted again"
    assert _pages(tmp_path / "two") == _pages(tmp_path / "one")
