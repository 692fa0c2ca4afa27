"""The map of the initiatives: coordinates on every case, one linked marker per case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.test_pages import split
from widw.content.library import Library, ProjectPaths, load_library
from widw.site import Site, build_site
from widw.site.casemap import ATTRIBUTION, MAX_MARKERS, outline, project

SITE_URL = "https://wijindewijk.example/"
MARKER = re.compile(r'<a href="([^"]+)"><title>([^<]+)</title><(circle|path)( class="[^"]+")?')


@pytest.fixture(scope="module")
def real() -> tuple[Library, Site]:
    result = load_library(ProjectPaths(REPO))
    assert result.ok
    return result.library, build_site(result.library, site_url=SITE_URL)


def markers(page: str) -> list[tuple[str, str, str, str]]:
    body = split(page)[1] if page.startswith("---\n") else page
    figure = body.split('<figure class="widw-nl"')[1].split("</figure>")[0]
    return MARKER.findall(figure.split("</svg>")[0])


def test_every_real_case_with_a_place_has_coordinates_marked_as_derived(
    real: tuple[Library, Site],
) -> None:
    library, _ = real
    assert len(library.cases) == 32
    without = []
    for case in library.cases.values():
        if case.place.coordinates is None:
            without.append(case.slug)
            assert case.place.municipality is None, case.slug  # only a case without a place
            continue
        notes = [i for i in case.inferred if i.field == "plaats.coordinaten"]
        assert len(notes) == 1, case.slug
        assert "GeoNames" in notes[0].explanation, case.slug
        x, y = project(case.place.coordinates.lat, case.place.coordinates.lon)
        assert 0 <= x <= outline()["breedte"], case.slug
        assert 0 <= y <= outline()["hoogte"], case.slug
    assert without == ["bundel-3-online-christelijke-lhbti"]


def test_home_map_has_32_markers_that_link_to_the_right_case_pages(
    real: tuple[Library, Site],
) -> None:
    library, site = real
    found = markers(site.pages["index.md"])
    assert len(found) == 32
    hrefs = [href for href, *_ in found]
    assert sorted(hrefs) == sorted(f"casussen/{slug}/" for slug in library.cases)
    for href, name, shape, css in found:
        case = library.cases[href.split("/")[1]]
        assert name.startswith(case.title.replace("'", "&#x27;")[:10]) or case.title[:10] in name
        assert css == "", href  # a single case, not a group of cases
        if case.status == "stub":
            assert shape == "path", href  # an open diamond
            assert name.endswith(", nog niet beschreven)")
        else:
            assert shape == "circle", href
            assert name.endswith(", beschreven)") or name.endswith("(online, beschreven)")


def test_map_is_on_home_collection_overview_and_province_pages_with_a_list_and_credits(
    real: tuple[Library, Site],
) -> None:
    library, site = real
    pages = {
        "index.md": "casussen/",
        "collectie.md": "../casussen/",
        "casussen/index.md": "../casussen/",
        "provincies/gelderland.md": "../../casussen/",
    }
    for uri, prefix in pages.items():
        body = split(site.pages[uri])[1]
        assert body.count('<figure class="widw-nl"') == 1, uri
        figure = body.split('<figure class="widw-nl"')[1].split("</figure>")[0]
        assert ATTRIBUTION.split(":")[0] in figure, uri
        listed = re.findall(r'<li>[^<]*<a href="([^"]+)">', figure)
        drawn = [href for href, *_ in markers(body)]
        assert sorted(listed) == sorted(drawn), uri
        assert all(href.startswith(prefix) for href in drawn), uri
        # The list opens from a summary line that says what it holds (no JavaScript).
        disclosure = figure.split('<details class="widw-nl__uitklap">')[1].split("</details>")[0]
        assert re.match(r"<summary>De \d+ casussen op de kaart als lijst</summary><ul", disclosure)
        assert sorted(re.findall(r'<a href="([^"]+)">', disclosure)) == sorted(drawn), uri
    gelderland = [c for c in library.cases.values() if c.place.province == "gelderland"]
    assert len(markers(site.pages["provincies/gelderland.md"])) == len(gelderland)
    assert (
        "\n" not in site.pages["index.md"].split('<figure class="widw-nl"')[1].split("</figure>")[0]
    )


def test_a_large_library_gets_one_marker_per_gemeente_or_province(tmp_path: Path) -> None:
    from bench.generate import generate_project

    generate_project(tmp_path, MAX_MARKERS + 40)
    library = load_library(ProjectPaths(tmp_path)).library
    site = build_site(library, site_url=SITE_URL)
    found = markers(site.pages["index.md"])
    assert 0 < len(found) <= MAX_MARKERS
    assert all(href.startswith(("gemeenten/", "provincies/")) for href, *_ in found)
    assert all(re.search(r": \d+ casus", name) for _, name, *_ in found)
