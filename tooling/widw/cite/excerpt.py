"""What a lesson says, in a few sentences: the excerpt the briefing pack prints per lesson.

The paragraph is the lesson's own text (`widw.content.own_text`, the same one its role
pages show): paragraphs about where the lesson comes from, or shared word for word with
other lessons from the same report ("Deze les komt uit het rapport …"), are skipped. Here
it becomes plain text cut at a sentence end; a paragraph that introduces a list ("… vier
redenen:") takes the list items along, and a sentence that still ends in a colon is never
the last one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from widw.content.own_text import own_texts, prose_paragraphs

EXCERPT_LIMIT = 480
"""Soft limit in characters: sentences are added while the excerpt stays within it."""

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|\*|`)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9À-Ý])")


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links keep their words, emphasis is dropped."""
    text = " ".join(markdown.split())
    return _MARKS.sub("", _LINK.sub(r"\1", text))


def shared_paragraphs(bodies: Iterable[str]) -> frozenset[str]:
    """Paragraphs that occur in more than one body: boilerplate, not what a lesson says."""
    counts: Counter[str] = Counter()
    for body in bodies:
        counts.update(set(prose_paragraphs(body)))
    return frozenset(text for text, n in counts.items() if n > 1)


def sentences(text: str) -> list[str]:
    """The sentences of a plain-text paragraph."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _lower_first(item: str) -> str:
    """'Kennis van …' → 'kennis van …' (a word, not an acronym such as 'VWS')."""
    if len(item) > 1 and item[0].isupper() and item[1].islower():
        return item[0].lower() + item[1:]
    return item


def _with_list(paragraph: str, items: tuple[str, ...]) -> str:
    """'… vier redenen: a; b; c.' (the list read as the end of the sentence)."""
    listed = "; ".join(_lower_first(item.rstrip(" .;")) for item in items)
    end = "" if listed.endswith(("?", "!")) else "."
    return f"{paragraph} {listed}{end}"


def cut(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """Whole sentences from the start while within `limit` (at least one); never a last
    sentence that ends in a colon."""
    kept: list[str] = []
    for sentence in sentences(text):
        if kept and len(" ".join([*kept, sentence])) > limit:
            break
        kept.append(sentence)
    while kept and kept[-1].endswith(":"):
        kept.pop()
    return " ".join(kept)


def excerpt(body: str, shared: frozenset[str] = frozenset(), limit: int = EXCERPT_LIMIT) -> str:
    """What the lesson says: its first own paragraph, cut at a sentence end."""
    for own in own_texts(body, shared):
        text = plain(own.paragraph)
        if own.listing:
            text = _with_list(text, tuple(plain(item) for item in own.items))
        result = cut(text, limit)
        if result:
            return result
    return ""
