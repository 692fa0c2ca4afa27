"""The built site in a real browser: search, filters, privacy, console and accessibility."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import Watched
from tests.site.fixtures import FILES

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_TYPES = [
    "",
    "casussen/",
    "casussen/buurtkamer-noord/",
    "casussen/bundel-2-beesd/",
    "lessen/ruimte-voor-bewoners/",
    "media/podcast-tafel/",
    "rollen/ambtenaren/",
    "themas/",
    "themas/ontmoeting/",
    "gemeenten/utrecht/",
    "bundels/3/",
    "collectie/",
    "over/",
    "bladeren/",
    "lessen/",
    "media/",
    "provincies/",
    "elementen/informeel-contact/",
    "bijdragen/",
    "bijdragen/velden/",
    "bijdragen/pull-request/",
    "data/",
    "data/codeboek/",
]
FILTER_CHOICES = {
    "thema": "ontmoeting",
    "element": "informeel-contact",
    "provincie": "fryslan",
    "bundel": "3",
    "uitkomst": "gegroeid",
    "participatievorm": "burgerparticipatie",
    "rol": "ambtenaren",
}
VISIBLE_ROWS = "#widw-casussen tbody tr:not([hidden])"


def visible(page: Any) -> int:
    count: int = page.locator(VISIBLE_ROWS).count()
    return count


def search_results(page: Any, query: str) -> Any:
    """Type `query` into whatever search the page has; the locator of its result entries.

    Material's lunr search (MkDocs) is an input in the header; Zensical's own search opens
    a dialog from a button and lists results as options.
    """
    if page.locator("input.md-search__input").count():
        page.locator("input.md-search__input").click()
        page.keyboard.type(query, delay=30)
        return page.locator(".md-search-result__item")
    page.locator(".md-search__button").click()
    page.keyboard.type(query, delay=30)
    return page.get_by_role("option")


@pytest.mark.parametrize(
    ("query", "title", "absent"),
    [
        # The page says "buurtbewoners" only.
        ("buurtbewoner", "Buurtkamer Noord", True),
        # The page says "wandeling" only. The query is longer than that word, so Material's
        # trailing wildcard cannot explain a hit: only lunr's Dutch stemmer can (both become
        # "wandel"), which the widw search worker applies to typed words.
        ("wandelingen", "Moestuin Zuid", True),
        # The exact word keeps working too (Material's wildcard alone would miss it).
        ("buurtbewoners", "Buurtkamer Noord", False),
        # Zensical's own search (no lunr, no widw worker) finds all three too.
    ],
)
def test_dutch_search_finds_a_case_by_another_inflection(
    watched: Watched, base_url: str, query: str, title: str, absent: bool
) -> None:
    text = " ".join(FILES.values()).lower()
    assert bool(re.search(rf"\b{query}\b", text)) is not absent
    page = watched.page
    page.goto(base_url, wait_until="networkidle")
    result = search_results(page, query).filter(has_text=title)
    result.first.wait_for(timeout=15_000)
    assert result.count() >= 1
    assert watched.errors == []


@pytest.mark.parametrize(("param", "value"), sorted(FILTER_CHOICES.items()))
def test_filter_narrows_table_and_survives_in_the_url(
    watched: Watched, base_url: str, param: str, value: str
) -> None:
    page = watched.page
    page.goto(base_url + "casussen/")
    page.locator("#widw-filters").wait_for(state="visible")
    total = page.locator("#widw-casussen tbody tr").count()
    assert visible(page) == total
    label = page.locator(f"#widw-f-{param} option[value='{value}']").inner_text()
    expected = int(re.search(r"\((\d+)\)", label).group(1))  # type: ignore[union-attr]
    page.select_option(f"#widw-f-{param}", value)
    assert 0 < visible(page) == expected < total
    assert f"{param}={value}" in page.url
    status = page.locator("#widw-telling").inner_text()
    assert f"{expected} van {total}" in status
    shared = page.url
    second = page.context.new_page()
    second.goto(shared)
    assert second.locator(f"#widw-f-{param}").input_value() == value
    assert visible(second) == expected
    second.close()
    assert watched.errors == []


def test_filters_work_by_keyboard_and_combine(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "casussen/?zoek=moestuin")
    page.locator("#widw-filters").wait_for(state="visible")
    assert page.locator("#widw-f-zoek").input_value() == "moestuin"
    assert visible(page) == 1
    page.locator("#widw-f-zoek").focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "widw-f-thema"
    page.keyboard.press("ArrowDown")
    page.wait_for_function("document.location.search.includes('thema=')")
    assert visible(page) < page.locator("#widw-casussen tbody tr").count()
    page.goto(base_url + "casussen/?provincie=utrecht&rol=bestuurders-politici")
    assert visible(page) == 0
    assert "0 van" in page.locator("#widw-telling").inner_text()


def test_without_javascript_the_full_table_shows(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "casussen/?thema=ontmoeting")
    assert page.locator("#widw-filters").is_hidden()
    assert visible(page) == len([f for f in FILES if f.startswith("cases/")])
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_is_private_error_free_and_accessible(
    watched: Watched, base_url: str, path: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = watched.page
    page.goto(base_url + path, wait_until="networkidle")
    assert page.locator("h1").count() == 1
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×)"
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]
    assert serious == []
    assert watched.foreign(base_url) == []
    assert watched.errors == []


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_dark_palette_is_accessible_too(browser: Any, base_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [v["id"] for v in violations if v.get("impact") in {"serious", "critical"}] == []
