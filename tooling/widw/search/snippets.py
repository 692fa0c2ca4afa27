"""Snippets: the best short window of a text around the words that matched, with marks.

Whoosh's highlighter re-runs the whole analyzer over every hit's text, which costs more
than the search itself. Here each distinct word is analyzed once (memoised: the analysis
works word by word, so this is exact), the matching words are then found with one regular
expression, and the window with the most matches wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from widw.search.analysis import TOKEN_PATTERN, fold
from widw.search.engine import Snippet

WIDTH = 220
"""Maximum characters of a snippet (without the ellipses)."""

BEFORE = 60
"""Context before the first match in the window."""

_WORD = re.compile(TOKEN_PATTERN.replace("(", "(?:"))
_CACHE_SIZE = 200_000


class SnippetMaker:
    """Makes snippets with one analysis, caching the index-mode tokens of each word."""

    def __init__(self, word_tokens: Callable[[str], frozenset[str]]) -> None:
        self._word_tokens = word_tokens
        self._tokens: dict[str, frozenset[str]] = {}

    def tokens(self, word: str) -> frozenset[str]:
        """Every indexed token of one word (compound parts and stems included)."""
        found = self._tokens.get(word)
        if found is None:
            found = self._word_tokens(word)
            if len(self._tokens) >= _CACHE_SIZE:
                self._tokens.clear()
            self._tokens[word] = found
        return found

    def make(self, text: str, terms: frozenset[str]) -> Snippet:
        """The window of `text` with the most words whose tokens are among `terms`."""
        text = " ".join(text.split())
        spans = self._spans(text, terms) if terms else []
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

    def _spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Character spans of the whole words of `text` that yield one of `terms`.

        Words are matched folded. A token's first two characters always occur in the
        folded word it came from (stemming only cuts suffixes and undoubles letters;
        tested), so only words holding such a pair are analyzed at all.
        """
        folded = fold(text)
        if len(folded) != len(text):  # a character folded into several: no shortcut
            folded = text
            words = set(_WORD.findall(text))
        else:
            pairs = re.compile("|".join(sorted({re.escape(term[:2]) for term in terms})))
            words = set(filter(pairs.search, set(_WORD.findall(folded))))
        found = {w for w in words if not self.tokens(w).isdisjoint(terms)}
        if not found:
            return []
        alternatives = "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
        # A whole token: no word character (or word character and dot) on either side.
        pattern = re.compile(rf"(?<!\w)(?<!\w\.)(?:{alternatives})(?!\w)(?!\.\w)")
        return [match.span() for match in pattern.finditer(folded)]


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
