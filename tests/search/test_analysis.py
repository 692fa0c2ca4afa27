"""The Dutch analyzer: compounds, stems, Dutch-only stop words, accent folding."""

from __future__ import annotations

from widw.search.analysis import (
    DUTCH_STOP_WORDS,
    analyze,
    compound_words,
    dutch_analyzer,
    inflections,
)


def test_compound_is_split_into_every_run_of_parts_when_indexing() -> None:
    tokens = analyze(dutch_analyzer(), "bewonersbuurtbudgetten")
    assert tokens[0] == "bewonersbuurtbudget"
    assert {"buurt", "budget", "buurtbudget", "bewoner", "bewonersbuurt"} <= set(tokens)


def test_vocabulary_words_are_compound_parts() -> None:
    without = analyze(dutch_analyzer(), "krachtstationterrein")
    with_words = analyze(dutch_analyzer(["krachtstation", "terrein"]), "krachtstationterrein")
    assert without == ["krachtstationterrein"]
    assert "terrein" in with_words
    assert "krachtstation" in with_words


def test_query_mode_keeps_words_whole() -> None:
    assert analyze(dutch_analyzer(), "buurtbudgetten", mode="query") == ["buurtbudget"]


def test_subparts_share_the_compound_position() -> None:
    stream = dutch_analyzer()("de buurtbudgetten", positions=True, chars=True)
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in stream]  # tokens are reused
    assert len(tokens) == 3
    assert {pos for _, pos, _, _ in tokens} == {tokens[0][1]}
    start, end = next((s, e) for text, _, s, e in tokens if text == "budget")
    assert "de buurtbudgetten"[start:end] == "budgetten"


def test_ordinary_words_are_not_split() -> None:
    analyzer = dutch_analyzer()
    for word in ("ouderen", "parkeren", "eenzaamheid", "gemeenteraad"):
        tokens = analyze(analyzer, word)
        assert len(tokens) <= 3
    assert analyze(analyzer, "parkeren") == ["parker"]


def test_classic_snowball_dutch_stems() -> None:
    analyzer = dutch_analyzer()
    assert analyze(analyzer, "gemeenten gemeente") == ["gemeent", "gemeent"]
    assert analyze(analyzer, "budgetten budget") == ["budget", "budget"]


def test_parents_and_elderly_stay_apart() -> None:
    analyzer = dutch_analyzer()
    assert analyze(analyzer, "ouders ouder") == ["ouder", "ouder"]
    assert analyze(analyzer, "ouderen oudere") == ["ouderen", "ouderen"]


def test_only_dutch_stop_words_are_dropped() -> None:
    tokens = analyze(dutch_analyzer(), "de buurt en the you will van het dorp")
    assert tokens == ["buurt", "the", "you", "will", "dorp"]
    assert "the" not in DUTCH_STOP_WORDS
    assert len(DUTCH_STOP_WORDS) == 101


def test_accents_are_folded() -> None:
    analyzer = dutch_analyzer()
    assert analyze(analyzer, "coöperatie") == analyze(analyzer, "cooperatie")
    assert analyze(analyzer, "ideeën") == analyze(analyzer, "ideeen")
    assert analyze(analyzer, "Fryslân") == ["fryslan"]


def test_inflections_cover_plurals_and_linking_s() -> None:
    assert {"budget", "budgets", "budgetten"} <= inflections("budget")
    assert "straten" in inflections("straat")
    assert "gemeenten" in inflections("gemeente")


def test_compound_words_skip_stop_words_and_short_words() -> None:
    words = compound_words(["zonder", "een", "Coöperatie"])
    assert "zonder" not in words
    assert "een" not in words
    assert "cooperatie" in words
