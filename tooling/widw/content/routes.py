"""Every path of the site, and where each entry's source file lives: one module for both.

A *section* is a folder of generated pages: the three kinds (from `widw.content.kinds`),
the index pages per facet, the role pages, the editor guide, the open data, the JSON
Schemas, the per-case citation files and the site's own CSS and scripts. A *single page* is
a page at the top (home, search, self-scan, collection).

`page(...)` gives the Markdown source path of a generated page (its MkDocs `src_uri`, which
is also what relative Markdown links point at: 'casussen/x.md'); `url(...)` gives the
site-relative address ('casussen/x/'). Python modules and Jinja templates (through the
global `routes`) take every URL folder from here and never spell one.
"""

from __future__ import annotations

from typing import Literal, get_args

from widw.content.kinds import KINDS, Kind

Section = Literal[
    "case",
    "lesson",
    "episode",
    "theme",
    "element",
    "province",
    "municipality",
    "bundle",
    "role",
    "guide",
    "data",
    "schema",
    "citation",
    "assets",
]
SinglePage = Literal["home", "search", "selfscan", "collection"]

FOLDERS: dict[str, str] = {
    **{kind: info.url_folder for kind, info in KINDS.items()},
    "theme": "themas",
    "element": "elementen",
    "province": "provincies",
    "municipality": "gemeenten",
    "bundle": "bundels",
    "role": "rollen",
    "guide": "bijdragen",
    "data": "data",
    "schema": "schema",
    "citation": "citeer",
    "assets": "assets/widw",
}
"""The URL folder of every section."""

SINGLE_PAGES: dict[str, str] = {
    "home": "index",
    "search": "zoeken",
    "selfscan": "zelfscan",
    "collection": "collectie",
}
"""The top-level generated pages, by name (without '.md')."""

FACETS: tuple[Section, ...] = ("theme", "element", "province", "municipality", "bundle")
"""Sections with one index page per term (theme, province, …)."""

MORE_PAGES = "pagina"
"""The overview's further pages: 'casussen/pagina/2/' (a facet or role page: 'themas/x/2/')."""

INDEX = "index.md"

DETAIL_SECTIONS: tuple[Section, ...] = (*KINDS, *FACETS)
"""Sections whose pages are linked but stay out of the navigation (only their index is in it)."""

LINKED_SECTIONS: tuple[Section, ...] = ("role", *FACETS, "data", "guide")
"""Sections of generated index pages that links in bodies may point into unchecked."""


def folder(section: Section) -> str:
    """The URL folder of `section` ('theme' → 'themas')."""
    return FOLDERS[section]


def section_of(url_folder: str) -> Section | None:
    """The section published under `url_folder`, else None."""
    return next((s for s in all_sections() if FOLDERS[s] == url_folder), None)


def kind_of(url_folder: str) -> Kind | None:
    """The kind whose pages live in `url_folder` ('media' → 'episode'), else None."""
    return next((kind for kind in KINDS if FOLDERS[kind] == url_folder), None)


def source_folder(kind: Kind) -> str:
    """The folder of a kind's content files, relative to the project root ('cases')."""
    return KINDS[kind].source_folder


def source_path(kind: Kind, name: str) -> str:
    """The content file of an entry, relative to the project root ('cases/x.md')."""
    return f"{KINDS[kind].source_folder}/{name}.md"


def page(section: Section | SinglePage, name: str | None = None, number: int = 1) -> str:
    """The Markdown source of a generated page ('casussen/x.md', 'themas/index.md', 'zoeken.md').

    Without `name` a section gives its index page. `number` > 1 is a further page of a list:
    the overview's 'casussen/pagina/2.md', a term's or role's 'themas/x/2.md'.
    """
    if section in SINGLE_PAGES:
        return f"{SINGLE_PAGES[section]}.md"
    base = FOLDERS[section]
    if number > 1:
        return f"{base}/{MORE_PAGES if name is None else name}/{number}.md"
    return f"{base}/{INDEX}" if name is None else f"{base}/{name}.md"


def url(section: Section | SinglePage, name: str | None = None, number: int = 1) -> str:
    """The site-relative address of the page `page(...)` gives ('casussen/x/', 'zoeken/', '')."""
    path = page(section, name, number).removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def file(section: Section, name: str) -> str:
    """A file published in a section's folder ('schema/casus.schema.json')."""
    return f"{FOLDERS[section]}/{name}"


def all_sections() -> tuple[Section, ...]:
    """Every section, in the order of `Section`."""
    sections: tuple[Section, ...] = get_args(Section)
    return sections
