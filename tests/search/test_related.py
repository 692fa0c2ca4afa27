"""Related cases: blended more-like-this, never stubs, cached by content hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.search.fixtures import CASES, case_text, load
from widw.content.library import Library
from widw.search import related as related_module
from widw.search.related import RELATED_FILE, related_cases


def test_every_case_gets_at_most_three_described_others(library: Library, cache_dir: Path) -> None:
    result = related_cases(library, cache_dir)
    assert list(result) == list(library.cases)
    stubs = {slug for slug, case in library.cases.items() if case.status == "stub"}
    for slug, others in result.items():
        assert len(others) <= 3
        assert slug not in others
        assert not stubs & set(others)
        assert len(set(others)) == len(others)


def test_golden_related(library: Library, cache_dir: Path) -> None:
    result = related_cases(library, cache_dir)
    assert result["hart-voor-de-buurt"][0] == "wijkgeld-noord"
    assert result["wijkgeld-noord"][0] == "hart-voor-de-buurt"
    assert result["koffie-met-ouderen"][0] == "moestuin-oost"
    # a stub gets suggestions from its theme, and is never suggested itself
    assert result["open-plek-budget"][:2] == ["wijkgeld-noord", "hart-voor-de-buurt"]


def test_limit_is_respected(library: Library, cache_dir: Path) -> None:
    assert all(len(v) <= 1 for v in related_cases(library, cache_dir, limit=1).values())


def count_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = related_module.Finder.related

    def spy(self: related_module.Finder, case: object) -> list[str]:
        calls.append(case.slug)  # type: ignore[attr-defined]
        return original(self, case)  # type: ignore[arg-type]

    monkeypatch.setattr(related_module.Finder, "related", spy)
    return calls


def test_cached_lists_are_reused(
    library: Library, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = related_cases(library, cache_dir)
    calls = count_calls(monkeypatch)
    assert related_cases(library, cache_dir) == first
    assert calls == []
    assert json.loads((cache_dir / RELATED_FILE).read_text(encoding="utf-8"))["format"] == 3


def count_analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts that are split into stemmed terms from now on."""
    analysed: list[str] = []
    original = related_module._tokens

    def spy(text: str) -> list[str]:
        analysed.append(text)
        return original(text)

    monkeypatch.setattr(related_module, "_tokens", spy)
    return analysed


def edit_sportschool(project: Path) -> None:
    """Give one case a new body."""
    spec = dict(CASES["sportschool-zuid"], body="De trainers kennen de gezinnen goed.")
    path = project / "cases" / "sportschool-zuid.md"
    path.write_text(case_text("sportschool-zuid", spec), encoding="utf-8")


def test_related_cases_need_no_search_index(library: Library, cache_dir: Path) -> None:
    result = related_cases(library, cache_dir)
    assert result["hart-voor-de-buurt"][0] == "wijkgeld-noord"
    assert sorted(p.name for p in cache_dir.iterdir()) == [RELATED_FILE]


def test_an_edit_analyses_only_the_edited_case_again(
    project: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = related_cases(load(project), cache_dir)
    edit_sportschool(project)
    analysed = count_analysed(monkeypatch)
    second = related_cases(load(project), cache_dir)
    assert len(analysed) == 1
    assert "De trainers kennen de gezinnen goed." in analysed[0]
    assert second.keys() == first.keys()


def test_edit_recomputes_the_case_and_the_lists_showing_it(
    project: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = related_cases(load(project), cache_dir)
    edit_sportschool(project)
    calls = count_calls(monkeypatch)
    related_cases(load(project), cache_dir)
    showing = {slug for slug, others in first.items() if "sportschool-zuid" in others}
    assert sorted(calls) == sorted({"sportschool-zuid"} | showing)


def test_new_case_recomputes_all(
    project: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load(project)
    related_cases(library, cache_dir)
    spec = dict(CASES["moestuin-oost"], titel="Moestuin West", lessen=[])
    path = project / "cases" / "moestuin-west.md"
    path.write_text(case_text("moestuin-west", spec), encoding="utf-8")
    calls = count_calls(monkeypatch)
    analysed = count_analysed(monkeypatch)
    result = related_cases(load(project), cache_dir)
    assert sorted(calls) == sorted([*library.cases, "moestuin-west"])
    assert result["moestuin-oost"][0] == "moestuin-west"
    assert len(analysed) == 1  # only the new case's text: the others' terms are cached


def test_unreadable_cache_is_recomputed(library: Library, cache_dir: Path) -> None:
    first = related_cases(library, cache_dir)
    (cache_dir / RELATED_FILE).write_text("{kapot", encoding="utf-8")
    assert related_cases(library, cache_dir) == first


SCRIPT = """
import json, sys
from pathlib import Path
from tests.search.fixtures import load
from widw.search import related
related.ALL_PAIRS_LIMIT = 1  # the candidate pool of large libraries, on a small one
related.CANDIDATES = 4
library = load(Path(sys.argv[1]))
finder = related.Finder(library, 3)
print(json.dumps({slug: finder.related(case) for slug, case in library.cases.items()}))
"""


def test_related_cases_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Above a few hundred cases only a pool of candidates is scored; which cases share a
    place at its edge must not depend on Python's string hashing (new in every process)."""
    import os
    import subprocess
    import sys

    from bench.generate import generate_project

    project = tmp_path / "gegenereerd"
    generate_project(project, 120)
    root = Path(__file__).resolve().parents[2]
    found = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(project)],
            env=env, capture_output=True, text=True, check=True, cwd=root,
        )  # fmt: skip
        found.add(done.stdout)
    assert len(found) == 1, "related cases differ between processes"
    lists = json.loads(found.pop())
    assert any(lists.values())
