"""Index life cycle: incremental updates, interrupted builds, corrupt or foreign indexes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.search.fixtures import CASES, case_text, load, write_project
from widw.content.library import Library
from widw.search.engine import SearchRequest
from widw.search.index import POINTER, ensure_index


def live_dir(cache_dir: Path) -> str:
    return (cache_dir / POINTER).read_text(encoding="utf-8").strip()


def found(library: Library, cache_dir: Path, query: str) -> list[str]:
    index = ensure_index(library, cache_dir)
    try:
        return [hit.slug for hit in index.engine.search(SearchRequest(query)).hits]
    finally:
        index.engine.close()


def edit_case(project: Path, slug: str, extra: str) -> None:
    spec = dict(CASES[slug], body=CASES[slug].get("body", "") + " " + extra)
    (project / "cases" / f"{slug}.md").write_text(case_text(slug, spec), encoding="utf-8")


def test_unchanged_library_is_not_reindexed(library: Library, cache_dir: Path) -> None:
    first = ensure_index(library, cache_dir)
    first.engine.close()
    second = ensure_index(library, cache_dir)
    second.engine.close()
    assert first.report.action == "opgebouwd"
    assert second.report.action == "ongewijzigd"
    assert second.directory == first.directory


def test_stale_index_updates_only_what_changed(project: Path, cache_dir: Path) -> None:
    before = ensure_index(load(project), cache_dir)
    before.engine.close()
    edit_case(project, "moestuin-oost", "Er staat nu ook een bijenkast.")
    (project / "cases" / "sportschool-zuid.md").unlink()
    library = load(project)
    after = ensure_index(library, cache_dir)
    after.engine.close()
    assert after.report.action == "bijgewerkt"
    assert after.report.changed == ["casus:moestuin-oost"]
    assert after.report.removed == ["casus:sportschool-zuid"]
    assert after.directory == before.directory
    assert found(library, cache_dir, "bijenkast") == ["moestuin-oost"]
    assert found(library, cache_dir, "sportschool") == []
    assert found(library, cache_dir, "ouderen")[:2] == [
        "koffie-met-ouderen",
        "luister-naar-ouderen",
    ]


def test_linked_entries_count_as_changed(project: Path, cache_dir: Path) -> None:
    ensure_index(load(project), cache_dir).engine.close()
    path = project / "lessons" / "geef-bewoners-geld.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- ambtenaren\n", "- actieve-inwoners\n"), encoding="utf-8")
    library = load(project)
    report = ensure_index(library, cache_dir)
    report.engine.close()
    assert sorted(report.report.changed) == [
        "casus:hart-voor-de-buurt",
        "casus:wijkgeld-noord",
        "les:geef-bewoners-geld",
    ]
    index = ensure_index(library, cache_dir)
    hits = index.engine.search(SearchRequest("budget", {"rol": ["actieve-inwoners"]})).hits
    index.engine.close()
    assert {h.slug for h in hits} == {"geef-bewoners-geld", "hart-voor-de-buurt", "wijkgeld-noord"}


class BuildInterruptedError(Exception):
    pass


def interrupt(done: int, total: int, description: str) -> None:
    raise BuildInterruptedError


def test_exception_during_build_keeps_previous_index(library: Library, cache_dir: Path) -> None:
    ensure_index(library, cache_dir).engine.close()
    previous = live_dir(cache_dir)
    with pytest.raises(BuildInterruptedError):
        ensure_index(library, cache_dir, interrupt, rebuild=True)
    assert live_dir(cache_dir) == previous
    assert sorted(p.name for p in cache_dir.iterdir()) == [POINTER, previous, "lock"]
    again = ensure_index(library, cache_dir)
    assert again.report.action == "ongewijzigd"
    assert [h.slug for h in again.engine.search(SearchRequest("eenzaamheid")).hits] == [
        "digitaal-dorpsplein",
        "koffie-met-ouderen",
    ]
    again.engine.close()


def test_exception_during_update_keeps_previous_index(project: Path, cache_dir: Path) -> None:
    ensure_index(load(project), cache_dir).engine.close()
    edit_case(project, "moestuin-oost", "Er staat nu ook een bijenkast.")
    library = load(project)
    with pytest.raises(BuildInterruptedError):
        ensure_index(library, cache_dir, interrupt)
    index = ensure_index(library, cache_dir)  # the update is retried, not lost
    assert index.report.action == "bijgewerkt"
    assert [h.slug for h in index.engine.search(SearchRequest("bijenkast")).hits] == [
        "moestuin-oost"
    ]
    index.engine.close()


KILL_SCRIPT = """
import sys, time
from pathlib import Path
from widw.content.library import ProjectPaths, load_library
from widw.search.index import ensure_index

def slow(done, total, description):
    print("bezig", done, flush=True)
    time.sleep(30)

library = load_library(ProjectPaths(Path(sys.argv[1]))).library
ensure_index(library, Path(sys.argv[2]), slow, rebuild=True)
print("klaar", flush=True)
"""


def test_killed_build_leaves_previous_index_usable(tmp_path: Path) -> None:
    cases = {f"{slug}-{i}": dict(spec, lessen=[]) for i in range(8) for slug, spec in CASES.items()}
    project = write_project(tmp_path / "groot", cases)
    library = load(project)
    cache_dir = tmp_path / "cache"
    ensure_index(library, cache_dir).engine.close()
    previous = live_dir(cache_dir)
    with subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILL_SCRIPT), str(project), str(cache_dir)],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        first = child.stdout.readline()
        child.kill()
        child.wait(timeout=30)
    assert first.startswith("bezig")  # killed halfway through adding documents
    assert any(p.name.startswith(".tmp-") for p in cache_dir.iterdir())
    assert live_dir(cache_dir) == previous
    index = ensure_index(library, cache_dir)
    assert index.report.action == "ongewijzigd"
    hits = index.engine.search(SearchRequest("eenzaamheid", limit=100)).hits
    index.engine.close()
    assert len(hits) == 16
    assert not any(p.name.startswith(".tmp-") for p in cache_dir.iterdir())


def test_corrupt_index_is_rebuilt_with_a_message(library: Library, cache_dir: Path) -> None:
    ensure_index(library, cache_dir).engine.close()
    directory = cache_dir / live_dir(cache_dir)
    for path in directory.iterdir():
        if path.name != "manifest.json":
            path.write_bytes(b"\x00kapot")
    index = ensure_index(library, cache_dir)
    assert index.report.action == "opgebouwd"
    assert "beschadigd of onbekend" in index.report.notices[0]
    assert index.engine.search(SearchRequest("moestuin")).total == 1
    index.engine.close()
    assert not directory.exists()


@pytest.mark.parametrize(
    "pointer",
    ["../../elders\n", "index-bestaat-niet\n", "\udcff".encode("utf-8", "surrogateescape")],
)
def test_bad_pointer_is_rebuilt_with_a_message(
    library: Library, cache_dir: Path, pointer: str | bytes
) -> None:
    ensure_index(library, cache_dir).engine.close()
    target = cache_dir / POINTER
    if isinstance(pointer, bytes):
        target.write_bytes(pointer)
    else:
        target.write_text(pointer, encoding="utf-8")
    index = ensure_index(library, cache_dir)
    index.engine.close()
    assert index.report.action == "opgebouwd"
    assert "beschadigd of onbekend" in index.report.notices[0]


def test_stale_manifest_generation_rebuilds(library: Library, cache_dir: Path) -> None:
    ensure_index(library, cache_dir).engine.close()
    manifest = cache_dir / live_dir(cache_dir) / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["generation"] += 1
    manifest.write_text(json.dumps(data), encoding="utf-8")
    index = ensure_index(library, cache_dir)
    index.engine.close()
    assert index.report.action == "opgebouwd"
    assert "andere versie" in index.report.notices[0]


def test_foreign_files_are_left_alone(library: Library, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "_MAIN_1.toc").write_bytes(b"iets van een ander programma")
    index = ensure_index(library, cache_dir)
    index.engine.close()
    assert index.report.action == "opgebouwd"
    assert "niet bij een zoekindex van widw" in index.report.notices[0]
    assert (cache_dir / "_MAIN_1.toc").exists()


def test_vocabulary_change_rebuilds(project: Path, cache_dir: Path) -> None:
    ensure_index(load(project), cache_dir).engine.close()
    vocabulary = project / "vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(
        text.replace("zoekwoorden: [moestuin,", "zoekwoorden: [volkstuin, moestuin,"),
        encoding="utf-8",
    )
    library = load(project)
    index = ensure_index(library, cache_dir)
    index.engine.close()
    assert index.report.action == "opgebouwd"
    assert "woordenlijst" in index.report.notices[0]
    assert found(library, cache_dir, "volkstuinen") == ["moestuin-oost"]
