"""Reusable field types for the content models: slugs, partial dates, URLs, 'onbekend'."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

UNKNOWN = "onbekend"
"""The explicit word editors write for a fact that no source gives."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"


def unknown_to_none(value: Any) -> Any:
    """Read the word 'onbekend' (any case) as an absent value."""
    if isinstance(value, str) and value.strip().lower() == UNKNOWN:
        return None
    return value


def unknown_to_empty(value: Any) -> Any:
    """Read 'onbekend' or an empty value as an empty list."""
    if value is None or (isinstance(value, str) and value.strip().lower() == UNKNOWN):
        return []
    return value


class _AllowUnknown:
    """JSON Schema marker: the field also accepts the literal word 'onbekend'."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        unknown = {"const": UNKNOWN, "description": "Onbekend: geen bron geeft dit feit."}
        return {"anyOf": [schema, unknown]}


ALLOW_UNKNOWN = _AllowUnknown()


class _SchemaStates:
    """JSON Schema marker: adds keys that a validator function checks (a URL's format, a
    partial date's pattern), so the schema and the tools reading it see them too."""

    def __init__(self, **keys: str) -> None:
        self.keys = keys

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(core_schema), **self.keys}


def _check_partial_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"'{value}' is geen bestaande datum") from exc
    return value


def _check_web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or " " in value:
        raise ValueError(f"'{value}' is geen volledige webadres (verwacht: https://…)")
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
"""A URL-safe, lower-case identifier: letters, digits and single hyphens."""

PartialDate = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    Field(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_check_partial_date),
    _SchemaStates(pattern=PARTIAL_DATE_PATTERN),
]
"""A date as precise as the source gives it: 'JJJJ', 'JJJJ-MM' or 'JJJJ-MM-DD'."""

WebUrl = Annotated[str, AfterValidator(_check_web_url), _SchemaStates(format="uri")]
"""An absolute http(s) address."""

Text = Annotated[str, Field(min_length=1)]
"""Non-empty text."""

OptionalText = Annotated[Text | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN]
"""Text that may be absent or 'onbekend'."""

OptionalDate = Annotated[PartialDate | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN]
"""A partial date that may be absent or 'onbekend'."""

OptionalUrl = Annotated[WebUrl | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN]
"""A web address that may be absent or 'onbekend'."""

Term = Annotated[str, Field(pattern=SLUG_PATTERN)]
"""A term from the vocabulary (checked against vocabulary.yml by the validator)."""

OptionalTerm = Annotated[Term | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN]

TermList = Annotated[list[Term], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN]
TextList = Annotated[list[Text], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN]
SlugList = Annotated[list[Slug], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN]


def slugify(text: str) -> str:
    """Propose a slug from a title ('Boefjes & Barista's' → 'boefjes-baristas')."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"['’`]", "", folded.lower())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:80].strip("-")
