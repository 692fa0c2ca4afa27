"""Property-based: whatever an editor does to a valid file, validation reports, never raises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, VALID_CASE, VALID_LESSON
from widw.content.library import ProjectPaths, load_library

LINES = VALID_CASE.split("\n")

mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(LINES) - 1), st.just("")),
    st.tuples(st.just("replace"), st.integers(0, len(LINES) - 1), st.text(max_size=40)),
    st.tuples(st.just("insert"), st.integers(0, len(LINES) - 1), st.text(max_size=40)),
    st.tuples(
        st.just("value"),
        st.integers(0, len(LINES) - 1),
        st.sampled_from(
            [
                "",
                "~",
                "null",
                "yes",
                "no",
                "010",
                "12:30",
                "2021-13-45",
                "[",
                "{a: b}",
                "- x",
                "onbekend",
                "&a x",
                "*a",
                "!!binary aGk=",
                "'",
                '"',
                "1e309",
                "-1",
            ]
        ),
    ),
)


def mutate(operations: list[tuple[str, int, str]]) -> str:
    lines = list(LINES)
    for op, index, text in operations:
        index = min(index, len(lines) - 1)
        if op == "delete" and len(lines) > 1:
            del lines[index]
        elif op == "replace":
            lines[index] = text
        elif op == "insert":
            lines.insert(index, text)
        elif op == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {text}"
    return "\n".join(lines)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_case_never_raises(tmp_path: Path, operations: list[tuple[str, int, str]]) -> None:
    root = tmp_path / "p"
    (root / "cases").mkdir(parents=True, exist_ok=True)
    (root / "lessons").mkdir(exist_ok=True)
    (root / "vocabulary.yml").write_bytes((REPO / "vocabulary.yml").read_bytes())
    (root / "lessons" / "ruimte-voor-bewoners.md").write_text(VALID_LESSON, encoding="utf-8")
    (root / "cases" / "buurtkamer-noord.md").write_text(mutate(operations), encoding="utf-8")
    result = load_library(ProjectPaths(root), today=dt.date(2026, 11, 23))
    for problem in result.problems:
        assert problem.path.startswith(("cases/", "lessons/"))
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message
        assert problem.code
    if result.ok:
        assert "buurtkamer-noord" in result.library.cases or not result.library.cases
