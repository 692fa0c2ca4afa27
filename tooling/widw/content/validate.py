"""Validation rules: raw documents → typed models, plus every problem with its position.

The schema is checked here; further per-file rules live in `widw.content.rules` and
`widw.content.body`, rules across files in `widw.content.references`. Nothing prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from widw.content.body import check_body
from widw.content.fieldmeta import terms_in
from widw.content.kinds import KINDS
from widw.content.messages import pydantic_message
from widw.content.models import Case, Episode, Lesson
from widw.content.reader import Kind, RawDocument
from widw.content.rules import check_rules
from widw.content.vocabulary import Vocabulary

Entry = Case | Lesson | Episode
MODELS: dict[Kind, type[Case] | type[Lesson] | type[Episode]] = {
    kind: info.model for kind, info in KINDS.items()
}


def alias_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path editors can write, by alias ('plaats.provincie')."""
    out: set[str] = set()
    for name, info in model.model_fields.items():
        if name == "body":
            continue
        key = f"{prefix}{info.alias or name}"
        out.add(key)
        for arg in _model_args(info.annotation):
            out |= alias_paths(arg, f"{key}.")
    return out


def _model_args(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _model_args(arg)


FIELD_PATHS = {kind: alias_paths(model) for kind, model in MODELS.items()}
TOP_KEYS = {
    kind: [info.alias or name for name, info in model.model_fields.items() if name != "body"]
    for kind, model in MODELS.items()
}


def validate_document(
    doc: RawDocument, vocabulary: Vocabulary | None, today: dt.date | None = None
) -> Entry | None:
    """Validate one read document; every problem is appended to `doc.problems`.

    The schema reports all its errors at once; the rules beyond it (terms, file name, case
    rules, invisible characters, repeats, future dates, the body) then run on whatever
    parsed. The entry is returned when the schema accepted the data, else None.
    `vocabulary` is None when vocabulary.yml cannot be read: terms are not checked then.
    """
    check_body(doc)
    if doc.data is None:
        return None
    data = doc.data
    if "body" in data:
        line, column = doc.positions.of_key(("body",))
        message = "onbekend veld 'body': de tekst hoort onder de front matter"
        doc.problem("onbekend-veld", message, line, column)
        data = {key: value for key, value in data.items() if key != "body"}
    entry: Entry | None = None
    try:
        entry = MODELS[doc.kind].model_validate(data)
    except ValidationError as exc:
        _report(exc, doc)
    terms = list(terms_in(entry)) if entry is not None else None
    check_rules(doc, vocabulary, FIELD_PATHS[doc.kind], today or dt.date.today(), terms)
    return entry.model_copy(update={"body": doc.body}) if entry is not None else None


def _report(exc: ValidationError, doc: RawDocument) -> None:
    for error in exc.errors():
        loc = tuple(error["loc"])
        # pydantic adds the name of a union member or validator step to some paths
        loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))
        parent = loc[:-1]
        allowed = _keys_at(doc.kind, parent)
        code, message = pydantic_message({**error, "loc": loc}, allowed)
        if error["type"] == "extra_forbidden":
            line, column = doc.positions.of_key(loc)
        elif error["type"] == "missing":
            line, column = doc.positions.of(parent)
        else:
            line, column = doc.positions.of(loc)
        doc.problem(code, message, line, column)


def _keys_at(kind: Kind, parent: tuple[str | int, ...]) -> list[str]:
    prefix = ".".join(str(p) for p in parent if isinstance(p, str))
    if not prefix:
        return TOP_KEYS[kind]
    depth = prefix.count(".") + 1
    return [
        path.split(".")[-1]
        for path in FIELD_PATHS[kind]
        if path.startswith(prefix + ".") and path.count(".") == depth
    ]
