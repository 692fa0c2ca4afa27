"""Quality gates in the browser: small screens, the cite box, keyboard use of the filters."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_site import PAGE_TYPES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_mobile_viewport_has_no_horizontal_scrolling(
    browser: Any, base_url: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + path, wait_until="networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path}: {overflow}px wider than a 375px screen"
    finally:
        context.close()


def test_cite_box_copies_the_apa_reference(browser: Any, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base_url + "casussen/buurtkamer-noord/", wait_until="networkidle")
        apa = page.locator(".widw-cite__apa").inner_text()
        assert "Buurtkamer Noord" in apa
        assert "Geraadpleegd op" in apa
        button = page.get_by_role("button", name="Kopieer de verwijzing")
        assert button.is_visible(), "the copy button appears once JavaScript runs"
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "document.querySelector('.widw-cite__status').textContent.trim() !== ''"
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == apa.strip()
        assert page.locator(".widw-cite__status").inner_text().strip()
    finally:
        context.close()


def test_cite_box_is_readable_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "casussen/buurtkamer-noord/")
        assert "Buurtkamer Noord" in page.locator(".widw-cite__apa").inner_text()
        assert not page.get_by_role("button", name="Kopieer de verwijzing").is_visible()
        assert page.locator("meta[name=citation_title]").get_attribute("content")
        ld = page.locator("script[type='application/ld+json']").first.inner_text()
        assert '"@context"' in ld
    finally:
        context.close()
