"""Published slugs: once a URL is out in the world, it must keep working.

`published-slugs.txt` (repository root) lists every published entry, one `kind slug` per
line (`casus krachtstation-kanaleneiland`, `les …`, `media …`); `#` starts a comment.
`check_published` reports a published slug that is neither a current slug nor an alias;
`update_published` adds every current entry on release (`widw cite --publiceer`).
Lines are never removed by the tool: a published URL stays published.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from widw.atomic import write_atomic
from widw.content.kinds import KINDS
from widw.content.problems import Problem
from widw.content.reader import Kind
from widw.content.routes import source_folder

if TYPE_CHECKING:
    from widw.content.catalog import Library

PUBLISHED_FILE = "published-slugs.txt"
KIND_WORDS: dict[str, Kind] = {info.published_word: kind for kind, info in KINDS.items()}
WORDS_BY_KIND: dict[Kind, str] = {kind: word for word, kind in KIND_WORDS.items()}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

HEADER = """\
# Gepubliceerde slugs van de Wij in de Wijk-kennisbank: één 'soort slug' per regel.
# Soort: casus, les of media. Deze adressen en citeersleutels staan in de wereld en moeten
# blijven werken. Hernoem je een slug, zet de oude dan in 'aliassen' van het bestand.
# Bijwerken bij een release: widw cite --publiceer (voegt alleen toe, verwijdert nooit).
"""


def read_published(path: Path) -> tuple[list[tuple[int, Kind, str]], list[Problem]]:
    """(line, kind, slug) for every entry, plus problems for lines that cannot be read."""
    if not path.is_file():
        return [], []
    entries: list[tuple[int, Kind, str]] = []
    problems: list[Problem] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2 or parts[0] not in KIND_WORDS or not _SLUG.match(parts[1]):
            problems.append(
                Problem(
                    path.name,
                    number,
                    1,
                    "gepubliceerd-ongeldig",
                    f"Deze regel is geen 'soort slug' (soort: casus, les of media): '{line}'.",
                )
            )
            continue
        entries.append((number, KIND_WORDS[parts[0]], parts[1]))
    return entries, problems


def check_published(
    library: Library, path: Path, held: Collection[tuple[Kind, str]] = ()
) -> list[Problem]:
    """Errors for published slugs that disappeared without an alias ('slug-verdwenen').

    `held` names what files claim even when they have errors (their slug, aliases and file
    name): such a slug has not disappeared, its file only needs fixing.
    """
    entries, problems = read_published(path)
    for number, kind, slug in entries:
        if library.resolve(kind, slug) is not None or (kind, slug) in held:
            continue
        word = WORDS_BY_KIND[kind]
        problems.append(
            Problem(
                path.name,
                number,
                1,
                "slug-verdwenen",
                f"De gepubliceerde {word} '{slug}' bestaat niet meer en staat bij geen enkel "
                f"bestand in 'aliassen'. Het oude adres breekt dan. Zet '{slug}' in 'aliassen' "
                f"van het hernoemde bestand in {source_folder(kind)}/, of zet het bestand terug.",
            )
        )
    return problems


def current_entries(library: Library) -> set[tuple[Kind, str]]:
    """Every entry's current slug."""
    entries: set[tuple[Kind, str]] = {("case", s) for s in library.cases}
    entries |= {("lesson", i) for i in library.lessons}
    entries |= {("episode", s) for s in library.episodes}
    return entries


def update_published(library: Library, path: Path) -> int:
    """Append every current entry that is not listed yet; returns how many were added.

    Existing lines and comments stay as they are; new lines are appended, sorted.
    """
    entries, problems = read_published(path)
    if problems:
        raise ValueError(problems[0].format())
    known = {(kind, slug) for _, kind, slug in entries}
    order = {kind: number for number, kind in enumerate(KINDS)}
    added = sorted(current_entries(library) - known, key=lambda e: (order[e[0]], e[1]))
    if not added and path.is_file():
        return 0
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    text += "".join(f"{WORDS_BY_KIND[kind]} {slug}\n" for kind, slug in added)
    write_atomic(path, text)
    return len(added)
