"""The generator makes every page type, with the right structure and nav inclusion."""

from __future__ import annotations

import re

import yaml

from widw.content.library import Library
from widw.site import Site, build_site
from widw.site.overview import FILTERS


def split(page: str) -> tuple[dict[str, object], str]:
    """Front matter and body of a generated page."""
    _, front, body = page.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict)
    return meta, body


def h1_count(body: str) -> int:
    return len(re.findall(r"^# ", body, flags=re.MULTILINE))


def test_every_page_type_exists(site: Site, library: Library) -> None:
    expected = {
        "index.md",
        "casussen/index.md",
        "collectie.md",
        "rollen/index.md",
        "lessen/index.md",
        "media/index.md",
        "media/podcast-tafel.md",
        "themas/index.md",
        "themas/ontmoeting.md",
        "elementen/empowerment.md",
        "provincies/fryslan.md",
        "gemeenten/sudwest-fryslan.md",
        "gemeenten/west-betuwe.md",
        "bundels/index.md",
        "bundels/3.md",
        "zelfscan.md",
    }
    expected |= {f"casussen/{slug}.md" for slug in library.cases}
    expected |= {f"lessen/{lesson_id}.md" for lesson_id in library.lessons}
    expected |= {f"rollen/{role}.md" for role in library.vocabulary.terms("rollen")}
    assert expected <= set(site.pages)
    assert set(site.files) == {
        "assets/widw/widw.css",
        "assets/widw/pagina.css",
        "assets/widw/filter.js",
        "assets/widw/zelfscan.css",
        "assets/widw/zelfscan.js",
        "assets/widw/zoeken.js",
    }


def test_every_page_has_a_title_and_one_h1(site: Site) -> None:
    for src_uri, page in site.pages.items():
        meta, body = split(page)
        assert meta.get("title"), src_uri
        assert h1_count(body) == 1, src_uri


def test_detail_pages_stay_out_of_the_nav(site: Site) -> None:
    assert Site.is_detail("casussen/buurtkamer-noord.md")
    assert Site.is_detail("lessen/ruimte-voor-bewoners.md")
    assert Site.is_detail("media/podcast-tafel.md")
    assert Site.is_detail("themas/ontmoeting.md")
    assert not Site.is_detail("casussen/index.md")
    assert not Site.is_detail("rollen/ambtenaren.md")
    assert not Site.is_detail("collectie.md")
    nav_pages = [uri for uri in site.pages if not Site.is_detail(uri)]
    assert not any(uri.startswith("casussen/") and uri != "casussen/index.md" for uri in nav_pages)


def test_case_page_has_card_lessons_sources_and_backlinks(site: Site) -> None:
    meta, body = split(site.pages["casussen/buurtkamer-noord.md"])
    assert "tags" not in meta  # the themes are on the fact card, not in chips above the title
    widw = meta["widw"]
    assert isinstance(widw, dict)
    assert widw["bron"] == "cases/buurtkamer-noord.md"
    assert "[Utrecht](../gemeenten/utrecht.md)" in body
    assert "[Bundel 1](../bundels/1.md)" in body
    assert "Gemeentelijke subsidie (€ 15.000)" in body
    assert "Voor ambtenaren en sociaal professionals\n{: .widw-rollabel }" in body
    assert body.count("[Geef bewoners ruimte](../lessen/ruimte-voor-bewoners.md)") == 1
    assert "## Besproken in" in body
    assert "[Aan de grote tafel](../media/podcast-tafel.md) (vanaf 12:30)" in body
    assert "https://bron.example/buurtkamer" in body
    assert "Laatst gecontroleerd: 1 november 2026" in body


def test_inferred_fields_are_marked(site: Site) -> None:
    _, inferred_bundle = split(site.pages["casussen/moestuin-zuid.md"])
    lines = [line for line in inferred_bundle.splitlines() if "data-pagefind" not in line]
    bundle_line = next(line for line in lines if "Bundel 3" in line)
    assert "afgeleid" in bundle_line
    assert "Afgeleid uit de plaatsen" in inferred_bundle
    _, inferred_province = split(site.pages["casussen/buurtkamer-noord.md"])
    place = next(line for line in inferred_province.splitlines() if "provincie Utrecht" in line)
    assert place.endswith('<span class="widw-afgeleid">afgeleid</span>')
    bundle = next(
        line
        for line in inferred_province.splitlines()
        if "Bundel 1" in line and "data-pagefind" not in line
    )
    assert "afgeleid" not in bundle
    _, overview = split(site.pages["casussen/index.md"])
    assert "3 (afgeleid)" in overview


def test_stub_page_shows_candidates_as_candidates(site: Site) -> None:
    _, body = split(site.pages["casussen/bundel-2-beesd.md"])
    assert "Deze casus is nog niet beschreven" in body
    assert "Ontmoetingscentrum Klokhuis" in body
    assert '<span class="widw-stub">kandidaat</span>' in body
    assert "**kandidaten**, geen vastgestelde feiten" in body
    assert "bijdrage" in body
    _, collection = split(site.pages["collectie.md"])
    assert "[Casus in Beesd](casussen/bundel-2-beesd.md)" in collection
    assert "Hart voor de Buurt" in collection.split("## Verwante casussen")[1]


def test_related_block_never_suggests_stubs(library: Library) -> None:
    related = {"buurtkamer-noord": ["bundel-2-beesd", "moestuin-zuid", "bestaat-niet"]}
    site = build_site(library, site_url="https://x.example/", related=related)
    _, body = split(site.pages["casussen/buurtkamer-noord.md"])
    block = body.split("## Verwante casussen")[1].split("\n## ")[0]
    assert "[Moestuin Zuid](../casussen/moestuin-zuid.md)" in block
    assert "Beesd" not in block
    assert "bestaat-niet" not in block
    _, other = split(site.pages["casussen/moestuin-zuid.md"])
    assert "## Verwante casussen" not in other


def test_stub_page_shows_related_cases(library: Library) -> None:
    related = {"bundel-2-beesd": ["moestuin-zuid"]}
    site = build_site(library, site_url="https://x.example/", related=related)
    _, body = split(site.pages["casussen/bundel-2-beesd.md"])
    block = body.split("## Verwante casussen")[1].split("\n## ")[0]
    assert "[Moestuin Zuid](../casussen/moestuin-zuid.md)" in block


def test_citation_slot_fills_section_and_head(library: Library) -> None:
    calls: list[tuple[str, str]] = []

    def cite(case: object, url: str) -> tuple[str, str]:
        slug = getattr(case, "slug", "")
        calls.append((slug, url))
        return f"Citeer als: **{slug}**", f'<meta name="citation_title" content="{slug}">'

    site = build_site(library, site_url="https://x.example/sub", citation_for=cite)
    meta, body = split(site.pages["casussen/moestuin-zuid.md"])
    assert ("moestuin-zuid", "https://x.example/sub/casussen/moestuin-zuid/") in calls
    assert "Citeer als: **moestuin-zuid**" in body
    head = meta["widw_head"]
    assert head.endswith('\n<meta name="citation_title" content="moestuin-zuid">')
    assert (
        '<meta property="og:url" content="https://x.example/sub/casussen/moestuin-zuid/">' in head
    )


def test_extra_pages_keep_their_text_and_get_share_tags(library: Library) -> None:
    page = "---\ntitle: Redactiegids\n---\n\n# Redactiegids\n\nZo werkt u mee.\n"
    site = build_site(
        library, site_url="https://x.example/", extra_pages={"redactie/index.md": page}
    )
    meta, body = split(site.pages["redactie/index.md"])
    assert body.strip() == "# Redactiegids\n\nZo werkt u mee."
    assert meta["title"] == "Redactiegids"
    assert meta["description"] == "Zo werkt u mee."
    assert '<meta property="og:title" content="Redactiegids">' in meta["widw_head"]
    assert '<meta property="og:url" content="https://x.example/redactie/">' in meta["widw_head"]


def test_overview_lists_cards_described_first_with_filters(site: Site) -> None:
    _, body = split(site.pages["casussen/index.md"])
    assert "<table" not in body
    assert '<form id="widw-filters"' in body
    assert re.search(
        r"<fieldset disabled[^>]*>", body
    )  # filter.js enables it; nothing moves when it does
    for f in FILTERS:
        assert f'<label for="widw-f-{f.param}">' in body
        assert f'<select id="widw-f-{f.param}" name="{f.param}">' in body
    assert '<option value="ontmoeting" data-label="Ontmoeting">Ontmoeting (1)</option>' in body
    assert 'role="status" aria-live="polite"' in body
    cards = body[body.index('id="widw-casuslijst"') :]  # below the map and its list
    described = cards.index("Beschreven casussen")
    waiting = cards.index("Nog niet beschreven</h2>")
    assert described < cards.index("Buurtkamer Noord") < waiting < cards.index("Casus in Beesd")
    assert "stub" not in re.sub(r"<[^>]+>", " ", body).lower()  # in no text a reader sees
    assert "widw-paginering" not in body  # four cases fit on one page


def test_role_pages_list_lessons_with_evidence(site: Site) -> None:
    _, body = split(site.pages["rollen/bestuurders-politici.md"])
    assert (
        "### [Volg de bewoners in plaats van in te kaderen](../lessen/volg-de-bewoners.md)" in body
    )
    assert "Sluit aan bij wat er al is." in body
    assert "[Hart voor de Buurt](../casussen/hart-voor-de-buurt.md)" in body
    _, empty = split(site.pages["rollen/actieve-inwoners.md"])
    assert "nog geen lessen" in empty


def test_home_has_roles_newest_and_a_search_form(site: Site) -> None:
    _, body = split(site.pages["index.md"])
    for invite in ("Ik ben ambtenaar", "Ik ben sociaal professional", "Ik ben bestuurder"):
        assert invite in body
    assert "Ik ben actieve inwoner" in body
    assert '<form class="widw-zoekformulier" action="zoeken/" method="get"' in body
    assert '<p class="widw-zonder-js">Zoeken werkt alleen met JavaScript' in body
    assert '<label for="widw-zoekveld">' in body
    newest = body.split("## Onlangs gecontroleerd")[1]
    assert newest.index("Buurtkamer Noord") < newest.index("Moestuin Zuid")
    assert "Beesd" not in newest


def test_episode_page_lists_cases_with_timestamps(site: Site) -> None:
    _, body = split(site.pages["media/podcast-tafel.md"])
    assert "- 12:30 — [Buurtkamer Noord](../casussen/buurtkamer-noord.md)" in body
    assert "presentator (Movisie, 2 personen)" in body
    assert "opbouwwerker (Welzijn Noord)" in body
