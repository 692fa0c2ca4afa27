"""CITATION.cff: readable YAML with the fields the Citation File Format requires."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_citation_cff_has_required_fields() -> None:
    data = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["cff-version"] == "1.2.0"
    assert data["message"].strip()
    assert data["title"].startswith("Wij in de Wijk-kennisbank")
    assert data["authors"] == [{"name": "Wij in de Wijk-kennisbank (bijdragers)"}]
    assert data["type"] == "dataset"
    assert data["languages"] == ["nl"]
    assert isinstance(data["license"], str)
