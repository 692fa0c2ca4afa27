"""Make the simplified outline of the Netherlands for the case map (dev-only tool).

Run once by a developer, never by the build:

    (mkdir -p .cache/world-atlas && cd .cache/world-atlas && npm install world-atlas@2.0.2)
    .venv/bin/python tooling/scripts/country_outline.py

Reads `countries-10m.json` from the `world-atlas` npm package (TopoJSON made from Natural
Earth, public domain), keeps the European part of the Netherlands, projects it (plate carrée
with longitudes scaled by cos 52°, which keeps the country's shape at this size), simplifies
each ring with Ramer-Douglas-Peucker and writes `tooling/widw/site/data/nederland.json`:
the projection parameters and one SVG path per island or mainland part, in whole units.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / ".cache/world-atlas/node_modules/world-atlas/countries-10m.json"
TARGET = ROOT / "tooling/widw/site/data/nederland.json"

WEST, EAST, SOUTH, NORTH = 3.3, 7.25, 50.74, 53.58
"""Bounding box of the European Netherlands (degrees)."""
WIDTH = 400
TOLERANCE = 0.9
"""Simplification tolerance in map units (the map is WIDTH units wide)."""
MIN_AREA = 6.0
"""Rings smaller than this (square map units) are left out: specks, not islands."""

Point = tuple[float, float]


def decode_arcs(topo: dict) -> list[list[Point]]:
    """TopoJSON's delta-encoded, quantised arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """Join the arcs of one ring (a negative index means the arc reversed)."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def project(lon: float, lat: float, scale: float) -> Point:
    return ((lon - WEST) * scale * math.cos(math.radians(52)), (NORTH - lat) * scale)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1) or 1e-9
    distances = [abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length for x, y in points]
    far = max(range(1, len(points) - 1), key=lambda i: distances[i])
    if distances[far] <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)


def simplify_ring(points: list[Point], tolerance: float) -> list[Point]:
    """A closed ring simplified as two open halves, split at the point farthest from the start."""
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: math.hypot(points[i][0] - x0, points[i][1] - y0))
    return simplify(points[: far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)


def area(points: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(points))) / 2


def path(points: list[Point]) -> str:
    coords = [(round(x), round(y)) for x, y in points]
    unique = [p for i, p in enumerate(coords) if i == 0 or p != coords[i - 1]]
    x0, y0 = unique[0]
    steps = [f"M{x0} {y0}"]
    for (xa, ya), (xb, yb) in itertools.pairwise(unique):
        steps.append(f"l{xb - xa} {yb - ya}")
    return "".join(steps) + "z"


def main() -> int:
    topo = json.loads(SOURCE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = topo["objects"]["countries"]["geometries"]
    country = next(g for g in countries if g["properties"]["name"] == "Netherlands")
    scale = WIDTH / ((EAST - WEST) * math.cos(math.radians(52)))
    height = round((NORTH - SOUTH) * scale)
    paths = []
    for polygon in country["arcs"]:
        outer = ring(arcs, polygon[0])
        if not all(WEST - 1 < lon < EAST + 1 and SOUTH - 1 < lat < NORTH + 1 for lon, lat in outer):
            continue  # the Caribbean part
        projected = [project(lon, lat, scale) for lon, lat in outer]
        simple = simplify_ring(projected, TOLERANCE)
        if len(simple) >= 4 and area(simple) >= MIN_AREA:
            paths.append(path(simple))
    data = {
        "bron": "Natural Earth 1:10m (publiek domein), via het npm-pakket world-atlas 2.0.2",
        "projectie": {"west": WEST, "noord": NORTH, "schaal": scale, "breedte": 52},
        "breedte": WIDTH,
        "hoogte": height,
        "paden": paths,
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(paths)} paden, {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
