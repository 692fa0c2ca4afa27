"""Golden results on the real content in cases/, lessons/ and episodes/ (read at test time).

Kept robust on purpose: the content grows. Each pin names a case whose subject is the
query itself, and asserts it is among the first few results, not an exact ranking.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

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


def keys(index: SearchIndex, query: str, n: int = 10) -> list[str]:
    hits = index.engine.search(SearchRequest(query, limit=n)).hits
    return [f"{hit.kind}:{hit.slug}" for hit in hits]


def golden_queries() -> list[dict[str, Any]]:
    data = yaml.load(
        (REPO / "bench" / "relevance_queries.yml").read_text(encoding="utf-8"),
        Loader=yaml.CSafeLoader,
    )
    return [entry for entry in data if entry.get("golden")]


@pytest.mark.parametrize("entry", golden_queries(), ids=lambda e: e["vraag"])
def test_clear_benchmark_queries_have_a_best_answer_in_the_top_3(
    real_index: SearchIndex, entry: dict[str, Any]
) -> None:
    assert set(keys(real_index, entry["vraag"], 3)) & set(entry["beste"])


def test_the_benchmark_has_enough_clear_queries() -> None:
    assert len(golden_queries()) >= 20


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("opbouwwerk", {"les:best-persons-opbouwwerkers"}),  # the text says "opbouwwerkers"
        ("buurthuizen", {"casus:polka", "casus:krachtstation-kanaleneiland"}),
        ("statushouders", {"casus:polka", "les:onderling-omzien-vraagt-gerichte-steun"}),
        ("eenzaamheid ouderen", {"casus:boefjes-en-baristas", "casus:bundel-4-mierlo-hout"}),
        # One stub says "jongerenwerk" literally; the compound's parts still find Choku Gym.
        ("jongerenwerk", {"casus:choku-gym"}),
    ],
)
def test_the_issue_queries_find_what_they_are_about(
    real_index: SearchIndex, query: str, expected: set[str]
) -> None:
    assert expected <= set(keys(real_index, query, 5))


def test_elderly_no_longer_find_the_karate_school(real_index: SearchIndex) -> None:
    assert "casus:choku-gym" not in keys(real_index, "ouderen", 100)


def test_a_keyword_only_hit_says_why(real_index: SearchIndex) -> None:
    hits = {h.slug: h for h in real_index.engine.search(SearchRequest("moestuin")).hits}
    assert hits["krachtstation-kanaleneiland"].reason is None
    assert hits["twirre-doch-mei"].reason == "via thema Groen en natuur"
    assert not hits["twirre-doch-mei"].snippet.marks
    ranked = list(hits)
    assert ranked.index("krachtstation-kanaleneiland") < ranked.index("twirre-doch-mei")


def test_a_synonym_hit_says_which_word_matched(real_index: SearchIndex) -> None:
    hits = real_index.engine.search(SearchRequest("loneliness")).hits
    assert hits
    assert all(hit.reason == "via synoniem ‘eenzaamheid’" for hit in hits)
