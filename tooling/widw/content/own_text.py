"""A lesson's own text: the first paragraph of its body that says what the lesson says.

Role pages show it as Markdown (`widw.site.roles`), the briefing pack as plain text cut to
a few sentences (`widw.cite.excerpt`); both find it here, so they always pick the same
paragraph. Skipped are headings, lists, quotes, tables, HTML, code and admonitions, a
paragraph that only says where the lesson comes from ("Deze les komt uit …",
"*Herkomst: …*") and, when the caller knows them, paragraphs that several lessons share
word for word. A paragraph that ends in a colon brings the list right after it along.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

PROVENANCE = re.compile(r"^(?:Deze les komt uit|Deze les is ontleend aan|[*_]*Herkomst:)")
"""Opening words of a paragraph that says where a lesson comes from, not what it says."""

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
"""The marker of a list item: '- ', '* ', '+ ', '1. ' or '1) '."""

_NOT_PROSE = re.compile(r"^\s*(?:#|>|<|\||!!!|\?\?\?|```)")
"""Headings, quotes, HTML, tables, admonitions and code fences."""
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class OwnText:
    """A paragraph of a lesson's own text, and the list it introduces (if any)."""

    paragraph: str
    """The paragraph's Markdown on one line (runs of white space made one space)."""
    listing: str = ""
    """The Markdown of the list after a paragraph that ends in a colon, else ''."""

    @property
    def markdown(self) -> str:
        """The paragraph, with its list below it."""
        return f"{self.paragraph}\n\n{self.listing}" if self.listing else self.paragraph

    @property
    def items(self) -> list[str]:
        """The list's items as Markdown, each on one line."""
        items: list[str] = []
        for line in self.listing.splitlines():
            if LIST_ITEM.match(line):
                items.append(LIST_ITEM.sub("", line).strip())
            elif items and line.strip():
                items[-1] += " " + line.strip()
        return items


def _chunks(body: str) -> list[str]:
    """The body's blocks as separated by blank lines, stripped."""
    return [chunk.strip() for chunk in _BLANK_LINE.split(body) if chunk.strip()]


def _is_prose(chunk: str) -> bool:
    return not (_NOT_PROSE.match(chunk) or LIST_ITEM.match(chunk))


def prose_paragraphs(body: str) -> list[str]:
    """Every prose paragraph of a body, each on one line (for finding shared ones)."""
    return [" ".join(chunk.split()) for chunk in _chunks(body) if _is_prose(chunk)]


def own_texts(body: str, shared: Iterable[str] = frozenset()) -> Iterator[OwnText]:
    """The lesson's own paragraphs in order, best first; `shared` ones are skipped."""
    skip = frozenset(shared)
    chunks = _chunks(body)
    for index, chunk in enumerate(chunks):
        if not _is_prose(chunk) or PROVENANCE.match(chunk):
            continue
        paragraph = " ".join(chunk.split())
        if paragraph in skip:
            continue
        following = chunks[index + 1] if index + 1 < len(chunks) else ""
        if paragraph.rstrip("*_").endswith(":") and LIST_ITEM.match(following):
            yield OwnText(paragraph, following)
        else:
            yield OwnText(paragraph)


def own_text(body: str, shared: Iterable[str] = frozenset()) -> OwnText | None:
    """The lesson's own text: its first own paragraph (None when it has none)."""
    return next(own_texts(body, shared), None)
