"""Facet counts and filters over one searcher, through Whoosh's public API.

For every facet value the set of live documents carrying it is read once per searcher
(`Searcher.docs_for_query`); counting the values of a result set is then a set
intersection per value, and a filter is a union within a facet and an intersection across
facets. Stubs are kept apart so that described entries can rank before them.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.searching import Searcher

from widw.search.documents import FACET_FIELDS


class FacetCounter:
    """For one searcher: the documents of every facet value, and of the stubs."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        self.all = set(reader.all_doc_ids())
        self.docs: dict[str, dict[str, set[int]]] = {}
        for name in (*FACET_FIELDS, "soort"):
            if name not in searcher.schema:
                continue
            values: dict[str, set[int]] = {}
            for raw in reader.lexicon(name):
                term = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                found = set(searcher.docs_for_query(wq.Term(name, term))) & self.all
                if found:
                    values[term] = found
            self.docs[name] = values
        self.stubs = self.docs.get("status", {}).get("stub", set())
        self.described = self.all - self.stubs

    def allowed(self, filters: dict[str, list[str]]) -> set[int] | None:
        """The documents within the filters (any value within a facet, every facet)."""
        allowed: set[int] | None = None
        for name, values in filters.items():
            within: set[int] = set()
            for value in values:
                within |= self.docs.get(name, {}).get(value, set())
            allowed = within if allowed is None else allowed & within
        return allowed

    def without_stubs(self, allowed: set[int] | None) -> set[int]:
        return self.described if allowed is None else self.described & allowed

    def stubs_in(self, allowed: set[int] | None) -> set[int]:
        return self.stubs if allowed is None else self.stubs & allowed

    def counts(self, matched: set[int]) -> dict[str, dict[str, int]]:
        """For every facet field, how many matched documents carry each value."""
        out: dict[str, dict[str, int]] = {}
        for name in FACET_FIELDS:
            counts = {term: len(docs & matched) for term, docs in self.docs.get(name, {}).items()}
            counts = {term: n for term, n in counts.items() if n}
            if counts:
                out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return out
