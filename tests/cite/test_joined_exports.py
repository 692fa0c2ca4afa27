"""Files over the whole library, joined from each entry's own piece, equal one-piece writes."""

from __future__ import annotations

import csv
import io
import json

from tests.cite.conftest import SITE, TODAY
from widw.cite import formats
from widw.cite.csl import entry_url
from widw.cite.exports import export_files, library_items
from widw.cite.tables import COLUMNS, case_record, cases_csv, cases_json
from widw.content.catalog import Library as Catalog
from widw.content.library import Library


def test_cases_json_is_the_library_written_in_one_piece(library: Library) -> None:
    assert len(library.cases) > 1
    base = SITE if SITE.endswith("/") else SITE + "/"
    data = {
        "$schema": base + "data/cases.schema.json",
        "titel": "Wij in de Wijk-kennisbank: casussen",
        "bron": base,
        "aantal": len(library.cases),
        "casussen": [case_record(library, library.cases[s], SITE) for s in sorted(library.cases)],
    }
    whole = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert cases_json(library, site_url=SITE) == whole
    assert export_files(library, site_url=SITE, today=TODAY)["data/cases.json"] == whole


def test_cases_json_of_an_empty_library_has_no_records(library: Library) -> None:
    empty = Catalog({}, {}, {}, library.vocabulary)
    data = json.loads(cases_json(empty, site_url=SITE))
    assert data["casussen"] == []
    assert data["aantal"] == 0


def test_cases_csv_is_the_library_written_in_one_piece(library: Library) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS] + ["url", "citeersleutel"])
    for slug in sorted(library.cases):
        case = library.cases[slug]
        cells = [
            "" if v is None or v is False else str(v)
            for v in (c.value(library, case) for c in COLUMNS)
        ]
        writer.writerow([*cells, entry_url(SITE, "case", slug), slug])
    assert cases_csv(library, site_url=SITE) == out.getvalue()


def test_citations_json_joined_from_single_items_is_the_whole_list(library: Library) -> None:
    items = library_items(library, site_url=SITE, today=TODAY)
    assert len(items) > 2
    singles = [formats.csl_json([item]) for item in items]
    assert formats.joined_csl_json(singles) == formats.csl_json(items)
    assert formats.joined_csl_json([]) == formats.csl_json([])
    files = export_files(library, site_url=SITE, today=TODAY)
    assert files["citations.json"] == formats.csl_json(items)
