"""Rules across files: unique slugs, references between entries, links in bodies.

They read the raw front matter of every file that parsed, valid or not, so a reference to
a file with an error elsewhere is not reported again, and an error in one file never hides
a problem in another.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from widw.content import routes
from widw.content.body import BodyLink, body_links
from widw.content.kinds import KINDS
from widw.content.messages import closest, field_label, suggest
from widw.content.problems import Problem
from widw.content.rawdata import ANY, Path, slug, slugs
from widw.content.reader import Kind, RawDocument
from widw.content.rules import own_name_key

KIND_NL: dict[Kind, str] = {kind: info.singular for kind, info in KINDS.items()}

GENERATED_PAGES: tuple[routes.SinglePage, ...] = ("home", "collection")
"""Top-level pages the site generates (besides the pages in docs/)."""

_REFERENCES: dict[Kind, list[tuple[Path, Kind]]] = {
    "case": [(("lessen", ANY), "lesson")],
    "lesson": [(("casussen", ANY), "case")],
    "episode": [(("casussen", ANY, "slug"), "case")],
}


def own_names(doc: RawDocument) -> list[tuple[Path, str]]:
    """(path, name) for the slug or id a file claims and its aliases, as far as readable."""
    data = doc.data if isinstance(doc.data, dict) else {}
    key = own_name_key(doc.kind)
    name = slug(data.get(key))
    own = [((key,), name)] if name else []
    return own + list(slugs(data, ("aliassen", ANY)))


def page_names(doc: RawDocument) -> set[str]:
    """The names under which a file's page is published: its slug and its file name."""
    data = doc.data if isinstance(doc.data, dict) else {}
    name = slug(data.get(own_name_key(doc.kind)))
    stem = doc.path.rpartition("/")[2].removesuffix(".md")
    return {stem, name} if name else {stem}


@dataclass
class _Names:
    claims: dict[Kind, dict[str, list[tuple[RawDocument, Path]]]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}
    )
    pages: set[str] = field(default_factory=set)
    known: dict[Kind, set[str]] = field(default_factory=dict)
    """Names a reference may use: claimed slugs and aliases, and file names."""


def check_references(docs: Iterable[RawDocument], docs_pages: Iterable[str] = ()) -> list[Problem]:
    """Duplicate slugs (on every file involved), references and body links that go nowhere."""
    files = list(docs)
    names = _Names()
    for doc in files:
        for path, name in own_names(doc):
            names.claims[doc.kind].setdefault(name, []).append((doc, path))
        published = page_names(doc)
        names.known.setdefault(doc.kind, set()).update(published)
        names.pages |= {routes.page(doc.kind, name) for name in published}
    for kind, claims in names.claims.items():
        names.known.setdefault(kind, set()).update(claims)
    names.pages |= set(docs_pages) | {routes.page(page) for page in GENERATED_PAGES}
    names.pages |= {routes.page(kind) for kind in KINDS}
    problems = list(_duplicates(names))
    for doc in files:
        problems.extend(_field_references(doc, names))
        problems.extend(_links(doc, names))
    return problems


def _duplicates(names: _Names) -> Iterator[Problem]:
    for kind, claims in names.claims.items():
        for name, claimants in claims.items():
            if len(claimants) < 2:
                continue
            paths = sorted({doc.path for doc, _ in claimants})
            if len(paths) == 1:  # one file names itself twice: slug and alias
                doc, path = claimants[-1]
                yield Problem(
                    doc.path,
                    *doc.positions.of(path),
                    "dubbele-slug",
                    f"'{field_label(path)}' herhaalt '{name}', dat dit bestand al als eigen "
                    f"slug of alias heeft; haal de herhaling weg",
                )
                continue
            for doc, path in claimants:
                others = ", ".join(p for p in paths if p != doc.path)
                line, column = doc.positions.of(path)
                yield Problem(
                    doc.path,
                    line,
                    column,
                    "dubbele-slug",
                    f"'{name}' wordt ook gebruikt door {others}; elke {KIND_NL[kind]} heeft "
                    f"een eigen slug (ook oude slugs in 'aliassen' tellen mee)",
                )


def _field_references(doc: RawDocument, names: _Names) -> Iterator[Problem]:
    for pattern, kind in _REFERENCES[doc.kind]:
        known = names.known[kind]
        for path, name in slugs(doc.data, pattern):
            if name in known:
                continue
            line, column = doc.positions.of(path)
            yield Problem(
                doc.path,
                line,
                column,
                "onbekende-verwijzing",
                f"'{field_label(path)}' verwijst naar {KIND_NL[kind]} '{name}', maar die "
                f"bestaat niet.{suggest(name, names.claims[kind])}",
            )


def _links(doc: RawDocument, names: _Names) -> Iterator[Problem]:
    here = routes.folder(doc.kind)
    # Folders of generated index pages: links into them are not checked page by page.
    unchecked = {routes.folder(section) for section in routes.LINKED_SECTIONS}
    for link in body_links(doc):
        page = posixpath.normpath(posixpath.join(here, link.target))
        folder = page.split("/", 1)[0] if "/" in page else ""
        if page in names.pages or folder in unchecked:
            continue
        yield _dead_link(doc, link, page, names)


def _dead_link(doc: RawDocument, link: BodyLink, page: str, names: _Names) -> Problem:
    if page.startswith("../") or page == "..":
        message = f"de link '{link.target}' wijst naar een plek buiten de site"
        return Problem(doc.path, link.line, link.column, "dode-link", message)
    folder, _, file = page.rpartition("/")
    kind = routes.kind_of(folder)
    what = f"{KIND_NL[kind]} '{file[:-3]}'" if kind else f"'{page}'"
    siblings = [p.rpartition("/")[2] for p in names.pages if p.rpartition("/")[0] == folder]
    better = closest(file, siblings)
    hint = (
        f" Bedoelde je '{link.target[: len(link.target) - len(file)]}{better}'?" if better else ""
    )
    return Problem(
        doc.path,
        link.line,
        link.column,
        "dode-link",
        f"de link '{link.target}' wijst naar {what}, maar die pagina bestaat niet.{hint}",
    )


def claimed(docs: Iterable[RawDocument]) -> set[tuple[Kind, str]]:
    """Every (kind, name) some file holds: slug, aliases or file name, valid or not."""
    out: set[tuple[Kind, str]] = set()
    for doc in docs:
        out |= {(doc.kind, name) for _, name in own_names(doc)}
        out |= {(doc.kind, name) for name in page_names(doc)}
    return out
