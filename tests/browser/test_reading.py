"""What a reader sees at 1280 and 375 px: layout, fact cards, one cite box, the map, print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.site.fixtures import FILES

pytestmark = [pytest.mark.browser, pytest.mark.slow]

READER_PAGES = {
    "home": "",
    "overzicht": "casussen/",
    "casus": "casussen/buurtkamer-noord/",
    "stub": "casussen/bundel-2-beesd/",
    "rol": "rollen/ambtenaren/",
    "aflevering": "media/podcast-tafel/",
}
CASE_PAGES = {"casus", "stub"}
SCREEN = {1280: 900, 375: 800}


@pytest.mark.parametrize("width", sorted(SCREEN))
@pytest.mark.parametrize("name", sorted(READER_PAGES))
def test_page_fits_the_screen_with_a_flat_fact_card_and_one_cite_box(
    browser: Any, base_url: str, tmp_path: Path, name: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": SCREEN[width]}, is_mobile=width < 600
    )
    page = context.new_page()
    try:
        page.goto(base_url + READER_PAGES[name], wait_until="networkidle")
        shot = tmp_path / f"{name}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} at {width}px: {overflow}px too wide"
        assert page.locator(".widw-kaart dl dl, .widw-kaart dd dl").count() == 0
        with_card = CASE_PAGES | {"aflevering"}
        assert page.locator(".widw-kaart").count() == (1 if name in with_card else 0)
        cite_boxes = page.locator(".widw-cite").count()
        assert cite_boxes == (1 if name in CASE_PAGES else 0)
        assert page.get_by_role("heading", name="Citeer deze casus").count() == cite_boxes
        if name in CASE_PAGES and width == 1280:
            box = page.locator(".widw-kaart").bounding_box()
            assert box is not None
            assert box["y"] + box["height"] <= SCREEN[width], f"{name}: card ends below the fold"
    finally:
        context.close()


def test_map_markers_link_to_their_cases_by_pointer_and_keyboard(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="networkidle")
        markers = page.locator("svg.widw-nl__kaart a")
        cases = [path for path in FILES if path.startswith("cases/")]
        assert markers.count() == len(cases)
        assert page.locator(".widw-nl__lijst a").count() == len(cases)
        stub = page.get_by_role("link", name="Casus in Beesd (West Betuwe, nog niet beschreven)")
        assert stub.first.evaluate("e => e.querySelector('path') !== null")  # a diamond
        marker = page.locator('svg.widw-nl__kaart a[href="casussen/buurtkamer-noord/"]')
        marker.click()
        page.wait_for_url("**/casussen/buurtkamer-noord/")
        assert page.locator("h1").inner_text().startswith("Buurtkamer Noord")
        page.go_back(wait_until="networkidle")
        first = page.locator("svg.widw-nl__kaart a").first
        first.focus()
        href = first.get_attribute("href")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{href}")
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_map_list_is_one_line_on_a_phone_until_opened(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, is_mobile=True, java_script_enabled=javascript
    )
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="networkidle")
        summary = page.locator(".widw-nl__uitklap > summary")
        cases = [path for path in FILES if path.startswith("cases/")]
        assert summary.inner_text() == f"De {len(cases)} casussen op de kaart als lijst"
        items = page.locator(".widw-nl__lijst li")
        assert not items.first.is_visible()
        box = summary.bounding_box()
        assert box is not None
        assert box["height"] < 40
        summary.click()
        assert items.count() == len(cases)
        assert items.first.is_visible()
        assert items.last.is_visible()
        assert page.get_by_role("link", name="Buurtkamer Noord").last.is_visible()
    finally:
        context.close()


def test_map_and_charts_show_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "collectie/")
        assert page.locator("svg.widw-nl__kaart").is_visible()
        assert page.locator("svg.widw-grafiek__beeld").count() == 4
        assert page.locator("svg.widw-grafiek__beeld").first.is_visible()
    finally:
        context.close()


def test_printed_case_keeps_the_card_whole_hides_buttons_and_prints_source_urls(
    browser: Any, base_url: str, tmp_path: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base_url + "casussen/buurtkamer-noord/", wait_until="networkidle")
        page.emulate_media(media="print")
        assert page.locator(".widw-kaart").evaluate("e => getComputedStyle(e).breakInside") == (
            "avoid"
        )
        for hidden in (".widw-cite__copy", ".md-sidebar--primary", ".md-header"):
            assert not page.locator(hidden).first.is_visible(), hidden
        links = page.locator('.widw-bronnen a[href^="http"]')
        assert links.count() >= 1
        for i in range(links.count()):
            link = links.nth(i)
            after = link.evaluate("e => getComputedStyle(e, '::after').content")
            # The address is printed: as the link text (APA) or after the link.
            assert link.get_attribute("href") in link.inner_text() + after
        pdf = tmp_path / "casus.pdf"
        page.pdf(path=str(pdf), format="A4")
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        context.close()
