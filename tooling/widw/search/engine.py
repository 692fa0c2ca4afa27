"""The search engine interface: what the index life cycle, the CLI and related cases need.

Whoosh implements it (`widw.search.whoosh_engine`); tantivy-py or SQLite FTS5 could
replace it. Golden-result tests pin behaviour through this interface only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from widw.search.documents import SearchDocument

ProgressCallback = Callable[[int, int, str], None]
"""Called as (done, total, Dutch description) while indexing."""


class SearchError(Exception):
    """A problem the user can act on; the message is Dutch and shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class QuerySyntaxError(SearchError):
    """The query cannot be understood (unbalanced quotes, unknown field, …)."""


class IndexUnavailableError(SearchError):
    """The index cannot be opened or written (busy, corrupt, unwritable)."""


@dataclass(frozen=True)
class SearchRequest:
    """A query with facet filters: OR within one facet, AND across facets."""

    query: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    limit: int = 10


@dataclass(frozen=True)
class Snippet:
    """A text fragment with the character spans of the matched words."""

    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    """One ranked result."""

    kind: str
    slug: str
    title: str
    place: str
    url: str
    score: float
    snippet: Snippet
    reason: str | None = None
    """How the hit matched when its text shows no typed word ("via thema Ouderen")."""


@dataclass(frozen=True)
class SearchResults:
    """Ranked hits, the total number of matches, facet counts and a spelling suggestion."""

    query: str
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
    """'bedoelde je …?': a corrected query that finds results."""
    corrected: str | None = None
    """The corrected query whose results are shown (the typed one found nothing)."""
    any_word: bool = False
    """True when all words together found too little and any of the words was searched."""
    all_words: int = 0
    """With `any_word`: how many matched all words (they are ranked first)."""


class SearchEngine(Protocol):
    """One index in one directory."""

    analysis_key: str
    """Fingerprint of the analysis (analyzer version, compound words); a change rebuilds."""

    def build(self, docs: Sequence[SearchDocument], progress: ProgressCallback | None) -> None:
        """Create a fresh index in the engine's (empty) directory."""

    def update(
        self,
        changed: Sequence[SearchDocument],
        removed: Sequence[str],
        progress: ProgressCallback | None,
    ) -> None:
        """Replace changed documents and delete removed keys, committing once."""

    def generation(self) -> int:
        """A number that changes with every commit (to tie a manifest to the index)."""

    def search(self, request: SearchRequest) -> SearchResults:
        """Ranked results, facet counts, a typo correction and an any-word fallback."""

    def set_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        """Widen queries with these groups of words that mean the same."""

    def suggest(self, query: str) -> str | None:
        """A corrected query string if some words are unknown and a correction matches."""

    def close(self) -> None:
        """Release open readers."""


EngineFactory = Callable[[Path, frozenset[str]], SearchEngine]
"""Creates an engine for a directory and the vocabulary's compound words."""
