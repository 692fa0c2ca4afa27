"""Golden results on the fixture library: pinned through the engine interface only."""

from __future__ import annotations

import pytest

from widw.search.engine import QuerySyntaxError, SearchRequest
from widw.search.index import SearchIndex


def slugs(index: SearchIndex, query: str, **filters: list[str]) -> list[str]:
    return [hit.slug for hit in index.engine.search(SearchRequest(query, dict(filters))).hits]


@pytest.mark.parametrize(
    ("query", "top"),
    [
        # the plural compound finds "buurtbudget" and the long "bewonersbuurtbudgetten"
        ("buurtbudgetten", ["wijkgeld-noord", "hart-voor-de-buurt", "podcast-buurtgeld"]),
        ("budget", ["wijkgeld-noord", "hart-voor-de-buurt", "podcast-buurtgeld"]),
        ("ouderen", ["koffie-met-ouderen", "luister-naar-ouderen", "moestuin-oost"]),
        ('"sociale samenhang"', ["moestuin-oost"]),
        ("coöperatie", ["wijkcooperatie-zuid"]),
        ("ouderen NOT moestuin", ["koffie-met-ouderen", "luister-naar-ouderen"]),
        ("moestuin OR sportschool", ["moestuin-oost", "sportschool-zuid"]),
        ("titel:wijkgeld", ["wijkgeld-noord"]),
    ],
)
def test_top_results(index: SearchIndex, query: str, top: list[str]) -> None:
    assert slugs(index, query)[: len(top)] == top


def test_accents_do_not_matter(index: SearchIndex) -> None:
    assert slugs(index, "cooperatie") == slugs(index, "coöperatie") == ["wijkcooperatie-zuid"]
    assert slugs(index, "ideeen") == slugs(index, "ideeën") == ["hart-voor-de-buurt"]


def test_english_words_are_searchable(index: SearchIndex) -> None:
    assert slugs(index, "the gym") == ["sportschool-zuid"]


def test_stubs_come_after_described_cases(index: SearchIndex) -> None:
    found = slugs(index, "buurtbudget")
    assert found[-1] == "open-plek-budget"
    assert len(found) == 4


def test_theme_filter_narrows(index: SearchIndex) -> None:
    assert slugs(index, "ouderen", thema=["eenzaamheid"]) == ["koffie-met-ouderen"]
    assert slugs(index, "ouderen", thema=["groen-en-natuur"]) == ["moestuin-oost"]
    both = slugs(index, "ouderen", thema=["eenzaamheid", "groen-en-natuur"])
    assert sorted(both) == ["koffie-met-ouderen", "moestuin-oost"]


def test_role_filter_uses_linked_lessons(index: SearchIndex) -> None:
    found = slugs(index, "budget", rol=["ambtenaren"])
    assert sorted(found) == ["geef-bewoners-geld", "hart-voor-de-buurt", "wijkgeld-noord"]


def test_province_bundle_and_status_filters(index: SearchIndex) -> None:
    assert slugs(index, "bewoners", provincie=["groningen"]) == ["wijkgeld-noord"]
    assert sorted(slugs(index, "bewoners", bundel=["1"])) == ["koffie-met-ouderen", "moestuin-oost"]
    assert slugs(index, "buurtbudget", status=["stub"]) == ["open-plek-budget"]


def test_result_fields_and_snippet(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("eenzaamheid", limit=1))
    hit = results.hits[0]
    assert results.total == 2
    assert (hit.kind, hit.slug, hit.title) == (
        "casus",
        "digitaal-dorpsplein",
        "Digitaal Dorpsplein",
    )
    assert hit.url == "/casussen/digitaal-dorpsplein/"
    assert hit.place == "Súdwest-Fryslân"
    marked = [hit.snippet.text[a:b] for a, b in hit.snippet.marks]
    assert marked == ["eenzaamheid"]


def test_facet_counts_cover_all_matches(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("ouderen", limit=1))
    assert results.total == 3
    assert results.facets["thema"]["ouderen"] == 2
    assert results.facets["rol"] == {"sociaal-professionals": 2}
    assert results.facets["provincie"] == {"noord-brabant": 1, "utrecht": 1}


def test_elderly_do_not_find_parents(index: SearchIndex) -> None:
    # the sports school's theme lists "ouders" (parents) as a search word
    assert "sportschool-zuid" not in slugs(index, "ouderen")
    assert "sportschool-zuid" in slugs(index, "ouders")


def test_lessons_and_episodes_have_their_urls(index: SearchIndex) -> None:
    hits = {h.slug: h for h in index.engine.search(SearchRequest("zeggenschap")).hits}
    assert hits["geef-bewoners-geld"].url == "/lessen/geef-bewoners-geld/"
    assert hits["podcast-buurtgeld"].url == "/media/podcast-buurtgeld/"
    assert hits["podcast-buurtgeld"].kind == "aflevering"


def test_one_typo_is_corrected_automatically(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("eenzaamhied"))
    assert results.suggestion == results.corrected == "eenzaamheid"
    right = index.engine.search(SearchRequest("eenzaamheid"))
    assert results.total == right.total == 2
    assert [h.slug for h in results.hits] == [h.slug for h in right.hits]


def test_no_correction_when_nothing_better_is_found(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("xyzzyq"))
    assert (results.total, results.suggestion, results.corrected) == (0, None, None)


def test_known_words_that_never_meet_fall_back_to_any_word(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("moestuin sportschool"))
    assert results.suggestion is None
    assert results.any_word
    assert results.all_words == 0
    assert sorted(h.slug for h in results.hits) == ["moestuin-oost", "sportschool-zuid"]


def test_all_words_stay_on_top_of_the_fallback(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("ouderen huiskamer"))
    assert results.any_word
    assert results.all_words == 1
    assert results.hits[0].slug == "koffie-met-ouderen"
    assert results.total > 1


def test_many_results_with_all_words_need_no_fallback(index: SearchIndex) -> None:
    results = index.engine.search(SearchRequest("bewoners budget"))
    assert not results.any_word
    assert results.total == results.all_words


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('"sociale samenhang', "aanhalingsteken"),
        ("(ouderen OR jongeren", "haakjes"),
        ("onzin:ouderen", "onbekend veld 'onzin:'"),
        ("de het en", "geen zoekwoord"),
        ('thema:"sociale samenhang"', "alleen in titel en tekst"),
        ("   ", "leeg"),
    ],
)
def test_malformed_queries_have_dutch_messages(
    index: SearchIndex, query: str, fragment: str
) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        index.engine.search(SearchRequest(query))
    assert fragment in caught.value.message
