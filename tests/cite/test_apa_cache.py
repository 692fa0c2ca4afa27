"""APA references are cached apart from the retrieval date: a new day renders nothing again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.cite.conftest import SITE, lent
from widw.cite import apa
from widw.cite.apa import Flavour, render_apa
from widw.cite.csl import case_item, entry_url, source_items
from widw.content.library import Library

FLAVOURS: tuple[Flavour, ...] = ("text", "html", "markdown")


pytestmark = pytest.mark.usefixtures("render_cache")


def _direct(items: list[Any], flavour: Flavour, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What citeproc-py writes for the items with their own dates (no placeholder)."""
    with monkeypatch.context() as patch:
        patch.setattr(apa, "_full_date", lambda value: None)
        lent().entries.clear()
        return render_apa(items, flavour)


def test_every_day_of_the_year_reads_as_citeproc_writes_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = list(library.cases.values())
    days = [dt.date(2026, month, day) for month in range(1, 13) for day in (1, 9, 28)]
    for flavour in FLAVOURS:
        items: list[Any] = [
            case_item(
                cases[i % len(cases)],
                url=entry_url(SITE, "case", cases[i % len(cases)].slug),
                accessed=day,
            )
            for i, day in enumerate(days)
        ]
        items += [s for case in cases for s in source_items(case.sources, case.slug)]
        expected = _direct(items, flavour, monkeypatch)
        lent().entries.clear()
        assert render_apa(items, flavour) == expected
        assert render_apa(items, flavour) == expected  # from the cache
        assert any("Geraadpleegd op 9 maart 2026" in text for text in expected)


def test_a_new_day_renders_no_reference_again(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = next(iter(library.cases.values()))
    url = entry_url(SITE, "case", case.slug)
    first = render_apa([case_item(case, url=url, accessed=dt.date(2026, 12, 1))], "html")[0]
    stored = dict(lent().entries)
    rendered: list[object] = []
    monkeypatch.setattr(apa, "CiteProcJSON", lambda items: rendered.append(items))
    second = render_apa([case_item(case, url=url, accessed=dt.date(2026, 12, 2))], "html")[0]
    assert rendered == []
    assert lent().entries == stored
    assert "Geraadpleegd op 1 december 2026" in first
    assert second == first.replace("1 december 2026", "2 december 2026")
