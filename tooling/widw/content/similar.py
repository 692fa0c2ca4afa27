"""Near-identical titles, compared only when a title is new or changed.

`fuzz.ratio` of two titles depends on those two strings alone, so a pair found (or not
found) in an earlier run stays true as long as both titles still exist. `TitlePairs`
remembers the titles it has compared and the pairs that reached the cutoff; a run compares
only the titles it has not seen before with every title (in C++, through rapidfuzz) and
takes the other pairs from the cache. The pairs and their scores are exactly those of one
all-against-all `process.cdist(..., score_cutoff=cutoff, dtype=np.uint8)`: a score counts
when the unrounded ratio reaches the cutoff and is then rounded half up.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from widw.atomic import write_atomic

FORMAT = 1
MANY_NEW = 200
"""From this many new titles on, one vectorised comparison (numpy, both cores) pays off."""


def _rounded(score: float) -> int:
    return math.floor(score + 0.5)


def compare(
    new: Sequence[str], every: Sequence[str], cutoff: float
) -> Iterable[tuple[str, str, int]]:
    """(a, b, score) for each new title a and any title b (a ≠ b) scoring at least cutoff."""
    if not new or not every:
        return
    if len(new) >= MANY_NEW:
        # Imported here: numpy takes a while to import and a warm run rarely needs it.
        import numpy as np
        from rapidfuzz import fuzz, process

        scores = process.cdist(
            new, every, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1
        )
        for i, j in zip(*np.nonzero(scores), strict=True):
            if new[i] != every[j]:
                yield new[i], every[j], int(scores[i, j])
        return
    from rapidfuzz import fuzz, process

    for title in new:
        for other, score, _ in process.extract(
            title, every, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            if other != title:
                yield title, other, _rounded(score)


class TitlePairs:
    """Similar-title pairs by the titles themselves, in memory and in a file between runs."""

    def __init__(self, path: Path | None = None, *, best_effort: bool = False) -> None:
        self.path = path
        self.best_effort = best_effort
        self._cutoff: float | None = None
        self._seen: set[str] = set()
        self._pairs: dict[tuple[str, str], int] = {}
        self._changed = False
        self._loaded = path is None
        self.compared: list[str] = []
        """The titles compared with every other one in the last run (the rest came cached)."""

    def pairs(self, titles: Sequence[str], cutoff: float) -> list[tuple[int, int, int]]:
        """(i, j, score) for every i < j whose titles score at least `cutoff`."""
        self._load()
        if cutoff != self._cutoff:
            self._cutoff, self._seen, self._pairs = cutoff, set(), {}
        where: dict[str, list[int]] = {}
        for i, title in enumerate(titles):
            where.setdefault(title, []).append(i)
        distinct = list(where)
        self.compared = [title for title in distinct if title not in self._seen]
        found = {
            (a, b): score for (a, b), score in self._pairs.items() if a in where and b in where
        }
        for a, b, score in compare(self.compared, distinct, cutoff):
            found[min(a, b), max(a, b)] = score
        self._changed = self._changed or found != self._pairs or set(where) != self._seen
        self._seen, self._pairs = set(where), found
        out = {(i, j, 100) for same in where.values() for i in same for j in same if i < j}
        for (a, b), score in found.items():
            out.update((min(i, j), max(i, j), score) for i in where[a] for j in where[b])
        return sorted(out)

    def save(self) -> None:
        """Write the titles and pairs (if anything changed), atomically."""
        if self.path is None or not self._changed:
            return
        data = {
            "format": FORMAT,
            "cutoff": self._cutoff,
            "titles": sorted(self._seen),
            "pairs": [[a, b, score] for (a, b), score in sorted(self._pairs.items())],
        }
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False))
        except OSError:
            if not self.best_effort:
                raise
        self._changed = False

    def _load(self) -> None:
        if self._loaded or self.path is None:
            return
        self._loaded = True
        try:
            data: Any = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return
            seen = {str(title) for title in data["titles"]}
            pairs = {(str(a), str(b)): int(score) for a, b, score in data["pairs"]}
            cutoff = float(data["cutoff"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return  # no cache, or one we cannot use: every title is compared again
        self._cutoff, self._seen, self._pairs = cutoff, seen, pairs
