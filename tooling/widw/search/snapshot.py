"""What the index was built from: the content files' sizes, times and hashes.

`widw search` writes a snapshot after it brought the index up to date; the next run
compares the content files with it (sizes and modification times first, and only for a
file whose size or time differs, its sha256) and, when nothing changed, queries the index
without reading, validating or loading the library. The snapshot also keeps what showing
results needs from the library (facet labels, synonyms, the count of files with errors).

This module imports neither the content models nor Whoosh: it is the whole fast path's
check, and it must be cheap to import.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widw.atomic import write_atomic

SNAPSHOT_FILE = "snapshot.json"
SNAPSHOT_FORMAT = 1

FileStat = tuple[int, int, str]
"""(size in bytes, modification time in ns, sha256)."""


@dataclass
class Snapshot:
    """The content files behind the live index, and what display needs from the library."""

    index: str
    """Name of the index directory the snapshot belongs to."""
    generation: int
    files: dict[str, FileStat]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Facet field → term → Dutch label."""
    synonyms: list[list[str]] = field(default_factory=list)
    errors: int = 0
    """Content files with errors (left out of the index)."""


def content_files(root: Path, folders: list[str], files: list[str]) -> list[str]:
    """Every file in the content folders (any name: a new file must be noticed) and the
    given files, as paths relative to `root` with '/' (plain strings: this runs for every
    search, over thousands of files)."""
    found: list[str] = []
    base = str(root)
    for folder in folders:
        try:
            with os.scandir(os.path.join(base, folder)) as entries:
                found += [f"{folder}/{e.name}" for e in entries if e.name[0] != "." and e.is_file()]
        except OSError:
            continue
    found += [name for name in files if os.path.isfile(os.path.join(base, name))]
    return sorted(found)


def take(root: Path, paths: list[str]) -> dict[str, FileStat]:
    """Size, time and hash of each file (paths relative to `root`)."""
    out: dict[str, FileStat] = {}
    for name in paths:
        path = root / name
        try:
            info = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
        out[name] = (info.st_size, info.st_mtime_ns, digest)
    return out


def unchanged(root: Path, paths: list[str], recorded: dict[str, FileStat]) -> bool:
    """True if exactly the recorded files exist with the same content."""
    if len(paths) != len(recorded):
        return False
    base = str(root)
    for name in paths:
        entry = recorded.get(name)
        if entry is None:
            return False
        full = os.path.join(base, name)
        try:
            info = os.stat(full)
        except OSError:
            return False
        if info.st_size != entry[0]:
            return False
        if info.st_mtime_ns != entry[1]:
            try:
                with open(full, "rb") as handle:
                    if hashlib.sha256(handle.read()).hexdigest() != entry[2]:
                        return False
            except OSError:
                return False
    return True


def load(cache_dir: Path) -> Snapshot | None:
    """The stored snapshot, or None if it is missing or unreadable."""
    try:
        data: Any = json.loads((cache_dir / SNAPSHOT_FILE).read_text(encoding="utf-8"))
        if data.get("format") != SNAPSHOT_FORMAT:
            return None
        files = {str(k): (int(v[0]), int(v[1]), str(v[2])) for k, v in data["files"].items()}
        return Snapshot(
            index=str(data["index"]),
            generation=int(data["generation"]),
            files=files,
            labels={str(k): dict(v) for k, v in data.get("labels", {}).items()},
            synonyms=[list(map(str, group)) for group in data.get("synonyms", [])],
            errors=int(data.get("errors", 0)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def save(cache_dir: Path, snapshot: Snapshot) -> None:
    """Write the snapshot atomically."""
    data = {
        "format": SNAPSHOT_FORMAT,
        "index": snapshot.index,
        "generation": snapshot.generation,
        "files": {k: list(v) for k, v in sorted(snapshot.files.items())},
        "labels": snapshot.labels,
        "synonyms": snapshot.synonyms,
        "errors": snapshot.errors,
    }
    write_atomic(cache_dir / SNAPSHOT_FILE, json.dumps(data, ensure_ascii=False) + "\n")


def remove(cache_dir: Path) -> None:
    """Forget the snapshot (the next run checks the library in full)."""
    (cache_dir / SNAPSHOT_FILE).unlink(missing_ok=True)
