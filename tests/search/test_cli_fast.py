"""`widw search` on a warm index: no library load when no content file changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.search.fixtures import CASES, case_text
from tests.search.test_cli import run
from widw.content import library as library_module
from widw.search import snapshot


def forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the library was loaded")

    monkeypatch.setattr(library_module, "load_library", refuse)


def slugs(project: Path, query: str) -> list[str]:
    result = run(project, query, "--json")
    assert result.exit_code == 0, result.output
    return [hit["slug"] for hit in json.loads(result.stdout)["resultaten"]]


def test_a_warm_run_does_not_load_the_library(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(project, "ouderen")
    forbid_loading(monkeypatch)
    again = run(project, "ouderen")
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout
    assert "Ouderen (2)" in again.stdout  # facet labels come from the snapshot


def test_filters_are_checked_without_the_library(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(project, "ouderen")
    forbid_loading(monkeypatch)
    assert slugs(project, "ouderen") != []
    result = run(project, "ouderen", "--thema", "bestaat-niet")
    assert result.exit_code == 2
    assert "onbekende waarde 'bestaat-niet' voor --thema" in result.stderr


def test_a_touched_but_unchanged_file_keeps_the_fast_path(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(project, "ouderen")
    path = project / "cases" / "moestuin-oost.md"
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    forbid_loading(monkeypatch)
    assert "moestuin-oost" in slugs(project, "moestuin")


def test_an_edited_file_is_read_again(project: Path) -> None:
    assert slugs(project, "zeldzaamwoord") == []
    spec = dict(CASES["sportschool-zuid"], body="Er is ook een zeldzaamwoord in de zaal.")
    (project / "cases" / "sportschool-zuid.md").write_text(
        case_text("sportschool-zuid", spec), encoding="utf-8"
    )
    assert slugs(project, "zeldzaamwoord") == ["sportschool-zuid"]


def test_a_new_or_removed_file_is_noticed(project: Path) -> None:
    assert "moestuin-oost" in slugs(project, "moestuin")
    (project / "cases" / "moestuin-oost.md").unlink()
    assert "moestuin-oost" not in slugs(project, "moestuin")
    spec = dict(CASES["moestuin-oost"], titel="Moestuin West", lessen=[])
    (project / "cases" / "moestuin-west.md").write_text(
        case_text("moestuin-west", spec), encoding="utf-8"
    )
    assert "moestuin-west" in slugs(project, "moestuin")


def test_a_broken_snapshot_means_the_long_way(project: Path) -> None:
    run(project, "ouderen")
    cache = project / ".cache" / "widw" / "search"
    (cache / snapshot.SNAPSHOT_FILE).write_text("{kapot", encoding="utf-8")
    assert snapshot.load(cache) is None
    assert "koffie-met-ouderen" in slugs(project, "ouderen")
    assert snapshot.load(cache) is not None


def test_the_content_list_matches_the_project_paths(project: Path) -> None:
    from widw.cli.search import _content
    from widw.content.library import ProjectPaths

    paths = ProjectPaths(project)
    folders, files = _content(project)
    assert folders == [folder for folder, _ in paths.folders()]
    assert files == [paths.vocabulary, paths.published]


def test_the_warm_process_imports_neither_pydantic_nor_the_content_models(project: Path) -> None:
    run(project, "ouderen")
    code = (
        "import sys; from widw.cli import main\n"
        "try:\n    main(['search', 'ouderen', '--map', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "plain = {'widw.content.kinds', 'widw.content.routes'}  # the registry: plain data\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.startswith(('pydantic', 'widw.content.')) and m not in plain))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(project)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_an_index_damaged_behind_a_fresh_snapshot_is_rebuilt(project: Path) -> None:
    run(project, "ouderen")
    cache = project / ".cache" / "widw" / "search"
    current = cache / (cache / "CURRENT").read_text(encoding="utf-8").strip()
    for segment in current.glob("*.seg"):
        segment.write_bytes(b"kapot")
    result = run(project, "ouderen")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "De zoekindex kon niet gelezen worden; hij wordt opnieuw opgebouwd." in result.stderr
    assert "Koffie met ouderen" in result.stdout
    assert "koffie-met-ouderen" in slugs(project, "ouderen")
