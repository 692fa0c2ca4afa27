"""Citation file formats derived from CSL-JSON items: BibTeX, RIS, CSL-JSON, Markdown."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal

import rispy
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library as BibLibrary
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

from widw.cite.apa import lent_cache, render_apa
from widw.cite.csl import CslItem

Format = Literal["apa", "bibtex", "ris", "csl-json", "markdown"]
FORMATS: tuple[Format, ...] = ("apa", "bibtex", "ris", "csl-json", "markdown")

BIBTEX_TYPES = {"report": "techreport"}
"""CSL type → BibTeX entry type; everything else is @misc.

Only classic BibTeX types, so BibTeX itself, bibtool and biber all read every entry: web
pages, news and media become @misc (the site or outlet in `howpublished`), reports become
@techreport (the publisher in `institution`). biblatex reads `url`, `urldate`, `date` and
`langid` as well; classic BibTeX ignores them.
"""
RIS_TYPES = {
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "report": "RPRT",
    "article-newspaper": "NEWS",
    "motion_picture": "VIDEO",
    "broadcast": "SOUND",
}

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_WRITERS = hashlib.sha256(
    Path(__file__).read_bytes() + f"|{version('bibtexparser')}|{version('rispy')}".encode()
).hexdigest()[:16]
"""Part of the cache key of a written entry: this module's code and the writers' versions."""


def _cached_per_item(
    flavour: str, write: Callable[[Sequence[CslItem]], str]
) -> Callable[[Sequence[CslItem]], str]:
    """`write`, one item at a time through the build's render cache (`apa.lent_cache`).

    A file of several items is the items' own texts joined by a blank line, which is what
    bibtexparser and rispy write as well (tests/cite/test_formats_cache.py checks it), so
    an edit to one case writes only that case's entry again.
    """

    def cached(items: Sequence[CslItem]) -> str:
        if len(items) != 1:
            return "\n".join(cached([item]) for item in items)
        cache = lent_cache()
        if cache is None:
            return write(items)
        key = cache.key(items[0], f"{flavour}|{_WRITERS}")
        text = cache.get(key)
        if text is None:
            text = write(items)
            cache.put(key, text)
        return str(text)

    return cached


_URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20", "%": "%25"}
_PERCENT_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")


def bibtex_escape(text: str) -> str:
    """Escape LaTeX's special characters; whitespace (newlines too) becomes one space."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def bibtex_url(url: str) -> str:
    """A URL safe inside braces: braces, backslashes and stray '%' are percent-encoded."""
    out = []
    for index, ch in enumerate(url):
        if ch == "%" and _PERCENT_ENCODED.match(url, index):
            out.append(ch)
        else:
            out.append(_URL_ESCAPES.get(ch, ch))
    return "".join(out)


def iso_date(value: dict[str, Any] | None) -> str | None:
    """A CSL date as 'JJJJ', 'JJJJ-MM' or 'JJJJ-MM-DD'."""
    if not value or not value.get("date-parts"):
        return None
    parts = value["date-parts"][0]
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:3])])


def _bibtex_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return "{" + bibtex_escape(name["literal"]) + "}"
    particle = " ".join(
        name[part] for part in ("dropping-particle", "non-dropping-particle") if part in name
    )
    family = f"{particle} {name['family']}" if particle else name["family"]
    return f"{bibtex_escape(family)}, {bibtex_escape(name['given'])}"


def _bibtex_fields(item: CslItem) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", " and ".join(_bibtex_name(n) for n in item["author"])))
    fields.append(("title", bibtex_escape(item["title"])))
    where = item.get("container-title") or item.get("publisher")
    if where:
        name = "institution" if item["type"] in BIBTEX_TYPES else "howpublished"
        fields.append((name, bibtex_escape(where)))
    issued = iso_date(item.get("issued"))
    if issued:
        fields += [("year", issued[:4]), ("date", issued)]
    if item.get("URL"):
        fields.append(("url", bibtex_url(item["URL"])))
    accessed = iso_date(item.get("accessed"))
    if accessed:
        fields.append(("urldate", accessed))
    note = " ".join(f"[{v}]." if k == "genre" else v for k, v in _notes(item))
    if note:
        fields.append(("note", bibtex_escape(note)))
    if item.get("abstract"):
        fields.append(("abstract", bibtex_escape(item["abstract"])))
    if item.get("language") == "nl":
        fields.append(("langid", "dutch"))
    return fields


def _notes(item: CslItem) -> list[tuple[str, str]]:
    return [(key, item[key]) for key in ("genre", "note") if item.get(key)]


def bibtex_entry(item: CslItem) -> Entry:
    """One BibTeX entry (@misc or @techreport), values already LaTeX-escaped."""
    entry_type = BIBTEX_TYPES.get(item["type"], "misc")
    return Entry(entry_type, item["id"], [Field(k, v) for k, v in _bibtex_fields(item)])


def write_bibtex(items: Sequence[CslItem]) -> str:
    """A .bib file, written by bibtexparser (values in braces, two-space indent)."""
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent = "  "
    layout.block_separator = "\n"
    layout.trailing_comma = True
    text = write_string(BibLibrary([bibtex_entry(item) for item in items]), bibtex_format=layout)
    return text.strip() + "\n" if text.strip() else ""


def _ris_value(text: str) -> str:
    return " ".join(str(text).split())


def _ris_date(value: dict[str, Any] | None) -> str | None:
    iso = iso_date(value)
    if iso is None:
        return None
    parts = iso.split("-")
    return "/".join(parts + [""] * (3 - len(parts)))


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the '1.' line it puts before every record."""

    def set_header(self, count: int) -> str:
        return ""


def ris_record(item: CslItem) -> dict[str, Any]:
    """One RIS record as rispy's dictionary (every value on one line)."""
    record: dict[str, Any] = {
        "type_of_reference": RIS_TYPES.get(item["type"], "GEN"),
        "id": item["id"],
        "title": _ris_value(item["title"]),
    }
    authors = []
    for name in item.get("author", []):
        authors.append(name.get("literal") or _bibtex_free_name(name))
    if authors:
        record["authors"] = authors
    issued = iso_date(item.get("issued"))
    if issued:
        record["year"] = issued[:4]
        record["date"] = _ris_date(item.get("issued"))
    accessed = _ris_date(item.get("accessed"))
    if accessed:
        record["access_date"] = accessed
    for csl, key in (
        ("container-title", "secondary_title"),
        ("publisher", "publisher"),
        ("language", "language"),
        ("abstract", "abstract"),
    ):
        if item.get(csl):
            record[key] = _ris_value(item[csl])
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    notes = [_ris_value(f"[{v}]" if k == "genre" else v) for k, v in _notes(item)]
    if notes:
        record["notes"] = notes
    return record


def _bibtex_free_name(name: dict[str, str]) -> str:
    """'Mourik, K. van' style: family, given and a trailing particle."""
    text = f"{name.get('non-dropping-particle', '')} {name['family']}".strip()
    text += f", {name['given']}"
    if name.get("dropping-particle"):
        text += f" {name['dropping-particle']}"
    return text


def write_ris(items: Sequence[CslItem]) -> str:
    """A .ris file written by rispy (records separated by a blank line)."""
    if not items:
        return ""
    text: str = rispy.dumps([ris_record(item) for item in items], implementation=_RisWriter)
    return text


bibtex = _cached_per_item("bibtex", write_bibtex)
"""`write_bibtex`, each entry written once per content (render cache)."""
ris = _cached_per_item("ris", write_ris)
"""`write_ris`, each record written once per content (render cache)."""


def csl_json(items: Sequence[CslItem]) -> str:
    """A CSL-JSON array, keys sorted, UTF-8, one trailing newline."""
    return json.dumps(list(items), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def joined_csl_json(files: Sequence[str]) -> str:
    """`csl_json` of several items, from the `csl_json` file of each item alone (the same text)."""
    if not files:
        return csl_json([])
    inner = [text.removeprefix("[\n").removesuffix("\n]\n") for text in files]
    return "[\n" + ",\n".join(inner) + "\n]\n"


def markdown(items: Sequence[CslItem]) -> str:
    """APA references in Markdown (for show notes): one line, or a list for several."""
    lines = render_apa(items, "markdown")
    if len(lines) == 1:
        return lines[0] + "\n"
    return "".join(f"- {line}\n" for line in lines)


def apa_text(items: Sequence[CslItem]) -> str:
    """APA references as plain text, one per line."""
    return "".join(f"{line}\n" for line in render_apa(items, "text"))


WRITERS: dict[Format, Callable[[Sequence[CslItem]], str]] = {
    "apa": apa_text,
    "bibtex": bibtex,
    "ris": ris,
    "csl-json": csl_json,
    "markdown": markdown,
}


def write(items: Sequence[CslItem], fmt: Format) -> str:
    """Items in one of the formats."""
    return WRITERS[fmt](items)
