"""Whole-site builds: mkdocs --strict with the plugin, invalid content, and `widw render`."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import VALID_CASE
from tests.site.fixtures import write_project
from tests.site.pagefind_files import fragments
from tests.site.shown import first_difference

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(https?:)?//(?!wijindewijk\.example)"
)

pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=cwd, env=ENV, capture_output=True, text=True, check=False, timeout=600
    )


def mkdocs_build(
    project: Path, site: Path, config: Path | None = None
) -> subprocess.CompletedProcess[str]:
    config = config or project / "mkdocs.yml"
    return run(
        str(BIN / "mkdocs"), "build", "--strict", "-f", str(config), "-d", str(site), cwd=project
    )


def test_strict_build_is_clean_and_lean(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    site = tmp_path / "site"
    done = mkdocs_build(project, site)
    assert done.returncode == 0, done.stderr
    pages = list(site.rglob("*.html"))
    for slug in ("buurtkamer-noord", "moestuin-zuid", "bundel-2-beesd", "hart-voor-de-buurt"):
        page = site / "casussen" / slug / "index.html"
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) <= 40_000, slug
        assert html.count("<h1") == 1, slug
        assert "/edit/main/cases/" in html
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), page
        assert "fonts.googleapis" not in html
    overview = (site / "casussen" / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in overview
    nav = overview.split('class="md-nav md-nav--primary"')[1].split('class="md-content"')[0]
    assert "Alle casussen" in nav
    assert "Provincies" in nav
    assert "Buurtkamer Noord" not in nav
    assert "Buurtkamer Noord" in overview
    # The browser search is Pagefind's Dutch index; Material's lunr index is not built.
    assert not (site / "search" / "search_index.json").exists()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] >= 4 + 2 + 1 + 4
    indexed = fragments(site)
    for url in ("/casussen/buurtkamer-noord/", "/lessen/ruimte-voor-bewoners/", "/over/"):
        assert url in indexed
    for url in ("/data/codeboek/", "/bijdragen/velden/", "/casussen/", "/themas/", "/"):
        assert url not in indexed
    case = indexed["/casussen/buurtkamer-noord/"]
    assert case["filters"]["thema"] == ["Ontmoeting", "Ouderen"]
    assert case["meta"]["plaats"] == "Utrecht, Noord"
    assert "Plaats" not in case["content"]  # the fact box is not searched as text


def test_invalid_content_fails_with_the_validator_message(tmp_path: Path) -> None:
    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "status: beschreven", "status: misschien"
    )
    project = write_project(tmp_path / "project", {"cases/kapot.md": broken})
    validate = run(str(BIN / "widw"), "validate", "--map", str(project), cwd=project)
    assert validate.returncode == 1
    messages = [line for line in validate.stdout.splitlines() if line.startswith("cases/kapot.md")]
    assert messages
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    assert "ERROR   -  De inhoud heeft 1 fout; een strikte build stopt dan." in done.stderr
    for message in messages:
        assert f"\n{message}\n" in done.stderr  # the very same line as `widw validate`
    assert "Aborted with" in done.stdout + done.stderr


def test_render_gives_the_same_site_without_the_plugin(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    with_plugin = tmp_path / "site-plugin"
    assert mkdocs_build(project, with_plugin).returncode == 0
    out, config = tmp_path / "rendered", tmp_path / "plain.yml"
    done = run(str(BIN / "widw"), "render", "--map", str(project), "--out", str(out),
               "--config-uit", str(config), cwd=project)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (out / "casussen" / "buurtkamer-noord.md").is_file()
    assert (out / "over.md").is_file()
    assert "widw" not in config.read_text(encoding="utf-8").split("plugins:")[1].split("\n- ")[0]
    without = tmp_path / "site-plain"
    built = mkdocs_build(project, without, config)
    assert built.returncode == 0, built.stderr
    plugin_pages = {p.relative_to(with_plugin) for p in with_plugin.rglob("*.html")}
    plain_pages = {p.relative_to(without) for p in without.rglob("*.html")}
    assert plugin_pages == plain_pages
    # The plugin drops indentation itself, the plain config has the minify plugin do it:
    # the markup differs in white space only, what every page shows is the same.
    for name in sorted(plugin_pages):
        assert first_difference(with_plugin / name, without / name) is None, name
    case = "casussen/buurtkamer-noord/index.html"
    assert (with_plugin / case).read_bytes() != (without / case).read_bytes()
    assert len((with_plugin / case).read_bytes()) <= len((without / case).read_bytes()) * 1.01
    again = run(str(BIN / "widw"), "render", "--map", str(project), "--out", str(out), cwd=project)
    assert again.returncode == 0, again.stderr


def test_render_refuses_invalid_content_and_foreign_folders(tmp_path: Path) -> None:
    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "titel: Buurtkamer Noord", "titel: ''"
    )
    project = write_project(tmp_path / "project", {"cases/kapot.md": broken})
    out = tmp_path / "out"
    done = run(str(BIN / "widw"), "render", "--map", str(project), "--out", str(out), cwd=project)
    assert done.returncode == 1
    assert "cases/kapot.md" in done.stderr
    assert "niets geschreven" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()
    foreign = tmp_path / "eigen-map"
    foreign.mkdir()
    (foreign / "notities.txt").write_text("van mij", encoding="utf-8")
    (project / "cases" / "kapot.md").unlink()
    done = run(str(BIN / "widw"), "render", "--map", str(project), "--out", str(foreign),
               cwd=project)  # fmt: skip
    assert done.returncode == 1
    assert "niet eerder door 'widw render' gemaakt" in done.stderr
    assert (foreign / "notities.txt").read_text(encoding="utf-8") == "van mij"


def test_serve_keeps_building_and_shows_problems_in_a_banner(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "status: beschreven", "status: misschien"
    )
    project = write_project(tmp_path / "project", {"cases/kapot.md": broken})
    site = tmp_path / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    problems = config.extra["widw_problemen"]
    assert problems
    assert all(p.startswith("cases/kapot.md:") for p in problems)
    assert str(project / "cases") in config.watch
    assert str(project / "vocabulary.yml") in config.watch
    build(config)
    home = (site / "index.html").read_text(encoding="utf-8")
    banner = home.split('class="widw-problemen"')[1].split("</div>")[0]
    assert "Let op: " in banner
    # As a browser shows it: runs of spaces are one space (the HTML is minified).
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", banner)).split())
    for problem in problems:
        # the whole line: place, code and the Dutch message
        assert " ".join(problem.split()) in shown
    assert "'status' moet 'beschreven' of 'stub' zijn" in shown
    assert (site / "casussen" / "buurtkamer-noord" / "index.html").is_file()
    # The broken case keeps its page (with its problems), so links to it keep working.
    broken_page = (site / "casussen" / "kapot" / "index.html").read_text(encoding="utf-8")
    assert "Deze casus bevat fouten" in broken_page


def test_zoekindex_indexes_a_site_built_without_the_plugin(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    out, config = tmp_path / "rendered", tmp_path / "plain.yml"
    done = run(str(BIN / "widw"), "render", "--map", str(project), "--out", str(out),
               "--config-uit", str(config), cwd=project)  # fmt: skip
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site-plain"
    assert mkdocs_build(project, site, config).returncode == 0
    assert not (site / "pagefind").exists()
    indexed = run(str(BIN / "widw"), "zoekindex", str(site), cwd=project)
    assert indexed.returncode == 0, indexed.stderr
    assert "pagina's doorzocht" in indexed.stderr
    records = fragments(site)
    assert "/casussen/moestuin-zuid/" in records
    assert "/data/codeboek/" not in records
    assert records["/casussen/moestuin-zuid/"]["filters"]["provincie"] == ["Fryslân"]


def test_zoekindex_says_in_dutch_when_there_is_no_site(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    done = run(str(BIN / "widw"), "zoekindex", str(empty), cwd=tmp_path)
    assert done.returncode == 1
    assert "geen gebouwde site (index.html ontbreekt)" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (empty / "pagefind").exists()
