"""Query understanding: what a typed word may also match, built from Whoosh query objects.

A parsed query holds stemmed `Term`s. Each term on a text field becomes an OR of:

* the term itself;
* its synonyms from `vocabulary.yml` (section `synoniemen`), weighted a little lower;
* the singular of a Dutch plural the stemmer leaves apart ("buurthuizen" → "buurthuis");
* a prefix query for longer words, so "opbouwwerk" also finds "opbouwwerkers" and
  "jongeren" finds "jongerenwerk" (only for stems of at least `PREFIX_MIN` letters);
* for a compound that occurs nowhere as a whole, its parts together ("jongerenwerk" →
  "jongeren" and "werk").

Everything goes through Whoosh's public query classes (`Term`, `Or`, `And`, `Prefix`,
`Phrase`) and `Query.apply`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from whoosh import query as wq

from widw.search.analysis import CompoundSplitFilter, fold, stem
from widw.search.documents import TEXT_FIELDS

PREFIX_MIN = 6
"""Shortest stem that is also searched as a prefix (shorter ones match too much)."""

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

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> Synonyms:
        by_stem: dict[str, tuple[tuple[str, ...], ...]] = {}
        words: dict[str, tuple[str, ...]] = {}
        for group in groups:
            members = [(word, tuple(stem(fold(w)) for w in word.split())) for word in group]
            for _word, stems in members:
                if len(stems) != 1:
                    continue
                others = {s: w for w, s in reversed(members) if s != stems}
                by_stem[stems[0]] = tuple(others)
                words[stems[0]] = tuple(others.values())
        return cls(by_stem, words)

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

    def __init__(
        self,
        synonyms: Synonyms,
        compounds: CompoundSplitFilter,
        frequency: Callable[[str, str], int],
    ) -> None:
        self.synonyms = synonyms
        self.compounds = compounds
        self.frequency = frequency
        """(field, token) → number of documents holding it (Whoosh's doc_frequency)."""
        self.any_part = False

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
        return self._walk(parsed, originals)

    def _walk(self, node: wq.Query, originals: dict[str, str]) -> wq.Query:
        if isinstance(node, wq.Term) and node.field() in TEXT_FIELDS:
            return self._term(node, originals)
        if isinstance(node, wq.Not):
            return node  # what is excluded stays exactly what was typed
        return node.apply(lambda child: self._walk(child, originals))

    def _term(self, node: wq.Term, originals: dict[str, str]) -> wq.Query:
        name, text, boost = node.field(), str(node.text), node.boost
        options: list[wq.Query] = [node]
        for other in self.synonyms.groups.get(text, ()):
            if len(other) == 1:
                options.append(wq.Term(name, other[0], boost=boost * SYNONYM_BOOST))
            else:
                options.append(wq.Phrase(name, list(other), boost=boost * SYNONYM_BOOST))
        written = originals.get(text, text)
        single = singular(written)
        if single is not None and stem(single) != text:
            options.append(wq.Term(name, stem(single), boost=boost * VARIANT_BOOST))
        if len(text) >= PREFIX_MIN:
            options.append(wq.Prefix(name, text, boost=boost * PREFIX_BOOST))
        if not self.frequency(name, text):
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
        return options[0] if len(options) == 1 else wq.Or(options)


def synonym_tokens(synonyms: Synonyms, tokens: Iterable[str]) -> set[str]:
    """Every stem that the synonyms of `tokens` add (for marking snippets)."""
    out: set[str] = set()
    for token in tokens:
        for other in synonyms.groups.get(token, ()):
            out.update(other)
    return out
