"""Snippets and their shortcuts: same tokens as the analyzer, same marks as analyzing every word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.generate import generate_project
from tests.search.fixtures import REPO
from widw.content.library import Library, ProjectPaths, load_library
from widw.search.analysis import (
    TOKEN_PATTERN,
    WordTokens,
    analyze,
    analyzer_for_wordset,
    compound_words,
    fold,
)
from widw.search.documents import library_documents
from widw.search.snippets import SnippetMaker

TRICKY = [
    "Bewonersbuurtbudgetten",
    "coöperatie",
    "Coöperaties",
    "ÉÉN",
    "e.d.",
    "2.0",
    "de",
    "De",
    "a",
    "taal",
    "eenzaamheid",
    "straten",
    "buurthuiskamers",
    "ĳsbaan",
    "straße",
    "Æble",
    "x",
    "ondernemersfondsen",
]


def _texts(library: Library) -> list[str]:
    return [f"{doc.title}\n{doc.text}\n{doc.display}" for doc in library_documents(library)]


@pytest.fixture(scope="module")
def real_library() -> Library:
    return load_library(ProjectPaths(REPO)).library


@pytest.fixture(scope="module")
def generated_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root: Path = tmp_path_factory.mktemp("gegenereerd")
    generate_project(root, 40, seed=5)
    return load_library(ProjectPaths(root)).library


@pytest.fixture(scope="module")
def words(real_library: Library, generated_library: Library) -> set[str]:
    pattern = re.compile(TOKEN_PATTERN.replace("(", "(?:"))
    found: set[str] = set()
    for text in [" ".join(TRICKY), *_texts(real_library), *_texts(generated_library)]:
        found.update(pattern.findall(text))
    assert len(found) > 3000
    return found


@pytest.fixture(scope="module")
def wordset(real_library: Library) -> frozenset[str]:
    return compound_words(real_library.vocabulary.words())


def test_word_tokens_equal_the_analyzer(words: set[str], wordset: frozenset[str]) -> None:
    analyzer = analyzer_for_wordset(wordset)
    word_tokens = WordTokens(wordset)
    for word in words:
        assert word_tokens(word) == frozenset(analyze(analyzer, word)), word


def test_every_token_starts_with_two_letters_of_its_folded_word(
    words: set[str], wordset: frozenset[str]
) -> None:
    """The shortcut in `SnippetMaker._spans` relies on this."""
    word_tokens = WordTokens(wordset)
    for word in words:
        for token in word_tokens(word):
            assert token[:2] in fold(word), (word, token)


def _naive_spans(
    text: str, terms: frozenset[str], word_tokens: WordTokens
) -> list[tuple[int, int]]:
    pattern = re.compile(TOKEN_PATTERN)
    return [
        match.span()
        for match in pattern.finditer(text)
        if not word_tokens(match.group(0)).isdisjoint(terms)
    ]


@pytest.mark.parametrize(
    "query_words",
    [["buurt"], ["bewoners", "geld"], ["ouderen", "eenzaamheid"], ["cooperatie"], ["de"]],
)
def test_marks_equal_analyzing_every_word(
    real_library: Library, wordset: frozenset[str], query_words: list[str]
) -> None:
    word_tokens = WordTokens(wordset)
    maker = SnippetMaker(word_tokens)
    terms = frozenset(token for word in query_words for token in word_tokens(word))
    marked = 0
    for text in _texts(real_library):
        text = " ".join(text.split())
        expected = _naive_spans(text, terms, word_tokens)
        assert maker._spans(text, terms) == expected
        marked += len(expected)
    if query_words != ["de"]:  # a stop word marks nothing
        assert marked > 0


def test_marks_survive_characters_that_fold_into_two(wordset: frozenset[str]) -> None:
    maker = SnippetMaker(WordTokens(wordset))
    terms = WordTokens(wordset)("buurten")
    snippet = maker.make("Straße en Æble: de buurten van Ĳsselstein.", terms)
    assert [snippet.text[a:b] for a, b in snippet.marks] == ["buurten"]
