"""What a page shows, for comparing two builds of it: tags, attributes and visible text.

White space is collapsed as a browser collapses it, except inside the elements where it
counts (`pre`, `textarea`, `code`, `kbd`); character references are decoded. Two pages
with the same tokens look and read the same, however their markup is indented.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

Token = tuple[str, ...] | tuple[str, str, tuple[tuple[str, str], ...]]

_KEEPS_SPACE = {"pre", "textarea", "code", "kbd"}


class _Shown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self._text: list[str] = []
        self._keep = 0

    def flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        if not self._keep:
            text = re.sub(r"\s+", " ", text).strip()
        if text:
            self.tokens.append(("text", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.flush()
        self.tokens.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))
        self._keep += tag in _KEEPS_SPACE

    def handle_endtag(self, tag: str) -> None:
        self.flush()
        self.tokens.append(("end", tag))
        if tag in _KEEPS_SPACE:
            self._keep = max(0, self._keep - 1)

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def shown(page: Path) -> list[Token]:
    """The page's tags, attributes and visible text, in order."""
    parser = _Shown()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    parser.flush()
    return parser.tokens


def first_difference(one: Path, other: Path) -> str | None:
    """Where two pages first differ in what they show, or None when they show the same."""
    mine, theirs = shown(one), shown(other)
    for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
        if a != b:
            return f"{one.name} token {index}: {a!r} ≠ {b!r}"
    if len(mine) != len(theirs):
        return f"{one.name}: {len(mine)} ≠ {len(theirs)} tokens"
    return None
