"""Query understanding: what a typed word may also match, built from Whoosh query objects.

A parsed query holds stemmed `Term`s. Each term on a text field becomes an OR of:

* the term itself;
* its synonyms from `vocabulary.yml` (section `synoniemen`), weighted a little lower;
* the singular of a Dutch plural the stemmer leaves apart ("buurthuizen" → "buurthuis");
* the longer indexed words it starts, so "opbouwwerk" also finds "opbouwwerkers" and
  "jongeren" finds "jongerenwerk" (only for rare words of at least `PREFIX_MIN` letters,
  and only when the longer words are few: `PREFIX_MAX`);
* for a compound that occurs in no text field as a whole, its parts together
  ("jongerenwerk" → "jongeren" and "werk"; any of them in the any-word fallback, the
  last part weighted least).

Alternatives that occur nowhere in the field are left out, so the query tree stays small.
Everything goes through Whoosh's public API (`Term`, `Or`, `And`, `Phrase`, `Query.apply`,
`IndexReader.doc_frequency` and `expand_prefix`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from whoosh import query as wq

from widw.search.analysis import CompoundSplitFilter, fold, stem
from widw.search.documents import TEXT_FIELDS

PREFIX_MIN = 6
"""Shortest stem that is also searched as a prefix (shorter ones match too much)."""

PREFIX_MAX = 30
"""A prefix that starts more indexed words than this is too general to widen a query."""

RARE_SHARE = 0.02
"""Only a word found in at most this share of the documents is widened with the longer
words it starts: a common word finds enough by itself, and each added word costs time."""

SYNONYM_BOOST = 0.8
VARIANT_BOOST = 0.9
PREFIX_BOOST = 0.6
PARTS_BOOST = 0.5
HEAD_BOOST = 0.3
"""Weight of a compound's last part (its head, often a general word) when any part may match."""

_PLURALS = (("zen", "s"), ("ven", "f"), ("'s", ""))
"""Plural endings whose singular the stemmer does not reach (huizen → huis, brieven → brief)."""


@dataclass(frozen=True)
class Synonyms:
    """Synonym groups keyed by the stem of each single word (multi-word entries as phrases)."""

    groups: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Stem → the other members of its group, each as a tuple of stems (a phrase)."""
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Stem → the written words of the other members (for explanations)."""
    phrases: dict[str, str] = field(default_factory=dict)
    """Multi-word member (folded) → the first single word of its group."""

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> Synonyms:
        by_stem: dict[str, tuple[tuple[str, ...], ...]] = {}
        words: dict[str, tuple[str, ...]] = {}
        phrases: dict[str, str] = {}
        for group in groups:
            members = [(word, tuple(stem(fold(w)) for w in word.split())) for word in group]
            single = next((word for word, stems in members if len(stems) == 1), None)
            if single is not None:
                phrases.update({fold(w): single for w, stems in members if len(stems) > 1})
            for _word, stems in members:
                if len(stems) != 1:
                    continue
                others = {s: w for w, s in reversed(members) if s != stems}
                by_stem[stems[0]] = tuple(others)
                words[stems[0]] = tuple(others.values())
        return cls(by_stem, words, phrases)

    def rewrite(self, text: str) -> str:
        """Multi-word members in a plain query replaced by their group's single word."""
        for phrase, word in self.phrases.items():
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", word, text, flags=re.IGNORECASE)
        return text

    def __bool__(self) -> bool:
        return bool(self.groups)

    def compound_parts(self, compounds: CompoundSplitFilter, word: str) -> tuple[str, ...]:
        """The parts of a typed compound (folded), or ()."""
        return compounds.parts(fold(word))


def singular(word: str) -> str | None:
    """The singular of a plural the stemmer leaves apart, or None."""
    for ending, replacement in _PLURALS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)] + replacement
    return None


class QueryExpander:
    """Expands the text terms of a parsed query (see the module docstring)."""

    def __init__(self, synonyms: Synonyms, compounds: CompoundSplitFilter, reader: Any) -> None:
        self.synonyms = synonyms
        self.compounds = compounds
        self.reader = reader
        """The index reader: `doc_frequency` and `expand_prefix` keep out words that occur
        nowhere, so the query tree stays small."""
        self.any_part = False

    def is_rare(self, token: str) -> bool:
        """In no text field found in more than RARE_SHARE of the documents (or 3)."""
        limit = max(3, RARE_SHARE * self.reader.doc_count())
        return all(self.frequency(name, token) <= limit for name in TEXT_FIELDS)

    def frequency(self, name: str, token: str) -> int:
        found: int = self.reader.doc_frequency(name, token)
        return found

    def expand(
        self, parsed: wq.Query, written: Iterable[str], *, any_part: bool = False
    ) -> wq.Query:
        """The query with every text term widened; `written` are the words as typed.

        With `any_part`, a compound found nowhere as a whole matches any of its parts
        (for the any-word fallback); otherwise all its parts must occur.
        """
        self.any_part = any_part
        originals: dict[str, str] = {}
        for word in written:
            folded = fold(word)
            originals.setdefault(stem(folded), folded)
        return binary_unions(self._walk(parsed, originals))

    def _walk(self, node: wq.Query, originals: dict[str, str]) -> wq.Query:
        if isinstance(node, wq.Term) and node.field() in TEXT_FIELDS:
            return self._term(node, originals)
        if isinstance(node, wq.PatternQuery) and node.field() in TEXT_FIELDS:
            return self._pattern(node)
        if isinstance(node, wq.Not):
            return node  # what is excluded stays exactly what was typed
        return node.apply(lambda child: self._walk(child, originals))

    def _pattern(self, node: wq.PatternQuery) -> wq.Query:
        """A typed prefix or wildcard ('buurt*') as an OR of the words it matches, matched
        from preloaded arrays: Whoosh's own union tree for it costs a multiple per match."""
        words = [text for _, text in node.expanded_terms(self.reader)]
        if len(words) < 2:
            return node
        union = wq.Or([wq.Term(node.field(), word) for word in words], boost=node.boost)
        union.matcher_type = wq.Or.ARRAY_MATCHER
        return union

    def _term(self, node: wq.Term, originals: dict[str, str]) -> wq.Query:
        name, text, boost = node.field(), str(node.text), node.boost
        known = self.frequency(name, text) > 0
        options: list[wq.Query] = [node] if known else []
        for other in self.synonyms.groups.get(text, ()):
            if not all(self.frequency(name, token) for token in other):
                continue
            if len(other) == 1:
                options.append(wq.Term(name, other[0], boost=boost * SYNONYM_BOOST))
            else:
                options.append(wq.Phrase(name, list(other), boost=boost * SYNONYM_BOOST))
        written = originals.get(text, text)
        single = singular(written)
        if single is not None and stem(single) != text and self.frequency(name, stem(single)):
            options.append(wq.Term(name, stem(single), boost=boost * VARIANT_BOOST))
        if len(text) >= PREFIX_MIN and self.is_rare(text):
            longer = list(islice(self.reader.expand_prefix(name, text), PREFIX_MAX + 2))
            longer = [w.decode() if isinstance(w, bytes) else str(w) for w in longer]
            longer = [w for w in longer if w != text]
            if 0 < len(longer) <= PREFIX_MAX:
                options += [wq.Term(name, w, boost=boost * PREFIX_BOOST) for w in longer]
        if not any(self.frequency(field, text) for field in TEXT_FIELDS):
            parts = self.compounds.parts(written)
            if parts:
                if self.any_part:  # the head ('werk' in 'jongerenwerk') says least
                    last = len(parts) - 1
                    terms = [
                        wq.Term(name, stem(part), boost=HEAD_BOOST if i == last else 1.0)
                        for i, part in enumerate(parts)
                    ]
                    options.append(wq.Or(terms, boost=boost * PARTS_BOOST))
                else:
                    terms = [wq.Term(name, stem(part)) for part in parts]
                    options.append(wq.And(terms, boost=boost * PARTS_BOOST))
        if not options:
            return node  # found nowhere: the query stays as typed (and finds nothing)
        return options[0] if len(options) == 1 else wq.Or(options)


def synonym_tokens(synonyms: Synonyms, tokens: Iterable[str]) -> set[str]:
    """Every stem that the synonyms of `tokens` add (for marking snippets)."""
    out: set[str] = set()
    for token in tokens:
        for other in synonyms.groups.get(token, ()):
            out.update(other)
    return out


def binary_unions(query: wq.Query) -> wq.Query:
    """How each OR is matched: as a tree of unions (Whoosh's `Or.DEFAULT_MATCHER`), except
    an OR that holds a preloaded one (a typed prefix), which is preloaded too.

    For indexes under 5,000 documents Whoosh otherwise preloads every posting of any OR into
    arrays first, which costs more than the search itself for expanded terms; a typed prefix
    with dozens of words is the opposite case.
    """
    preloaded = False
    for child in query.children():
        binary_unions(child)
        preloaded = preloaded or (
            isinstance(child, wq.Or) and child.matcher_type == wq.Or.ARRAY_MATCHER
        )
    if isinstance(query, wq.Or) and query.matcher_type == wq.Or.AUTO_MATCHER:
        query.matcher_type = wq.Or.ARRAY_MATCHER if preloaded else wq.Or.DEFAULT_MATCHER
    return query
