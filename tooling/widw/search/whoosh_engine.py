"""The Whoosh 2.7.4 implementation of `SearchEngine`: schema, writing, searching.

Only Whoosh's public API is used: `Searcher.docs_for_query` gives every match (unscored)
for the total and the facet counts, `Searcher.search` ranks the top hits (BM25F, with a
filter to put described entries before stubs), `Searcher.corrector` suggests spellings. What a query
may match is widened in `widw.search.understanding`; `widw.search.facets` counts facets.

Searching, step by step: parse with all words required; widen every text term (synonyms,
plural, prefix, compound parts); if nothing matches, correct one typo per word and search
the corrected query ("bedoelde je …?"); if all words together find fewer than
`FEW_RESULTS`, search again for any of the words and say so.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import whoosh
from whoosh import index as wi
from whoosh import qparser
from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.searching import Searcher

from widw.search.analysis import (
    ANALYSIS_VERSION,
    DUTCH_STOP_WORDS,
    CompoundSplitFilter,
    WordTokens,
    analyzer_for_wordset,
    fold,
    plain_analyzer,
    stem,
    words_hash,
)
from widw.search.documents import FACET_FIELDS, SearchDocument
from widw.search.engine import (
    IndexUnavailableError,
    ProgressCallback,
    QuerySyntaxError,
    SearchRequest,
    SearchResults,
)
from widw.search.explain import HitMaker
from widw.search.facets import FacetCounter
from widw.search.query import is_simple, make_parser, parse_query, plain_words
from widw.search.understanding import QueryExpander, Synonyms

SCHEMA_VERSION = "4"
"""Bump when fields change, so existing indexes are rebuilt."""

FEW_RESULTS = 3
"""Fewer results with all words together: search for any of the words as well."""

ANY_WORD_FACTOR = 0.9
"""Whoosh's OrGroup factor: documents with more of the words rank higher."""

WRITE_TIMEOUT = 10.0
"""Seconds to wait for another process that holds the index's write lock."""

KEYWORD_BOOST = 0.4
"""Weight of vocabulary labels and search words against the prose (1.0) and title (3.0)."""


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
        trefwoorden=TEXT(analyzer=dutch, field_boost=KEYWORD_BOOST),
        labels=STORED(),
        weergave=STORED(),
        woorden=TEXT(analyzer=plain_analyzer(), phrase=False),
        plaats=STORED(),
        url=STORED(),
        **facets,
    )


def document_fields(doc: SearchDocument) -> dict[str, Any]:
    """The Whoosh field values of one document."""
    keywords = "\n".join(words for _, words in doc.keywords)
    fields: dict[str, Any] = {
        "sleutel": doc.key,
        "soort": doc.kind,
        "slug": doc.slug,
        "titel": doc.title,
        "tekst": doc.text,
        "trefwoorden": keywords,
        "labels": json.dumps(doc.keywords, ensure_ascii=False),
        "weergave": doc.display or doc.title,
        "woorden": f"{doc.title}\n{doc.text}\n{keywords}",
        "plaats": doc.place,
        "url": doc.url,
    }
    fields.update({name: " ".join(values) for name, values in doc.facets.items()})
    return fields


class WhooshEngine:
    """One Whoosh index in one directory (see `widw.search.engine.SearchEngine`)."""

    def __init__(self, directory: Path, wordset: frozenset[str]) -> None:
        self.directory = directory
        self.wordset = wordset
        self.schema = build_schema(wordset)
        key = "|".join(
            (ANALYSIS_VERSION, SCHEMA_VERSION, whoosh.versionstring(), words_hash(wordset))
        )
        self.analysis_key = hashlib.sha256(key.encode()).hexdigest()
        self.synonyms = Synonyms()
        self.index: Any = None
        self.searcher: Searcher | None = None
        self.view: FacetCounter | None = None
        self.parser = make_parser(self.schema)
        self.any_parser = make_parser(self.schema, qparser.OrGroup.factory(ANY_WORD_FACTOR))
        self.compounds = CompoundSplitFilter(wordset)
        self.hits = HitMaker(WordTokens(wordset))

    @classmethod
    def open_built(cls, directory: Path) -> WhooshEngine:
        """Open an existing index without the library: the compound words come from the
        schema Whoosh stored with the index."""
        ix = wi.open_dir(str(directory))
        wordset: frozenset[str] = frozenset()
        for item in ix.schema["tekst"].analyzer.items:
            if isinstance(item, CompoundSplitFilter):
                wordset = item.wordset
        engine = cls(directory, wordset)
        engine.index = ix
        return engine

    def set_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        """Use these synonym groups from now on (query time only: no rebuild needed)."""
        self.synonyms = Synonyms.from_groups(groups)

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
        self.index = ix

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
        """Ranked hits with snippets, facet counts, a typo correction and any-word fallback."""
        searcher = self._current_searcher()
        view = self._view(searcher)
        allowed = view.allowed(request.filters)
        query = request.query
        if is_simple(query):  # "community centre" → "buurthuis"
            query = self.synonyms.rewrite(query)
        parsed = self._parse(self.parser, query)
        found = self._run(searcher, view, parsed, allowed, request.limit)
        suggestion = corrected = None
        if not found.total:
            suggestion = self.suggest(query)
            if suggestion is not None:
                parsed_fix = self._parse(self.parser, suggestion)
                fixed = self._run(searcher, view, parsed_fix, allowed, request.limit)
                if fixed.total:
                    found, parsed, corrected = fixed, parsed_fix, suggestion
                else:
                    suggestion = None
        used = corrected or query
        any_word, all_words = False, found.total
        if self._may_widen(used, found.total):
            parsed_any = self._parse(self.any_parser, used, any_part=True)
            wider = self._run(searcher, view, parsed_any, allowed, request.limit)
            if wider.total > found.total:
                # what matched every word stays on top, in its own order
                seen = {docnum for docnum, _ in found.ranked}
                rest = [item for item in wider.ranked if item[0] not in seen]
                ranked = (found.ranked + rest)[: max(1, request.limit)]
                found = _Found(wider.total, ranked, wider.docs)
                parsed, any_word = wq.Or([parsed, parsed_any]), True
        typed = {stem(fold(word)) for _, _, word in plain_words(used)}
        hits = self.hits.make(searcher, parsed, found.ranked, self.synonyms, typed)
        facets = view.counts(found.docs) if found.total else {}
        return SearchResults(
            request.query,
            found.total,
            hits,
            facets,
            suggestion,
            corrected=corrected,
            any_word=any_word,
            all_words=all_words if any_word else found.total,
        )

    def _may_widen(self, text: str, total: int) -> bool:
        """Plain words only, finding fewer than FEW_RESULTS: several words, or one compound
        (its parts then widen the search, below what matched the whole word)."""
        if not is_simple(text) or total >= FEW_RESULTS:
            return False
        words = plain_words(text)
        if len(words) > 1:
            return True
        return bool(words and self.compounds.parts(fold(words[0][2])))

    def _parse(self, parser: qparser.QueryParser, text: str, *, any_part: bool = False) -> wq.Query:
        parsed = parse_query(parser, text)
        reader = self._current_searcher().reader()
        expander = QueryExpander(self.synonyms, self.compounds, reader)
        written = (word for _, _, word in plain_words(text))
        return expander.expand(parsed, written, any_part=any_part)

    def _run(
        self,
        searcher: Searcher,
        view: FacetCounter,
        parsed: wq.Query,
        allowed: set[int] | None,
        limit: int,
    ) -> _Found:
        """Described entries first, then stubs (only a name and a place), each by score."""
        limit = max(1, limit)
        ranked: list[tuple[int, float]] = []
        try:
            docs = set(searcher.docs_for_query(parsed)) & view.all  # every live match
            if allowed is not None:
                docs &= allowed
            # Whoosh reads an empty filter as no filter at all: skip such a search.
            for within in (view.without_stubs(allowed), view.stubs_in(allowed)):
                if len(ranked) < limit and not within.isdisjoint(docs):
                    found = searcher.search(parsed, limit=limit - len(ranked), filter=within)
                    ranked += list(found.items())
        except wq.QueryError as exc:
            raise QuerySyntaxError(_dutch_query_error(str(exc))) from None
        return _Found(len(docs), ranked, docs)

    def suggest(self, query: str) -> str | None:
        """Replace unknown words by the closest indexed word (Whoosh's spelling corrector)."""
        searcher = self._current_searcher()
        reader = searcher.reader()
        corrector = searcher.corrector("woorden")
        corrected = query
        for start, end, word in reversed(plain_words(query)):
            folded = fold(word)
            if (
                len(folded) < 3
                or folded in DUTCH_STOP_WORDS
                or reader.doc_frequency("woorden", folded)
            ):
                continue
            options = corrector.suggest(folded, limit=1, maxdist=2, prefix=1)
            if options:
                corrected = corrected[:start] + options[0] + corrected[end:]
        return corrected if corrected != query else None

    def close(self) -> None:
        self._close_searcher()
        if self.index is not None:
            self.index.close()
        self.index = None

    # -- internals ---------------------------------------------------------------------

    def _open(self) -> Any:
        if self.index is None:
            self.index = wi.open_dir(str(self.directory), schema=self.schema)
        return self.index

    def _view(self, searcher: Searcher) -> FacetCounter:
        if self.view is None or self.view.searcher is not searcher:
            self.view = FacetCounter(searcher)
        return self.view

    def _current_searcher(self) -> Searcher:
        if self.searcher is None:
            self.searcher = self._open().searcher()
        elif not self.searcher.up_to_date():
            self.searcher = self.searcher.refresh()
        return self.searcher

    def _close_searcher(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
        self.searcher = None
        self.view = None


class _Found:
    """The matches of one query: how many, the ranked top and every document number."""

    def __init__(self, total: int, ranked: list[tuple[int, float]], docs: set[int]) -> None:
        self.total = total
        self.ranked = ranked
        self.docs = docs


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
