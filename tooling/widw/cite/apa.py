"""APA 7 in Dutch through citeproc-py: plain text, HTML and Markdown.

The style (styles/apa-nl.csl) is this project's own compact APA 7 style; the Dutch terms
come from citeproc-py's nl-NL locale plus an in-style override ('geraadpleegd op').
citeproc-py does not escape variable values, so values are escaped here, per output
flavour, before they reach the processor; URLs become links afterwards.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from widw.cite.csl import CslItem
from widw.content.dates import dutch_date
from widw.jsoncache import JsonCache

Flavour = Literal["text", "html", "markdown"]
STYLE_FILE = "apa-nl.csl"
LOCALE = "nl-NL"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!])")
_URL_UNSAFE = {" ": "%20", "<": "%3C", ">": "%3E", '"': "%22"}
_DOUBLE_STOP = re.compile(r"([?!.…])((?:</i>|\*)?)\.")
"""A title or name ending in '?', '!', '.' or '…' takes no extra full stop (APA)."""


def markdown_escape(text: str) -> str:
    """Backslash-escape the characters Markdown would read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _safe_url(url: str) -> str:
    return "".join(_URL_UNSAFE.get(ch, ch) for ch in url)


def _plain(text: str) -> str:
    return text


_MARKDOWN = SimpleNamespace(
    preformat=lambda text: markdown_escape(str(text)),
    Italic=lambda text: f"*{text}*",
    Oblique=lambda text: f"*{text}*",
    Bold=lambda text: f"**{text}**",
    Light=str,
    Underline=str,
    Superscript=str,
    Subscript=str,
    SmallCaps=str,
)

_FORMATTERS: dict[Flavour, Any] = {
    "text": formatter.plain,
    "html": formatter.html,
    "markdown": _MARKDOWN,
}
_ESCAPES: dict[Flavour, Callable[[str], str]] = {
    "text": _plain,
    "html": html.escape,
    "markdown": markdown_escape,
}


_STYLE_HASH = hashlib.sha256(
    files("widw.cite").joinpath("styles", STYLE_FILE).read_bytes() + LOCALE.encode()
).hexdigest()[:16]
"""Part of every cache key: a change to the style invalidates all cached references."""

_CODE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
"""Part of a reference's key: a change to the escaping or linking here renders it again."""


@lru_cache(maxsize=1)
def style() -> CitationStylesStyle:
    """The parsed APA style with the Dutch locale (parsed once per process)."""
    path = files("widw.cite").joinpath("styles", STYLE_FILE)
    return CitationStylesStyle(str(path), locale=LOCALE, validate=True)


def _escape_values(value: Any, escape: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escape_values(v, escape) for v in value]
    if isinstance(value, dict):
        return {k: _escape_values(v, escape) for k, v in value.items()}
    return value


def _prepare(item: CslItem, flavour: Flavour) -> CslItem:
    # _escape_values builds new lists and dicts, so the caller's item is never changed.
    escape = _ESCAPES[flavour]
    prepared = {
        key: value if key in {"id", "type", "URL"} else _escape_values(value, escape)
        for key, value in item.items()
    }
    if "URL" in item:
        prepared["URL"] = html.escape(item["URL"]) if flavour == "html" else item["URL"]
    return prepared


def _link(rendered: str, item: CslItem, flavour: Flavour) -> str:
    url = item.get("URL")
    if not url or flavour == "text":
        return rendered
    shown = html.escape(url) if flavour == "html" else url
    head, sep, tail = rendered.rpartition(shown)
    if not sep:
        return rendered
    if flavour == "html":
        return f'{head}<a href="{shown}">{shown}</a>{tail}'
    return f"{head}<{_safe_url(url)}>{tail}"


class RenderCache(JsonCache):
    """Rendered references keyed by a hash of the item, flavour and style.

    citeproc-py takes milliseconds per reference; a site build renders thousands. The caller
    of a build owns the cache (loaded from and saved to its build cache folder) and lends it
    to the rendering with `caching`; outside that block references are rendered uncached.
    The key is made from the item as given (escaping happens only when it must be rendered).
    """

    @staticmethod
    def key(item: Mapping[str, Any], flavour: str) -> str:
        data = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(f"{_STYLE_HASH}|{flavour}|{data}".encode()).hexdigest()


_LENT: ContextVar[RenderCache | None] = ContextVar("widw_apa_cache", default=None)
"""The cache lent by the running build (not a cache itself: it holds no entries)."""


@contextmanager
def caching(cache: RenderCache) -> Iterator[None]:
    """Render references through `cache`, which the caller owns, inside the block."""
    token = _LENT.set(cache)
    try:
        yield
    finally:
        _LENT.reset(token)


def lent_cache() -> RenderCache | None:
    """The cache the running build lent (`caching`), or None outside a build."""
    return _LENT.get()


ACCESS_PLACEHOLDER = dt.date(1111, 11, 11)
"""Stands in for the retrieval date while a reference is rendered and cached, so that the
cached reference serves every day: the date is written in afterwards."""


def render_apa(items: Sequence[CslItem], flavour: Flavour = "text") -> list[str]:
    """Each item as one APA reference, in the order given."""
    return [_reference(item, flavour) for item in items]


def _reference(item: CslItem, flavour: Flavour) -> str:
    accessed = _full_date(item.get("accessed"))
    if accessed is not None:
        generic = _rendered({**item, "accessed": _date_parts(ACCESS_PLACEHOLDER)}, flavour)
        placeholder = dutch_date(ACCESS_PLACEHOLDER)
        if generic.count(placeholder) == 1:
            return generic.replace(placeholder, dutch_date(accessed))
    return _rendered(item, flavour)


def _full_date(value: Any) -> dt.date | None:
    """The day of a CSL date with year, month and day; None for anything else."""
    try:
        (parts,) = value["date-parts"]
        year, month, day = (int(part) for part in parts)
        return dt.date(year, month, day)
    except (TypeError, KeyError, ValueError):
        return None


def _date_parts(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _rendered(item: CslItem, flavour: Flavour) -> str:
    """One reference through citeproc-py, or from the lent cache when rendered before."""
    cache = _LENT.get()
    key = cache.key(item, f"{flavour}|{_CODE_HASH}") if cache is not None else ""
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        return cached
    prepared = _prepare(item, flavour)
    source = CiteProcJSON([prepared])
    bibliography = CitationStylesBibliography(style(), source, _FORMATTERS[flavour])
    bibliography.register(Citation([CitationItem(str(prepared["id"]).lower())]))
    rendered = "".join(str(entry) for entry in bibliography.bibliography())
    rendered = _link(_DOUBLE_STOP.sub(r"\1\2", " ".join(rendered.split())), item, flavour)
    if cache is not None:
        cache.put(key, rendered)
    return rendered


def apa(item: CslItem, flavour: Flavour = "text") -> str:
    """One APA reference."""
    return render_apa([item], flavour)[0]


def sorted_apa(items: Sequence[CslItem], flavour: Flavour = "text") -> list[str]:
    """APA references in reference-list order (alphabetical, as APA asks)."""
    if len(items) < 2:
        return render_apa(items, flavour)
    keyed = sorted(
        zip(render_apa(items, "text"), items, strict=True), key=lambda p: p[0].casefold()
    )
    return render_apa([item for _, item in keyed], flavour)
