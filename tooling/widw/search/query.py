"""Whoosh queries: parsing with Dutch messages and facet filters.

Syntax: words (all must occur), phrases in double quotes, AND/OR/NOT (also EN/OF/NIET),
parentheses, `veld:term` for any field in `QUERY_FIELDS`, `buurt*` for prefixes.
Only the text fields (`titel`, `tekst`) are default fields: keyword fields store no
positions, so a phrase query on them would fail.
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import qparser
from whoosh import query as wq

from widw.search.documents import FACET_FIELDS, TEXT_FIELDS
from widw.search.engine import QuerySyntaxError

QUERY_FIELDS = (*TEXT_FIELDS, "soort", "slug", *FACET_FIELDS)
"""Fields people may name in `veld:term`."""

_FIELD_PREFIX = re.compile(r"(?<![\w\"'])([^\W\d]\w*):(?!//)")
_WORD = re.compile(r"\w+(?:\.?\w+)*")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "EN", "OF", "NIET"})


def make_parser(schema: Any, group: Any = qparser.AndGroup) -> qparser.QueryParser:
    """A parser over the text fields, with Dutch aliases for the operators."""
    parser = qparser.MultifieldParser(list(TEXT_FIELDS), schema, group=group)
    parser.replace_plugin(
        qparser.OperatorsPlugin(
            And=r"(?<=\s)(AND|EN)(?=\s)",
            Or=r"(?<=\s)(OR|OF)(?=\s)",
            AndNot=r"(?<=\s)ANDNOT(?=\s)",
            AndMaybe=r"(?<=\s)ANDMAYBE(?=\s)",
            Not=r"(^|(?<=(\s|[()])))(NOT|NIET)(?=\s)",
        )
    )
    return parser


def check_syntax(text: str) -> None:
    """Refuse what Whoosh would silently misread, with a Dutch explanation."""
    if not text.strip():
        raise QuerySyntaxError("de zoekvraag is leeg; geef een of meer zoekwoorden.")
    if text.count('"') % 2:
        raise QuerySyntaxError(
            'de zoekvraag heeft een aanhalingsteken (") zonder partner; '
            'zet een woordgroep tussen twee aanhalingstekens, bijvoorbeeld "sociale basis".'
        )
    depth = 0
    for char in _outside_quotes(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            break
    if depth:
        raise QuerySyntaxError(
            "de haakjes in de zoekvraag kloppen niet: elk '(' hoort bij een ')'."
        )
    for match in _FIELD_PREFIX.finditer(_outside_quotes(text)):
        name = match.group(1)
        if name not in QUERY_FIELDS:
            raise QuerySyntaxError(
                f"onbekend veld '{name}:'. Bruikbare velden: {', '.join(QUERY_FIELDS)}."
            )


def parse_query(parser: qparser.QueryParser, text: str) -> wq.Query:
    """Parse a user query; raise QuerySyntaxError with a Dutch message when it is unusable."""
    check_syntax(text)
    try:
        parsed = parser.parse(text)
    except Exception as exc:  # Whoosh raises assorted errors on odd input
        raise QuerySyntaxError(f"de zoekvraag is niet te begrijpen ({exc}).") from None
    if _errors(parsed):
        raise QuerySyntaxError(
            "de zoekvraag is niet te begrijpen; controleer operatoren en velden."
        )
    if parsed is wq.NullQuery:
        raise QuerySyntaxError(
            "er blijft geen zoekwoord over: de zoekvraag bestaat alleen uit heel gewone woorden "
            "(zoals 'de', 'en', 'van') of operatoren."
        )
    return parsed


def filter_query(filters: dict[str, list[str]]) -> wq.Query | None:
    """Facet filters as one query: any of the values within a facet, every facet."""
    parts: list[wq.Query] = []
    for name, values in sorted(filters.items()):
        if name not in FACET_FIELDS and name != "soort":
            raise QuerySyntaxError(f"onbekend filter '{name}'.")
        terms = [wq.Term(name, value) for value in values if value]
        if terms:
            parts.append(wq.Or(terms) if len(terms) > 1 else terms[0])
    if not parts:
        return None
    return wq.And(parts) if len(parts) > 1 else parts[0]


def is_simple(text: str) -> bool:
    """Only plain words: no operators, phrases, fields, prefixes or parentheses."""
    if any(char in text for char in '"():*?'):
        return False
    return not any(word in _OPERATORS for word in text.split())


def plain_words(text: str) -> list[tuple[int, int, str]]:
    """The plain words of a query (no operators, field names or quoted phrases)."""
    out = []
    masked = _FIELD_PREFIX.sub(lambda m: " " * len(m.group(0)), _outside_quotes(text))
    for match in _WORD.finditer(masked):
        if match.group(0) not in _OPERATORS:
            out.append((match.start(), match.end(), match.group(0)))
    return out


def _outside_quotes(text: str) -> str:
    """The text with quoted phrases blanked out (same length)."""
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), text)


def _errors(q: wq.Query) -> bool:
    if getattr(q, "error", None):
        return True
    return any(_errors(child) for child in q.children())
