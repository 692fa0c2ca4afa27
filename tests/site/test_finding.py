"""Generated pages for finding cases: bounded list pages, Pagefind markup, share tags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.site.conftest import SITE_URL
from tests.site.fixtures import EPISODE, many_cases, write_project
from widw.content.library import Library, ProjectPaths, load_library
from widw.site import Site, build_site
from widw.site.paging import PAGE_SIZE, page_links

LESSON = """---
id: les-{i:02d}
rollen: [ambtenaren]
titel: Testles nummer {i}
casussen: []
bronnen:
  - titel: Testbron
    uitgever: Movisie
    datum: 2021-01-01
    url: https://bron.example/les-{i}
    soort: rapport
laatst_gecontroleerd: 2026-11-01
---

Dit is les {i}. Een tweede zin volgt hier.
"""


def _library(root: Path, extra: dict[str, str]) -> Library:
    result = load_library(ProjectPaths(write_project(root, extra)))
    assert result.ok, [p.format() for p in result.errors]
    return result.library


def _split(page: str) -> tuple[dict[str, object], str]:
    _, front, body = page.split("---\n", 2)
    return yaml.safe_load(front), body


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Site:
    lessons = {f"lessons/les-{i:02d}.md": LESSON.format(i=i) for i in range(60)}
    library = _library(tmp_path_factory.mktemp("big"), {**many_cases(120), **lessons})
    return build_site(library, site_url=SITE_URL)


def _cards(body: str) -> list[str]:
    return re.findall(
        r'<li class="widw-casuskaart"><a class="widw-casuskaart__titel"[^>]*>([^<]+)', body
    )


def test_overview_pages_hold_at_most_a_page_of_cards_described_first(big: Site) -> None:
    uris = ["casussen/index.md", "casussen/pagina/2.md", "casussen/pagina/3.md"]
    assert all(uri in big.pages for uri in uris)
    assert "casussen/pagina/4.md" not in big.pages
    seen: list[str] = []
    for uri in uris:
        _, body = _split(big.pages[uri])
        assert len(_cards(body)) <= PAGE_SIZE
        seen += _cards(body)
        assert "stub" not in body.lower()
    assert len(seen) == len(set(seen)) == 124
    assert seen.index("Casus in Beesd") > seen.index("Moestuin Zuid")  # described first
    _, first = _split(big.pages["casussen/index.md"])
    assert first.index("Beschreven casussen") < first.index("Buurtkamer Noord")
    _, last = _split(big.pages["casussen/pagina/3.md"])
    assert "Nog niet beschreven</h2>" in last
    assert "Beschreven casussen" not in last
    assert 'href="../../../casussen/pagina/2/" rel="prev"' in last


def test_list_pages_do_not_grow_with_the_library(big: Site, site: Site) -> None:
    def longest(s: Site, prefix: str) -> int:
        return max(len(p) for u, p in s.pages.items() if u.startswith(prefix))

    big_overview = longest(big, "casussen/index.md")
    assert big_overview < 60_000
    assert longest(big, "gemeenten/utrecht") < 60_000
    assert "gemeenten/utrecht/2.md" in big.pages
    assert "gemeenten/utrecht/3.md" in big.pages
    assert longest(site, "casussen/index.md") < big_overview


def test_role_pages_are_paginated_with_capped_evidence(big: Site) -> None:
    assert "rollen/ambtenaren/2.md" in big.pages
    meta, body = _split(big.pages["rollen/ambtenaren/2.md"])
    assert meta["title"] == "Lessen voor ambtenaren, pagina 2"
    assert body.count("\n## ") <= 25
    assert "](../../lessen/" in body  # each lesson title links its page, from one level down
    assert 'aria-current="page">2</a>' in body


def test_lesson_index_is_paginated_by_title_with_each_lesson_once(big: Site) -> None:
    assert "lessen/index.md" in big.pages
    assert "lessen/pagina/2.md" in big.pages
    assert "lessen/pagina/3.md" not in big.pages
    seen: list[str] = []
    for uri, up in (("lessen/index.md", ""), ("lessen/pagina/2.md", "../")):
        _, body = _split(big.pages[uri])
        titles = re.findall(r"^- \[([^\]]+)\]\(" + re.escape(up) + r"les-", body, re.M)
        assert 0 < len(titles) <= PAGE_SIZE
        seen += titles
        assert "Pagina's met lessen" in body
    assert (
        len(seen)
        == len(set(seen))
        == len(big.pages)
        - len([u for u in big.pages if not re.fullmatch(r"lessen/les-[^/]+\.md", u)])
    )
    assert seen == sorted(seen, key=str.lower)
    first, body = _split(big.pages["lessen/index.md"])
    second, last = _split(big.pages["lessen/pagina/2.md"])
    assert first["title"] == "Alle lessen"
    assert second["title"] == "Alle lessen, pagina 2"
    assert first["description"] != second["description"]
    assert "- [Testles nummer 7](../les-07.md): voor ambtenaren\n" in last
    assert "](../rollen/ambtenaren.md)" in body
    assert 'href="../../../lessen/" rel="prev"' in last


def test_page_links_keep_first_last_and_neighbours() -> None:
    links = page_links(10, 20, lambda n: f"/{n}/")
    numbers = [link.number for link in links]
    assert numbers == [1, 0, 8, 9, 10, 11, 12, 0, 20]
    assert [link.number for link in links if link.current] == [10]


def test_content_pages_carry_the_search_region_and_facets(site: Site) -> None:
    _, case = _split(site.pages["casussen/buurtkamer-noord.md"])
    assert 'data-pagefind-body markdown="1"' in case
    assert '<span data-pagefind-filter="thema">Ontmoeting</span>' in case
    assert '<span data-pagefind-filter="gemeente">Utrecht</span>' in case
    assert '<span data-pagefind-meta="plaats">Utrecht, Noord</span>' in case
    assert '<span data-pagefind-filter="soort">Casus</span>' in case
    _, stub = _split(site.pages["casussen/bundel-2-beesd.md"])
    assert 'data-pagefind-body data-pagefind-weight="0.3"' in stub
    assert '<span data-pagefind-meta="status">nog niet beschreven</span>' in stub
    for uri in ("lessen/ruimte-voor-bewoners.md", "media/podcast-tafel.md", "rollen/ambtenaren.md"):
        assert "data-pagefind-body" in site.pages[uri], uri
    for uri, page in site.pages.items():
        if uri.startswith(("data/", "bijdragen/", "schema/", "themas/", "casussen/index")):
            assert "data-pagefind-body" not in page, uri


def test_every_generated_page_has_a_description_and_share_tags(site: Site) -> None:
    for uri, page in site.pages.items():
        meta, _ = _split(page)
        assert meta.get("description"), uri
        head = str(meta["widw_head"])
        for tag in ("og:title", "og:description", "og:url", "og:site_name", "twitter:card"):
            assert f'"{tag}"' in head, (uri, tag)
        assert '<meta property="og:locale" content="nl_NL">' in head
    lesson, _ = _split(site.pages["lessen/ruimte-voor-bewoners.md"])
    assert lesson["description"] == "Volg wat bewoners al doen."
    case, _ = _split(site.pages["casussen/moestuin-zuid.md"])
    assert case["description"] == "Een moestuin die jongeren en ouderen samen onderhouden."
    assert f'<meta property="og:url" content="{SITE_URL}casussen/moestuin-zuid/">' in str(
        case["widw_head"]
    )


def test_collection_page_names_a_bounded_number_of_stubs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from widw.site import pages

    monkeypatch.setattr(pages, "COLLECTION_LIST", 5)
    library = _library(tmp_path, many_cases(30))
    stubs = sum(
        c.status == "stub" and c.collection == "wij-in-de-wijk" for c in library.cases.values()
    )
    _, body = _split(build_site(library, site_url=SITE_URL).pages["collectie.md"])
    part = body.split("## Nog niet beschreven")[1].split("## Verwante casussen")[0]
    assert part.count("\n- ") == 5
    assert f"En nog {stubs - 5} casussen die nog niet beschreven zijn" in part
    assert "[alle casussen](casussen/index.md)" in part


def test_media_index_is_paginated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from widw.site import index_pages

    monkeypatch.setattr(index_pages, "PAGE_SIZE", 1)
    second = EPISODE.replace("slug: podcast-tafel", "slug: podcast-tafel-twee")
    library = _library(tmp_path, {"episodes/podcast-tafel-twee.md": second})
    episodes = len(library.episodes)
    assert episodes >= 2
    site = build_site(library, site_url=SITE_URL)
    assert f"media/pagina/{episodes}.md" in site.pages
    assert f"media/pagina/{episodes + 1}.md" not in site.pages
    meta, body = _split(site.pages["media/pagina/2.md"])
    assert meta["title"] == "Podcasts, films en bijeenkomsten, pagina 2"
    assert body.count("\n- [") == 1
    assert "](../" in body  # the episode's page, from one folder down
    assert 'aria-current="page">2</a>' in body
