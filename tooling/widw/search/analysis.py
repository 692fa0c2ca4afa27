"""Dutch text analysis for the search index: one analyzer for indexing, queries and tests.

The chain is: words → lower case → accent folding → Dutch stop words only → compound
splitting → stemming exceptions → Snowball Dutch stemming (the classic algorithm, as in
Whoosh and lunr.nl). The exceptions keep apart words the stemmer merges although they mean
different things: "ouders" (parents) and "ouderen" (elderly) both stem to "ouder".

Compounds are split with the vocabulary's words plus a built-in list of common parts of
Dutch neighbourhood words. When *indexing*, a compound is kept and every contiguous run of
its parts is added at the same position ("bewonersbuurtbudgetten" also yields "bewoners",
"buurt", "budgetten", "bewonersbuurt" and "buurtbudgetten"). When *querying*, words stay
whole: a query for "buurtbudgetten" then matches the indexed run "buurtbudgetten", phrase
queries keep one token per word, and "budget" still finds the long compound.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

ANALYSIS_VERSION = "nl-2"
"""Bump when the analysis changes, so existing indexes are rebuilt."""

TOKEN_PATTERN = r"\w+(\.?\w+)*"
"""Whoosh's default word pattern (keeps 'e.d.' and '2.0' together)."""

MIN_PART = 4
"""Shortest compound part (shorter parts split ordinary words apart)."""

MAX_PARTS = 5
"""Longer decompositions are treated as no compound at all."""

_PARTS = """
    buurt wijk dorp stad stads straat plein park tuin moestuin groen natuur
    budget geld fonds subsidie bewoner bewoners inwoner inwoners burger burgers
    huis huizen kamer huiskamer keuken koffie thee maaltijd markt winkel
    werk werker werkers plaats plaatsen centrum centra gebouw ruimte school
    sport club vereniging stichting platform netwerk team raad overleg
    zorg welzijn opbouw opbouwwerk coach ouder ouderen kind kinderen jongere
    jongeren jeugd gezin gezinnen vrouwen mannen vrijwilliger vrijwilligers
    initiatief initiatieven activiteit activiteiten project projecten
    ontmoeting ontmoetings participatie onderneming ondernemer ondernemers
    cooperatie corporatie woning woningen flat flats energie cultuur kunst
    feest eten taal les lessen cursus spreekuur loket beleid gemeente
    gemeentelijke provincie provinciale armoede schulden eenzaamheid
"""
COMMON_PARTS = frozenset(_PARTS.split())
"""Frequent parts of Dutch neighbourhood compounds, besides the vocabulary's own words."""

DUTCH_STOP_WORDS = frozenset(stopwords_for_language("nl"))
"""The Snowball Dutch stop list (101 words), without Whoosh's English defaults."""

STEM_EXCEPTIONS = {
    "ouderen": "ouderen",
    "oudere": "ouderen",
}
"""Words the Snowball stemmer would merge with a word of another meaning, with the token
they get instead (never stemmed further). "ouders" and "ouder" still stem to "ouder"."""

_VOWELS = frozenset("aeiou")

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower-case and accent-fold a word the way the analyzer does."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    # accent_map leaves lower-case ASCII as it is: translate only the other runs (faster
    # on long texts, where translate() costs a dict lookup a character).
    return _NON_ASCII.sub(lambda run: run.group().translate(accent_map), lowered)


def inflections(word: str) -> set[str]:
    """A word with its common Dutch plural and linking forms (as compound parts only)."""
    forms = {word, word + "s", word + "en"}
    if word.endswith("e"):
        forms.add(word + "n")
    last, before, third = word[-1], word[-2:-1], word[-3:-2]
    if last not in _VOWELS and before in _VOWELS and third and third not in _VOWELS:
        forms.add(word + last + "en")  # budget → budgetten
    if last not in _VOWELS and before in _VOWELS and third == before:
        forms.add(word[:-2] + last + "en")  # straat → straten
    return forms


def compound_words(words: Iterable[str]) -> frozenset[str]:
    """The word set for compound splitting: folded words, inflected, without stop words."""
    out: set[str] = set()
    for word in (*COMMON_PARTS, *words):
        folded = fold(word.strip())
        if len(folded) >= MIN_PART and folded.isalpha() and folded not in DUTCH_STOP_WORDS:
            out.update(inflections(folded))
    return frozenset(out)


def words_hash(words: frozenset[str]) -> str:
    """A stable fingerprint of a compound word set (part of the index's analysis key)."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    for word in sorted(words):
        digest.update(word.encode() + b"\n")
    return digest.hexdigest()


class CompoundSplitFilter(Filter):  # type: ignore[misc]
    """Adds every contiguous run of a compound's parts at the compound's position (index mode)."""

    is_morph = True  # skipped for unstemmed spelling words

    def __init__(self, wordset: frozenset[str], cachesize: int = 100_000) -> None:
        self.wordset = wordset
        self.cachesize = cachesize
        self._cache: dict[str, tuple[str, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"wordset": self.wordset, "cachesize": self.cachesize}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["wordset"], state["cachesize"])  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CompoundSplitFilter) and other.wordset == self.wordset

    def __hash__(self) -> int:
        return hash(len(self.wordset))

    def parts(self, word: str) -> tuple[str, ...]:
        """The finest split of `word` into known parts, or () if it is no compound."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        split = _split(word, self.wordset, {}) if len(word) >= 2 * MIN_PART else None
        result = tuple(split) if split is not None and 1 < len(split) <= MAX_PARTS else ()
        if len(self._cache) >= self.cachesize:
            self._cache.clear()
        self._cache[word] = result
        return result

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            if token.mode == "query":
                yield token
                continue
            parts = self.parts(token.text)
            if not parts:
                yield token
                continue
            text, chars = token.text, getattr(token, "chars", False)
            start = token.startchar if chars else 0
            yield token
            offsets = [0]
            for part in parts:
                offsets.append(offsets[-1] + len(part))
            for i in range(len(parts)):
                for j in range(i + 1, len(parts) + 1):
                    if j - i == len(parts):
                        continue
                    token.text = "".join(parts[i:j])
                    if chars:
                        token.startchar = start + offsets[i]
                        token.endchar = start + offsets[j]
                    yield token
            token.text = text


def _split(
    word: str, wordset: frozenset[str], memo: dict[str, list[str] | None]
) -> list[str] | None:
    """The split of `word` into the most parts from `wordset` (or None)."""
    if word in memo:
        return memo[word]
    best: list[str] | None = [word] if word in wordset else None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:i]
        if head not in wordset:
            continue
        rest = _split(word[i:], wordset, memo)
        if rest is not None and (best is None or len(rest) + 1 > len(best)):
            best = [head, *rest]
    memo[word] = best
    return best


class StemExceptionFilter(Filter):  # type: ignore[misc]
    """Replaces the words in STEM_EXCEPTIONS by their fixed token (the stemmer ignores it)."""

    is_morph = True

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            fixed = STEM_EXCEPTIONS.get(token.text)
            if fixed is not None:
                token.text = fixed
            yield token


def stem(word: str) -> str:
    """The index token of one folded word: its exception, or its Snowball Dutch stem."""
    fixed = STEM_EXCEPTIONS.get(word)
    return fixed if fixed is not None else _snowball(word)


_snowball = lru_cache(maxsize=100_000)(stemmer_for_language("nl"))


class WordTokens:
    """The index-mode tokens of a single word: what the Dutch analyzer yields, computed directly.

    Snippets need the tokens of every distinct word in a hit's text. The analyzer chain
    spends some 15 µs a word on generator overhead; this does the same steps (fold, stop
    words, compound runs, stems) as plain calls. Tests compare both on real and generated
    text.
    """

    def __init__(self, wordset: frozenset[str]) -> None:
        self._compounds = CompoundSplitFilter(wordset)

    def __call__(self, word: str) -> frozenset[str]:
        folded = fold(word)
        if len(folded) < 2 or folded in DUTCH_STOP_WORDS:
            return frozenset()
        parts = self._compounds.parts(folded)
        runs = {
            "".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
        }
        runs.add(folded)
        return frozenset(map(stem, runs))


def dutch_analyzer(words: Iterable[str] = ()) -> Analyzer:
    """The analyzer for every text field; `words` are extra compound parts (vocabulary)."""
    return analyzer_for_wordset(compound_words(words))


def analyzer_for_wordset(wordset: frozenset[str]) -> Analyzer:
    """The Dutch analyzer for a ready compound word set (see `compound_words`)."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=DUTCH_STOP_WORDS, minsize=2)
        | CompoundSplitFilter(wordset)
        | StemExceptionFilter()
        | StemFilter(lang="nl", ignore=frozenset(STEM_EXCEPTIONS.values()))
    )


def plain_analyzer() -> Analyzer:
    """Words as written (folded, no stems): the spelling field for 'bedoelde je …?'."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=DUTCH_STOP_WORDS, minsize=3)
    )


def analyze(analyzer: Analyzer, text: str, mode: str = "index") -> list[str]:
    """The token texts an analyzer produces (for tests and debugging)."""
    return [token.text for token in analyzer(text, mode=mode)]


__all__ = [
    "ANALYSIS_VERSION",
    "COMMON_PARTS",
    "DUTCH_STOP_WORDS",
    "STEM_EXCEPTIONS",
    "CompoundSplitFilter",
    "StemExceptionFilter",
    "WordTokens",
    "analyze",
    "analyzer_for_wordset",
    "compound_words",
    "dutch_analyzer",
    "fold",
    "inflections",
    "plain_analyzer",
    "stem",
    "words_hash",
]
