"""The built site in a real browser: privacy, console and accessibility of every page type."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watched

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
    "provincies/utrecht/",
    "elementen/informeel-contact/",
    "bijdragen/",
    "bijdragen/velden/",
    "bijdragen/pull-request/",
    "data/",
    "data/codeboek/",
    "zelfscan/",
    "zoeken/",
    "zoeken/?q=buurtbudget",
    "casussen/?thema=ontmoeting",
]


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
