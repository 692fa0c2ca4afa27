"""JSON Schemas of the content types, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from widw.content import routes
from widw.content.fieldmeta import json_schema
from widw.content.kinds import KINDS

SCHEMA_HOST = "https://wijindewijk.example/"
"""Where the committed schemas' `$id`s point (their folder comes from `widw.content.routes`)."""
COMMITTED_SCHEMAS = Path("tooling") / "widw" / "content" / "schemas"
"""Where the schemas are committed, relative to the project root (`widw schema` writes them)."""


def schema_files() -> dict[str, str]:
    """File name → JSON Schema text, stable across runs."""
    out = {}
    for info in KINDS.values():
        name, title = info.schema_file, info.schema_title
        schema = json_schema(info.model)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_HOST + routes.file("schema", name),
            **schema,
            "title": title,
        }
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
