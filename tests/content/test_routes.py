"""The routes module: every page path and URL of the site, and where entries' files live."""

from __future__ import annotations

import pytest

from widw.content import routes
from widw.content.kinds import KINDS


def test_an_entry_has_a_source_file_a_page_and_an_address() -> None:
    assert routes.source_path("case", "buurtkamer") == "cases/buurtkamer.md"
    assert routes.source_path("lesson", "vertrouwen") == "lessons/vertrouwen.md"
    assert routes.source_path("episode", "afl-1") == "episodes/afl-1.md"
    assert routes.page("case", "buurtkamer") == "casussen/buurtkamer.md"
    assert routes.url("case", "buurtkamer") == "casussen/buurtkamer/"
    assert routes.url("lesson", "vertrouwen") == "lessen/vertrouwen/"
    assert routes.url("episode", "afl-1") == "media/afl-1/"


def test_index_pages_and_further_pages_of_a_list() -> None:
    assert routes.page("case") == "casussen/index.md"
    assert routes.url("case") == "casussen/"
    assert routes.page("case", number=2) == "casussen/pagina/2.md"
    assert routes.url("case", number=3) == "casussen/pagina/3/"
    assert routes.page("theme", "groen", 2) == "themas/groen/2.md"
    assert routes.url("role", "ambtenaren", 2) == "rollen/ambtenaren/2/"
    assert routes.page("role", "ambtenaren", 1) == "rollen/ambtenaren.md"


def test_single_pages_at_the_top() -> None:
    assert routes.page("home") == "index.md"
    assert routes.url("home") == ""
    assert routes.page("search") == "zoeken.md"
    assert routes.url("search") == "zoeken/"
    assert routes.url("selfscan") == "zelfscan/"
    assert routes.page("collection") == "collectie.md"


def test_every_url_folder_is_distinct_and_kinds_come_from_the_registry() -> None:
    folders = [routes.folder(s) for s in routes.all_sections()]
    assert len(set(folders)) == len(folders)
    for kind, info in KINDS.items():
        assert routes.folder(kind) == info.url_folder
        assert routes.kind_of(info.url_folder) == kind
        assert routes.section_of(info.url_folder) == kind
    assert routes.kind_of("themas") is None
    assert routes.section_of("gemeenten") == "municipality"
    assert routes.section_of("nergens") is None


def test_files_in_a_section() -> None:
    assert routes.file("schema", "casus.schema.json") == "schema/casus.schema.json"
    assert routes.file("data", "cases.csv") == "data/cases.csv"


@pytest.mark.parametrize("section", routes.all_sections())
def test_page_and_url_agree_for_every_section(section: routes.Section) -> None:
    assert routes.url(section, "x") == routes.page(section, "x").removesuffix(".md") + "/"
    assert routes.url(section) + "index.md" == routes.page(section)


def test_the_sections_listed_apart_are_sections() -> None:
    sections = set(routes.all_sections())
    assert set(routes.DETAIL_SECTIONS) <= sections
    assert set(routes.LINKED_SECTIONS) <= sections
    assert set(routes.FACETS) <= set(routes.DETAIL_SECTIONS)
