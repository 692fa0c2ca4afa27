"""Read values out of parsed front matter before (or without) the schema accepting it.

Rules that must run on files with schema errors too (vocabulary terms, links, case rules)
look at the raw data through these helpers: they never raise, whatever the data holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from widw.content.fields import SLUG_PATTERN, UNKNOWN

Path = tuple[str | int, ...]
"""A place in the front matter: keys and 0-based list indexes."""

ANY = "*"
"""In a path pattern: every item of a list."""

_SLUG = re.compile(SLUG_PATTERN)


def value_at(data: Any, path: Path) -> Any:
    """The value at a path, or None when any step is missing or of the wrong kind."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(data, list) or step >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[step] if isinstance(step, int) else data.get(step)
    return data


def expand(data: Any, pattern: Path, at: Path = ()) -> Iterator[tuple[Path, Any]]:
    """(path, value) for every place a pattern with ANY steps matches."""
    if not pattern:
        yield at, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == ANY:
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from expand(item, rest, (*at, i))
    elif isinstance(data, dict) and step in data:
        yield from expand(data[step], rest, (*at, step))


def text(value: Any) -> str | None:
    """A string value as the schema reads it (stripped), or None for anything else."""
    return value.strip() if isinstance(value, str) else None


def is_unknown(value: Any) -> bool:
    """The editor wrote 'onbekend' (any case)."""
    return isinstance(value, str) and value.strip().lower() == UNKNOWN


def present(value: Any) -> bool:
    """A value is given: not missing, empty or 'onbekend'."""
    if value is None or is_unknown(value):
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def slug(value: Any) -> str | None:
    """A slug-shaped string value (stripped), or None."""
    found = text(value)
    return found if found and 2 <= len(found) <= 80 and _SLUG.match(found) else None


def slugs(data: Any, pattern: Path) -> Iterator[tuple[Path, str]]:
    """Every slug-shaped value a pattern matches."""
    for path, value in expand(data, pattern):
        name = slug(value)
        if name:
            yield path, name
