"""Related cases: more-like-this from the index, blended with shared themes and elements.

Computed at build time and cached in `related.json` next to the index. What counts as
input for one case's list:

* the case's own content hash (everything it contributes to the index, see
  `SearchDocument.content_hash`), and the content hashes of the cases in its cached list;
* globally: the algorithm version, `limit`, the analysis key and the set of described
  (non-stub) cases. A change there recomputes every list.

So editing a case recomputes its own list and the lists that show it; a new, removed or
re-classified case recomputes all. Term weights depend on the whole corpus, so an unrelated
edit can shift scores slightly without a recompute: that small staleness buys fast rebuilds.

Stubs are never suggested. Stubs do get suggestions (from their themes, elements and the
little text they have), so a reader of a stub page can still move on.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from widw.atomic import write_atomic
from widw.content.library import Library
from widw.content.models import Case
from widw.search.index import SearchIndex, ensure_index

RELATED_FILE = "related.json"
ALGORITHM = "related-1"
CANDIDATES = 15
"""More-like-this results considered per case."""

ALL_PAIRS_LIMIT = 300
"""Up to this many described cases, every pair is scored (not only more-like-this hits)."""

WEIGHTS = (0.6, 0.25, 0.15)
"""Blend of normalised more-like-this score, shared themes and shared elements (Jaccard)."""


MIN_SCORE = 0.15
"""Weaker candidates are left out: better two good suggestions than three."""


def related_cases(library: Library, cache_dir: Path, limit: int = 3) -> dict[str, list[str]]:
    """Up to `limit` related described cases per case slug (every case has an entry)."""
    index = ensure_index(library, cache_dir)
    try:
        return compute_related(library, index, cache_dir, limit)
    finally:
        index.engine.close()


def compute_related(
    library: Library, index: SearchIndex, cache_dir: Path, limit: int = 3
) -> dict[str, list[str]]:
    """Related cases using an open index, reusing cached lists whose inputs are unchanged."""
    described = sorted(s for s, c in library.cases.items() if c.status == "beschreven")
    key = _hash(ALGORITHM, str(limit), index.engine.analysis_key, *described)
    cache = _load(cache_dir / RELATED_FILE, key)
    hashes = {slug: index.hashes.get(f"casus:{slug}", "") for slug in library.cases}
    entries: dict[str, dict[str, Any]] = {}
    result: dict[str, list[str]] = {}
    finder = _Finder(library, index, set(described), limit)
    for slug in library.cases:
        cached = cache.get(slug)
        if cached is not None and cached["input"] == _input(slug, cached["related"], hashes):
            related = list(cached["related"])
        else:
            related = finder.related(library.cases[slug])
        entries[slug] = {"input": _input(slug, related, hashes), "related": related}
        result[slug] = related
    if entries != cache:
        data = {"format": 1, "key": key, "entries": entries}
        write_atomic(cache_dir / RELATED_FILE, json.dumps(data, indent=1, sort_keys=True) + "\n")
    return result


class _Finder:
    """Scores candidate cases for one case at a time."""

    def __init__(self, library: Library, index: SearchIndex, described: set[str], limit: int):
        self.library = library
        self.index = index
        self.described = described
        self.limit = limit
        self.by_term: dict[str, set[str]] = {}
        for slug in described:
            case = library.cases[slug]
            for term in _terms(case):
                self.by_term.setdefault(term, set()).add(slug)

    def related(self, case: Case) -> list[str]:
        mlt = dict(self.index.engine.more_like(f"casus:{case.slug}", CANDIDATES))
        top = max(mlt.values(), default=0.0) or 1.0
        if len(self.described) <= ALL_PAIRS_LIMIT:
            pool = set(self.described)
        else:
            pool = set(mlt) | self._sharing(case)
        pool.discard(case.slug)
        scored = []
        for slug in pool:
            other = self.library.cases[slug]
            score = (
                WEIGHTS[0] * mlt.get(slug, 0.0) / top
                + WEIGHTS[1] * _jaccard(case.themes, other.themes)
                + WEIGHTS[2] * _jaccard(case.elements, other.elements)
            )
            if score >= MIN_SCORE:
                scored.append((-round(score, 9), slug))
        return [slug for _, slug in sorted(scored)[: self.limit]]

    def _sharing(self, case: Case) -> set[str]:
        """The cases sharing most themes and elements (for large libraries)."""
        counts: Counter[str] = Counter()
        for term in _terms(case):
            counts.update(self.by_term.get(term, ()))
        return {slug for slug, _ in counts.most_common(CANDIDATES + 1)}


def _terms(case: Case) -> list[str]:
    return [f"t:{t}" for t in case.themes] + [f"e:{e}" for e in case.elements]


def _jaccard(a: list[str], b: list[str]) -> float:
    left, right = set(a), set(b)
    return len(left & right) / len(left | right) if left and right else 0.0


def _input(slug: str, related: list[str], hashes: dict[str, str]) -> str:
    return _hash(hashes.get(slug, ""), *(f"{r}={hashes.get(r, '')}" for r in related))


def _hash(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _load(path: Path, key: str) -> dict[str, dict[str, Any]]:
    """Cached entries if the file is readable and its global key matches, else {}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key or data.get("format") != 1:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {
        slug: entry
        for slug, entry in entries.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("input"), str)
        and isinstance(entry.get("related"), list)
    }
