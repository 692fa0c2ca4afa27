"""Finding cases in a real browser: the Pagefind search, the overview's filters and pages.

The fixture site has four cases; `paged_url` serves a site with 60 more, so that the
overview and a facet page need two pages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Watched, served
from tests.site.fixtures import FILES, many_cases, write_project
from tests.zensical.builds import ENV

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FILTER_CHOICES = {
    "thema": "ontmoeting",
    "element": "informeel-contact",
    "provincie": "fryslan",
    "bundel": "3",
    "uitkomst": "gegroeid",
    "participatievorm": "burgerparticipatie",
    "rol": "ambtenaren",
}
CARDS = "#widw-casuslijst .widw-casuskaart"
FILTERED = "#widw-filterresultaat .widw-casuskaart"


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture project plus 60 synthetic cases, built and served."""
    root = tmp_path_factory.mktemp("paged")
    project = write_project(root / "project", many_cases(60))
    site = root / "site"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
        cwd=project, env=ENV, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with served(site) as url:
        yield url


def results(page: Any, scope: str = "") -> list[str]:
    """The titles of the search results shown, once the search has answered."""
    page.locator(f"{scope} .widw-zoekstatus".strip()).first.wait_for(timeout=15_000)
    titles: list[str] = page.locator(f"{scope} .widw-resultaat__titel".strip()).all_inner_texts()
    return titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        # The page says "buurtbudget" only: Pagefind's Dutch stemming finds the plural.
        ("buurtbudgetten", "Buurtkamer Noord"),
        # The page says "bewonersinitiatief": the plural changes f to v, so the search also
        # tries the singular.
        ("bewonersinitiatieven", "Moestuin Zuid"),
        ("jongeren", "Moestuin Zuid"),
    ],
)
def test_inflected_dutch_query_finds_its_case_first(
    watched: Watched, base_url: str, query: str, title: str
) -> None:
    page = watched.page
    page.goto(base_url + "zoeken/")
    page.locator("#widw-zoekveld").fill(query)
    titles = results(page)
    assert titles
    assert titles[0] == title
    assert watched.errors == []


def test_inflected_forms_are_not_in_the_text() -> None:
    text = " ".join(FILES.values()).lower()
    assert "buurtbudgetten" not in text
    assert "bewonersinitiatieven" not in text
    assert "buurtbudget" in text


def test_search_page_opens_from_a_link_with_results(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "zoeken/?q=buurtbudget")
    assert page.locator("#widw-zoekveld").input_value() == "buurtbudget"
    assert results(page)[0] == "Buurtkamer Noord"
    first = page.locator(".widw-resultaat").first
    assert first.locator(".widw-resultaat__soort").inner_text() == "Casus · Utrecht, Noord"
    assert (
        first.locator(".widw-resultaat__tekst mark")
        .first.inner_text()
        .lower()
        .startswith("buurtbudget")
    )
    status = page.locator(".widw-zoekstatus").inner_text()
    assert re.match(r"\d+ (resultaat|resultaten) voor ‘buurtbudget’", status)
    first.locator("a").click()
    page.wait_for_url("**/casussen/buurtkamer-noord/")
    assert watched.errors == []


def test_meta_pages_and_lists_are_not_found(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "zoeken/?q=casussen")
    for url in page.locator(".widw-resultaat__titel").evaluate_all("a => a.map(x => x.href)"):
        assert not re.search(r"/(data|bijdragen|schema|themas|casussen/?$)", url), url


def test_home_and_header_search_give_the_same_results(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    page.locator("#widw-zoekveld").fill("bewoners")
    home = results(page, ".widw-zoeken")
    page.locator("#widw-kopzoekveld").fill("bewoners")
    header = results(page, ".widw-kopzoeken")
    assert len(header) == min(5, len(home)) > 1
    assert header == home[: len(header)]
    more = page.locator(".widw-kopzoeken .widw-zoekmeer")
    if len(home) > 5:
        assert more.get_attribute("href").endswith("/zoeken/?q=bewoners")
    page.keyboard.press("Escape")
    assert page.locator(".widw-kopzoeken__paneel").is_hidden()
    assert watched.errors == []


def test_header_search_is_a_link_on_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "over/")
    link = page.locator(".md-header").get_by_role("link", name="Zoeken", exact=True)
    assert link.is_visible()
    assert page.locator("#widw-kopzoekveld").is_hidden()
    link.click()
    page.wait_for_url("**/zoeken/")
    context.close()


@pytest.mark.parametrize(("param", "value"), sorted(FILTER_CHOICES.items()))
def test_filter_narrows_the_cases_and_survives_in_the_url(
    watched: Watched, base_url: str, param: str, value: str
) -> None:
    page = watched.page
    page.goto(base_url + "casussen/")
    page.locator("#widw-filters fieldset:enabled").wait_for()
    total = page.locator(CARDS).count()
    label = page.locator(f"#widw-f-{param} option[value='{value}']").inner_text()
    expected = int(re.search(r"\((\d+)\)", label).group(1))  # type: ignore[union-attr]
    page.select_option(f"#widw-f-{param}", value)
    page.locator("#widw-filterresultaat:not([hidden])").wait_for()
    assert 0 < page.locator(FILTERED).count() == expected < total
    assert page.locator("#widw-casuslijst").is_hidden()
    assert f"{param}={value}" in page.url
    assert f"{expected} van {total} casussen" in page.locator("#widw-telling").inner_text()
    second = page.context.new_page()
    second.goto(page.url)
    second.locator("#widw-filterresultaat:not([hidden])").wait_for()
    assert second.locator(f"#widw-f-{param}").input_value() == value
    assert second.locator(FILTERED).count() == expected
    second.close()
    assert watched.errors == []


def test_filters_work_by_keyboard_and_combine(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "casussen/?zoek=moestuin")
    page.locator("#widw-filterresultaat:not([hidden])").wait_for()
    assert page.locator("#widw-f-zoek").input_value() == "moestuin"
    assert page.locator(FILTERED).all_inner_texts()[0].startswith("Moestuin Zuid")
    page.locator("#widw-f-zoek").focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.locator("#widw-casuslijst:not([hidden])").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "widw-f-thema"
    page.keyboard.press("ArrowDown")
    page.wait_for_function("document.location.search.includes('thema=')")
    page.locator("#widw-filterresultaat:not([hidden])").wait_for()
    assert page.locator(FILTERED).count() < page.locator(CARDS).count()
    page.goto(base_url + "casussen/?provincie=utrecht&rol=bestuurders-politici")
    page.wait_for_function("document.getElementById('widw-telling').textContent.includes(' van ')")
    assert page.locator(FILTERED).count() == 0
    assert "0 van" in page.locator("#widw-telling").inner_text()


def test_without_javascript_the_pages_say_so_and_list_every_case(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "casussen/?thema=ontmoeting")
    assert page.locator("#widw-f-thema").is_disabled()
    assert "werken alleen met JavaScript" in page.locator(".widw-zonder-js").inner_text()
    assert page.locator(CARDS).count() == len([f for f in FILES if f.startswith("cases/")])
    page.goto(base_url + "zoeken/?q=buurtbudget")
    note = page.locator(".widw-zonder-js")
    assert "Zoeken werkt alleen met JavaScript" in note.inner_text()
    note.get_by_role("link", name="alle casussen").click()
    page.wait_for_url("**/casussen/")
    context.close()


def test_with_javascript_the_no_script_notes_are_hidden(watched: Watched, base_url: str) -> None:
    page = watched.page
    for path in ("casussen/", "zoeken/"):
        page.goto(base_url + path)
        assert page.locator(".widw-zonder-js").count() == 1
        assert page.locator(".widw-zonder-js").is_hidden()


def test_overview_is_paginated_described_first(watched: Watched, paged_url: str) -> None:
    page = watched.page
    page.goto(paged_url + "casussen/")
    assert page.locator(CARDS).count() == 50
    headings = page.locator(".widw-lijst__kop").all_inner_texts()
    assert headings[0] == "Beschreven casussen"
    statuses = page.locator(f"{CARDS} .widw-casuskaart__status").all_inner_texts()
    first_waiting = next(i for i, s in enumerate(statuses) if s.startswith("Nog niet"))
    assert all(s.startswith("Nog niet") for s in statuses[first_waiting:])
    page.get_by_role("link", name="Volgende").click()
    page.wait_for_url("**/casussen/pagina/2/")
    assert page.locator(CARDS).count() == 64 - 50
    assert page.locator(".widw-paginering [aria-current=page]").inner_text() == "2"
    # With a filter the list covers every case, in client-side pages of 50.
    page.select_option("#widw-f-provincie", "utrecht")
    page.locator("#widw-filterresultaat:not([hidden])").wait_for()
    assert page.locator(FILTERED).count() == 50
    assert "61 van 64 casussen" in page.locator("#widw-telling").inner_text()
    page.locator("#widw-filterresultaat").get_by_role("button", name="Volgende").click()
    page.wait_for_function("document.location.search.includes('pagina=2')")
    page.wait_for_function(
        "document.querySelectorAll('#widw-filterresultaat .widw-casuskaart').length === 11"
    )
    assert watched.errors == []


def test_without_javascript_page_links_and_facet_pages_reach_every_case(
    browser: Any, paged_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen: set[str] = set()
    page.goto(paged_url + "casussen/")
    seen.update(page.locator(f"{CARDS} .widw-casuskaart__titel").all_inner_texts())
    page.get_by_role("link", name="Pagina 2").click()
    seen.update(page.locator(f"{CARDS} .widw-casuskaart__titel").all_inner_texts())
    assert len(seen) == 64
    page.goto(paged_url + "gemeenten/utrecht/")
    first = page.locator(".widw-casuskaart__titel").all_inner_texts()
    page.get_by_role("link", name="Volgende").click()
    page.wait_for_url("**/gemeenten/utrecht/2/")
    rest = page.locator(".widw-casuskaart__titel").all_inner_texts()
    assert len(first) == 50
    assert len(set(first) | set(rest)) == 61
    context.close()


WORD_SPLITS = """() => {
  const broken = [];
  for (const el of document.querySelectorAll(
      '.widw-casuskaart__titel, .widw-casuskaart__plaats, .widw-casuskaart__themas')) {
    const node = el.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) { continue; }
    const text = node.textContent;
    for (const match of text.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) { broken.push(match[0]); }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("path", ["casussen/", "gemeenten/utrecht/"])
def test_cards_fit_a_phone_without_breaking_words(browser: Any, paged_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(paged_url + path, wait_until="networkidle")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    cards = page.locator(".widw-casuskaart")
    assert cards.count() == 50
    for i in (0, 49):
        box = cards.nth(i).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 375
        text = cards.nth(i).inner_text()
        assert "Utrecht" in text
        assert "beschreven" in text.lower()
    assert page.evaluate(WORD_SPLITS) == []
    context.close()


CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) { total += entry.value; }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("width", [1280, 375])
def test_overview_does_not_shift_when_scripts_load(
    browser: Any, paged_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(paged_url + "casussen/")
    shift = page.evaluate(CLS)
    assert page.locator("#widw-f-thema").is_enabled()
    assert shift < 0.1
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_results_are_accessible(browser: Any, base_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "casussen/?thema=ontmoeting")
    page.locator("#widw-filterresultaat:not([hidden])").wait_for()
    page.locator("#widw-kopzoekveld").fill("bewoners")
    results(page, ".widw-kopzoeken")
    assert page.locator(".widw-kopzoeken__paneel").is_visible()
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [v["id"] for v in violations if v.get("impact") in {"serious", "critical"}] == []
