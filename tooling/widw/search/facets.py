"""Facet counts: how many matching documents carry each value of each facet field."""

from __future__ import annotations

import numpy as np

from widw.search.columns import IndexColumns
from widw.search.documents import FACET_FIELDS


class FacetCounter:
    """For one searcher: every (document, facet value) pair, for counting by mask."""

    def __init__(self, columns: IndexColumns) -> None:
        reader = columns.searcher.reader()
        schema = columns.searcher.schema
        self.values: list[tuple[str, str]] = []
        docs: list[np.ndarray] = []
        for name in FACET_FIELDS:
            if name not in schema:
                continue
            for raw in reader.lexicon(name):
                ids, _ = columns.postings(name, raw)
                ids = ids[columns.live[ids]]
                term = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                self.values.append((name, term))
                docs.append(ids)
        self._docs = np.concatenate(docs) if docs else np.empty(0, dtype=np.int64)
        self._value_of = np.repeat(np.arange(len(docs)), [len(d) for d in docs])

    def counts(self, mask: np.ndarray) -> dict[str, dict[str, int]]:
        """For every facet field, how many documents in `mask` carry each value."""
        tally = np.bincount(self._value_of[mask[self._docs]], minlength=len(self.values))
        counts: dict[str, dict[str, int]] = {}
        for index in np.flatnonzero(tally):
            name, term = self.values[index]
            counts.setdefault(name, {})[term] = int(tally[index])
        return {
            name: dict(sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0])))
            for name in FACET_FIELDS
            if name in counts
        }
