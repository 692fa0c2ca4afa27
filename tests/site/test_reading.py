"""Pages in the order a reader needs: case, stub, episode and role pages, empty terms, charts.

The Markdown is rendered with the site's own Markdown extensions, so the assertions are on
the HTML a reader gets (definition lists, headings, links), not on template text.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import yaml

from tests.conftest import REPO
from tests.site.test_pages import split
from widw.cite.page import citation_for
from widw.content.library import Library, ProjectPaths, load_library
from widw.site import Site, build_site
from widw.site.roles import lesson_summary

SITE_URL = "https://wijindewijk.example/"


def html_of(page: str) -> str:
    """The page body as HTML, with the extensions of mkdocs.yml."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    extensions = []
    for entry in config["markdown_extensions"]:
        extensions.append(next(iter(entry)) if isinstance(entry, dict) else entry)
    _, body = split(page)
    return markdown.markdown(body, extensions=extensions)


def cited_site(library: Library, **options: str) -> Site:
    def cite(case: object, url: str) -> tuple[str, str]:
        return citation_for(case, url, site_url=SITE_URL, with_sources=False)  # type: ignore[arg-type]

    return build_site(library, site_url=SITE_URL, citation_for=cite, **options)


def test_case_page_reads_summary_card_story_sources_citation_then_lessons(
    library: Library,
) -> None:
    site = cited_site(library)
    html = html_of(site.pages["casussen/buurtkamer-noord.md"])
    order = [
        html.index("Een huiskamer waar buurtbewoners"),  # summary
        html.index('<div class="widw-kaart">'),
        html.index("De tafel staat midden in de wijk"),  # the story
        html.index(">Bronnen</h2>"),
        html.index(">Citeer deze casus</h2>"),
        html.index(">Lessen uit deze casus</h2>"),
        html.index(">Besproken in</h2>"),
    ]
    assert order == sorted(order)
    assert html.count("Citeer deze casus</h2>") == 1
    lessons = html.split(">Lessen uit deze casus</h2>")[1].split("<h2")[0]
    assert lessons.count('href="../lessen/ruimte-voor-bewoners.md"') == 1
    assert "Voor ambtenaren en sociaal professionals" in lessons


def test_fact_card_is_one_flat_definition_list_with_one_value_per_label(site: Site) -> None:
    for uri in ("casussen/buurtkamer-noord.md", "casussen/bundel-2-beesd.md"):
        html = html_of(site.pages[uri])
        card = html.split('<div class="widw-kaart">')[1].split("</div>")[0]
        assert card.count("<dl>") == 1, uri
        assert card.count("<dt>") == card.count("<dd>") >= 8, uri
    card = html_of(site.pages["casussen/buurtkamer-noord.md"]).split("</dl>")[0]
    # Long texts about money and outcome sit under the story, not on the card.
    assert "Draait nog elke week" not in card
    assert "<dd>Gemeentelijke subsidie (€ 15.000)</dd>" in card


def test_episode_fact_card_is_flat_and_names_each_role_once(site: Site) -> None:
    html = html_of(site.pages["media/podcast-tafel.md"])
    card = html.split('<div class="widw-kaart">')[1].split("</div>")[0]
    assert card.count("<dl>") == 1
    terms = re.findall(r"<dt>(.*?)</dt>", card)
    assert terms == ["Soort", "Serie", "Datum", "Makers", "Gasten"]
    assert card.count("<dd>") == len(terms)
    assert "<dd>presentator (Movisie, 2 personen)</dd>" in card
    assert "<dd>opbouwwerker (Welzijn Noord)</dd>" in card
    assert "<dd>Podcast Wij in de Wijk, aflevering 1</dd>" in card


def test_real_episode_has_its_full_title() -> None:
    result = load_library(ProjectPaths(REPO))
    for episode in result.library.episodes.values():
        assert not episode.title.endswith("…"), episode.slug
        assert not (episode.series or "").endswith("…"), episode.slug


def test_stub_has_one_cite_box_a_notice_and_an_invitation_to_the_issue_form(
    library: Library,
) -> None:
    form = "https://code.example/r/issues/new?template=casus-voorstellen.yml"
    site = cited_site(library, contribute_url=form)
    html = html_of(site.pages["casussen/bundel-2-beesd.md"])
    assert html.count("Citeer deze casus") == 1
    assert html.count('class="widw-cite"') == 1
    notice = html.split('<div class="admonition note">')[1].split("</div>")[0]
    assert "Deze casus is nog niet beschreven" in notice
    assert f'href="{form.replace("&", "&amp;")}"' in notice
    assert "Ontmoetingscentrum Klokhuis" in html
    assert '<span class="widw-stub">kandidaat</span>' in html
    without_form = html_of(cited_site(library).pages["casussen/bundel-2-beesd.md"])
    assert 'href="../bijdragen/index.md"' in without_form


def test_terms_without_cases_are_not_links(site: Site) -> None:
    _, index = split(site.pages["themas/index.md"])
    empty = [line for line in index.splitlines() if ": 0 casussen" in line]
    assert empty, "the fixture vocabulary has themes without cases"
    assert not any("](" in line for line in empty)
    assert re.search(r"^- \[Ontmoeting\]\(ontmoeting.md\): \d casus", index, re.MULTILINE)
    term = next(line for line in empty).removeprefix("- ").split(":")[0]
    key = next(k for k, t in _themes(site).items() if t == term)
    _, page = split(site.pages[f"themas/{key}.md"])
    assert "Nog geen casus in de kennisbank hoort bij" in page
    assert "](index.md)" in page


def _themes(site: Site) -> dict[str, str]:
    vocab = yaml.safe_load((REPO / "vocabulary.yml").read_text(encoding="utf-8"))
    return {k: v["label"] for k, v in vocab["themas"].items()}


def test_lesson_summary_skips_provenance_and_reroots_links() -> None:
    body = (
        "Deze les komt uit het rapport over de buurt.\n\n"
        "Kies je strijd; zie ook [de andere les](andere-les.md) en "
        "[de casus](../casussen/a.md).\n\n"
        "Meer tekst."
    )
    assert lesson_summary(body) == (
        "Kies je strijd; zie ook [de andere les](../lessen/andere-les.md) en "
        "[de casus](../casussen/a.md)."
    )
    assert lesson_summary("Drie redenen:\n\n- een\n- twee\n\nDaarna.") == (
        "Drie redenen:\n\n- een\n- twee"
    )


def test_role_page_on_real_content_shows_lesson_texts_and_sources() -> None:
    result = load_library(ProjectPaths(REPO))
    site = build_site(result.library, site_url=SITE_URL)
    html = html_of(site.pages["rollen/ambtenaren.md"])
    assert "Nog niet gekoppeld" not in html
    assert "Lees de les" not in html
    blocks = html.split('<div class="widw-les">')[1:]
    lessons = result.library.lessons_for_role("ambtenaren")
    assert len(blocks) == len(lessons)
    for block in blocks:
        assert re.search(r"<h3[^>]*><a href=\"../lessen/[a-z0-9-]+.md\">", block)
        assert block.count("<p") >= 2  # the lesson's own text and its evidence or source
        assert "Zichtbaar in:" in block or "Bron:</strong>" in block
        assert "Bron:</strong>" in block  # every lesson names where it comes from
        assert "Herkomst:" not in block  # the lesson's own text, not its provenance note
    assert "<h2" in html
    assert html.index("Lessen uit de casussen") < html.index(
        "Lessen uit onderzoek en handreikingen"
    )


def test_collection_charts_count_described_and_stub_cases_apart(site: Site) -> None:
    _, body = split(site.pages["collectie.md"])
    charts = re.findall(r'<figure class="widw-grafiek" id="widw-grafiek-(\w+)">', body)
    assert charts == ["thema", "bundel", "provincie", "uitkomst"]
    bundle = body.split('id="widw-grafiek-bundel"')[1].split("</figure>")[0]
    assert 'role="img" aria-labelledby="widw-grafiek-bundel-titel widw-grafiek-bundel-uitleg"' in (
        bundle
    )
    assert '<title id="widw-grafiek-bundel-titel">Casussen per bundel</title>' in bundle
    # Fixture: bundle 1 one described, bundle 2 one stub, bundle 3 one described, one related.
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td><td>(\d+)</td></tr>', bundle)
    assert rows == [
        ("Bundel 1", "1", "0"),
        ("Bundel 2", "0", "1"),
        ("Bundel 3", "1", "0"),
        ("Verwante casussen", "1", "0"),
    ]
    hatched = bundle.split('class="widw-grafiek__stub"')[1].split("</g>")[0]
    assert hatched.count("<rect") == 1
    assert ">0 + 1 stub</text>" in bundle


def test_charts_do_not_grow_with_the_library(tmp_path: Path) -> None:
    from bench.generate import generate_project

    sizes = []
    for n in (50, 400):
        generate_project(tmp_path / str(n), n)
        result = load_library(ProjectPaths(tmp_path / str(n)))
        body = split(build_site(result.library, site_url=SITE_URL).pages["collectie.md"])[1]
        charts = "".join(re.findall(r'<figure class="widw-grafiek".*?</figure>', body))
        sizes.append(len(charts))
    assert sizes[1] <= sizes[0] * 1.1
