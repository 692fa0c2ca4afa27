"""What a lesson says, in a few sentences: the excerpt the briefing pack prints per lesson.

A lesson's body often opens with a paragraph about where it comes from, shared word for
word with other lessons from the same report ("Deze les komt uit het rapport …"). Such a
paragraph says nothing about this lesson, so paragraphs that occur in more than one lesson
are skipped. The excerpt is the first remaining prose paragraph, cut at a sentence end; a
paragraph that introduces a list ("… vier redenen:") takes the list items along, and a
sentence that still ends in a colon is never the last one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

PROVENANCE = "Herkomst:"
"""A paragraph that opens with this says where the lesson comes from, not what it says."""

EXCERPT_LIMIT = 480
"""Soft limit in characters: sentences are added while the excerpt stays within it."""

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|\*|`)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9À-Ý])")


@dataclass(frozen=True)
class Block:
    """A paragraph or a list, as plain text (list: one string per item)."""

    text: str
    items: tuple[str, ...] = ()


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links keep their words, emphasis is dropped."""
    text = " ".join(markdown.split())
    return _MARKS.sub("", _LINK.sub(r"\1", text))


def blocks(markdown: str) -> list[Block]:
    """The body's paragraphs and lists in order; headings, quotes and HTML are left out."""
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines or lines[0].lstrip().startswith(("#", ">", "<", "|", "```")):
            continue
        if _LIST_ITEM.match(lines[0]):
            items: list[str] = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append(_LIST_ITEM.sub("", line))
                elif items:
                    items[-1] += " " + line.strip()
            out.append(Block("", tuple(plain(item) for item in items)))
        else:
            out.append(Block(plain(" ".join(lines))))
    return out


def shared_paragraphs(bodies: Iterable[str]) -> frozenset[str]:
    """Paragraphs that occur in more than one body: boilerplate, not what a lesson says."""
    counts: Counter[str] = Counter()
    for body in bodies:
        counts.update({b.text for b in blocks(body) if b.text})
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
    parts = blocks(body)
    for index, block in enumerate(parts):
        if not block.text or block.text in shared or block.text.startswith(PROVENANCE):
            continue
        text = block.text
        following = parts[index + 1] if index + 1 < len(parts) else None
        if text.endswith(":") and following is not None and following.items:
            text = _with_list(text, following.items)
        result = cut(text, limit)
        if result:
            return result
    return ""
