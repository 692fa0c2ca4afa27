"""An old address of a case (an alias) lands on the case page, whichever engine built it."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Watched
from tests.zensical.builds import ALIAS

pytestmark = pytest.mark.browser


def test_old_address_lands_on_the_renamed_case(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}casussen/{ALIAS}/")
    page.wait_for_url(f"{base_url}casussen/moestuin-zuid/", timeout=10_000)
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Moestuin Zuid"
    assert watched.foreign(base_url) == []
