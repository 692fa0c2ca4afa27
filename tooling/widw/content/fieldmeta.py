"""Field metadata: the one place for every fact about a content field beyond its type.

A model field carries its facts in `json_schema_extra` under `META_KEY` (written with
`meta(...)` in `widw.content.models`): the vocabulary list its terms come from, its Dutch
label, the search facet and keyword word it feeds, and its column in the open-data table.
This module reads them back, together with what `model_json_schema()` says about the
field's type, and walks entries along the fields. Validation, the editor guide, scaffold
and issue form, the export tables and codebook, the search documents and the page labels
all derive from it, so adding a field means touching the model, not each consumer.

It takes model classes as arguments and never imports the models itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from widw.content.fields import PARTIAL_DATE_PATTERN, SLUG_PATTERN, UNKNOWN

META_KEY = "widw"
"""The JSON Schema key that holds a field's metadata (left out of the published schemas)."""

FacetValue = Literal["term", "slug", "year", "number"]
"""How a field's value becomes a facet value: as it is, slugified, its year, as text."""

Path = tuple[str | int, ...]

FieldKind = Literal[
    "text", "slug", "term", "date", "partial_date", "url", "int", "float", "choice", "block"
]
"""What editors write in a field, as its JSON Schema says."""


def meta(
    *,
    vocabulary: str | None = None,
    label: str | None = None,
    facet: str | None = None,
    facet_value: FacetValue | None = None,
    keyword: str | None = None,
    keyword_order: int | None = None,
    column: str | None = None,
    column_order: int | None = None,
    column_type: str | None = None,
    column_description: str | None = None,
    column_count: bool | None = None,
) -> dict[str, Any]:
    """`json_schema_extra` for a model field: its facts beyond its type.

    vocabulary: the `vocabulary.yml` list its terms come from. label: its Dutch name on
    pages (e.g. where a field is marked 'afgeleid'). facet: the search facet it fills,
    `facet_value` how (default: the term itself). keyword: the word before a term's label
    in the search index ('thema Ouderen'; needs `vocabulary`), `keyword_order` lower first.
    column: its column in data/cases.csv; `column_order` groups columns (default 0, then
    field order), `column_type` and `column_description` override the derived codebook
    type and description, `column_count` writes the number of items instead of them.
    """
    facts = {
        "vocabulary": vocabulary,
        "label": label,
        "facet": facet,
        "facet_value": facet_value,
        "keyword": keyword,
        "keyword_order": keyword_order,
        "column": column,
        "column_order": column_order,
        "column_type": column_type,
        "column_description": column_description,
        "column_count": column_count,
    }
    return {META_KEY: {key: value for key, value in facts.items() if value is not None}}


@dataclass(frozen=True)
class Step:
    """One step from an entry to a field: attribute, key editors write, list or not."""

    attr: str
    key: str
    is_list: bool


@dataclass(frozen=True)
class FieldFacts:
    """One field of a model as the schema and its metadata describe it."""

    path: str
    """Dotted path by the keys editors write ('plaats.provincie')."""
    steps: tuple[Step, ...]
    description: str
    required: bool
    node: dict[str, Any]
    """The field's own JSON Schema, unwrapped from list, null and 'onbekend' options."""
    is_list: bool
    unknown_ok: bool
    min_items: int | None
    meta: dict[str, Any]
    children: tuple[FieldFacts, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        return self.steps[-1].key

    @property
    def in_list(self) -> bool:
        """True when this field or a block above it is a list (one value per item)."""
        return any(step.is_list for step in self.steps)

    @property
    def vocabulary(self) -> str | None:
        return self.meta.get("vocabulary")

    @property
    def label(self) -> str | None:
        return self.meta.get("label")

    def walk(self) -> Iterator[FieldFacts]:
        """This field and every nested field, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def values(self, entry: BaseModel) -> list[tuple[Path, Any]]:
        """(location by keys and list positions, value) of every value set in `entry`."""
        found: list[Any] = []
        _reader(self.steps, None)(entry, (), found)
        return found


Reader = Callable[[Any, Path, list[Any]], None]
"""Appends (location, value[, tag]) for every value of one field in an object."""


@functools.cache
def _reader(steps: tuple[Step, ...], tag: str | None) -> Reader:
    """A reader for one field path, built once: plain loops, no generators (validation
    reads every term field of every entry). With a `tag`, results are (loc, value, tag)."""
    attr, key, is_list = steps[0].attr, steps[0].key, steps[0].is_list
    if len(steps) > 1:
        inner = _reader(steps[1:], tag)
        if is_list:

            def read_items(obj: Any, loc: Path, out: list[Any]) -> None:
                for i, item in enumerate(getattr(obj, attr) or ()):
                    inner(item, (*loc, key, i), out)

            return read_items

        def read_block(obj: Any, loc: Path, out: list[Any]) -> None:
            value = getattr(obj, attr)
            if value is not None:
                inner(value, (*loc, key), out)

        return read_block
    if is_list:

        def read_list(obj: Any, loc: Path, out: list[Any]) -> None:
            for i, item in enumerate(getattr(obj, attr) or ()):
                if item is not None:
                    out.append(
                        ((*loc, key, i), item) if tag is None else ((*loc, key, i), item, tag)
                    )

        return read_list

    def read_value(obj: Any, loc: Path, out: list[Any]) -> None:
        value = getattr(obj, attr)
        if value is not None:
            out.append(((*loc, key), value) if tag is None else ((*loc, key), value, tag))

    return read_value


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema by Dutch keys, without the metadata (as published)."""
    stripped = _strip(model.model_json_schema(by_alias=True))
    assert isinstance(stripped, dict)
    return stripped


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _strip(value) for key, value in node.items() if key != META_KEY}
    if isinstance(node, list):
        return [_strip(item) for item in node]
    return node


@functools.cache
def field_facts(model: type[BaseModel]) -> tuple[FieldFacts, ...]:
    """The top-level fields of a model in file order, each with its nested fields."""
    schema = model.model_json_schema(by_alias=True)
    return _model_facts(model, schema, schema.get("$defs", {}), ())


@functools.cache
def all_facts(model: type[BaseModel]) -> tuple[FieldFacts, ...]:
    """Every field of a model, nested ones included, depth first."""
    return tuple(facts for top in field_facts(model) for facts in top.walk())


def _model_facts(
    model: type[BaseModel], schema: dict[str, Any], defs: dict[str, Any], parents: tuple[Step, ...]
) -> tuple[FieldFacts, ...]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    out = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        if info.exclude or key not in properties:
            continue
        raw = properties[key]
        node, is_list, unknown_ok, min_items = _unwrap(raw, defs)
        steps = (*parents, Step(name, key, is_list))
        children: tuple[FieldFacts, ...] = ()
        nested = _nested_model(info.annotation)
        if nested is not None:
            children = _model_facts(nested, node, defs, steps)
        out.append(
            FieldFacts(
                path=".".join(step.key for step in steps),
                steps=steps,
                description=str(raw.get("description", "")),
                required=key in required,
                node=node,
                is_list=is_list,
                unknown_ok=unknown_ok,
                min_items=min_items,
                meta=dict(raw.get(META_KEY, {})),
                children=children,
            )
        )
    return tuple(out)


def _unwrap(
    node: dict[str, Any], defs: dict[str, Any]
) -> tuple[dict[str, Any], bool, bool, int | None]:
    """(inner schema, list, 'onbekend' allowed, minimum items) of one property's schema."""
    is_list = unknown_ok = False
    min_items: int | None = None
    while True:
        if "anyOf" in node:
            options = []
            for option in node["anyOf"]:
                if option.get("const") == UNKNOWN:
                    unknown_ok = True
                elif option.get("type") != "null":
                    options.append(option)
            if len(options) != 1:
                return node, is_list, unknown_ok, min_items
            node = options[0]
        elif "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        elif node.get("type") == "array" and not is_list:
            is_list = True
            min_items = node.get("minItems")
            node = node.get("items", {})
        else:
            return node, is_list, unknown_ok, min_items


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def field_choices(facts: FieldFacts) -> tuple[str, ...]:
    """The values a choice field allows (its enum or const), else ()."""
    node = facts.node
    if "enum" in node:
        return tuple(str(value) for value in node["enum"])
    if "const" in node:
        return (str(node["const"]),)
    return ()


def field_kind(facts: FieldFacts) -> FieldKind:
    """What a field's JSON Schema says editors write."""
    node = facts.node
    pattern = node.get("pattern")
    kinds: dict[str, FieldKind] = {"integer": "int", "number": "float"}
    if facts.children:
        return "block"
    if field_choices(facts):
        return "choice"
    if node.get("format") == "date":
        return "date"
    if node.get("type") in kinds:
        return kinds[node["type"]]
    if node.get("format") == "uri":
        return "url"
    if pattern == PARTIAL_DATE_PATTERN:
        return "partial_date"
    if pattern == SLUG_PATTERN:
        return "slug" if "maxLength" in node else "term"
    return "text"


@functools.cache
def term_facts(model: type[BaseModel]) -> tuple[FieldFacts, ...]:
    """The fields whose values are terms from a vocabulary list."""
    return tuple(facts for facts in all_facts(model) if facts.vocabulary)


def terms_in(entry: BaseModel) -> list[tuple[Path, str, str]]:
    """(location, term, vocabulary list) for every vocabulary term used in an entry."""
    out: list[tuple[Path, str, str]] = []
    for read in _term_readers(type(entry)):
        read(entry, (), out)
    return out


@functools.cache
def _term_readers(model: type[BaseModel]) -> tuple[Reader, ...]:
    return tuple(_reader(facts.steps, facts.meta["vocabulary"]) for facts in term_facts(model))


def vocabulary_of(model: type[BaseModel], path: str) -> str:
    """The vocabulary list of a field path ('plaats.provincie' → 'provincies')."""
    for facts in term_facts(model):
        if facts.path == path:
            return str(facts.vocabulary)
    raise KeyError(f"{model.__name__}.{path} draws no terms from a vocabulary list")


def field_terms(entry: BaseModel, path: str) -> tuple[str, list[str]]:
    """(vocabulary list, terms in file order) of one term field of an entry."""
    for facts in term_facts(type(entry)):
        if facts.path == path:
            return str(facts.vocabulary), [str(value) for _, value in facts.values(entry)]
    raise KeyError(f"{type(entry).__name__}.{path} draws no terms from a vocabulary list")


def labels(model: type[BaseModel]) -> dict[str, str]:
    """Field path → Dutch label, for the fields that have one."""
    return {facts.path: facts.label for facts in all_facts(model) if facts.label}


def column_facts(model: type[BaseModel]) -> list[FieldFacts]:
    """The fields with an open-data column, in column order."""
    found = [facts for facts in all_facts(model) if facts.meta.get("column")]
    return sorted(found, key=lambda facts: int(facts.meta.get("column_order", 0)))


def facet_facts(model: type[BaseModel]) -> tuple[FieldFacts, ...]:
    """The fields that fill a search facet."""
    return tuple(facts for facts in all_facts(model) if facts.meta.get("facet"))


def keyword_facts(model: type[BaseModel]) -> list[FieldFacts]:
    """The term fields whose labels are search keywords, in keyword order."""
    found = [facts for facts in term_facts(model) if facts.meta.get("keyword")]
    return sorted(found, key=lambda facts: int(facts.meta.get("keyword_order", 0)))
