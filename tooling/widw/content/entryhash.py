"""A hash per entry of the library, from its source file: cheap inputs for cache keys.

A case, lesson or episode is made from its file (with the vocabulary, which callers add to
their keys themselves), so the file's content hash and path stand for the whole entry
without dumping its model. Entries without a known file (libraries built in code) fall back
to a hash of their data.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from widw.buildcache import digest
from widw.content.catalog import Library
from widw.content.models import Case, Episode, Lesson
from widw.content.reader import Kind

MISSING = "-"
"""Stands for a linked name the library does not hold."""


class EntryHashes:
    """Hashes of one library's entries, each computed once."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._own: dict[tuple[Kind, str], str] = {}
        self._every: dict[Kind, str] = {}

    def own(self, kind: Kind, name: str) -> str:
        """The hash of one entry (MISSING when the library has no such entry)."""
        found = self._own.get((kind, name))
        if found is not None:
            return found
        entry = self._entry(kind, name)
        if entry is None:
            return MISSING
        source = self.library.files.get((kind, name))
        if source is not None:
            value = digest(kind, name, source.path, source.content_hash)
        else:
            value = digest(kind, name, entry.model_dump_json(), getattr(entry, "body", ""))
        self._own[(kind, name)] = value
        return value

    def _entry(self, kind: Kind, name: str) -> BaseModel | None:
        lib = self.library
        found: Case | Lesson | Episode | None = (
            lib.cases.get(name)
            if kind == "case"
            else lib.lessons.get(name)
            if kind == "lesson"
            else lib.episodes.get(name)
        )
        return found

    def of(self, kind: Kind, names: Iterable[str]) -> str:
        """One hash of several entries of a kind, in the given order."""
        return digest(*(f"{name}={self.own(kind, name)}" for name in names))

    def cases(self, cases: Iterable[Case]) -> str:
        """One hash of the given cases, in their order."""
        return self.of("case", (c.slug for c in cases))

    def every(self, kind: Kind) -> str:
        """One hash of every entry of a kind, in library order."""
        found = self._every.get(kind)
        if found is None:
            lib = self.library
            names: Iterable[str] = (
                lib.cases if kind == "case" else lib.lessons if kind == "lesson" else lib.episodes
            )
            found = self._every[kind] = self.of(kind, names)
        return found

    def everything(self) -> tuple[str, str, str]:
        """Every case, lesson and episode: the key of parts that read the whole library."""
        return (self.every("case"), self.every("lesson"), self.every("episode"))
