"""Read documents cached by content hash, in memory and in a file between runs.

Reading (YAML parsing with positions) is most of the cost of loading the library. A file
whose bytes did not change is not parsed again: its raw data, body, positions and reading
problems come from the cache, and only validation (cheap, and dependent on the current
vocabulary and rules) runs again. Positions are turned back into lookup tables only when a
problem in that file needs one (`LazyPositions`).

The MkDocs plugin and `widw validate` share one file, `.cache/widw/documents.json`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from widw.atomic import write_atomic
from widw.content.problems import Problem
from widw.content.reader import MAX_BYTES, Kind, RawDocument, parse_document, read_document
from widw.content.similar import TitlePairs
from widw.content.yamlnodes import LazyPositions
from widw.gcpause import collector_paused

FORMAT = 3
"""Bumped when what is stored changes: an old cache file is then ignored."""


class DocumentCache:
    """Parsed documents by (display path, SHA-256 of the bytes)."""

    def __init__(self, path: Path | None = None, *, best_effort: bool = False) -> None:
        self.path = path
        self.best_effort = best_effort
        """When set, a cache file that cannot be written is skipped instead of an error."""
        self._entries: dict[str, dict[str, Any]] = {}
        self._used: set[str] = set()
        self._changed = False
        self._loaded = path is None
        self.titles = TitlePairs(
            path.with_name("titles.json") if path is not None else None, best_effort=best_effort
        )
        """Which case titles were compared for the similar-title hint (a file beside it)."""

    def read(self, file: Path, kind: Kind, display: str) -> RawDocument:
        """The parsed document, from the cache when the file's bytes are unchanged."""
        self._load()
        try:
            if file.stat().st_size > MAX_BYTES:
                return read_document(file, kind, display)
            raw = file.read_bytes()
        except OSError:
            return read_document(file, kind, display)
        digest = hashlib.sha256(raw).hexdigest()
        key = f"{display}|{digest}"
        self._used.add(key)
        stored = self._entries.get(key)
        if stored is not None and stored.get("kind") == kind:
            try:
                return _thaw(stored, display, kind, digest)
            except (KeyError, TypeError, ValueError):  # a damaged entry: parse the file
                pass
        doc = parse_document(raw, kind, display)
        self._entries[key] = _freeze(doc)
        self._changed = True
        return doc

    def save(self) -> None:
        """Write the entries used in this run (if anything changed), atomically."""
        if self.path is None:
            return
        self.titles.save()
        stale = set(self._entries) - self._used
        if self._changed or stale:
            for key in stale:
                del self._entries[key]
            data = {"format": FORMAT, "entries": self._entries}
            try:
                write_atomic(self.path, json.dumps(data, ensure_ascii=False))
            except OSError:
                if not self.best_effort:
                    raise
        self._used = set()
        self._changed = False

    def _load(self) -> None:
        if self._loaded or self.path is None:
            return
        self._loaded = True
        # Tens of megabytes of plain lists and dicts, without a single cycle: the cyclic
        # garbage collector would only walk them again and again while they are made.
        with collector_paused():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return
        if isinstance(data, dict) and data.get("format") == FORMAT:
            entries = data.get("entries")
            if isinstance(entries, dict):
                self._entries.update(entries)


def _freeze(doc: RawDocument) -> dict[str, Any]:
    return {
        "kind": doc.kind,
        "data": doc.data,
        "body": doc.body,
        "body_line": doc.body_line,
        # One string, decoded only when a problem in this file needs a position.
        "positions": json.dumps(
            [
                [[*path, *pos] for path, pos in doc.positions.values.items()],
                [[*path, *pos] for path, pos in doc.positions.keys.items()],
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        "problems": [[p.line, p.column, p.code, p.message] for p in doc.problems],
    }


def _thaw(stored: dict[str, Any], display: str, kind: Kind, digest: str) -> RawDocument:
    positions = LazyPositions(stored["positions"])
    problems = [Problem(display, *p) for p in stored["problems"]]
    return RawDocument(
        display,
        kind,
        stored["data"],
        stored["body"],
        stored["body_line"],
        positions,
        problems,
        digest,
    )
