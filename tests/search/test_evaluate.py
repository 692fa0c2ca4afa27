"""Column-wise evaluation (widw.search.evaluate) gives Whoosh's own matches, scores and order.

Checked on the real content (one segment) and on a generated library that was updated
in place, so its index has several segments and deleted documents.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from whoosh import sorting
from whoosh.searching import Searcher

from bench.generate import generate_project
from tests.search.fixtures import REPO
from widw.content.library import ProjectPaths, load_library
from widw.search.columns import IndexColumns
from widw.search.evaluate import Evaluator
from widw.search.facets import FacetCounter
from widw.search.query import filter_query, parse_query
from widw.search.whoosh_engine import WhooshEngine

QUERIES = [
    "buurt",
    "ouderen eenzaamheid",
    "wijkcentrum OR buurthuis",
    "ouderen NOT jongeren",
    "NOT buurt",
    "bewoners ANDMAYBE geld",
    "bewoners ANDNOT geld",
    "(sport OR jongeren) AND NOT ouderen",
    "titel:buurt^2 OR tekst:geld",
    "thema:ouderen",
    "status:stub OR soort:les",
    '"sociale basis"',
    '"buurt" OR bewoners',
    "slug:[a TO m]",
    "zeldzaamwoordzonderresultaat",
]
"""Every node type: terms, AND, OR, NOT, AND NOT, AND MAYBE, boosts, keyword fields,
phrases and ranges (through Whoosh's own matcher)."""

EXPANDING = ["buurt*", "bewon?rs", "titel:wijk* OR ouderen"]
"""Prefixes and wildcards. Whoosh scores their expansions one way or another depending on
the index size and collector; ours are always scored as an OR of the expansions (what
Whoosh does above 5,000 documents), so only the matches are compared."""

RANKING = [sorting.FieldFacet("rang"), sorting.ScoreFacet()]


def whoosh_scores(searcher: Searcher, query: str, engine: WhooshEngine) -> dict[int, float]:
    """Whoosh's own results, without deleted documents (its NOT over several segments
    returns some; ours never does)."""
    parsed = parse_query(engine._parser, query)
    reader = searcher.reader()
    return {
        hit.docnum: hit.score
        for hit in searcher.search(parsed, limit=None)
        if not reader.is_deleted(hit.docnum)
    }


def our_scores(searcher: Searcher, query: str, engine: WhooshEngine) -> dict[int, float]:
    found = Evaluator(IndexColumns(searcher)).matches(parse_query(engine._parser, query))
    return {int(doc): float(found.scores[doc]) for doc in np.flatnonzero(found.mask)}


@pytest.fixture(scope="module")
def real_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhooshEngine]:
    from widw.search.index import ensure_index

    library = load_library(ProjectPaths(REPO)).library
    index = ensure_index(library, tmp_path_factory.mktemp("echt"))
    engine = index.engine
    assert isinstance(engine, WhooshEngine)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def updated_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhooshEngine]:
    """A generated library, indexed, then edited and shrunk: several segments, deletions."""
    from widw.search.index import ensure_index

    root = tmp_path_factory.mktemp("gegenereerd")
    generate_project(root, 120, seed=3)
    cache = root / ".cache" / "zoek"
    ensure_index(load_library(ProjectPaths(root)).library, cache).engine.close()
    cases = sorted((root / "cases").glob("*.md"))
    for path in cases[:6]:
        path.write_text(
            path.read_text(encoding="utf-8") + "\nExtra zin over buurt en geld.\n",
            encoding="utf-8",
        )
    for path in cases[-3:]:
        path.unlink()
    index = ensure_index(load_library(ProjectPaths(root)).library, cache)
    assert index.report.action == "bijgewerkt"
    engine = index.engine
    assert isinstance(engine, WhooshEngine)
    yield engine
    engine.close()


def assert_same_as_whoosh(engine: WhooshEngine, query: str) -> None:
    searcher = engine._current_searcher()
    expected = whoosh_scores(searcher, query, engine)
    got = our_scores(searcher, query, engine)
    assert got.keys() == expected.keys()
    for doc, score in expected.items():
        assert got[doc] == pytest.approx(score, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("query", QUERIES)
def test_same_matches_and_scores_as_whoosh_on_real_content(
    real_engine: WhooshEngine, query: str
) -> None:
    assert_same_as_whoosh(real_engine, query)


@pytest.mark.parametrize("query", QUERIES)
def test_same_matches_and_scores_as_whoosh_after_updates(
    updated_engine: WhooshEngine, query: str
) -> None:
    reader = updated_engine._current_searcher().reader()
    assert len(list(reader.leaf_readers())) > 1
    assert reader.doc_count() < reader.doc_count_all()  # deleted documents are present
    assert_same_as_whoosh(updated_engine, query)


@pytest.mark.parametrize("query", EXPANDING)
def test_prefixes_and_wildcards_match_what_whoosh_matches(
    real_engine: WhooshEngine, updated_engine: WhooshEngine, query: str
) -> None:
    for engine in (real_engine, updated_engine):
        searcher = engine._current_searcher()
        expected = whoosh_scores(searcher, query, engine)
        assert expected
        assert our_scores(searcher, query, engine).keys() == expected.keys()


def test_some_queries_match_many_documents(updated_engine: WhooshEngine) -> None:
    """The comparisons above are not vacuous: broad queries match much of the index."""
    searcher = updated_engine._current_searcher()
    assert len(whoosh_scores(searcher, "buurt", updated_engine)) > 50
    assert len(whoosh_scores(searcher, "NOT buurt", updated_engine)) > 0


@pytest.mark.parametrize("query", ["buurt", "bewoners geld", "ouderen OR jongeren"])
def test_ranking_equals_whoosh_sorted_search(updated_engine: WhooshEngine, query: str) -> None:
    """Stubs after described documents, then by score, then by document number."""
    searcher = updated_engine._current_searcher()
    parsed = parse_query(updated_engine._parser, query)
    expected = [hit.docnum for hit in searcher.search(parsed, limit=15, sortedby=RANKING)]
    view = updated_engine._view(searcher)
    got = [doc for doc, _ in view.evaluator.matches(parsed).ranked(view.groups, 15)]
    assert got == expected


def test_filters_narrow_like_whoosh_filters(updated_engine: WhooshEngine) -> None:
    searcher = updated_engine._current_searcher()
    parsed = parse_query(updated_engine._parser, "buurt")
    filters = filter_query({"status": ["beschreven"], "soort": ["casus"]})
    assert filters is not None
    expected = {hit.docnum for hit in searcher.search(parsed, limit=None, filter=filters)}
    evaluator = updated_engine._view(searcher).evaluator
    mask = evaluator.matches(parsed).mask & evaluator.mask(filters)
    assert set(np.flatnonzero(mask).tolist()) == expected
    assert expected


def test_postings_and_lengths_equal_whoosh_readers(updated_engine: WhooshEngine) -> None:
    searcher = updated_engine._current_searcher()
    reader = searcher.reader()
    columns = IndexColumns(searcher)
    checked = 0
    for field in ("titel", "tekst", "thema", "status"):
        for text in list(reader.lexicon(field))[:60]:
            ids, weights = columns.postings(field, text)
            live = columns.live[ids]
            matcher = searcher.postings(field, text)
            expected = []
            while matcher.is_active():
                expected.append((matcher.id(), matcher.weight()))
                matcher.next()
            assert list(zip(ids[live].tolist(), weights[live].tolist(), strict=True)) == expected
            checked += 1
    assert checked > 100
    for field in ("titel", "tekst"):
        lengths = columns.lengths(field)
        for doc in range(0, reader.doc_count_all(), 7):
            if columns.live[doc] and reader.doc_field_length(doc, field):
                assert lengths[doc] == searcher.doc_field_length(doc, field, 1)


def test_facet_counts_equal_counting_stored_fields(updated_engine: WhooshEngine) -> None:
    searcher = updated_engine._current_searcher()
    parsed = parse_query(updated_engine._parser, "buurt")
    mask = Evaluator(IndexColumns(searcher)).matches(parsed).mask
    counts = FacetCounter(IndexColumns(searcher)).counts(mask)
    expected: dict[str, dict[str, int]] = {}
    for doc in np.flatnonzero(mask):
        for name, value in searcher.stored_fields(int(doc)).items():
            if name in ("thema", "status", "provincie", "jaar"):
                for term in value.split():
                    expected.setdefault(name, {}).setdefault(term, 0)
                    expected[name][term] += 1
    for name, values in expected.items():
        assert counts[name] == values
    assert list(counts["status"].values()) == sorted(counts["status"].values(), reverse=True)


def test_unknown_words_and_fields_match_nothing(real_engine: WhooshEngine) -> None:
    from whoosh import query as wq

    evaluator = Evaluator(IndexColumns(real_engine._current_searcher()))
    assert evaluator.matches(wq.Term("tekst", "qqqqzzzz")).total == 0
    assert evaluator.matches(wq.Term("geenveld", "buurt")).total == 0
    assert evaluator.matches(wq.And([])).total == 0


def test_more_like_equals_whoosh_more_like(real_engine: WhooshEngine) -> None:
    """Related-case candidates: the same documents and scores as Whoosh's `more_like`."""
    from whoosh import query as wq

    from widw.search.whoosh_engine import MLT_TERMS

    searcher = real_engine._current_searcher()
    only = wq.And([wq.Term("soort", "casus"), wq.Term("status", "beschreven")])
    compared = 0
    for fields in searcher.all_stored_fields():
        if fields["soort"] != "casus":
            continue
        docnum = searcher.document_number(sleutel=fields["sleutel"])
        expected = [
            (hit["slug"], hit.score)
            for hit in searcher.more_like(
                docnum, "tekst", text=fields["weergave"], top=15, numterms=MLT_TERMS, filter=only
            )
        ]
        got = real_engine.more_like(fields["sleutel"], 15)
        assert [slug for slug, _ in got] == [slug for slug, _ in expected]
        assert [score for _, score in got] == pytest.approx([s for _, s in expected], rel=1e-12)
        compared += len(expected)
    assert compared > 50


def test_not_queries_skip_documents_replaced_by_an_update(updated_engine: WhooshEngine) -> None:
    """Regression: Whoosh's own NOT returned the old copy of a re-indexed document too."""
    from widw.search.engine import SearchRequest

    results = updated_engine.search(SearchRequest("NOT buurt", limit=1000))
    keys = [(hit.kind, hit.slug) for hit in results.hits]
    assert len(keys) == results.total > 0
    assert len(set(keys)) == len(keys)
