"""The Whoosh 2.7.4 implementation of `SearchEngine`: schema, writing, searching.

Searching parses with Whoosh and ranks with `widw.search.evaluate` (Whoosh's BM25F over
numpy arrays) instead of Whoosh's collector, which scores every match one at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import whoosh
from whoosh import index as wi
from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.searching import Searcher

from widw.search.analysis import (
    ANALYSIS_VERSION,
    DUTCH_STOP_WORDS,
    WordTokens,
    analyzer_for_wordset,
    fold,
    plain_analyzer,
    words_hash,
)
from widw.search.columns import IndexColumns
from widw.search.documents import FACET_FIELDS, TEXT_FIELDS, SearchDocument
from widw.search.engine import (
    IndexUnavailableError,
    ProgressCallback,
    QuerySyntaxError,
    SearchHit,
    SearchRequest,
    SearchResults,
)
from widw.search.evaluate import Evaluator, Matches
from widw.search.facets import FacetCounter
from widw.search.query import (
    filter_query,
    make_parser,
    parse_query,
    plain_words,
)
from widw.search.snippets import SnippetMaker

SCHEMA_VERSION = "3"
"""Bump when fields change, so existing indexes are rebuilt."""

MLT_TERMS = 10
"""Key terms per more-like-this query: each costs a pass over its postings."""

WRITE_TIMEOUT = 10.0
"""Seconds to wait for another process that holds the index's write lock."""


def build_schema(wordset: frozenset[str]) -> Schema:
    """Text fields analyzed in Dutch; facets as space-separated keywords; display data stored."""
    dutch = analyzer_for_wordset(wordset)
    facets = {name: KEYWORD(stored=True, scorable=False) for name in FACET_FIELDS}
    return Schema(
        sleutel=ID(stored=True, unique=True),
        soort=ID(stored=True),
        slug=ID(stored=True),
        titel=TEXT(analyzer=dutch, stored=True, field_boost=3.0),
        tekst=TEXT(analyzer=dutch),
        weergave=STORED(),
        woorden=TEXT(analyzer=plain_analyzer(), phrase=False),
        plaats=STORED(),
        url=STORED(),
        rang=ID(sortable=True),
        **facets,
    )


def document_fields(doc: SearchDocument) -> dict[str, Any]:
    """The Whoosh field values of one document."""
    fields: dict[str, Any] = {
        "sleutel": doc.key,
        "soort": doc.kind,
        "slug": doc.slug,
        "titel": doc.title,
        "tekst": doc.text,
        "weergave": doc.display or doc.title,
        "woorden": f"{doc.title}\n{doc.text}",
        "plaats": doc.place,
        "url": doc.url,
    }
    fields.update({name: " ".join(values) for name, values in doc.facets.items()})
    fields["rang"] = "1" if "stub" in doc.facets.get("status", []) else "0"
    return fields


class WhooshEngine:
    """One Whoosh index in one directory (see `widw.search.engine.SearchEngine`)."""

    def __init__(self, directory: Path, wordset: frozenset[str]) -> None:
        self.directory = directory
        self.schema = build_schema(wordset)
        key = "|".join(
            (ANALYSIS_VERSION, SCHEMA_VERSION, whoosh.versionstring(), words_hash(wordset))
        )
        self.analysis_key = hashlib.sha256(key.encode()).hexdigest()
        self._index: Any = None
        self._searcher: Searcher | None = None
        self._parser = make_parser(self.schema)
        self._snippets = SnippetMaker(WordTokens(wordset))
        self._columns_view: _View | None = None

    # -- writing -----------------------------------------------------------------------

    def build(self, docs: Sequence[SearchDocument], progress: ProgressCallback | None) -> None:
        """Create a fresh index; an exception cancels the writer and propagates."""
        self.directory.mkdir(parents=True, exist_ok=True)
        ix = wi.create_in(str(self.directory), self.schema)
        writer = ix.writer(procs=1, limitmb=128)
        try:
            for done, doc in enumerate(docs, 1):
                writer.add_document(**document_fields(doc))
                _report(progress, done, len(docs))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._index = ix

    def update(
        self,
        changed: Sequence[SearchDocument],
        removed: Sequence[str],
        progress: ProgressCallback | None,
    ) -> None:
        """Replace and delete documents in one commit, without rewriting large segments."""
        ix = self._open()
        try:
            writer = ix.writer(timeout=WRITE_TIMEOUT)
        except LockError:
            raise IndexUnavailableError(
                "de zoekindex wordt op dit moment door een ander proces bijgewerkt; "
                "probeer het zo opnieuw."
            ) from None
        try:
            for key in removed:
                writer.delete_by_term("sleutel", key)
            for done, doc in enumerate(changed, 1):
                writer.update_document(**document_fields(doc))
                _report(progress, done, len(changed))
            writer.commit()  # default policy: merges only small segments
        except BaseException:
            writer.cancel()
            raise
        self._close_searcher()

    def generation(self) -> int:
        gen: int = self._open().latest_generation()
        return gen

    # -- reading -----------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        """Ranked hits with snippets (top `limit` only), facet counts and a suggestion."""
        searcher = self._current_searcher()
        view = self._view(searcher)
        parsed = parse_query(self._parser, request.query)
        found = self._matches(view, parsed, request)
        suggestion = None
        if not found.total:
            suggestion = self.suggest(request.query)
            if suggestion is not None:
                corrected = parse_query(self._parser, suggestion)
                if not self._matches(view, corrected, request).total:
                    suggestion = None
        terms = self._terms(searcher, parsed)
        hits = [
            self._hit(searcher.stored_fields(docnum), score, terms)
            for docnum, score in found.ranked(view.groups, max(1, request.limit))
        ]
        facets = view.facets.counts(found.mask) if found.total else {}
        return SearchResults(request.query, found.total, hits, facets, suggestion)

    def _matches(self, view: _View, parsed: wq.Query, request: SearchRequest) -> Matches:
        """Every match with its score, within the request's facet filters."""
        filters = filter_query(request.filters)
        try:
            found = view.evaluator.matches(parsed)
            if filters is not None:
                found = found.within(view.evaluator.mask(filters))
        except wq.QueryError as exc:
            raise QuerySyntaxError(_dutch_query_error(str(exc))) from None
        return found

    def _terms(self, searcher: Searcher, parsed: wq.Query) -> frozenset[str]:
        """The text terms the query asks for, plus the words its wildcards match."""
        found = set(parsed.all_terms(phrases=True))
        reader = searcher.reader()
        for sub in parsed.leaves():
            if isinstance(sub, wq.PatternQuery) and sub.field() in TEXT_FIELDS:
                found.update((sub.field(), t) for t in islice(sub._btexts(reader), 100))
        return frozenset(
            text.decode("utf-8") if isinstance(text, bytes) else str(text)
            for field, text in found
            if field in TEXT_FIELDS
        )

    def _hit(self, stored: dict[str, Any], score: float, terms: frozenset[str]) -> SearchHit:
        return SearchHit(
            kind=stored["soort"],
            slug=stored["slug"],
            title=stored["titel"],
            place=stored.get("plaats", ""),
            url=stored["url"],
            score=round(score, 4),
            snippet=self._snippets.make(stored.get("weergave", ""), terms),
        )

    def more_like(self, key: str, limit: int, kind: str = "casus") -> list[tuple[str, float]]:
        """Described documents of `kind` whose text is most like `key`'s (Bo1 key terms).

        Whoosh's `Searcher.more_like`, with the OR of key terms scored column-wise.
        """
        searcher = self._current_searcher()
        docnum = searcher.document_number(sleutel=key)
        if docnum is None:
            return []
        text = searcher.stored_fields(docnum).get("weergave", "")
        key_terms = searcher.key_terms_from_text("tekst", text, numterms=MLT_TERMS, normalize=False)
        if not key_terms:
            return []
        likeness = wq.Or([wq.Term("tekst", word, boost=weight) for word, weight in key_terms])
        evaluator = self._view(searcher).evaluator
        described = wq.And([wq.Term("soort", kind), wq.Term("status", "beschreven")])
        allowed = evaluator.mask(described).copy()
        allowed[docnum] = False
        found = evaluator.matches(likeness).within(allowed)
        ranked = found.ranked(np.zeros(allowed.size, dtype=int), limit)
        return [(searcher.stored_fields(doc)["slug"], score) for doc, score in ranked]

    def suggest(self, query: str) -> str | None:
        """Replace unknown words by the closest indexed word (Whoosh's spelling corrector)."""
        searcher = self._current_searcher()
        reader = searcher.reader()
        corrector = searcher.corrector("woorden")
        corrected = query
        for start, end, word in reversed(plain_words(query)):
            folded = fold(word)
            if len(folded) < 3 or folded in DUTCH_STOP_WORDS or ("woorden", folded) in reader:
                continue
            options = corrector.suggest(folded, limit=1, maxdist=2, prefix=1)
            if options:
                corrected = corrected[:start] + options[0] + corrected[end:]
        return corrected if corrected != query else None

    def close(self) -> None:
        self._close_searcher()
        self._index = None

    # -- internals ---------------------------------------------------------------------

    def _open(self) -> Any:
        if self._index is None:
            self._index = wi.open_dir(str(self.directory), schema=self.schema)
        return self._index

    def _view(self, searcher: Searcher) -> _View:
        if self._columns_view is None or self._columns_view.searcher is not searcher:
            self._columns_view = _View(searcher)
        return self._columns_view

    def _current_searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._open().searcher()
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
        return self._searcher

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._columns_view = None


class _View:
    """What searching needs from one searcher, read once: arrays, facets, rank groups."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        columns = IndexColumns(searcher)
        self.evaluator = Evaluator(columns)
        self.facets = FacetCounter(columns)
        self.groups = np.array([value == "1" for value in columns.column("rang")], dtype=int)
        """Rank group per document: stubs (only a name and a place) after the rest."""


def _report(progress: ProgressCallback | None, done: int, total: int) -> None:
    if progress is not None and (done == total or done % 25 == 0):
        progress(done, total, "zoekindex bijwerken")


def _dutch_query_error(message: str) -> str:
    if "no positions" in message:
        return (
            "woordgroepen tussen aanhalingstekens kunnen alleen in titel en tekst; "
            "filtervelden zoals thema: nemen één term (bijvoorbeeld thema:ouderen)."
        )
    return f"de zoekvraag is niet te begrijpen ({message})."
