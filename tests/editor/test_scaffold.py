"""The scaffold writes any title and summary so that it reads back exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.editor.conftest import REPO
from widw.content.reader import read_document
from widw.content.validate import validate_document
from widw.content.vocabulary import load_vocabulary
from widw.editor.scaffold import case_values, scaffold_text

VOCABULARY, _ = load_vocabulary(REPO / "vocabulary.yml")
TEXT = st.text(
    alphabet=st.characters(
        categories=("L", "N", "P", "S", "Zs"),
        exclude_characters="\u2028\u2029\x85\ufeff",
    ),
    min_size=1,
    max_size=300,
).filter(lambda s: s.strip())


def scaffold(title: str, summary: str) -> str:
    values = case_values(
        slug="proef",
        title=title,
        summary=summary,
        status="stub",
        collection="verwant",
        bundle=None,
        municipality=title[:40],
        district=None,
        province=None,
    )
    return scaffold_text("case", values, VOCABULARY, today=dt.date(2026, 1, 2))


@settings(max_examples=150, deadline=None)
@given(title=TEXT, summary=TEXT)
def test_any_text_reads_back(tmp_path_factory, title: str, summary: str) -> None:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("scaffold") / "proef.md"
    path.write_text(scaffold(title, summary), encoding="utf-8")
    doc = read_document(path, "case", "cases/proef.md")
    case = validate_document(doc, VOCABULARY)
    assert not doc.problems, [p.format() for p in doc.problems]
    assert case is not None
    assert case.title == " ".join(title.split())
    assert case.summary == " ".join(summary.split())
    assert case.place.municipality == (" ".join(title[:40].split()) or None)
    assert case.last_verified == dt.date(2026, 1, 2)


def test_long_summary_is_folded_and_comments_are_wrapped() -> None:
    text = scaffold("Titel", "woord " * 60)
    assert "samenvatting: >-\n  woord woord" in text
    assert all(len(line) <= 100 for line in text.splitlines())
