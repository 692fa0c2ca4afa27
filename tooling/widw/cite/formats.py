"""Citation file formats derived from CSL-JSON items: BibTeX, RIS, CSL-JSON, Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

from widw.cite.apa import render_apa
from widw.cite.csl import CslItem

Format = Literal["apa", "bibtex", "ris", "csl-json", "markdown"]
FORMATS: tuple[Format, ...] = ("apa", "bibtex", "ris", "csl-json", "markdown")

BIBTEX_TYPES = {"webpage": "online", "post-weblog": "online", "report": "report"}
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


def _bibtex_names(names: list[dict[str, str]]) -> str:
    rendered = []
    for name in names:
        if "literal" in name:
            rendered.append("{" + bibtex_escape(name["literal"]) + "}")
        else:
            rendered.append(f"{bibtex_escape(name['family'])}, {bibtex_escape(name['given'])}")
    return " and ".join(rendered)


def bibtex_entry(item: CslItem) -> str:
    """One BibTeX/biblatex entry (@online for web pages, @report, otherwise @misc)."""
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", _bibtex_names(item["author"])))
    fields.append(("title", bibtex_escape(item["title"])))
    issued = iso_date(item.get("issued"))
    if issued:
        fields += [("date", issued), ("year", issued[:4])]
    for csl, bib in (("container-title", "organization"), ("publisher", "publisher")):
        duplicate = bib == "publisher" and item.get(csl) == item.get("container-title")
        if item.get(csl) and not duplicate:
            fields.append((bib, bibtex_escape(item[csl])))
    if item.get("URL"):
        fields.append(("url", bibtex_url(item["URL"])))
    accessed = iso_date(item.get("accessed"))
    if accessed:
        fields.append(("urldate", accessed))
    for csl, bib in (("note", "note"), ("abstract", "abstract")):
        if item.get(csl):
            fields.append((bib, bibtex_escape(item[csl])))
    if item.get("language") == "nl":
        fields.append(("langid", "dutch"))
    entry_type = BIBTEX_TYPES.get(item["type"], "misc")
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


def bibtex(items: Sequence[CslItem]) -> str:
    """A .bib file."""
    return "\n".join(bibtex_entry(item) for item in items)


def _ris_value(text: str) -> str:
    return " ".join(str(text).split())


def _ris_date(value: dict[str, Any] | None) -> str | None:
    iso = iso_date(value)
    if iso is None:
        return None
    parts = iso.split("-")
    return "/".join(parts + [""] * (3 - len(parts)))


def ris_entry(item: CslItem) -> str:
    """One RIS record; every value on one line."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"])]
    lines.append(("TI", item["title"]))
    for name in item.get("author", []):
        lines.append(("AU", name.get("literal") or f"{name['family']}, {name['given']}"))
    issued = iso_date(item.get("issued"))
    if issued:
        lines += [("PY", issued[:4]), ("DA", _ris_date(item.get("issued")) or "")]
    accessed = _ris_date(item.get("accessed"))
    if accessed:
        lines.append(("Y2", accessed))
    for csl, tag in (
        ("container-title", "T2"),
        ("publisher", "PB"),
        ("URL", "UR"),
        ("language", "LA"),
        ("abstract", "AB"),
        ("note", "N1"),
    ):
        if item.get(csl):
            lines.append((tag, item[csl]))
    body = "".join(f"{tag}  - {_ris_value(value)}\n" for tag, value in lines)
    return body + "ER  - \n"


def ris(items: Sequence[CslItem]) -> str:
    """A .ris file (records separated by a blank line)."""
    return "\n".join(ris_entry(item) for item in items)


def csl_json(items: Sequence[CslItem]) -> str:
    """A CSL-JSON array, keys sorted, UTF-8, one trailing newline."""
    return json.dumps(list(items), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
