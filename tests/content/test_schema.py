"""The published JSON Schemas: up to date, and accepting every real case, lesson and episode."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO
from widw.content.reader import Kind, read_document
from widw.content.schema import COMMITTED_SCHEMAS, schema_files

SCHEMAS = {
    "case": "casus.schema.json",
    "lesson": "les.schema.json",
    "episode": "aflevering.schema.json",
}
FOLDERS: dict[Kind, str] = {"case": "cases", "lesson": "lessons", "episode": "episodes"}


def _real_files() -> list[tuple[Kind, Path]]:
    return [
        (kind, path)
        for kind, folder in FOLDERS.items()
        for path in sorted((REPO / folder).glob("*.md"))
    ]


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schema_files().items():
        committed = REPO / COMMITTED_SCHEMAS / name
        assert committed.read_text(encoding="utf-8") == text, f"run 'widw schema' ({name})"


def test_there_is_real_content_to_check() -> None:
    assert any(kind == "case" for kind, _ in _real_files())


@pytest.mark.parametrize(("kind", "path"), _real_files(), ids=lambda v: getattr(v, "name", v))
def test_schema_accepts_real_content(kind: Kind, path: Path) -> None:
    schema = json.loads(schema_files()[SCHEMAS[kind]])
    doc = read_document(path, kind)
    assert doc.data is not None, [p.format() for p in doc.problems]
    jsonschema.validate(doc.data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_unknown_keys() -> None:
    schema = json.loads(schema_files()["casus.schema.json"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"slug": "x", "onzin": 1}, schema)
