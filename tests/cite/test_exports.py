"""Open data exports: deterministic, valid, readable by independent readers."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from urllib.parse import urljoin

import feedparser
import jsonschema
import pytest

from tests.cite.conftest import SITE, TODAY
from widw.cite.exports import data_pages, export_files
from widw.cite.tables import COLUMNS, EXTRA_FIELDS
from widw.content.library import Library
from widw.content.schema import schema_files


@pytest.fixture
def files(library: Library) -> dict[str, str | bytes]:
    return export_files(library, site_url=SITE, today=TODAY)


def _text(files: dict[str, str | bytes], path: str) -> str:
    value = files[path]
    assert isinstance(value, str)
    return value


def test_exports_are_deterministic(library: Library, files: dict[str, str | bytes]) -> None:
    again = export_files(library, site_url=SITE, today=TODAY)
    assert again == files
    assert list(again) == sorted(again)


def test_cases_json_validates_against_the_schemas(files: dict[str, str | bytes]) -> None:
    data = json.loads(_text(files, "data/cases.json"))
    schema = json.loads(_text(files, "data/cases.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["aantal"] == 2
    assert [c["slug"] for c in data["casussen"]] == ["buurtkamer-noord", "wijkwerkplaats"]
    case_schema = json.loads(schema_files()["casus.schema.json"])
    validator = jsonschema.Draft202012Validator(case_schema)
    for record in data["casussen"]:
        assert record["url"] == SITE + f"casussen/{record['slug']}/"
        assert record["citeersleutel"] == record["slug"]
        plain = {k: v for k, v in record.items() if k not in EXTRA_FIELDS}
        validator.validate(plain)
    bad = dict(data, casussen=[dict(data["casussen"][0], onbekend_veld=1)])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_cases_csv_and_codebook(files: dict[str, str | bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(files, "data/cases.csv"), newline="")))
    assert [r["slug"] for r in rows] == ["buurtkamer-noord", "wijkwerkplaats"]
    workshop = rows[1]
    assert workshop["url"] == SITE + "casussen/wijkwerkplaats/"
    assert workshop["themas"] == "vrijwillige-inzet | ontmoeting"
    assert workshop["lat"] == "52.53"
    assert workshop["begin"] == "2017"
    assert workshop["einde"] == ""
    assert workshop["samenvatting"] == "Bewoners repareren samen spullen en leren van elkaar."
    assert workshop["titel"].startswith('Werkplaats "De Kop" & co')
    codebook = list(csv.DictReader(io.StringIO(_text(files, "data/codeboek.csv"), newline="")))
    assert [r["veld"] for r in codebook] == list(rows[0])
    themes = next(r for r in codebook if r["veld"] == "themas")
    assert themes["woordenlijst"] == "themas"
    assert "ontmoeting = Ontmoeting" in themes["waarden"]
    assert all(r["omschrijving"] for r in codebook)
    assert len(COLUMNS) + 2 == len(codebook)


def test_citation_files_cover_every_entry(files: dict[str, str | bytes]) -> None:
    keys = [i["id"] for i in json.loads(_text(files, "citations.json"))]
    expected = ["buurtkamer-noord", "wijkwerkplaats"]
    expected += ["les:begin-klein", "les:luister-eerst", "les:ruimte-voor-bewoners"]
    assert keys == [*expected, "media:podcast-repareren"]
    assert _text(files, "citations.bib").count("\n@") + 1 == len(keys)
    for slug in ("buurtkamer-noord", "wijkwerkplaats"):
        for ext in ("bib", "ris", "json"):
            assert slug in _text(files, f"citeer/{slug}.{ext}")
    for name, text in schema_files().items():
        assert files[f"schema/{name}"] == text


def test_atom_feed(files: dict[str, str | bytes]) -> None:
    feed = feedparser.parse(files["feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == "nl"
    assert [e.link for e in feed.entries] == [
        SITE + "casussen/wijkwerkplaats/",
        SITE + "casussen/buurtkamer-noord/",
    ]
    assert feed.entries[0].updated.startswith("2026-11-20")
    assert feed.entries[0].title.startswith('Werkplaats "De Kop" & co: <script>')
    assert feed.feed.updated.startswith("2026-11-20")


class RedirectReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refresh = ""
        self.canonical = ""
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta" and found.get("http-equiv") == "refresh":
            self.refresh = found["content"]
        elif tag == "link" and found.get("rel") == "canonical":
            self.canonical = found["href"]
        elif tag == "a":
            self.anchors.append(found["href"])


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("casussen/werkplaats-oud/index.html", "casussen/wijkwerkplaats/"),
        ("lessen/eerst-luisteren/index.html", "lessen/luister-eerst/"),
        ("media/podcast-1/index.html", "media/podcast-repareren/"),
    ],
)
def test_alias_redirects_to_the_renamed_page(
    files: dict[str, str | bytes], path: str, target: str
) -> None:
    reader = RedirectReader()
    reader.feed(_text(files, path))
    old_url = SITE + path.removesuffix("index.html")
    delay, _, url = reader.refresh.partition("; url=")
    assert delay == "0"
    assert urljoin(old_url, url) == SITE + target
    assert reader.canonical == SITE + target
    assert [urljoin(old_url, a) for a in reader.anchors] == [SITE + target]
    assert "nieuw adres" in _text(files, path)


def test_redirect_escapes_title(files: dict[str, str | bytes]) -> None:
    page = _text(files, "casussen/werkplaats-oud/index.html")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_data_pages_link_every_download(library: Library, files: dict[str, str | bytes]) -> None:
    pages = data_pages(library)
    index = pages["data/index.md"]
    for name in ("cases.json", "cases.csv", "codeboek.csv", "../citations.bib", "../feed.xml"):
        assert f"]({name})" in index
        assert urljoin("data/", name) in files
    assert "| `themas` |" in pages["data/codeboek.md"]
