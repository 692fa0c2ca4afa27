"""What every page function needs: the library plus display helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from widw.content.fieldmeta import field_terms, labels
from widw.content.fields import slugify
from widw.content.library import Library
from widw.content.models import Case, Source
from widw.content.reader import Kind

CitationFor = Callable[[Case, str], tuple[str, str]]
"""(case, page URL) → (Markdown block for the page, HTML for the page head)."""

SourceFormat = Callable[[Source], str]
"""A source publication → one reference as HTML (e.g. APA), shown in the source list."""

ROLE_INVITES = {
    "ambtenaren": "Ik ben ambtenaar",
    "sociaal-professionals": "Ik ben sociaal professional",
    "actieve-inwoners": "Ik ben actieve inwoner",
    "bestuurders-politici": "Ik ben bestuurder",
}


def field_label(model: type[BaseModel], path: str) -> str:
    """The Dutch label of a dotted field path editors mark as 'afgeleid' (else the path)."""
    return labels(model).get(path, path)


@dataclass
class SiteContext:
    """The library and the options of one site build."""

    library: Library
    site_url: str
    related: Mapping[str, Sequence[str]] = field(default_factory=dict)
    citation_for: CitationFor | None = None
    source_format: SourceFormat | None = None
    contribute_url: str | None = None
    """The "Casus voorstellen" issue form; None: stub pages link to the editor guide."""
    _roles: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.site_url.endswith("/"):
            self.site_url += "/"
        for slug in self.library.cases:
            roles = {r for lesson in self.library.lessons_for_case(slug) for r in lesson.roles}
            order = list(self.library.vocabulary.terms("rollen"))
            self._roles[slug] = sorted(roles, key=lambda r: order.index(r) if r in order else 99)

    def label(self, list_name: str, term: str) -> str:
        """The Dutch label of a vocabulary term."""
        return self.library.vocabulary.label(list_name, term)

    def term_labels(self, entry: BaseModel, path: str) -> list[str]:
        """The Dutch labels of the terms in one field of an entry ('themas'), in file order;
        the field's vocabulary list comes from the model's field metadata."""
        list_name, terms = field_terms(entry, path)
        return [self.label(list_name, term) for term in terms]

    def roles_for_case(self, slug: str) -> list[str]:
        """Roles addressed by the lessons this case supports."""
        return self._roles.get(slug, [])

    def page_url(self, src_uri: str) -> str:
        """The absolute URL of a page source path (directory URLs)."""
        return absolute_url(self.site_url, src_uri)

    def source_path(self, kind: Kind, name: str) -> str | None:
        """The content file an entry came from, relative to the project root."""
        source = self.library.source_of(kind, name)
        return source.path if source else None

    def described(self) -> list[Case]:
        """Described cases (not stubs), in file order."""
        return [c for c in self.library.cases.values() if c.status == "beschreven"]


def municipality_slug(name: str) -> str:
    """The URL slug of a gemeente name ('Súdwest-Fryslân' → 'sudwest-fryslan')."""
    return slugify(name) or "onbekend"


def inferred_fields(case: Case) -> set[str]:
    """Dotted paths marked afgeleid, including the bundle when its certainty says so."""
    fields = {i.field for i in case.inferred}
    if case.bundle is not None and case.bundle.certainty == "afgeleid":
        fields.add("bundel")
    return fields


def is_inferred(fields: set[str], path: str) -> bool:
    """True if `path`, a parent or a child of it is marked afgeleid."""
    return any(f == path or f.startswith(path + ".") or path.startswith(f + ".") for f in fields)


def absolute_url(site_url: str, src_uri: str) -> str:
    """The absolute URL of a page source path under `site_url` (directory URLs)."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return site_url
    path = path.removesuffix("/index")
    return f"{site_url}{path}/"
