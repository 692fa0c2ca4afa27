"""The open-data tables carry what the case pages show: lessons per case, every column filled."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.cite.conftest import FILES, SITE
from tests.conftest import REPO
from widw.cite.exports import data_pages
from widw.cite.tables import COLUMNS, cases_csv, cases_json, codebook_rows
from widw.content.library import Library, ProjectPaths, load_library

FULL_CASE = """---
slug: alles-bekend
titel: Alles bekend
samenvatting: Een casus waarvan elk veld bekend is.
status: beschreven
collectie: wij-in-de-wijk
bundel: {nummer: 3, zekerheid: bevestigd}
plaats:
  gemeente: Deventer
  wijk: Rivierenwijk
  provincie: overijssel
  cbs: {code: WK015001, jaar: 2021}
  coordinaten: {lat: 52.25, lon: 6.16}
periode: {begin: "2018-04", einde: "2021"}
soort: [buurtplatform]
participatievorm: burgerparticipatie
themas: [ontmoeting]
elementen: [informeel-contact]
contextfactoren:
  bevorderend: [Een vaste plek.]
  belemmerend: [Weinig geld.]
actoren:
  - {naam: Bewonersvereniging, soort: bewoners}
financiering:
  - {soort: gemeentelijke-subsidie, omschrijving: Eerste jaren., bedrag_eur: 5000}
  - {soort: zonder-subsidie, omschrijving: Daarna eigen inkomsten.}
uitkomst: {soort: gestopt, omschrijving: Gestopt in 2021.}
bronnen:
  - titel: Verslag
    uitgever: Movisie
    datum: "2021"
    url: https://bron.example/verslag
    soort: rapport
afgeleid:
  - veld: plaats.provincie
    toelichting: Uit de gemeente.
laatst_gecontroleerd: 2026-11-02
aandachtsgebieden: [bekostiging]
fases: [uitvoering]
---

Tekst.
"""

FROM_LESSON_SIDE = """---
id: alleen-van-de-les
rollen: [ambtenaren]
titel: Een les die de casus alleen zelf noemt
casussen: [alles-bekend, buurtkamer-noord]
bronnen:
  - titel: Verslag
    uitgever: Movisie
    datum: "2021"
    url: https://bron.example/verslag
    soort: rapport
laatst_gecontroleerd: 2026-11-02
---

Alleen de les legt de koppeling.
"""


@pytest.fixture
def full_library(make_project: Callable[[Mapping[str, str | bytes]], Path]) -> Library:
    files = {
        **FILES,
        "cases/alles-bekend.md": FULL_CASE,
        "lessons/alleen-van-de-les.md": FROM_LESSON_SIDE,
    }
    result = load_library(ProjectPaths(make_project(files)))
    assert result.ok, [p.format() for p in result.errors]
    return result.library


def _rows(library: Library) -> dict[str, dict[str, str]]:
    text = cases_csv(library, site_url=SITE)
    return {r["slug"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


def test_lessons_per_case_in_csv_and_json(full_library: Library) -> None:
    rows = _rows(full_library)
    records = {
        r["slug"]: r for r in json.loads(cases_json(full_library, site_url=SITE))["casussen"]
    }
    expected = {
        "alles-bekend": ["alleen-van-de-les"],
        "buurtkamer-noord": ["alleen-van-de-les", "ruimte-voor-bewoners"],
        "wijkwerkplaats": ["begin-klein", "luister-eerst"],
    }
    for slug, lessons in expected.items():
        assert rows[slug]["lessen"] == " | ".join(lessons)
        assert records[slug]["lessen"] == lessons
        shown = [x.id for x in full_library.lessons_for_case(slug)]
        assert sorted(shown) == lessons, "the same lessons as the case page"


def test_codebook_says_what_the_lessons_column_holds(full_library: Library) -> None:
    row = next(r for r in codebook_rows(full_library) if r["veld"] == "lessen")
    assert "alle lessen" in row["omschrijving"]
    assert "lessen/<id>/" in row["omschrijving"]
    page = data_pages(full_library)["data/codeboek.md"]
    assert "De kolom `lessen`" in page
    assert "`cases.json`" in page


def _has_value(value: Any) -> bool:
    if isinstance(value, list):
        return any(_has_value(v) for v in value)
    return value not in (None, "", {}, [])


def _at(record: Any, path: str) -> Any:
    """The value at a dotted path; a list of objects gives the list of their values."""
    for part in path.split("."):
        if isinstance(record, list):
            record = [item.get(part) if isinstance(item, dict) else None for item in record]
        elif isinstance(record, dict):
            record = record.get(part)
        else:
            return None
    return record


def test_a_case_with_every_field_fills_every_column(full_library: Library) -> None:
    row = _rows(full_library)["alles-bekend"]
    empty = [name for name, value in row.items() if value == ""]
    assert empty == []
    assert row["financiering"] == "gemeentelijke-subsidie | zonder-subsidie"
    assert row["einde"] == "2021"
    assert row["cbs_code"] == "WK015001"


@pytest.mark.parametrize("which", ["fixture", "repository"])
def test_every_column_is_filled_where_the_content_has_the_value(
    which: str, full_library: Library
) -> None:
    library = full_library
    if which == "repository":
        result = load_library(ProjectPaths(REPO))
        assert result.ok
        library = result.library
    rows = _rows(library)
    records = json.loads(cases_json(library, site_url=SITE))["casussen"]
    documented = {r["veld"] for r in codebook_rows(library)}
    assert set(next(iter(rows.values()))) == documented
    for record in records:
        row = rows[record["slug"]]
        for column in COLUMNS:
            if _has_value(_at(record, column.path)):
                assert row[column.name] != "", f"{record['slug']}: {column.name} is empty"
        assert row["url"]
        assert row["citeersleutel"]
