"""The self-scan page: its grid, its links (which must all exist) and where it is linked from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.conftest import SITE_URL
from tests.site.fixtures import CASE_B, write_project
from widw.content import routes
from widw.content.library import ProjectPaths, load_library
from widw.site import Site, build_site
from widw.site.context import SiteContext
from widw.site.selfscan import MAX_CASES, QUESTIONS, linked_entries, selfscan_page

LINK = re.compile(r"\]\((lessen|casussen)/([a-z0-9-]+)\.md\)")


def cell(page: str, area: str, phase: str) -> str:
    """The Markdown of one cell of the grid."""
    start = page.index(f'id="{area}-{phase}"')
    return page[start : page.index("</div>", start)]


def links(text: str) -> set[tuple[str, str]]:
    return set(LINK.findall(text))


def test_grid_has_four_areas_with_three_questions_each_in_order(site: Site) -> None:
    page = site.pages[routes.page("selfscan")]
    areas = re.findall(r"^## (.+?) \{ #([a-z-]+) \}$", page, flags=re.MULTILINE)
    assert areas == [
        ("De opgave", "opgave"),
        ("De bekostiging", "bekostiging"),
        ("De samenleving", "samenleving"),
        ("De overheid", "overheid"),
    ]
    phases = re.findall(r'<p class="widw-scan__fase">(.+?)</p>', page)
    assert (
        phases == ["Fase 1 · Kennis", "Fase 2 · Uitvoering", "Fase 3 · Monitoring en evaluatie"] * 4
    )
    for (area, phase), question in QUESTIONS.items():
        assert question in cell(page, area, phase)
    assert len(QUESTIONS) == 12


def test_cells_link_what_is_tagged_with_their_area_and_phase(site: Site) -> None:
    page = site.pages[routes.page("selfscan")]
    assert links(cell(page, "overheid", "uitvoering")) == {
        ("lessen", "volg-de-bewoners"),
        ("casussen", "hart-voor-de-buurt"),
    }
    assert links(cell(page, "bekostiging", "uitvoering")) == {("casussen", "hart-voor-de-buurt")}
    assert links(cell(page, "samenleving", "kennis")) == {("casussen", "moestuin-zuid")}
    empty = cell(page, "opgave", "kennis")
    assert links(empty) == set()
    assert "Nog geen lessen of casussen bij deze vraag." in empty


def test_page_names_its_source_marks_our_questions_and_invents_no_tips(site: Site) -> None:
    page = site.pages[routes.page("selfscan")]
    assert "*Bewonersinitiatieven zijn booming*" in page
    assert "**De twaalf vragen zijn van ons**" in page
    assert "tien tips" in page
    assert "vullen we ze ook niet zelf in" in page
    assert "niet verstuurd en niet bewaard" in page


def test_every_lesson_and_case_the_real_page_links_exists() -> None:
    """On the project's own content: each link resolves to a page, and the page links some."""
    result = load_library(ProjectPaths(REPO))
    assert result.ok
    library = result.library
    page = selfscan_page(SiteContext(library, SITE_URL))
    found = links(page)
    assert len(found) >= 12
    for kind, name in found:
        known = library.lessons if kind == "lessen" else library.cases
        assert name in known, f"{kind}/{name} does not exist"
    lessons, cases = linked_entries(SiteContext(library, SITE_URL))
    assert {("lessen", les) for les in lessons} | {("casussen", c) for c in cases} <= found
    site = build_site(library, site_url=SITE_URL)
    for kind, name in found:
        assert f"{kind}/{name}.md" in site.pages


def test_every_cell_of_the_real_page_helps_with_something() -> None:
    library = load_library(ProjectPaths(REPO)).library
    page = selfscan_page(SiteContext(library, SITE_URL))
    for area, phase in QUESTIONS:
        assert links(cell(page, area, phase)), f"{area}/{phase} links nothing"


def test_home_and_two_role_pages_link_the_self_scan(site: Site) -> None:
    assert "](zelfscan.md)" in site.pages["index.md"]
    for role in ("ambtenaren", "bestuurders-politici"):
        assert "](../zelfscan.md)" in site.pages[f"rollen/{role}.md"], role
    for role in ("sociaal-professionals", "actieve-inwoners"):
        assert "zelfscan" not in site.pages[f"rollen/{role}.md"], role


def test_nav_lists_the_self_scan() -> None:
    assert "  - Waar staat uw gemeente?: zelfscan.md\n" in (REPO / "mkdocs.yml").read_text("utf-8")


def test_tags_show_on_case_and_lesson_pages_with_the_afgeleid_mark(site: Site) -> None:
    lesson = site.pages["lessen/volg-de-bewoners.md"]
    assert "In de zelfscan [Waar staat uw gemeente?](../zelfscan.md)" in lesson
    assert '[De overheid](../zelfscan.md#overheid) <span class="widw-afgeleid">' in lesson
    assert "Zelfscan: aandachtsgebieden" in lesson
    case = site.pages["casussen/hart-voor-de-buurt.md"]
    assert "In de zelfscan" in case
    # This case's tags are not marked afgeleid, so no mark follows them.
    assert "[De overheid](../zelfscan.md#overheid);" in case


def test_cases_per_cell_are_capped(tmp_path: Path) -> None:
    extra = {
        f"cases/moestuin-{n}.md": CASE_B.replace("slug: moestuin-zuid", f"slug: moestuin-{n}")
        for n in range(MAX_CASES + 3)
    }
    library = load_library(ProjectPaths(write_project(tmp_path / "p", extra))).library
    page = selfscan_page(SiteContext(library, SITE_URL))
    shown = links(cell(page, "samenleving", "kennis"))
    assert len(shown) == MAX_CASES
    # MAX_CASES + 3 copies plus the original moestuin-zuid: four are not shown.
    assert "en nog 4 casussen" in cell(page, "samenleving", "kennis")


@pytest.mark.parametrize(
    ("field", "good", "term"),
    [("aandachtsgebieden", "samenleving", "opgaaf"), ("fases", "kennis", "kenis")],
)
def test_unknown_area_or_phase_is_a_dutch_problem(
    tmp_path: Path, field: str, good: str, term: str
) -> None:
    bad = CASE_B.replace(f"{field}: [{good}]", f"{field}: [{term}]")
    assert bad != CASE_B
    root = write_project(tmp_path / "p", {"cases/moestuin-zuid.md": bad})
    problems = load_library(ProjectPaths(root)).problems
    messages = [p.message for p in problems if p.code == "onbekende-term"]
    assert len(messages) == 1
    assert f"'{term}' in '{field}[1]' staat niet in de woordenlijst '{field}'" in messages[0]
