"""Open data tables: data/cases.json (+ its schema), data/cases.csv and the codebook.

The codebook is generated from the case JSON Schema: every CSV column names the schema
field it comes from, and its Dutch description is the schema's description of that field.
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
from widw.content.library import Library
from widw.content.models import Case

LIST_SEPARATOR = " | "
"""How list values are joined in one CSV cell."""

RecordGetter = Callable[[Case], Any]
LinkedGetter = Callable[[Library, Case], Any]


@dataclass(frozen=True)
class Column:
    """One CSV column: where it comes from in the schema and how to read it from a case.

    `get` reads the case itself; `linked` (when given) reads what the library links to the
    case, e.g. the lessons that name the case in their own file.
    """

    name: str
    path: str
    kind: str
    get: RecordGetter
    vocabulary: str | None = None
    linked: LinkedGetter | None = None
    description: str | None = None
    """Overrides the schema's description where the column holds more than the field."""

    def value(self, library: Library, case: Case) -> Any:
        """The column's value for one case."""
        return self.linked(library, case) if self.linked else self.get(case)


def case_lessons(library: Library, case: Case) -> list[str]:
    """The ids of every lesson linked to the case, from either side, sorted."""
    return sorted({*case.lessons, *(x.id for x in library.lessons_for_case(case.slug))})


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


COLUMNS: tuple[Column, ...] = (
    Column("slug", "slug", "tekst", lambda c: c.slug),
    Column("titel", "titel", "tekst", lambda c: c.title),
    Column("status", "status", "tekst", lambda c: c.status),
    Column("collectie", "collectie", "tekst", lambda c: c.collection),
    Column("bundel", "bundel.nummer", "geheel getal", lambda c: c.bundle and c.bundle.number),
    Column(
        "bundel_zekerheid", "bundel.zekerheid", "tekst", lambda c: c.bundle and c.bundle.certainty
    ),
    Column("gemeente", "plaats.gemeente", "tekst", lambda c: c.place.municipality),
    Column("wijk", "plaats.wijk", "tekst", lambda c: c.place.district),
    Column("provincie", "plaats.provincie", "term", lambda c: c.place.province, "provincies"),
    Column("cbs_code", "plaats.cbs.code", "tekst", lambda c: c.place.cbs and c.place.cbs.code),
    Column(
        "cbs_jaar", "plaats.cbs.jaar", "geheel getal", lambda c: c.place.cbs and c.place.cbs.year
    ),
    Column(
        "lat",
        "plaats.coordinaten.lat",
        "decimaal getal",
        lambda c: c.place.coordinates and c.place.coordinates.lat,
    ),
    Column(
        "lon",
        "plaats.coordinaten.lon",
        "decimaal getal",
        lambda c: c.place.coordinates and c.place.coordinates.lon,
    ),
    Column("begin", "periode.begin", "datum", lambda c: c.period and c.period.start),
    Column("einde", "periode.einde", "datum", lambda c: c.period and c.period.end),
    Column("soort", "soort", "lijst van termen", lambda c: _joined(c.kinds), "soorten"),
    Column(
        "participatievorm",
        "participatievorm",
        "term",
        lambda c: c.participation,
        "participatievormen",
    ),
    Column("themas", "themas", "lijst van termen", lambda c: _joined(c.themes), "themas"),
    Column(
        "elementen", "elementen", "lijst van termen", lambda c: _joined(c.elements), "elementen"
    ),
    Column(
        "aandachtsgebieden",
        "aandachtsgebieden",
        "lijst van termen",
        lambda c: _joined(c.areas),
        "aandachtsgebieden",
    ),
    Column("fases", "fases", "lijst van termen", lambda c: _joined(c.phases), "fases"),
    Column(
        "bevorderend",
        "contextfactoren.bevorderend",
        "lijst van teksten",
        lambda c: _joined(c.context.promoting),
    ),
    Column(
        "belemmerend",
        "contextfactoren.belemmerend",
        "lijst van teksten",
        lambda c: _joined(c.context.hindering),
    ),
    Column(
        "actoren",
        "actoren.naam",
        "lijst van teksten",
        lambda c: _joined([a.name for a in c.actors]),
    ),
    Column(
        "actorsoorten",
        "actoren.soort",
        "lijst van termen",
        lambda c: _joined([a.kind for a in c.actors]),
        "actorsoorten",
    ),
    Column(
        "financiering",
        "financiering.soort",
        "lijst van termen",
        lambda c: _joined([f.kind for f in c.funding]),
        "financieringssoorten",
    ),
    Column("uitkomst", "uitkomst.soort", "term", lambda c: c.outcome.kind, "uitkomsten"),
    Column(
        "uitkomst_toelichting", "uitkomst.omschrijving", "tekst", lambda c: c.outcome.description
    ),
    Column(
        "lessen",
        "lessen",
        "lijst van lessen",
        lambda c: _joined(c.lessons),
        linked=lambda lib, c: _joined(case_lessons(lib, c)),
        description=(
            "Id's van alle lessen bij deze casus (ook lessen die de casus alleen in hun eigen "
            f"bestand noemen); elke les staat op {routes.url('lesson', '<id>')}."
        ),
    ),
    Column(
        "bronnen",
        "bronnen",
        "geheel getal",
        lambda c: len(c.sources),
        description="Aantal bronnen dat de casus noemt (de bronnen zelf staan in cases.json).",
    ),
    Column(
        "afgeleide_velden",
        "afgeleid.veld",
        "lijst van teksten",
        lambda c: _joined([i.field for i in c.inferred]),
    ),
    Column("laatst_gecontroleerd", "laatst_gecontroleerd", "datum", lambda c: c.last_verified),
    Column("samenvatting", "samenvatting", "tekst", lambda c: c.summary),
)
"""The columns of data/cases.csv, in order ('url' and 'citeersleutel' follow)."""

EXTRA_FIELDS = {
    "url": ("webadres", "Vast webadres van de casuspagina."),
    "citeersleutel": ("tekst", "Citeersleutel in citations.bib, .ris en .json (de slug)."),
    "tekst": ("tekst", "De tekst van de casuspagina (Markdown)."),
}
"""Fields in the data files that are not in the case schema."""


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case, with Dutch keys."""
    return Case.model_json_schema(by_alias=True)


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        return _resolve(root["$defs"][node["$ref"].rsplit("/", 1)[-1]], root)
    if node.get("type") == "array" and "items" in node:
        return _resolve(node["items"], root)
    for option in node.get("anyOf", []):
        resolved = _resolve(option, root)
        if "properties" in resolved:
            return resolved
    return node


def describe(path: str, schema: dict[str, Any] | None = None) -> str:
    """The schema's Dutch description of a dotted field path ('plaats.gemeente')."""
    root = schema or case_schema()
    node: dict[str, Any] = root
    for part in path.split("."):
        node = _resolve(node, root)["properties"][part]
    return str(node.get("description", ""))


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


def cases_json(library: Library, *, site_url: str) -> str:
    """data/cases.json: every valid case, sorted by slug."""
    base = normalise_site_url(site_url)
    data = {
        "$schema": base + routes.file("data", "cases.schema.json"),
        "titel": "Wij in de Wijk-kennisbank: casussen",
        "bron": base,
        "aantal": len(library.cases),
        "casussen": [
            case_record(library, library.cases[s], site_url) for s in sorted(library.cases)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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


def cases_csv(library: Library, *, site_url: str) -> str:
    """data/cases.csv: one row per case, sorted by slug; empty cell = unknown."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS] + ["url", "citeersleutel"])
    for slug in sorted(library.cases):
        case = library.cases[slug]
        row = [_cell(column.value(library, case)) for column in COLUMNS]
        writer.writerow([*row, entry_url(site_url, "case", slug), citation_key("case", slug)])
    return out.getvalue()


def codebook_rows(library: Library) -> list[dict[str, str]]:
    """One row per CSV column: name, description, type, vocabulary and its terms."""
    schema = case_schema()
    rows = []
    for column in COLUMNS:
        terms = library.vocabulary.terms(column.vocabulary) if column.vocabulary else {}
        rows.append(
            {
                "veld": column.name,
                "schemaveld": column.path,
                "omschrijving": column.description or describe(column.path, schema),
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
