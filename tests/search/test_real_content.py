"""Golden results on the real content in cases/, lessons/ and episodes/ (read at test time).

Kept robust on purpose: the content grows. Each pin names a case whose subject is the
query itself, and asserts it is among the first few results, not an exact ranking.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.search.fixtures import REPO
from widw.content.library import Library, ProjectPaths, load_library
from widw.search.engine import SearchRequest
from widw.search.index import SearchIndex, ensure_index
from widw.search.related import compute_related


@pytest.fixture(scope="module")
def real_library() -> Library:
    return load_library(ProjectPaths(REPO)).library


@pytest.fixture(scope="module")
def real_index(
    real_library: Library, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SearchIndex]:
    index = ensure_index(real_library, tmp_path_factory.mktemp("zoekindex"))
    yield index
    index.engine.close()


def top(index: SearchIndex, query: str, n: int = 3, **filters: list[str]) -> list[str]:
    request = SearchRequest(query, dict(filters), limit=n)
    return [hit.slug for hit in index.engine.search(request).hits]


def test_the_real_library_is_indexed(real_library: Library, real_index: SearchIndex) -> None:
    assert real_library.cases, "cases/ is empty"
    assert len(real_index.hashes) == (
        len(real_library.cases) + len(real_library.lessons) + len(real_library.episodes)
    )


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("buurtbudgetten", "hart-voor-de-k-buurt"),
        ("buurtbudget", "hart-voor-de-k-buurt"),
        ("moestuin", "krachtstation-kanaleneiland"),
        ("boksen", "choku-gym"),
        ("Kanaleneiland", "krachtstation-kanaleneiland"),
    ],
)
def test_subject_queries_find_their_case(real_index: SearchIndex, query: str, slug: str) -> None:
    assert slug in top(real_index, query)


def test_every_described_case_is_found_by_its_title(
    real_library: Library, real_index: SearchIndex
) -> None:
    missed = [
        slug
        for slug, case in real_library.cases.items()
        if case.status == "beschreven" and slug not in top(real_index, case.title.replace('"', ""))
    ]
    assert missed == []


def test_theme_filter_narrows_real_results(real_library: Library, real_index: SearchIndex) -> None:
    everything = real_index.engine.search(SearchRequest("ouderen", limit=100))
    narrowed = real_index.engine.search(SearchRequest("ouderen", {"thema": ["ouderen"]}, limit=100))
    assert 0 < narrowed.total < everything.total
    assert all("ouderen" in real_library.cases[h.slug].themes for h in narrowed.hits)


def test_real_related_cases_are_described_and_distinct(
    real_library: Library, real_index: SearchIndex, tmp_path: Path
) -> None:
    related = compute_related(real_library, real_index, tmp_path)
    described = {s for s, c in real_library.cases.items() if c.status == "beschreven"}
    assert set(related) == set(real_library.cases)
    for slug, others in related.items():
        assert len(others) <= 3
        assert slug not in others
        assert set(others) <= described
    assert all(related[slug] for slug in described)
