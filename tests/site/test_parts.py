"""An edit remakes only the parts of the site it touches, and the result equals a fresh build.

Each test assembles the project, edits it as an editor would, assembles it again with the
same build cache (the incremental path: unchanged parts keep their stored pages) and
compares every page and file with an assembly from nothing of the edited project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.site.fixtures import many_cases, write_project
from widw.assemble import SiteOptions, assemble_site, build_cache
from widw.buildcache import BuildCache, Part, PartIndex
from widw.content import routes
from widw.content.entryhash import EntryHashes
from widw.content.library import ProjectPaths, load_library
from widw.content.reader import Kind
from widw.site import Site

TODAY = dt.date(2026, 11, 23)
CASE = "cases/buurtkamer-noord.md"


def _assemble(root: Path, cache: BuildCache) -> Site:
    library = load_library(ProjectPaths(root)).library
    return assemble_site(library, SiteOptions("https://wijk.test/", root, today=TODAY), cache)


def _content(site: Site) -> tuple[dict[str, str], dict[str, str | bytes]]:
    return dict(site.pages), dict(site.files)


def _replace(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _summary(root: Path) -> None:
    _replace(root, CASE, "samenvatting: Een huiskamer", "samenvatting: Een gezellige huiskamer")


def _title(root: Path) -> None:
    _replace(root, CASE, "titel: Buurtkamer Noord", "titel: Aanschuiftafel Noord")


def _theme(root: Path) -> None:
    themes = "themas: [ontmoeting, ouderen"
    _replace(root, CASE, themes, f"{themes}, zeggenschap")


def _lesson(root: Path) -> None:
    lesson = "lessons/ruimte-voor-bewoners.md"
    _replace(root, lesson, "titel: Geef bewoners", "titel: Laat bewoners")


def _new_case(root: Path) -> None:
    text = (root / CASE).read_text(encoding="utf-8")
    text = text.replace("slug: buurtkamer-noord", "slug: buurtkamer-west")
    text = text.replace("titel: Buurtkamer Noord", "titel: Buurtkamer West")
    (root / "cases" / "buurtkamer-west.md").write_text(text, encoding="utf-8")


def _removed_case(root: Path) -> None:
    (root / "cases" / "moestuin-zuid.md").unlink()


EDITS: dict[str, Callable[[Path], None]] = {
    "summary": _summary,
    "title": _title,
    "theme": _theme,
    "lesson": _lesson,
    "new case": _new_case,
    "removed case": _removed_case,
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edit_assembled_incrementally_equals_a_fresh_assembly(tmp_path: Path, edit: str) -> None:
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    before = _content(_assemble(root, cache))
    EDITS[edit](root)
    after = _content(_assemble(root, cache))
    fresh = _content(_assemble(root, BuildCache()))
    assert after[0] == fresh[0], "pages"
    assert after[1] == fresh[1], "files"
    assert list(after[0]) == list(fresh[0]), "the pages in the same order"
    assert list(after[1]) == list(fresh[1]), "the files in the same order"
    assert after != before


def test_a_summary_edit_remakes_its_case_and_not_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    _assemble(root, cache)
    made: list[list[str]] = []
    original = PartIndex.save

    def remember(index: PartIndex) -> None:
        made.append(list(index.made))
        original(index)

    monkeypatch.setattr(PartIndex, "save", remember)
    _summary(root)
    site = _assemble(root, cache)
    assert "Een gezellige huiskamer" in site.pages["casussen/buurtkamer-noord.md"]
    assert "Een gezellige huiskamer" in str(site.files["data/cases.json"])
    [parts] = made
    assert "case:buurtkamer-noord" in parts
    assert "cite:buurtkamer-noord" in parts
    assert "exports" in parts
    assert "case:moestuin-zuid" not in parts
    assert "cite:moestuin-zuid" not in parts
    assert "facet:theme:groen-en-natuur" not in parts, "a term the case does not have"
    assert "facet:theme:ontmoeting" not in parts, "the case's card did not change"
    assert "guide" not in parts


def test_a_title_edit_remakes_the_lists_that_show_it(tmp_path: Path) -> None:
    """120 more cases: three overview pages; the renamed case moves up to the first."""
    root = write_project(tmp_path / "project", many_cases(120))
    cache = build_cache(root)
    pages = _content(_assemble(root, cache))[0]
    overview = [routes.page("case", number=n) for n in (1, 2, 3)]
    assert all(uri in pages for uri in overview)
    [was] = [uri for uri in overview if "Buurtploeg 119" in pages[uri]]
    assert was != overview[0]
    _replace(root, "cases/buurtploeg-119.md", "titel: Buurtploeg 119", "titel: Aardige ploeg")
    after = _content(_assemble(root, cache))
    assert after == _content(_assemble(root, BuildCache()))
    assert "Aardige ploeg" in after[0][overview[0]]
    assert "Buurtploeg 119" not in after[0][was]
    assert "Aardige ploeg" in after[0][routes.page("theme", "ontmoeting")]


def test_a_new_theme_lists_the_case_on_its_facet_page(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    before = _assemble(root, cache).pages["themas/zeggenschap.md"]
    assert "Buurtkamer Noord" not in before
    _theme(root)
    after = _assemble(root, cache).pages["themas/zeggenschap.md"]
    assert "Buurtkamer Noord" in after


def test_a_part_reused_wrongly_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above has teeth: hashes blind to content keep stale pages."""
    root = write_project(tmp_path / "project")
    cache = build_cache(root)

    def blind(self: EntryHashes, kind: Kind, name: str) -> str:
        return f"{kind}:{name}"

    monkeypatch.setattr(EntryHashes, "own", blind)
    _assemble(root, cache)
    _summary(root)
    after = _content(_assemble(root, cache))
    fresh = _content(_assemble(root, BuildCache()))
    assert after[0]["casussen/buurtkamer-noord.md"] != fresh[0]["casussen/buurtkamer-noord.md"]
    assert "Een gezellige huiskamer" not in after[0]["casussen/buurtkamer-noord.md"]
    assert after != fresh


def test_edits_in_a_row_keep_what_later_parts_read(tmp_path: Path) -> None:
    """The joined files read each case's stored record: a sweep must not lose them."""
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    _assemble(root, cache)
    _summary(root)
    _assemble(root, cache)
    _replace(root, "cases/moestuin-zuid.md", "samenvatting: Een moestuin", "samenvatting: Een tuin")
    after = _content(_assemble(root, cache))
    assert after == _content(_assemble(root, BuildCache()))
    cases_json = str(after[1]["data/cases.json"])
    assert "Een gezellige huiskamer" in cases_json
    assert "Een tuin die" in cases_json


def test_a_lost_cache_entry_makes_its_part_again(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    _assemble(root, cache)
    blobs = ProjectPaths(root).cache_dir / "build" / "blob"
    for path in blobs.rglob("*"):
        if path.is_file():
            path.unlink()
    _summary(root)
    after = _content(_assemble(root, cache))
    assert after == _content(_assemble(root, BuildCache()))


def test_two_parts_may_not_share_a_name() -> None:
    index = PartIndex(BuildCache(), "salt")
    index.outputs(Part("home", (), lambda: {"index.md": "a"}))
    with pytest.raises(ValueError, match="home"):
        index.outputs(Part("home", (), lambda: {"other.md": "b"}))


def test_an_edit_keeps_the_references_of_the_parts_it_reused(tmp_path: Path) -> None:
    """The stored APA references serve the next full assembly too (a cold one takes many
    seconds to render them again)."""
    import json

    root = write_project(tmp_path / "project")
    cache = build_cache(root)
    _assemble(root, cache)
    stored = cache.file("apa.json")
    assert stored is not None
    before = set(json.loads(stored.read_text(encoding="utf-8")))
    assert len(before) > 3
    _summary(root)
    _assemble(root, cache)
    after = set(json.loads(stored.read_text(encoding="utf-8")))
    assert before <= after, f"{len(before - after)} references were dropped"
