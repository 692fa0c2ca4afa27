"""A string cache keyed by content hash: in memory, saved to one JSON file between runs."""

from __future__ import annotations

import json
from pathlib import Path

from widw.atomic import write_atomic


class JsonCache:
    """Values by key; `save` keeps only the keys used since the last save."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}
        self.used: set[str] = set()
        self.changed = False

    def get(self, key: str) -> str | None:
        self.used.add(key)
        return self.entries.get(key)

    def put(self, key: str, value: str) -> None:
        self.used.add(key)
        self.entries[key] = value
        self.changed = True

    def load(self, path: Path) -> None:
        """Read saved entries; a missing or unreadable file just means an empty cache."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            self.entries.update({k: v for k, v in data.items() if isinstance(v, str)})

    def save(self, path: Path, *, prune: bool = True) -> None:
        """Write the entries used since the last save, atomically (only if anything changed).

        `prune=False` keeps the unused entries too (a run that reused work made with them).
        """
        stale = set(self.entries) - self.used if prune else set()
        if stale or self.changed:
            for key in stale:
                del self.entries[key]
            write_atomic(path, json.dumps(self.entries, ensure_ascii=False, sort_keys=True))
        self.used = set()
        self.changed = False
