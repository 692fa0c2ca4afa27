"""Hits for display: stored fields, a snippet with marks, and why a hit matched.

When a hit's text shows none of the typed words, the reader deserves to know why it is
there: it matched through a vocabulary label or search word ("via thema Groen en natuur")
or through a synonym from `vocabulary.yml` ("via synoniem ‘nieuwkomers’").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher

from widw.search.documents import TEXT_FIELDS
from widw.search.engine import SearchHit
from widw.search.snippets import SnippetMaker
from widw.search.understanding import Synonyms, synonym_tokens

EXPANSION_LIMIT = 100
"""Words of one prefix query taken into account for marks."""


class HitMaker:
    """Turns ranked document numbers into `SearchHit`s for one query."""

    def __init__(self, word_tokens: Callable[[str], frozenset[str]]) -> None:
        self.snippets = SnippetMaker(word_tokens)

    def make(
        self,
        searcher: Searcher,
        parsed: wq.Query,
        ranked: list[tuple[int, float]],
        synonyms: Synonyms,
        typed: Iterable[str] = (),
    ) -> list[SearchHit]:
        """Hits in the given order; `typed` are the stems of the words as typed."""
        terms = query_terms(searcher, parsed)
        related = frozenset(synonym_tokens(synonyms, typed))
        return [
            self._hit(searcher.stored_fields(docnum), score, terms, related)
            for docnum, score in ranked
        ]

    def _hit(
        self,
        stored: dict[str, Any],
        score: float,
        terms: frozenset[str],
        synonyms: frozenset[str],
    ) -> SearchHit:
        snippet = self.snippets.make(stored.get("weergave", ""), terms)
        reason = None
        if not snippet.marks:
            if not self._matches(stored.get("titel", ""), terms):
                reason = self._via_labels(stored.get("labels", "[]"), terms)
        elif synonyms:
            marked = {snippet.text[start:end] for start, end in snippet.marks}
            own = terms - synonyms
            if not any(self.snippets.tokens(word.lower()) & own for word in marked):
                found = sorted(w for w in marked if self.snippets.tokens(w.lower()) & synonyms)
                if found:
                    reason = f"via synoniem ‘{found[0].lower()}’"
        return SearchHit(
            kind=stored["soort"],
            slug=stored["slug"],
            title=stored["titel"],
            place=stored.get("plaats", ""),
            url=stored["url"],
            score=round(score, 4),
            snippet=snippet,
            reason=reason,
        )

    def _matches(self, text: str, terms: frozenset[str]) -> bool:
        return any(self.snippets.tokens(word) & terms for word in text.lower().split())

    def _via_labels(self, raw: str, terms: frozenset[str]) -> str | None:
        """'via thema X' for the vocabulary labels whose words match the query."""
        try:
            labels = json.loads(raw)
        except ValueError:
            return None
        found = [what for what, words in labels if self._matches(words, terms)]
        return "via " + " en ".join(found[:2]) if found else None


def query_terms(searcher: Searcher, parsed: wq.Query) -> frozenset[str]:
    """The text tokens a query asks for (prefixes expanded), leaving out what NOT excludes."""
    reader = searcher.reader()
    found: set[str] = set()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if node.is_leaf():
            if node.field() in TEXT_FIELDS:
                for number, (_, text) in enumerate(node.expanded_terms(reader, phrases=True)):
                    if number >= EXPANSION_LIMIT:
                        break
                    found.add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
            return
        for child in node.children():
            walk(child)

    walk(parsed)
    return frozenset(found)
