"""The registry of content kinds: everything the package knows per kind, in one table.

A kind (case, lesson, episode) has a model, a source folder editors write in, a URL folder
its pages are published under, a key field, Dutch names and the words other formats use
for it (citation keys, `published-slugs.txt`, the search index). Every per-kind table
elsewhere is derived from `KINDS`; `widw.content.routes` turns the folders into paths.

This module imports neither pydantic nor the models (the warm `widw search` path reads it):
`KindInfo.model` imports `widw.content.models` on first use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from widw.content.models import Case, Episode, Lesson

Kind = Literal["case", "lesson", "episode"]


@dataclass(frozen=True)
class KindInfo:
    """One kind of content and every name it goes by."""

    kind: Kind
    model_name: str
    """The pydantic model in `widw.content.models` ('Case')."""
    source_folder: str
    """Where editors keep its files, relative to the project root ('cases')."""
    url_folder: str
    """Where its pages are published ('casussen': /casussen/<slug>/)."""
    key_field: str
    """The front-matter field holding an entry's own name ('slug'; 'id' for lessons)."""
    singular: str
    """Dutch name in running text ('casus')."""
    plural: str
    """Dutch plural in running text ('casussen')."""
    label: str
    """Dutch name as a label, capitalised ('Casus')."""
    citation_prefix: str
    """Prefix of its citation keys ('' for cases, 'les:', 'media:')."""
    published_word: str
    """Its word in `published-slugs.txt` ('casus', 'les', 'media')."""
    search_word: str
    """Its `soort` in the search index and the site's search filter ('aflevering')."""
    schema_title: str
    """Title of its JSON Schema."""

    @property
    def model(self) -> type[Case] | type[Lesson] | type[Episode]:
        """The pydantic model (imported on first use)."""
        model: type[Case] | type[Lesson] | type[Episode]
        model = getattr(importlib.import_module("widw.content.models"), self.model_name)
        return model

    @property
    def schema_file(self) -> str:
        """File name of its JSON Schema ('casus.schema.json')."""
        return f"{self.singular}.schema.json"


KINDS: dict[Kind, KindInfo] = {
    "case": KindInfo(
        kind="case",
        model_name="Case",
        source_folder="cases",
        url_folder="casussen",
        key_field="slug",
        singular="casus",
        plural="casussen",
        label="Casus",
        citation_prefix="",
        published_word="casus",
        search_word="casus",
        schema_title="Wij in de Wijk: casus",
    ),
    "lesson": KindInfo(
        kind="lesson",
        model_name="Lesson",
        source_folder="lessons",
        url_folder="lessen",
        key_field="id",
        singular="les",
        plural="lessen",
        label="Les",
        citation_prefix="les:",
        published_word="les",
        search_word="les",
        schema_title="Wij in de Wijk: les",
    ),
    "episode": KindInfo(
        kind="episode",
        model_name="Episode",
        source_folder="episodes",
        url_folder="media",
        key_field="slug",
        singular="aflevering",
        plural="afleveringen",
        label="Aflevering",
        citation_prefix="media:",
        published_word="media",
        search_word="aflevering",
        schema_title="Wij in de Wijk: aflevering, film of bijeenkomst",
    ),
}
"""Every kind, in the order the library reads them (cases, lessons, episodes)."""


def kind_info(kind: Kind) -> KindInfo:
    """The registry entry of `kind`."""
    return KINDS[kind]


def by_url_folder(folder: str) -> Kind | None:
    """The kind published under URL folder `folder` ('casussen' → 'case'), else None."""
    return next((k for k, info in KINDS.items() if info.url_folder == folder), None)


def by_published_word(word: str) -> Kind | None:
    """The kind a `published-slugs.txt` word names ('media' → 'episode'), else None."""
    return next((k for k, info in KINDS.items() if info.published_word == word), None)


def by_search_word(word: str) -> Kind | None:
    """The kind a search document's `soort` names ('aflevering' → 'episode'), else None."""
    return next((k for k, info in KINDS.items() if info.search_word == word), None)


def singular(kind: Kind) -> str:
    """Dutch name of `kind` in running text ('casus')."""
    return KINDS[kind].singular
