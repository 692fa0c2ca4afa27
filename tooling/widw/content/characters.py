"""Invisible and direction-changing characters: found in text, named by code point."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from widw.content.messages import field_label
from widw.content.yamlnodes import Positions

INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
"""Characters that do not show, or that reorder the text around them (bidi overrides)."""


def invisible_message(found: str, where: str, offset: int) -> str:
    """The Dutch message for one invisible or direction-changing character."""
    name = unicodedata.name(found, "")
    named = f"U+{ord(found):04X}" + (f" ({name})" if name else "")
    return (
        f"{where} bevat het onzichtbare teken {named} op positie {offset + 1}; verwijder "
        f"het (vaak meegekopieerd uit een pdf, Word of een website)"
    )


def hidden_in_data(data: Any, positions: Positions) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) for the first such character in every text value."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            match = INVISIBLE.search(value)
            if match:
                where = f"'{field_label(path)}'"
                yield (*positions.of(path), invisible_message(match.group(0), where, match.start()))
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in enumerate(value))
