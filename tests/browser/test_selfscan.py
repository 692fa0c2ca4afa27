"""The self-scan in a real browser: without JavaScript, with tick boxes, copied, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Watched

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PATH = "zelfscan/"
CELLS = ".widw-scan__cel"
SUMMARY = "#widw-scan-samenvatting"
STORAGE = "JSON.stringify([Object.assign({}, localStorage), Object.assign({}, sessionStorage)])"
ICONS = ("/favicon.png", "/favicon.ico", "/favicon.svg")
BUTTONS = ("Druk de uitkomst af", "Kopieer de uitkomst", "Wis mijn antwoorden")


@pytest.fixture
def scan(watched: Watched, base_url: str) -> Iterator[Any]:
    page = watched.page
    page.goto(base_url + PATH, wait_until="networkidle")
    loaded = len(watched.requests)
    before = page.evaluate(STORAGE)
    yield page
    # Answers leave no trace: no request after loading, nothing added to the browser's storage
    # (the theme keeps its own settings there; the scan writes nothing).
    # The browser fetches the site icon on its own schedule (late on a busy machine): that
    # request is the browser's, not the scan's.
    later = [u for u in watched.requests[loaded:] if not u.split("?")[0].endswith(ICONS)]
    assert later == []
    assert watched.foreign(base_url) == []
    assert page.evaluate(STORAGE) == before
    assert watched.errors == []


def area(page: Any, name: str) -> Any:
    return page.locator(f"{SUMMARY} .widw-scan-uitkomst__gebied[data-gebied='{name}']")


def outcome(page: Any, name: str) -> str:
    text: str = area(page, name).locator(".widw-scan-uitkomst__fase").inner_text()
    return text


def test_without_javascript_the_grid_and_its_links_show(browser: Any, base_url: str) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(base_url + PATH)
        assert page.locator(CELLS).count() == 12
        for i in range(12):
            assert page.locator(CELLS).nth(i).locator(".widw-scan__vraag").is_visible()
        cell = page.locator("#overheid-uitvoering")
        assert cell.get_by_role(
            "link", name="Volg de bewoners in plaats van in te kaderen"
        ).is_visible()
        assert cell.get_by_role("link", name="Hart voor de Buurt").is_visible()
        assert page.locator(".widw-scan input[type=checkbox]").count() == 0
        assert page.locator("#widw-scan-uitkomst").is_hidden()
        for name in BUTTONS:
            assert not page.get_by_role("button", name=name).is_visible()
        link = cell.get_by_role("link", name="Hart voor de Buurt").get_attribute("href")
        page.goto(page.url + link)
        assert page.locator("h1").inner_text().startswith("Hart voor de Buurt")
    finally:
        context.close()


def test_ticking_answers_gives_the_phase_per_area_and_its_links(scan: Any) -> None:
    page = scan
    assert page.locator(".widw-scan input[type=checkbox]").count() == 12
    assert page.locator("#widw-scan-uitkomst").is_visible()
    # Nothing ticked: every area starts at the first phase.
    for name in ("opgave", "bekostiging", "samenleving", "overheid"):
        assert outcome(page, name) == "Uw gemeente staat hier in de fase kennis."
    page.locator(".widw-scan").get_by_role("checkbox").nth(9).check()  # de overheid, kennis
    assert outcome(page, "overheid") == "Uw gemeente staat hier in de fase uitvoering."
    assert "Bij deze vraag staan nog geen lessen of casussen." in area(page, "opgave").inner_text()
    summary = page.locator(SUMMARY)
    headings = summary.locator("h3").all_inner_texts()
    assert headings == ["De opgave", "De bekostiging", "De samenleving", "De overheid"]
    assert area(page, "overheid").get_by_role("link").all_inner_texts() == [
        "Volg de bewoners in plaats van in te kaderen",
        "Hart voor de Buurt",
    ]
    # A later phase ticked without the earlier one: still the earlier phase, with a note.
    page.locator("#ja-samenleving-uitvoering").check()
    assert outcome(page, "samenleving").startswith("Uw gemeente staat hier in de fase kennis.")
    assert "de fases volgen op elkaar" in outcome(page, "samenleving")
    # All three ticked.
    for phase in ("kennis", "uitvoering", "monitoring-en-evaluatie"):
        page.locator(f"#ja-bekostiging-{phase}").check()
    assert outcome(page, "bekostiging").startswith("U kunt op alle vragen ja zeggen.")
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    assert page.locator(".widw-scan input[type=checkbox]:checked").count() == 0
    assert outcome(page, "bekostiging") == "Uw gemeente staat hier in de fase kennis."


def test_tick_boxes_are_labelled_and_work_by_keyboard(scan: Any) -> None:
    page = scan
    box = page.locator("#ja-overheid-kennis")
    assert box.get_attribute("aria-describedby") == "vraag-overheid-kennis"
    assert page.get_by_label("Ja, dit is bij ons op orde").count() == 12
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert outcome(scan, "overheid") == "Uw gemeente staat hier in de fase uitvoering."


def test_summary_is_copied_as_text(browser: Any, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base_url + PATH, wait_until="networkidle")
        page.locator("#ja-overheid-kennis").check()
        page.get_by_role("button", name="Kopieer de uitkomst").click()
        page.wait_for_function("document.getElementById('widw-scan-status').textContent !== ''")
        assert page.locator("#widw-scan-status").inner_text() == "De uitkomst is gekopieerd."
        copied: str = page.evaluate("navigator.clipboard.readText()")
        lines = copied.splitlines()
        assert lines[0] == "Waar staat uw gemeente? Uitkomst van de zelfscan"
        assert "De overheid: Uw gemeente staat hier in de fase uitvoering." in lines
        assert any(
            line.startswith("- Casus: Hart voor de Buurt (")
            and "/casussen/hart-voor-de-buurt/" in line
            for line in lines
        )
        assert lines[-1] == "Zelfscan: " + base_url + PATH
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_print_shows_the_grid_and_hides_the_buttons(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(base_url + PATH, wait_until="networkidle")
        if javascript:
            page.locator("#ja-overheid-kennis").check()
        page.emulate_media(media="print")
        assert page.locator(".widw-scan").is_visible()
        assert page.locator(CELLS).nth(11).is_visible()
        assert page.locator("#overheid-uitvoering").get_by_role("link").count() == 2
        for name in BUTTONS:
            assert not page.get_by_role("button", name=name).is_visible()
        assert not page.locator(".md-header").is_visible()
        # With JavaScript the summary is printed too; without, there is none to print.
        assert page.locator("#widw-scan-uitkomst").is_visible() is javascript
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filled_in_scan_is_accessible(browser: Any, base_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(base_url + PATH, wait_until="networkidle")
        page.locator("#ja-overheid-kennis").check()
        page.locator("#ja-samenleving-uitvoering").check()
        violations = Axe().run(page).response["violations"]
        serious = [v["id"] for v in violations if v.get("impact") in {"serious", "critical"}]
        assert serious == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_no_horizontal_scrolling_with_the_summary(browser: Any, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 500)
    page = context.new_page()
    try:
        page.goto(base_url + PATH, wait_until="networkidle")
        page.locator("#ja-overheid-kennis").check()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()
