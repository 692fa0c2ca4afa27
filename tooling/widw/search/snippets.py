"""Snippets: the best short window of a text around the words that matched, with marks.

Whoosh's highlighter re-runs the whole analyzer over every hit's text, which costs more
than the search itself. Here each distinct word is analyzed once (memoised: the analysis
works word by word, so this is exact) and the window with the most matches wins.
"""

from __future__ import annotations

import re
from typing import Any

from widw.search.analysis import TOKEN_PATTERN
from widw.search.engine import Snippet

WIDTH = 220
"""Maximum characters of a snippet (without the ellipses)."""

BEFORE = 60
"""Context before the first match in the window."""

_WORD = re.compile(TOKEN_PATTERN)
_CACHE_SIZE = 200_000


class SnippetMaker:
    """Makes snippets for one analyzer, caching the index-mode tokens of each word."""

    def __init__(self, analyzer: Any) -> None:
        self._analyzer = analyzer
        self._tokens: dict[str, frozenset[str]] = {}

    def tokens(self, word: str) -> frozenset[str]:
        """Every indexed token of one word (compound parts and stems included)."""
        found = self._tokens.get(word)
        if found is None:
            found = frozenset(t.text for t in self._analyzer(word, mode="index"))
            if len(self._tokens) >= _CACHE_SIZE:
                self._tokens.clear()
            self._tokens[word] = found
        return found

    def make(self, text: str, terms: frozenset[str]) -> Snippet:
        """The window of `text` with the most words whose tokens are among `terms`."""
        text = " ".join(text.split())
        spans = [
            (m.start(), m.end())
            for m in _WORD.finditer(text)
            if terms and not self.tokens(m.group(0)).isdisjoint(terms)
        ]
        if not spans:
            return _lead(text)
        start = max(0, spans[_best_anchor(spans)][0] - BEFORE)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < spans[_best_anchor(spans)][0] else start
        end = min(len(text), start + WIDTH)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        shift = len(prefix) - start
        marks = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
        return Snippet(prefix + text[start:end] + suffix, marks)


def _best_anchor(spans: list[tuple[int, int]]) -> int:
    """Index of the match that starts the window holding the most matches (first wins)."""
    best, best_count, last = 0, 0, 0
    for first, (start, _) in enumerate(spans):
        limit = start - BEFORE + WIDTH
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] <= limit:
            last += 1
        if last - first + 1 > best_count:
            best, best_count = first, last - first + 1
    return best


def _lead(text: str) -> Snippet:
    """The start of a text, cut at a word boundary."""
    if len(text) <= WIDTH:
        return Snippet(text)
    cut = text[:WIDTH].rsplit(" ", 1)[0]
    return Snippet(cut + " …")
