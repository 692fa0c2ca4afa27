"""JSON Schemas of the content types, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from widw.content.fieldmeta import json_schema
from widw.content.models import Case, Episode, Lesson

SCHEMA_BASE = "https://wijindewijk.example/schema/"
COMMITTED_SCHEMAS = Path("tooling") / "widw" / "content" / "schemas"
"""Where the schemas are committed, relative to the project root (`widw schema` writes them)."""


def schema_files() -> dict[str, str]:
    """File name → JSON Schema text, stable across runs."""
    out = {}
    for name, model, title in (
        ("casus.schema.json", Case, "Wij in de Wijk: casus"),
        ("les.schema.json", Lesson, "Wij in de Wijk: les"),
        ("aflevering.schema.json", Episode, "Wij in de Wijk: aflevering, film of bijeenkomst"),
    ):
        schema = json_schema(model)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_BASE + name,
            **schema,
            "title": title,
        }
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
