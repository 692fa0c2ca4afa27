"""The browser search index is reused while the pages it reads stay the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.pagefind_files import fragments
from widw.site.browser_index import OUTPUT, IndexingError, index_site

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"""


def write_site(site: Path, pages: dict[str, tuple[str, str]]) -> None:
    for url, (title, text) in pages.items():
        path = site / url.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")


PAGES = {
    "/": ("Start", "Welkom bij de kennisbank."),
    "/casussen/buurtkamer/": ("Buurtkamer", "Bewoners openen een buurtkamer in de wijk."),
    "/casussen/moestuin/": ("Moestuin", "Een moestuin naast de school."),
}


def texts(site: Path) -> dict[str, str]:
    return {url: record["content"] for url, record in fragments(site).items()}


def index_files(site: Path) -> dict[str, bytes]:
    folder = site / OUTPUT
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_an_unchanged_site_gets_the_same_index_back_without_pagefind(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site, PAGES)
    first = index_site(site, cache=cache)
    assert (first.pages, first.reused) == (3, False)
    made = index_files(site)
    # The next build starts from an empty site folder (MkDocs cleans it) with the same pages.
    for path in (site / OUTPUT).rglob("*"):
        if path.is_file():
            path.unlink()
    again = index_site(site, cache=cache)
    assert (again.pages, again.reused) == (3, True)
    assert index_files(site) == made
    assert "buurtkamer in de wijk" in texts(site)["/casussen/buurtkamer/"]


def test_a_changed_page_is_indexed_again_and_only_the_new_index_is_kept(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site, PAGES)
    index_site(site, cache=cache)
    write_site(site, {"/casussen/moestuin/": ("Moestuin", "Een moestuin met een kas.")})
    changed = index_site(site, cache=cache)
    assert changed.reused is False
    assert "met een kas" in texts(site)["/casussen/moestuin/"]
    assert len(list(cache.iterdir())) == 1
    # Going back to the first text is a change again, not a stale index.
    write_site(site, {"/casussen/moestuin/": PAGES["/casussen/moestuin/"]})
    back = index_site(site, cache=cache)
    assert back.reused is False
    assert "naast de school" in texts(site)["/casussen/moestuin/"]


def test_an_incomplete_or_unwritable_cache_never_stops_the_index(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site, PAGES)
    index_site(site, cache=cache)
    for entry in cache.iterdir():
        (entry / "pages").unlink()  # as if a build stopped while keeping it
    redone = index_site(site, cache=cache)
    assert redone.reused is False
    assert set(texts(site)) == set(PAGES)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    report = index_site(site, cache=blocked)
    assert (report.pages, report.reused) == (3, False)
    assert set(texts(site)) == set(PAGES)


def test_a_site_that_changes_while_it_is_read_gives_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import widw.site.browser_index as browser_index

    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site, PAGES)

    def vanished(_: Path) -> str:
        raise FileNotFoundError(2, "No such file or directory", str(site / "casussen"))

    monkeypatch.setattr(browser_index, "input_key", vanished)
    with pytest.raises(IndexingError, match="de site veranderde terwijl de zoekindex"):
        index_site(site, cache=cache)
    assert not (site / OUTPUT).exists()
