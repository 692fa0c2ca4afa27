"""Every citation format, read back by an independent reader."""

from __future__ import annotations

import json

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from tests.cite.conftest import NASTY_TITLE, SITE, TODAY
from widw.cite import formats
from widw.cite.csl import CslItem, case_item, entry_url
from widw.cite.exports import library_items
from widw.content.library import Library


def _items(library: Library) -> list[CslItem]:
    return library_items(library, site_url=SITE, today=TODAY)


def test_bibtex_reads_back(library: Library) -> None:
    items = _items(library)
    text = formats.bibtex(items)
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    raw = bibtexparser.parse_string(text)
    assert not decoded.failed_blocks
    assert [e.key for e in decoded.entries] == [i["id"] for i in items]
    entry = decoded.entries_dict["wijkwerkplaats"]
    assert entry.entry_type == "misc"
    assert entry["title"] == NASTY_TITLE
    assert entry["urldate"] == "2026-12-01"
    assert entry["date"] == "2026-11-20"
    assert raw.entries_dict["wijkwerkplaats"]["url"] == entry_url(SITE, "case", "wijkwerkplaats")
    assert entry["abstract"] == "Bewoners repareren samen spullen en leren van elkaar."
    assert "les:begin-klein" in decoded.entries_dict
    assert "media:podcast-repareren" in decoded.entries_dict


def test_bibtex_escapes_every_special_character() -> None:
    item: CslItem = {
        "id": "x",
        "type": "webpage",
        "title": r"a\b {c} & d % e $ f # g _ h ~ i",
        "URL": "https://x.test/a b{c}%zz%20",
    }
    text = formats.bibtex([item])
    parsed = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not parsed.failed_blocks
    assert parsed.entries[0]["title"] == item["title"]
    raw = bibtexparser.parse_string(text).entries[0]["url"]
    assert raw == "https://x.test/a%20b%7Bc%7D%25zz%20"


def test_ris_reads_back(library: Library) -> None:
    items = _items(library)
    records = rispy.loads(formats.ris(items))
    assert [r["id"] for r in records] == [i["id"] for i in items]
    record = records[[r["id"] for r in records].index("wijkwerkplaats")]
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == NASTY_TITLE
    assert record["authors"] == ["Wij in de Wijk"]
    assert record["urls"] == [entry_url(SITE, "case", "wijkwerkplaats")]
    assert record["access_date"] == "2026/12/01"
    assert record["date"] == "2026/11/20"
    assert record["abstract"] == "Bewoners repareren samen spullen en leren van elkaar."


def test_csl_json_renders_in_another_style(library: Library) -> None:
    items = json.loads(formats.csl_json(_items(library)))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    assert any("Buurtkamer Noord" in r and "kennisbank.test/casussen" in r for r in rendered)


def test_markdown_for_show_notes(library: Library) -> None:
    case = library.cases["buurtkamer-noord"]
    url = entry_url(SITE, "case", case.slug)
    one = formats.markdown([case_item(case, url=url, accessed=TODAY)])
    assert one.count("\n") == 1
    assert "*Buurtkamer Noord*" in one
    assert f"<{url}>" in one
    many = formats.markdown(_items(library))
    assert all(line.startswith("- ") for line in many.splitlines())


def test_write_dispatches_every_format(library: Library) -> None:
    items = _items(library)[:1]
    outputs = {fmt: formats.write(items, fmt) for fmt in formats.FORMATS}
    assert outputs["apa"].startswith("Wij in de Wijk. (2026, 1 november).")
    assert outputs["bibtex"].startswith("@misc{buurtkamer-noord,")
    assert outputs["ris"].startswith("TY  - ELEC")
    assert json.loads(outputs["csl-json"])[0]["id"] == "buurtkamer-noord"
    assert len(set(outputs.values())) == len(formats.FORMATS)
