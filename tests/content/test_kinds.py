"""The registry of kinds: one entry per kind, consistent with the models and with itself."""

from __future__ import annotations

import typing

import pytest

from widw.content import kinds
from widw.content.kinds import KINDS, Kind


def test_the_registry_has_every_kind_in_reading_order() -> None:
    assert list(KINDS) == list(typing.get_args(Kind)) == ["case", "lesson", "episode"]
    assert all(info.kind == kind for kind, info in KINDS.items())


def test_each_kind_has_its_model_and_its_key_field_is_a_field_of_it() -> None:
    from widw.content.models import Case, Episode, Lesson

    assert [info.model for info in KINDS.values()] == [Case, Lesson, Episode]
    for info in KINDS.values():
        aliases = {f.alias or name for name, f in info.model.model_fields.items()}
        assert info.key_field in aliases, info.kind


@pytest.mark.parametrize(
    "attribute",
    ["source_folder", "url_folder", "singular", "plural", "label", "published_word", "search_word"],
)
def test_names_are_unique_across_kinds(attribute: str) -> None:
    values = [getattr(info, attribute) for info in KINDS.values()]
    assert len(set(values)) == len(values)


def test_the_names_people_see_and_the_words_files_use() -> None:
    case, lesson, episode = KINDS.values()
    assert (case.source_folder, case.url_folder, case.singular, case.label) == (
        "cases",
        "casussen",
        "casus",
        "Casus",
    )
    assert (lesson.key_field, lesson.citation_prefix, lesson.published_word) == (
        "id",
        "les:",
        "les",
    )
    assert (episode.url_folder, episode.published_word, episode.search_word) == (
        "media",
        "media",
        "aflevering",
    )
    assert episode.schema_file == "aflevering.schema.json"


def test_lookups_by_word_and_folder() -> None:
    assert kinds.by_url_folder("media") == "episode"
    assert kinds.by_url_folder("cases") is None
    assert kinds.by_published_word("media") == "episode"
    assert kinds.by_published_word("aflevering") is None
    assert kinds.by_search_word("aflevering") == "episode"
    assert kinds.singular("lesson") == "les"


def test_citation_prefixes_keep_keys_of_different_kinds_apart() -> None:
    prefixes = [info.citation_prefix for info in KINDS.values()]
    assert prefixes[0] == ""
    assert all(p.endswith(":") for p in prefixes[1:])
    assert len(set(prefixes)) == len(prefixes)
