"""The build cache: one object, created and owned by whoever builds (plugin, CLI, test).

Every entry is keyed by a hash of its content or inputs together with `inputs`: the hash of
what shapes every output (the package's code and templates, its version, and whatever the
caller adds, such as the site options or the Markdown configuration). Change a template and
no old entry matches any more.

With a folder, each entry is one file (`folder/<kind>/<key[:2]>/<key>`), written atomically,
so a build reads only the entries it uses and never holds the whole cache in memory; the
site adapters can hand those files to the builder as they are. Without a folder (tests,
one-off builds) entries live in memory for the object's lifetime.

A build made of `Part`s keeps, per part, the hash of its inputs and the entries of its
outputs (`PartIndex`): the next build makes again only the parts whose inputs changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from widw.atomic import write_atomic


def digest(*parts: str | bytes) -> str:
    """SHA-256 of the parts, each length-prefixed so that no two splits collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


class BuildCache:
    """Values by (kind, key); `inputs` is mixed into every key made with `key`."""

    def __init__(self, folder: Path | None = None, *, inputs: str = "") -> None:
        self.folder = folder
        self.inputs = inputs
        self._memory: dict[tuple[str, str], bytes] = {}
        self._used: dict[str, set[str]] = {}

    def key(self, *parts: str | bytes) -> str:
        """The key of an entry made from `parts` under this cache's inputs."""
        return digest(self.inputs, *parts)

    def path(self, kind: str, key: str) -> Path | None:
        """The file that holds the entry (None for a cache in memory)."""
        location = self._location(kind, key)
        return None if location is None else Path(location)

    def _location(self, kind: str, key: str) -> str | None:
        # A string, not a Path: a build asks for thousands of entries.
        if self.folder is None:
            return None
        return os.path.join(self.folder, kind, key[:2], key)

    def file(self, name: str) -> Path | None:
        """A file of its own in the cache folder (e.g. one JSON file), or None in memory."""
        return None if self.folder is None else self.folder / name

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The stored value, or None (a missing or unreadable file is a miss)."""
        self._used.setdefault(kind, set()).add(key)
        location = self._location(kind, key)
        if location is None:
            return self._memory.get((kind, key))
        try:
            with open(location, "rb") as file:
                return file.read()
        except OSError:
            return None

    def get(self, kind: str, key: str) -> str | None:
        """The stored text, or None."""
        data = self.get_bytes(kind, key)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def has(self, kind: str, key: str, size: int | None = None) -> bool:
        """Whether the entry exists (of `size` bytes if given) and count it as used."""
        self._used.setdefault(kind, set()).add(key)
        location = self._location(kind, key)
        if location is None:
            return (kind, key) in self._memory
        try:
            found = os.stat(location).st_size
        except OSError:
            return False
        return size is None or found == size

    def put(self, kind: str, key: str, value: str | bytes) -> None:
        """Store a value (replacing any entry under the same key)."""
        self._used.setdefault(kind, set()).add(key)
        data = value.encode("utf-8") if isinstance(value, str) else value
        path = self.path(kind, key)
        if path is None:
            self._memory[(kind, key)] = data
        else:
            write_atomic(path, data)

    def store(self, kind: str, value: str | bytes) -> str:
        """Store a value under the hash of its content (once) and return that key."""
        data = value.encode("utf-8") if isinstance(value, str) else value
        key = digest(data)
        if not self.has(kind, key, len(data)):
            self.put(kind, key, data)
        return key

    def count(self, kind: str) -> int:
        """How many entries of `kind` the cache holds."""
        if self.folder is None:
            return sum(1 for k, _ in self._memory if k == kind)
        return len(_files(self.folder / kind))

    def sweep(self, kinds: Iterable[str]) -> int:
        """Delete the entries of `kinds` not used since the last sweep; how many went."""
        removed = 0
        for kind in kinds:
            used = self._used.pop(kind, set())
            if self.folder is None:
                stale = [k for k in self._memory if k[0] == kind and k[1] not in used]
                for entry in stale:
                    del self._memory[entry]
                removed += len(stale)
                continue
            for path in _files(self.folder / kind):
                if path.name not in used and not path.name.startswith("."):
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


INTERNAL = "~"
"""Outputs named with this prefix are pieces for later parts of the same build (see
`PartIndex.text`), not published."""


@dataclass(frozen=True)
class Part:
    """A piece of a build's output (name → text or bytes) and everything it is made from.

    `inputs` must cover all that `make` reads besides the build's own salt (code, options):
    the part is made again exactly when one of them changes. A part may also read the
    outputs of the parts before it; then their inputs belong to its own as well.
    """

    name: str
    inputs: tuple[str, ...]
    make: Callable[[], Mapping[str, str | bytes]]


Outputs = dict[str, tuple[str, bool]]
"""A part's outputs as stored: name → (entry key of kind "blob", whether it is bytes)."""


class PartIndex:
    """The parts of the last build with the same salt: input hash and output entries each.

    `outputs` gives a part's stored outputs while its inputs are unchanged and otherwise
    makes it and stores what it made; `save` keeps this build's parts for the next one.
    """

    KIND = "parts"

    def __init__(self, cache: BuildCache, salt: str) -> None:
        self.cache = cache
        self.salt = salt
        self.key = cache.key(self.KIND, salt)
        self.made: list[str] = []
        """Names of the parts made (not reused) in this build."""
        self.reused = 0
        """How many parts came from the last build unchanged."""
        self._old = self._load()
        self._new: dict[str, tuple[str, Outputs]] = {}
        self._seen: Outputs = {}

    def _load(self) -> dict[str, tuple[str, Outputs]]:
        text = self.cache.get(self.KIND, self.key)
        try:
            data = json.loads(text) if text else {}
            return {
                str(name): (str(key), {str(u): (str(b), bool(r)) for u, (b, r) in out.items()})
                for name, (key, out) in data.items()
            }
        except (ValueError, TypeError, AttributeError):
            return {}

    def outputs(self, part: Part) -> Outputs:
        """The part's published outputs, reused when its inputs hash the same as last time."""
        if part.name in self._new:  # two parts under one name could take each other's pages
            raise ValueError(f"two parts are named {part.name!r}")
        key = digest(self.salt, part.name, *part.inputs)
        old = self._old.get(part.name)
        if old is not None and old[0] == key and self._stored(old[1]):
            outputs = old[1]
            self.reused += 1
        else:
            self.made.append(part.name)
            outputs = {
                name: (self.cache.store("blob", data), isinstance(data, bytes))
                for name, data in part.make().items()
            }
        self._new[part.name] = (key, outputs)
        self._seen.update(outputs)
        return {n: o for n, o in outputs.items() if not n.startswith(INTERNAL)}

    def text(self, name: str) -> str:
        """The text of an output of a part given to `outputs` earlier in this build."""
        text = self.cache.get("blob", self._seen[name][0])
        if text is None:
            raise KeyError(name)
        return text

    def _stored(self, outputs: Outputs) -> bool:
        """Whether every output is still in the cache (and, so, kept by its next sweep)."""
        return all(self.cache.has("blob", blob) for blob, _ in outputs.values())

    def save(self) -> None:
        self.cache.put(self.KIND, self.key, json.dumps(self._new, ensure_ascii=False))


def _files(folder: Path) -> list[Path]:
    try:
        shards = list(os.scandir(folder))
    except OSError:
        return []
    found: list[Path] = []
    for shard in shards:
        if shard.is_dir():
            found.extend(Path(e.path) for e in os.scandir(shard.path) if e.is_file())
    return found
