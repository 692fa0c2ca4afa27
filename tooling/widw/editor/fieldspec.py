"""The editable fields of a content type, read from the pydantic models.

The scaffold (`widw new`), the editor guide and the issue-form test all describe fields from
this one walk over the models, so field names, descriptions and types never drift.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator

from widw.content import fields as content_fields
from widw.content.kinds import KINDS
from widw.content.reader import Kind

FieldKind = Literal[
    "text", "slug", "term", "date", "partial-date", "url", "int", "float", "choice", "block"
]

MODELS: dict[Kind, type[BaseModel]] = {kind: info.model for kind, info in KINDS.items()}

VOCABULARY_LISTS: dict[Kind, dict[str, str]] = {
    "case": {
        "plaats.provincie": "provincies",
        "soort": "soorten",
        "participatievorm": "participatievormen",
        "themas": "themas",
        "elementen": "elementen",
        "aandachtsgebieden": "aandachtsgebieden",
        "fases": "fases",
        "actoren.soort": "actorsoorten",
        "financiering.soort": "financieringssoorten",
        "uitkomst.soort": "uitkomsten",
        "bronnen.soort": "bronsoorten",
        "bronnen.onderbouwt": "feitengroepen",
    },
    "lesson": {
        "rollen": "rollen",
        "aandachtsgebieden": "aandachtsgebieden",
        "fases": "fases",
        "bronnen.soort": "bronsoorten",
        "bronnen.onderbouwt": "feitengroepen",
    },
    "episode": {
        "soort": "mediasoorten",
        "bronnen.soort": "bronsoorten",
        "bronnen.onderbouwt": "feitengroepen",
    },
}
"""Field path (by alias) → the vocabulary list its terms come from."""

_WEB_URL_CHECKS = typing.get_args(content_fields.WebUrl)[1:]
_UNKNOWN_READERS = (content_fields.unknown_to_none, content_fields.unknown_to_empty)


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
    return _model_specs(MODELS[kind], "", VOCABULARY_LISTS[kind])


def all_specs(kind: Kind) -> list[FieldSpec]:
    """Every field of a content type, nested ones included, depth first."""
    return [spec for top in field_specs(kind) for spec in top.walk()]


def _model_specs(model: type[BaseModel], prefix: str, vocab: dict[str, str]) -> list[FieldSpec]:
    hints = typing.get_type_hints(model, include_extras=True)
    out = []
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        key = info.alias or name
        path = f"{prefix}{key}"
        facts = _Facts()
        facts.read(hints[name])
        facts.constraints(info.metadata)
        children: tuple[FieldSpec, ...] = ()
        if facts.model is not None:
            children = tuple(_model_specs(facts.model, f"{path}.", vocab))
        out.append(
            FieldSpec(
                path=path,
                key=key,
                description=info.description or "",
                required=info.is_required(),
                kind=facts.kind(),
                is_list=facts.is_list,
                unknown_ok=facts.unknown_ok,
                choices=facts.choices,
                vocabulary=vocab.get(path),
                minimum=facts.minimum,
                maximum=facts.maximum,
                min_items=facts.min_items,
                children=children,
            )
        )
    return out


class _Facts:
    """What one type hint says: base type, list-ness, constraints, 'onbekend' allowed."""

    def __init__(self) -> None:
        self.base: Any = str
        self.model: type[BaseModel] | None = None
        self.is_list = False
        self.unknown_ok = False
        self.choices: tuple[str, ...] = ()
        self.pattern: str | None = None
        self.url = False
        self.minimum: float | None = None
        self.maximum: float | None = None
        self.min_items: int | None = None
        self.max_length: int | None = None

    def read(self, hint: Any) -> None:
        origin = typing.get_origin(hint)
        if origin is typing.Annotated:
            inner, *metadata = typing.get_args(hint)
            list_level = not self.is_list and typing.get_origin(inner) is list
            self.read(inner)
            self.constraints(metadata, list_level=list_level)
        elif origin in (typing.Union, types.UnionType):
            for arg in typing.get_args(hint):
                if arg is not type(None):
                    self.read(arg)
        elif origin is list:
            self.is_list = True
            self.read(typing.get_args(hint)[0])
        elif origin is Literal:
            self.choices = tuple(str(a) for a in typing.get_args(hint))
        elif isinstance(hint, type) and issubclass(hint, BaseModel):
            self.model = hint
        else:
            self.base = hint

    def constraints(self, metadata: typing.Iterable[Any], *, list_level: bool = False) -> None:
        for item in metadata:
            if isinstance(item, BeforeValidator) and item.func in _UNKNOWN_READERS:
                self.unknown_ok = True
            elif isinstance(item, AfterValidator) and item in _WEB_URL_CHECKS:
                self.url = True
            nested = getattr(item, "metadata", None)
            if isinstance(nested, list):
                self.constraints(nested, list_level=list_level)
            if list_level and getattr(item, "min_length", None) is not None:
                self.min_items = int(item.min_length)
            elif getattr(item, "max_length", None) is not None:
                self.max_length = int(item.max_length)
            self.pattern = getattr(item, "pattern", None) or self.pattern
            for attr, target in (("ge", "minimum"), ("gt", "minimum"), ("le", "maximum")):
                value = getattr(item, attr, None)
                if value is not None:
                    setattr(self, target, float(value))

    def kind(self) -> FieldKind:
        if self.model is not None:
            return "block"
        if self.choices:
            return "choice"
        if self.base is dt.date:
            return "date"
        if self.base is int:
            return "int"
        if self.base is float:
            return "float"
        if self.url:
            return "url"
        if self.pattern == content_fields.PARTIAL_DATE_PATTERN:
            return "partial-date"
        if self.pattern == content_fields.SLUG_PATTERN:
            return "slug" if self.max_length else "term"
        return "text"


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
    "partial-date": "datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)",
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
    "partial-date": "datums (JJJJ, JJJJ-MM of JJJJ-MM-DD)",
    "url": "webadressen (https://…)",
    "int": "gehele getallen",
    "float": "getallen",
    "choice": "keuzes uit: ",
    "block": "blokken",
}


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")
