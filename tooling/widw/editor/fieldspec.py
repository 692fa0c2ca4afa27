"""The editable fields of a content type, read from the models' JSON Schema and metadata.

The scaffold (`widw new`), the editor guide and the issue-form test all describe fields from
this one walk over `widw.content.fieldmeta`, so field names, descriptions, types and
vocabulary lists never drift.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from pydantic import BaseModel

from widw.content.fieldmeta import FieldFacts, FieldKind, field_choices, field_facts, field_kind
from widw.content.kinds import KINDS
from widw.content.reader import Kind

MODELS: dict[Kind, type[BaseModel]] = {kind: info.model for kind, info in KINDS.items()}


@dataclass(frozen=True)
class FieldSpec:
    """One field as editors write it: key, meaning, type and nested fields."""

    path: str
    key: str
    description: str
    required: bool
    kind: FieldKind
    is_list: bool = False
    unknown_ok: bool = False
    choices: tuple[str, ...] = ()
    vocabulary: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int | None = None
    children: tuple[FieldSpec, ...] = field(default_factory=tuple)

    def walk(self) -> typing.Iterator[FieldSpec]:
        """This field and every nested field, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def field_specs(kind: Kind) -> list[FieldSpec]:
    """The top-level fields of a content type, in file order, with nested fields."""
    return [_spec(facts) for facts in field_facts(MODELS[kind])]


def all_specs(kind: Kind) -> list[FieldSpec]:
    """Every field of a content type, nested ones included, depth first."""
    return [spec for top in field_specs(kind) for spec in top.walk()]


def vocabulary_fields(kind: Kind) -> dict[str, str]:
    """Field path (by alias) → the vocabulary list its terms come from."""
    return {spec.path: spec.vocabulary for spec in all_specs(kind) if spec.vocabulary}


def _spec(facts: FieldFacts) -> FieldSpec:
    node = facts.node
    minimum = node.get("minimum", node.get("exclusiveMinimum"))
    maximum = node.get("maximum")
    return FieldSpec(
        path=facts.path,
        key=facts.key,
        description=facts.description,
        required=facts.required,
        kind=field_kind(facts),
        is_list=facts.is_list,
        unknown_ok=facts.unknown_ok,
        choices=field_choices(facts),
        vocabulary=facts.vocabulary,
        minimum=float(minimum) if minimum is not None else None,
        maximum=float(maximum) if maximum is not None else None,
        min_items=facts.min_items,
        children=tuple(_spec(child) for child in facts.children),
    )


def type_label(spec: FieldSpec) -> str:
    """A short Dutch description of what may be written in a field."""
    label = _SINGULAR[spec.kind] if not spec.is_list else "lijst van " + _PLURAL[spec.kind]
    label = label.format(vocabulary=spec.vocabulary or "?")
    if spec.kind == "choice":
        label += ", ".join(f"'{c}'" for c in spec.choices)
    if spec.kind in {"int", "float"} and spec.minimum is not None and spec.maximum is not None:
        label += f" van {_number(spec.minimum)} tot en met {_number(spec.maximum)}"
    elif spec.kind in {"int", "float"} and spec.minimum is not None:
        label += f", minstens {_number(spec.minimum)}"
    if spec.is_list and spec.min_items:
        label += f" (minstens {spec.min_items})"
    if spec.unknown_ok:
        label += ", of 'onbekend'"
    return label


_SINGULAR: dict[FieldKind, str] = {
    "text": "tekst",
    "slug": "slug (kleine letters, cijfers en koppeltekens)",
    "term": "term uit de woordenlijst '{vocabulary}'",
    "date": "datum (JJJJ-MM-DD)",
    "partial_date": "datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)",
    "url": "webadres (https://…)",
    "int": "geheel getal",
    "float": "getal",
    "choice": "een van: ",
    "block": "blok met velden",
}
_PLURAL: dict[FieldKind, str] = {
    "text": "teksten",
    "slug": "slugs (kleine letters, cijfers en koppeltekens)",
    "term": "termen uit de woordenlijst '{vocabulary}'",
    "date": "datums (JJJJ-MM-DD)",
    "partial_date": "datums (JJJJ, JJJJ-MM of JJJJ-MM-DD)",
    "url": "webadressen (https://…)",
    "int": "gehele getallen",
    "float": "getallen",
    "choice": "keuzes uit: ",
    "block": "blokken",
}


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")
