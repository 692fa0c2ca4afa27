"""Open data tables: data/cases.json (+ its schema), data/cases.csv and the codebook.

The columns come from the case model's field metadata (`widw.content.fieldmeta`): every
CSV column names the schema field it comes from, and its Dutch description is the schema's
description of that field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from widw.cite.csl import citation_key, entry_url, normalise_site_url
from widw.content import routes
from widw.content.fieldmeta import FieldFacts, column_facts, field_kind, json_schema
from widw.content.library import Library
from widw.content.models import Case

LIST_SEPARATOR = " | "
"""How list values are joined in one CSV cell."""


@dataclass(frozen=True)
class Column:
    """One CSV column: the case field it comes from (`widw.content.fieldmeta`) and its type.

    The cell holds the field's value; a field inside a list of blocks, or a list itself,
    gives its values joined by `LIST_SEPARATOR`; a counted field gives its number of items.
    """

    name: str
    path: str
    kind: str
    facts: FieldFacts
    vocabulary: str | None = None
    description: str | None = None
    """Overrides the schema's description where the column holds more than the field."""

    def value(self, library: Library, case: Case) -> Any:
        """The column's value for one case."""
        linked = LINKED.get(self.name)
        if linked is not None:
            return linked(library, case)
        if self.facts.meta.get("column_count"):
            return len(getattr(case, self.facts.steps[0].attr))
        values = [value for _, value in self.facts.values(case)]
        if self.facts.in_list:
            return _joined([str(value) for value in values])
        return values[0] if values else None


def case_lessons(library: Library, case: Case) -> list[str]:
    """The ids of every lesson linked to the case, from either side, sorted."""
    return sorted({*case.lessons, *(x.id for x in library.lessons_for_case(case.slug))})


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


LINKED: dict[str, Callable[[Library, Case], Any]] = {
    "lessen": lambda library, case: _joined(case_lessons(library, case)),
}
"""Columns that also read what the library links to the case: the lessons that name the
case in their own file."""

_TYPES = {
    "text": "tekst",
    "slug": "tekst",
    "choice": "tekst",
    "url": "webadres",
    "term": "term",
    "int": "geheel getal",
    "float": "decimaal getal",
    "date": "datum",
    "partial_date": "datum",
}
_LIST_TYPES = {"term": "lijst van termen"}


def _column(facts: FieldFacts) -> Column:
    meta = facts.meta
    kind = field_kind(facts)
    list_type = _LIST_TYPES.get(kind, "lijst van teksten")
    type_name = meta.get("column_type") or (
        list_type if facts.in_list else _TYPES.get(kind, "tekst")
    )
    return Column(
        name=str(meta["column"]),
        path=facts.path,
        kind=str(type_name),
        facts=facts,
        vocabulary=facts.vocabulary,
        description=meta.get("column_description"),
    )


COLUMNS: tuple[Column, ...] = tuple(_column(facts) for facts in column_facts(Case))
"""The columns of data/cases.csv, in order ('url' and 'citeersleutel' follow)."""

EXTRA_FIELDS = {
    "url": ("webadres", "Vast webadres van de casuspagina."),
    "citeersleutel": ("tekst", "Citeersleutel in citations.bib, .ris en .json (de slug)."),
    "tekst": ("tekst", "De tekst van de casuspagina (Markdown)."),
}
"""Fields in the data files that are not in the case schema."""


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case, with Dutch keys."""
    return json_schema(Case)


def case_record(library: Library, case: Case, site_url: str) -> dict[str, Any]:
    """One case as open data: the Dutch keys of the schema plus url, key and text.

    `lessen` lists every lesson linked to the case, also those that name the case only in
    the lesson's own file.
    """
    record: dict[str, Any] = case.model_dump(mode="json", by_alias=True)
    record["lessen"] = case_lessons(library, case)
    record["url"] = entry_url(site_url, "case", case.slug)
    record["citeersleutel"] = citation_key("case", case.slug)
    record["tekst"] = case.body
    return record


def case_json(library: Library, case: Case, site_url: str) -> str:
    """One case's record as it stands in data/cases.json (before its indentation there)."""
    record = case_record(library, case, site_url)
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True)


def cases_json(
    library: Library, *, site_url: str, records: Callable[[str], str] | None = None
) -> str:
    """data/cases.json: every valid case, sorted by slug.

    `records` gives a case's `case_json` by slug when the caller has it already (a build
    that keeps each case's record); the file is the same either way.
    """
    base = normalise_site_url(site_url)
    slugs = sorted(library.cases)
    data = {
        "$schema": base + routes.file("data", "cases.schema.json"),
        "titel": "Wij in de Wijk-kennisbank: casussen",
        "bron": base,
        "aantal": len(library.cases),
        "casussen": [_PLACEHOLDER] if slugs else [],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if not slugs:
        return text
    record = records or (lambda slug: case_json(library, library.cases[slug], site_url))
    # Each record sits two levels deep (indent 2): its lines move four spaces to the right,
    # exactly as json.dumps writes a nested value (a JSON string holds no raw line break).
    joined = ",\n    ".join(record(slug).replace("\n", "\n    ") for slug in slugs)
    before, placeholder, after = text.partition(json.dumps(_PLACEHOLDER))
    assert placeholder, "the placeholder is in the file"
    return before + joined + after


_PLACEHOLDER = "\u0000casussen"
"""Stands for the records while the rest of data/cases.json is written."""


def cases_json_schema(*, site_url: str) -> str:
    """data/cases.schema.json: the case schema plus the open-data fields, for validators."""
    schema = case_schema()
    defs = schema.pop("$defs", {})
    record = dict(schema)
    properties = dict(record["properties"])
    for name, (kind, description) in EXTRA_FIELDS.items():
        properties[name] = {"type": "string", "description": description}
        if kind == "webadres":
            properties[name]["format"] = "uri"
    record["properties"] = properties
    record["required"] = sorted({*record.get("required", []), "url", "citeersleutel"})
    defs["Casusrecord"] = record
    top = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": normalise_site_url(site_url) + routes.file("data", "cases.schema.json"),
        "title": "Wij in de Wijk: open data van de casussen",
        "type": "object",
        "required": ["titel", "bron", "aantal", "casussen"],
        "properties": {
            "$schema": {"type": "string"},
            "titel": {"type": "string"},
            "bron": {"type": "string", "format": "uri"},
            "aantal": {"type": "integer", "minimum": 0},
            "casussen": {"type": "array", "items": {"$ref": "#/$defs/Casusrecord"}},
        },
        "additionalProperties": False,
        "$defs": defs,
    }
    return json.dumps(top, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _cell(value: Any) -> str:
    if value is None or value is False:
        return ""
    return str(value)


def case_csv(library: Library, case: Case, site_url: str) -> str:
    """One case's row of data/cases.csv, with its line end."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    row = [_cell(column.value(library, case)) for column in COLUMNS]
    writer.writerow([*row, entry_url(site_url, "case", case.slug), citation_key("case", case.slug)])
    return out.getvalue()


def cases_csv(library: Library, *, site_url: str, rows: Callable[[str], str] | None = None) -> str:
    """data/cases.csv: one row per case, sorted by slug; empty cell = unknown.

    `rows` gives a case's `case_csv` by slug when the caller has it already.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS] + ["url", "citeersleutel"])
    row = rows or (lambda slug: case_csv(library, library.cases[slug], site_url))
    return out.getvalue() + "".join(row(slug) for slug in sorted(library.cases))


def codebook_rows(library: Library) -> list[dict[str, str]]:
    """One row per CSV column: name, description, type, vocabulary and its terms."""
    rows = []
    for column in COLUMNS:
        terms = library.vocabulary.terms(column.vocabulary) if column.vocabulary else {}
        rows.append(
            {
                "veld": column.name,
                "schemaveld": column.path,
                "omschrijving": column.description or column.facts.description,
                "type": column.kind,
                "woordenlijst": column.vocabulary or "",
                "waarden": "; ".join(f"{term} = {t.label}" for term, t in terms.items()),
            }
        )
    for name in ("url", "citeersleutel"):
        kind, description = EXTRA_FIELDS[name]
        rows.append(
            {
                "veld": name,
                "schemaveld": "",
                "omschrijving": description,
                "type": kind,
                "woordenlijst": "",
                "waarden": "",
            }
        )
    return rows


def codebook_csv(library: Library) -> str:
    """data/codeboek.csv: the codebook as a table."""
    rows = codebook_rows(library)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def codebook_markdown(library: Library) -> str:
    """The codebook as a Markdown page (data/codeboek.md) for the site."""
    lines = [
        "# Codeboek van de open data",
        "",
        "Dit codeboek beschrijft de kolommen van `cases.csv`. Het is gemaakt uit het",
        "JSON Schema van een casus. Een lege cel betekent: onbekend of niet van toepassing.",
        "De kolom `lessen` (en het veld `lessen` in `cases.json`) noemt de id's van alle lessen",
        "bij de casus, ook van lessen die de casus alleen in hun eigen bestand noemen; elke les",
        f"staat op `{routes.url('lesson', '<id>')}`.",
        f"Lijsten staan in één cel, gescheiden door `{LIST_SEPARATOR.strip()}`.",
        "",
        "| Veld | Omschrijving | Type | Woordenlijst |",
        "| --- | --- | --- | --- |",
    ]
    for row in codebook_rows(library):
        values = row["waarden"]
        vocabulary = f"{row['woordenlijst']}: {values}" if values else row["woordenlijst"]
        lines.append(
            f"| `{row['veld']}` | {_md_cell(row['omschrijving'])} | {row['type']} "
            f"| {_md_cell(vocabulary)} |"
        )
    return "\n".join(lines) + "\n"
