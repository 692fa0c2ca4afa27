"""Dutch messages for pydantic's validation errors, and 'bedoelde je …?' suggestions."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any

from pydantic_core import ErrorDetails

_TYPE_NAMES = {
    "str": "tekst",
    "int": "geheel getal",
    "float": "getal",
    "bool": "true of false",
    "list": "lijst",
    "dict": "blok met velden",
    "NoneType": "leeg",
}


def describe(value: Any) -> str:
    """How a found value reads in a message: its text, or what kind of thing it is."""
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (ja/nee-waarde)"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"'{text}'"


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option closest to a word, if any is close enough."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, options: Iterable[str]) -> str:
    """' Bedoelde je 'x'?' for the closest option, or ''."""
    close = closest(word, options)
    return f" Bedoelde je '{close}'?" if close else ""


def field_label(loc: tuple[str | int, ...]) -> str:
    """A field path as editors write it: 'bronnen[2].url'."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "front matter"


def pydantic_message(error: ErrorDetails, allowed_keys: Iterable[str] = ()) -> tuple[str, str]:
    """(code, Dutch message) for one pydantic error."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    found = describe(error.get("input"))
    loc = tuple(error["loc"])
    name = field_label(loc)
    if kind == "missing":
        return "veld-ontbreekt", f"het verplichte veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        hint = suggest(str(loc[-1]), allowed_keys)
        return "onbekend-veld", f"onbekend veld '{name}'." + (
            hint or " Dit veld bestaat niet in het schema (zie de bijdragegids)."
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        options = [part.strip(" '") for part in expected.replace(" of ", ",").split(",")]
        hint = suggest(str(error.get("input")), options)
        return "ongeldige-waarde", f"'{name}' moet {expected} zijn, maar is {found}.{hint}"
    if kind == "string_pattern_mismatch":
        return (
            "ongeldig-formaat",
            f"'{name}' heeft niet het juiste formaat: {_pattern(loc)}; gevonden: {found}",
        )
    if kind in {"string_too_short", "too_short"}:
        return "te-kort", f"'{name}' mag niet leeg zijn"
    if kind in {"string_too_long", "too_long"}:
        return "te-lang", f"'{name}' is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bounds = {
            "greater_than_equal": "minstens",
            "less_than_equal": "hoogstens",
            "greater_than": "groter dan",
            "less_than": "kleiner dan",
        }
        limit = next(iter(ctx.values()), "")
        return "buiten-bereik", f"'{name}' moet {bounds[kind]} {limit} zijn, maar is {found}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return "ongeldige-datum", (
            f"'{name}' moet een datum zijn als JJJJ-MM-DD, maar is {found}."
            f"{_turned_date(error.get('input'))}"
        )
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return "ongeldige-waarde", f"'{name}': {message}"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        wanted = _TYPE_NAMES.get(kind.split("_")[0], kind.split("_")[0])
        if kind in {"model_type", "model_attributes_type", "dict_type"}:
            wanted = "blok met velden"
        return "verkeerd-type", f"'{name}' moet een {wanted} zijn, maar is {found}"
    return "ongeldige-waarde", f"'{name}' heeft een ongeldige waarde: {found}"


def _turned_date(value: Any) -> str:
    """' Bedoelde je '2023-05-01'?' for a date written day first ('01-05-2023')."""
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", str(value).strip())
    if not match:
        return ""
    day, month, year = (int(part) for part in match.groups())
    try:
        turned = dt.date(year, month, day)
    except ValueError:
        return ""
    return f" Bedoelde je '{turned.isoformat()}'?"


def _pattern(loc: tuple[str | int, ...]) -> str:
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if last in {"slug", "id", "aliassen", "lessen", "casussen"} or isinstance(loc[-1], int):
        return "alleen kleine letters, cijfers en enkele koppeltekens (zoals 'de-oude-bieb')"
    if last in {"datum", "begin", "einde", "geraadpleegd"}:
        return "JJJJ, JJJJ-MM of JJJJ-MM-DD"
    if last == "code":
        return "'WK' of 'BU' gevolgd door cijfers"
    if last == "tijdstip":
        return "MM:SS of UU:MM:SS"
    return "een term uit de woordenlijst (kleine letters en koppeltekens)"
