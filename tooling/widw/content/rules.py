"""Per-file rules beyond the schema, read from the raw front matter.

They run on every file that parsed, also when the schema rejected some of its fields, so an
editor sees every problem of a file in one run. Only values of the right shape are checked
here; a value of the wrong shape already has its schema error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

from widw.content.dates import dutch_date
from widw.content.fieldmeta import term_facts
from widw.content.fields import PARTIAL_DATE_PATTERN
from widw.content.kinds import KINDS
from widw.content.messages import field_label, suggest
from widw.content.rawdata import ANY, Path, expand, is_unknown, present, slug, text, value_at
from widw.content.reader import Kind, RawDocument
from widw.content.vocabulary import Vocabulary

_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)

VERIFICATION_DATES: list[Path] = [("laatst_gecontroleerd",), ("bronnen", ANY, "geraadpleegd")]
"""Dates on which someone checked something: they cannot lie in the future."""


def own_name_key(kind: Kind) -> str:
    """The field that holds an entry's own name: 'id' for lessons, 'slug' otherwise."""
    return KINDS[kind].key_field


def check_rules(
    doc: RawDocument,
    vocabulary: Vocabulary | None,
    field_paths: set[str],
    today: dt.date,
    terms: Iterable[tuple[Path, str, str]] | None = None,
) -> None:
    """Every per-file rule; problems are appended to `doc.problems`.

    `vocabulary` is None when vocabulary.yml cannot be read: terms are then not checked
    (the vocabulary file carries the one message that matters). `terms` are the (path,
    term, list) of a validated entry; without them the terms are read from the raw data.
    """
    data = doc.data
    if not isinstance(data, dict):
        return
    _file_name(doc, data)
    if vocabulary is not None:
        _terms(doc, vocabulary, raw_terms(doc.kind, data) if terms is None else terms)
    _inferred(doc, data, field_paths)
    _future_dates(doc, data, today)
    _repeats(doc, data)
    if doc.kind == "case":
        _case_rules(doc, data)


def _file_name(doc: RawDocument, data: dict[str, Any]) -> None:
    key = own_name_key(doc.kind)
    name = slug(data.get(key))
    file = doc.path.rpartition("/")[2]
    if name and file.removesuffix(".md") != name:
        line, column = doc.positions.of((key,))
        doc.problem(
            "bestandsnaam",
            f"de bestandsnaam '{file}' hoort gelijk te zijn aan de {key}: "
            f"hernoem het bestand naar '{name}.md' (of pas de {key} aan)",
            line,
            column,
        )


def term_patterns(kind: Kind) -> list[tuple[Path, str, bool]]:
    """Where vocabulary terms stand in raw data: (path pattern, vocabulary list, may be
    'onbekend'), from the field metadata of the kind's model."""
    return [
        (
            tuple(part for step in facts.steps for part in (step.key, ANY)[: 1 + step.is_list]),
            str(facts.vocabulary),
            facts.unknown_ok and not facts.is_list,
        )
        for facts in term_facts(KINDS[kind].model)
    ]


def raw_terms(kind: Kind, data: dict[str, Any]) -> Iterator[tuple[Path, str, str]]:
    """(path, term, vocabulary list) for every term-shaped value where terms stand."""
    for pattern, list_name, optional in term_patterns(kind):
        for path, value in expand(data, pattern):
            term = slug(value)
            if term is not None and not (optional and is_unknown(value)):
                yield path, term, list_name


def _terms(
    doc: RawDocument, vocabulary: Vocabulary, terms: Iterable[tuple[Path, str, str]]
) -> None:
    for path, term, list_name in terms:
        known = vocabulary.terms(list_name)
        if term in known:
            continue
        line, column = doc.positions.of(path)
        hint = suggest(term, known) or " Voeg de term toe aan vocabulary.yml."
        doc.problem(
            "onbekende-term",
            f"'{term}' in '{field_label(path)}' staat niet in de woordenlijst '{list_name}'.{hint}",
            line,
            column,
        )


def _inferred(doc: RawDocument, data: dict[str, Any], field_paths: set[str]) -> None:
    for path, value in expand(data, ("afgeleid", ANY, "veld")):
        name = text(value)
        if not name or name in field_paths:
            continue
        line, column = doc.positions.of(path)
        doc.problem(
            "onbekend-veld",
            f"'{field_label(path[:2])}.veld' noemt '{name}', maar dat veld bestaat "
            f"niet.{suggest(name, field_paths)}",
            line,
            column,
        )


def _first_day(value: Any) -> dt.date | None:
    """The first day a (partial) date can mean: '2027' → 2027-01-01; None if not a date."""
    written = str(value).strip() if isinstance(value, str | int) else ""
    if not _PARTIAL_DATE.match(written):
        return None
    year, month, day = [*(int(p) for p in written.split("-")), 1, 1][:3]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _future_dates(doc: RawDocument, data: dict[str, Any], today: dt.date) -> None:
    for pattern in VERIFICATION_DATES:
        for path, value in expand(data, pattern):
            day = _first_day(value)
            if day is None or day <= today:
                continue
            line, column = doc.positions.of(path)
            doc.problem(
                "datum-in-toekomst",
                f"'{field_label(path)}' is {dutch_date(str(value).strip())}, een datum in de "
                f"toekomst; vul de dag in waarop de controle echt is gedaan (uiterlijk "
                f"vandaag, {dutch_date(today.isoformat())})",
                line,
                column,
            )


def _repeats(doc: RawDocument, data: Any, path: Path = ()) -> None:
    """Any value listed twice in one list, anywhere in the front matter."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list):
                _repeats(doc, value, (*path, key))
    elif isinstance(data, list):
        if len(data) > 1:
            scalars = [
                str(item).strip()
                for item in data
                if isinstance(item, str) or (isinstance(item, int) and not isinstance(item, bool))
            ]
            if len(set(scalars)) < len(scalars):
                _duplicates(doc, path, data)
        for i, value in enumerate(data):
            if isinstance(value, dict | list):
                _repeats(doc, value, (*path, i))


def _duplicates(doc: RawDocument, path: Path, items: list[Any]) -> None:
    first: dict[str, int] = {}
    counted: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, str | int) or isinstance(item, bool):
            continue
        key = str(item).strip()
        if key in first:
            counted[key] = counted.get(key, 0) + 1
        else:
            first[key] = i
    for key, extra in counted.items():
        again = next(
            i for i, item in enumerate(items) if str(item).strip() == key and i != first[key]
        )
        line, column = doc.positions.of((*path, again))
        times = "één keer" if extra == 1 else f"{extra} keer"
        doc.problem(
            "dubbele-waarde",
            f"'{field_label(path)}' noemt '{key}' {times} te veel (eerst in "
            f"'{field_label((*path, first[key]))}'); noem elke waarde één keer",
            line,
            column,
        )


def _case_rules(doc: RawDocument, data: dict[str, Any]) -> None:
    at = doc.positions.of
    collection = text(data.get("collectie"))
    bundle = data.get("bundel")
    if collection == "wij-in-de-wijk" and not present(bundle):
        doc.problem(
            "bundel-ontbreekt",
            "een Wij in de Wijk-casus heeft een 'bundel' nodig (nummer en zekerheid; "
            "nummer 'onbekend' mag)",
            *at(("collectie",)),
        )
    if collection == "verwant" and present(bundle):
        doc.problem(
            "bundel-bij-verwant",
            "een verwante casus hoort niet bij een bundel; haal 'bundel' weg of zet "
            "'collectie: wij-in-de-wijk'",
            *at(("bundel",)),
        )
    if text(value_at(data, ("bundel", "zekerheid"))) == "afgeleid" and not present(
        value_at(data, ("bundel", "toelichting"))
    ):
        doc.problem(
            "toelichting-ontbreekt",
            "een afgeleide bundel heeft een 'toelichting' nodig: hoe is hij afgeleid?",
            *at(("bundel", "zekerheid")),
        )
    if text(data.get("status")) != "beschreven":
        return
    urls = [value for _, value in expand(data, ("bronnen", ANY, "url"))]
    if not any(present(url) for url in urls):
        doc.problem(
            "bron-zonder-url",
            "een beschreven casus heeft minstens één bron met een 'url' nodig, zodat "
            "lezers de feiten kunnen nagaan; is het nog een stub, zet dan 'status: stub'",
            *at(("bronnen",)),
        )
    if present(data.get("kandidaten")):
        doc.problem(
            "kandidaten-bij-beschreven",
            "'kandidaten' horen alleen bij een stub; een beschreven casus is zelf bekend",
            *at(("kandidaten",)),
        )
