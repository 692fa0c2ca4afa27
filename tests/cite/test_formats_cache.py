"""Citation files are written per entry and cached: an edit writes only its own entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from bench.generate import REPO
from tests.cite.conftest import SITE, TODAY
from widw.cite import formats
from widw.cite.csl import CslItem
from widw.cite.exports import library_items
from widw.content.library import Library, ProjectPaths, load_library

pytestmark = pytest.mark.usefixtures("render_cache")


def _real_items() -> list[CslItem]:
    library = load_library(ProjectPaths(REPO)).library
    return library_items(library, site_url=SITE, today=TODAY)


@pytest.mark.parametrize(
    ("cached", "writer"), [(formats.bibtex, formats.write_bibtex), (formats.ris, formats.write_ris)]
)
def test_a_file_of_cached_entries_equals_one_written_at_once(
    library: Library,
    cached: Callable[[Sequence[CslItem]], str],
    writer: Callable[[Sequence[CslItem]], str],
) -> None:
    for items in (library_items(library, site_url=SITE, today=TODAY), _real_items()):
        assert len(items) > 5
        assert cached(items) == writer(items)
        assert cached(items) == writer(items)  # now from the cache
        assert cached(items[:1]) == writer(items[:1])
    assert cached([]) == writer([]) == ""


def test_only_a_changed_item_is_written_again(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = library_items(library, site_url=SITE, today=TODAY)
    first = formats.bibtex(items)
    written: list[str] = []
    original = formats.write_bibtex

    def spy(batch: Sequence[CslItem]) -> str:
        written.extend(str(item["id"]) for item in batch)
        return original(batch)

    monkeypatch.setattr(formats, "write_bibtex", spy)
    fresh = formats._cached_per_item("bibtex", formats.write_bibtex)
    assert fresh(items) == first
    assert written == []
    changed = [dict(items[0], title="Een nieuwe titel"), *items[1:]]
    text = fresh(changed)
    assert written == [items[0]["id"]]
    assert "Een nieuwe titel" in text
    assert text == original(changed)
