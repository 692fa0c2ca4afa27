"""Whoosh postings and per-document data as numpy arrays, read once per searcher.

Whoosh 2.7.4 (pinned exactly) stores postings in blocks of up to 128 documents, each a
pickled tuple of delta-coded ids and float32 weights. Reading whole blocks is some
twenty times faster than stepping a matcher through them one document at a time, which
is what makes column-wise scoring (`widw.search.evaluate`) worth doing.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import FilterMatcher
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

Postings = tuple[np.ndarray, np.ndarray]
"""(document numbers, weights) of one term, ascending by document number."""

_LENGTH_OF_BYTE = np.array([byte_to_length(b) if b else 1 for b in range(256)], dtype=float)
"""Whoosh stores field lengths as one lossy byte per document; this undoes it."""

_NO_POSTINGS: Postings = (np.empty(0, dtype=np.int64), np.empty(0, dtype=float))


class IndexColumns:
    """One searcher's documents as arrays: which are live, field lengths, postings."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        self.size: int = reader.doc_count_all()
        self.leaves: list[tuple[Any, int]] = list(reader.leaf_readers())
        self.live = np.ones(self.size, dtype=bool)
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                kept = np.fromiter(leaf.all_doc_ids(), dtype=np.int64)
                self.live[offset : offset + leaf.doc_count_all()] = False
                self.live[kept + offset] = True
        self._lengths: dict[str, np.ndarray] = {}

    def lengths(self, field: str) -> np.ndarray:
        """Every document's length in `field`, as Whoosh's scorers see it."""
        found = self._lengths.get(field)
        if found is None:
            found = np.ones(self.size, dtype=float)
            for leaf, offset in self.leaves:
                column = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
                if column is not None:
                    count = leaf.doc_count_all()
                    raw = np.fromiter(column, dtype=np.uint8, count=count)
                    found[offset : offset + count] = _LENGTH_OF_BYTE[raw]
            self._lengths[field] = found
        return found

    def postings(self, field: str, text: bytes) -> Postings:
        """Document numbers (live or not) and weights of one term, over all segments."""
        parts = [
            (ids + offset, weights)
            for leaf, offset in self.leaves
            if (field, text) in leaf
            for ids, weights in [_leaf_postings(leaf.postings(field, text))]
        ]
        if not parts:
            return _NO_POSTINGS
        if len(parts) == 1:
            return parts[0]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def column(self, field: str) -> list[Any]:
        """The values of a sortable field for every document."""
        return list(self.searcher.reader().column_reader(field))


def _leaf_postings(matcher: Any) -> Postings:
    """Read one segment's postings; deletions are left to the caller's live mask."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if not isinstance(matcher, W3LeafMatcher):
        return _step_through(matcher)
    ids: list[int] = []
    weight_blocks: list[np.ndarray] = []
    while matcher.is_active():
        matcher._read_data()
        deltas, weights = matcher._data[0], matcher._data[1]
        ids.extend(deltas if matcher._byteids else accumulate(deltas))
        weight_blocks.append(_block_weights(weights, matcher._blocklength))
        matcher._next_block()
    if not ids:
        return _NO_POSTINGS
    return np.array(ids, dtype=np.int64), np.concatenate(weight_blocks)


def _block_weights(weights: Any, count: int) -> np.ndarray:
    """A block's weights as Whoosh returns them (float32 precision, 1.0 when absent)."""
    if weights is None:
        return np.ones(count, dtype=float)
    if isinstance(weights, float):
        return np.full(count, np.float32(weights), dtype=float)
    return np.asarray(weights, dtype=np.float32).astype(float)


def _step_through(matcher: Any) -> Postings:
    """Any other matcher (inlined postings): one document at a time."""
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=float)
