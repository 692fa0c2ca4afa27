"""The map of the initiatives: an inline SVG of the Netherlands, made at build time.

One marker per case (a filled circle when described, an open diamond for a stub), each a
link with an accessible name, and beside it the same cases as a list, the accessible
alternative, in a disclosure (`<details>`, no JavaScript) so that it does not push the rest
of a phone's page down by dozens of lines. No JavaScript and no request to anyone else: the
outline is a committed data file (`data/nederland.json`, Natural Earth, made by
`tooling/scripts/country_outline.py`) and the points are the cases' own
`plaats.coordinaten` (GeoNames, place level).

A map never grows with the library: above `MAX_MARKERS` cases it shows one marker per
gemeente, and above that many gemeenten one per province, each linking to its index page.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files as package_files
from typing import Any

from widw.content import routes
from widw.content.fieldmeta import vocabulary_of
from widw.content.models import Case
from widw.site.context import SiteContext, municipality_slug
from widw.site.text import esc

MAX_MARKERS = 60
"""Most markers (and list items) one map shows; beyond this it groups by place."""

SPREAD = 7.0
"""Distance (map units) between markers that share a place."""

ATTRIBUTION = (
    "Punten op plaatsniveau (dorp, stad of wijk), niet op het adres van het initiatief: "
    "plaatsgegevens van GeoNames (CC BY 4.0), omtrek van Nederland van Natural Earth "
    "(publiek domein)."
)

PROVINCES = vocabulary_of(Case, "plaats.provincie")
"""The vocabulary list of a case's province (its labels name the province markers)."""


@dataclass(frozen=True)
class Marker:
    """One point on the map: what it links to and how it is named and drawn."""

    href: str
    name: str
    detail: str
    stub: bool
    lat: float | None
    lon: float | None
    count: int = 1


@lru_cache(maxsize=1)
def outline() -> dict[str, Any]:
    """The committed outline of the Netherlands and its projection."""
    text = (package_files("widw.site") / "data" / "nederland.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def project(lat: float, lon: float) -> tuple[float, float]:
    """WGS84 degrees → map units, as the outline was projected."""
    p = outline()["projectie"]
    x = (lon - p["west"]) * p["schaal"] * math.cos(math.radians(p["breedte"]))
    return x, (p["noord"] - lat) * p["schaal"]


def case_map(ctx: SiteContext, cases: Sequence[Case], *, root: str, title: str) -> str:
    """The map figure as one line of HTML (a raw HTML block in Markdown).

    `root` is the way from the page to the site root ("", "../" or "../../").
    """
    markers, unit = _markers(ctx, cases, root)
    if not markers:
        return ""
    label = f"{title}: {len(cases)} {'casus' if len(cases) == 1 else 'casussen'}"
    if unit != "casus":
        label += f", per {unit}"
    items = "".join(_list_item(m) for m in sorted(markers, key=lambda m: m.detail + m.name))
    return (
        f'<figure class="widw-nl" aria-label="{esc(label)}">'
        f'<div class="widw-nl__beeld">{_svg(markers, label)}{_legend(unit)}</div>'
        f'<details class="widw-nl__uitklap"><summary>{esc(_list_summary(markers, unit))}'
        f'</summary><ul class="widw-nl__lijst">{items}</ul></details>'
        f'<figcaption class="widw-nl__bron">{esc(ATTRIBUTION)}</figcaption>'
        "</figure>"
    )


def _list_summary(markers: list[Marker], unit: str) -> str:
    """The label that opens the list: it names what the list holds and how many."""
    plural = {"casus": "casussen", "gemeente": "gemeenten", "provincie": "provincies"}
    if len(markers) == 1:
        return f"De {unit} op de kaart als lijst"
    return f"De {len(markers)} {plural.get(unit, unit)} op de kaart als lijst"


def _markers(ctx: SiteContext, cases: Sequence[Case], root: str) -> tuple[list[Marker], str]:
    if len(cases) <= MAX_MARKERS:
        return [_case_marker(c, root) for c in cases], "casus"
    by_municipality: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_municipality[case.place.municipality or ""].append(case)
    if len(by_municipality) <= MAX_MARKERS:
        return [
            _group_marker(
                group, name, root + routes.url("municipality", municipality_slug(name)), "gemeente"
            )
            for name, group in by_municipality.items()
        ], "gemeente"
    by_province: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_province[case.place.province or ""].append(case)
    return [
        _group_marker(
            group, ctx.label(PROVINCES, key), root + routes.url("province", key), "provincie"
        )
        for key, group in by_province.items()
    ], "provincie"


def _case_marker(case: Case, root: str) -> Marker:
    point = case.place.coordinates
    place = case.place.municipality or ("online" if point is None else "")
    return Marker(
        href=root + routes.url("case", case.slug),
        name=case.title,
        detail=place,
        stub=case.status == "stub",
        lat=point.lat if point else None,
        lon=point.lon if point else None,
    )


def _group_marker(cases: list[Case], name: str, href: str, unit: str) -> Marker:
    points = [c.place.coordinates for c in cases if c.place.coordinates]
    known = bool(name) and bool(points)
    return Marker(
        href=href if name else "",
        name=name or f"{unit} onbekend",
        detail="",
        stub=all(c.status == "stub" for c in cases),
        lat=sum(p.lat for p in points) / len(points) if known else None,
        lon=sum(p.lon for p in points) / len(points) if known else None,
        count=len(cases),
    )


def _accessible_name(marker: Marker) -> str:
    if marker.count > 1 or marker.detail == "":
        amount = f"{marker.count} {'casus' if marker.count == 1 else 'casussen'}"
        return f"{marker.name}: {amount}"
    state = "nog niet beschreven" if marker.stub else "beschreven"
    return f"{marker.name} ({marker.detail}, {state})"


def _svg(markers: list[Marker], label: str) -> str:
    shape = outline()
    width, height = shape["breedte"], shape["hoogte"]
    land = "".join(f'<path d="{d}"/>' for d in shape["paden"])
    placed, elsewhere = _positions(markers)
    parts = [
        f'<svg class="widw-nl__kaart" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{esc(label)}">',
        f'<g class="widw-nl__land" aria-hidden="true">{land}</g>',
    ]
    if elsewhere:
        box_w = 16 + 18 * len(elsewhere)
        parts.append(
            '<g aria-hidden="true"><rect class="widw-nl__vak" x="4" y="4" '
            f'width="{max(box_w, 142)}" height="46" rx="3"/>'
            '<text class="widw-nl__tekst" x="10" y="20">online of zonder plaats</text></g>'
        )
        placed += [(m, 22 + 18 * i, 36) for i, m in enumerate(elsewhere)]
    for marker, x, y in placed:
        parts.append(_marker_svg(marker, x, y))
    parts.append("</svg>")
    return "".join(parts)


def _positions(markers: list[Marker]) -> tuple[list[tuple[Marker, float, float]], list[Marker]]:
    """Projected positions; markers sharing a place are spread on a small sunflower spiral."""
    seen: dict[tuple[int, int], int] = defaultdict(int)
    placed: list[tuple[Marker, float, float]] = []
    elsewhere: list[Marker] = []
    for marker in markers:
        if marker.lat is None or marker.lon is None or not marker.href:
            if marker.href:
                elsewhere.append(marker)
            continue
        x, y = project(marker.lat, marker.lon)
        key = (round(x), round(y))
        k = seen[key]
        seen[key] += 1
        if k:
            radius, angle = SPREAD * math.sqrt(k), k * 2.39996
            x, y = x + radius * math.cos(angle), y + radius * math.sin(angle)
        placed.append((marker, x, y))
    return placed, elsewhere


def _marker_svg(marker: Marker, x: float, y: float) -> str:
    """A linked marker; its accessible name is its <title> (also the tooltip)."""
    name = esc(_accessible_name(marker))
    if marker.count > 1 or marker.detail == "":
        r = min(4 + 2 * math.sqrt(marker.count), 16)
        mark = f'<circle class="widw-nl__groep" cx="{x:.0f}" cy="{y:.0f}" r="{r:.0f}"/>'
    elif marker.stub:
        mark = f'<path d="M{x:.0f} {y - 6:.0f}l6 6-6 6-6-6z"/>'
    else:
        mark = f'<circle cx="{x:.0f}" cy="{y:.0f}" r="5.5"/>'
    return f'<a href="{esc(marker.href)}"><title>{name}</title>{mark}</a>'


def _legend(unit: str) -> str:
    if unit != "casus":
        return (
            f'<p class="widw-nl__legenda">Eén punt per {unit}; hoe groter, hoe meer casussen.</p>'
        )
    return (
        '<p class="widw-nl__legenda">'
        '<svg class="widw-nl__teken" viewBox="0 0 14 14" aria-hidden="true"><circle cx="7" cy="7"'
        ' r="5.5"/></svg> beschreven '
        '<svg class="widw-nl__teken" viewBox="0 0 14 14" aria-hidden="true"><path '
        'd="M7 1l6 6-6 6-6-6z"/></svg> nog niet beschreven</p>'
    )


def _list_item(marker: Marker) -> str:
    if not marker.href:
        return f"<li>{esc(_accessible_name(marker))}</li>"
    if marker.count > 1 or marker.detail == "":
        return f'<li><a href="{esc(marker.href)}">{esc(marker.name)}</a>: {marker.count}</li>'
    stub = ' <span class="widw-stub">nog niet beschreven</span>' if marker.stub else ""
    return (
        f'<li>{esc(marker.detail)}: <a href="{esc(marker.href)}">{esc(marker.name)}</a>{stub}</li>'
    )
