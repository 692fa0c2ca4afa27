"""Shared fixtures: tiny projects in tmp_path, built from dicts of files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent

VALID_CASE = """---
slug: buurtkamer-noord
titel: Buurtkamer Noord
samenvatting: Een huiskamer voor de buurt waar bewoners elkaar ontmoeten.
status: beschreven
collectie: wij-in-de-wijk
bundel:
  nummer: 1
  zekerheid: bevestigd
plaats:
  gemeente: Utrecht
  wijk: Noord
  provincie: utrecht
soort: [ontmoetingsplek]
themas: [ontmoeting]
lessen: [ruimte-voor-bewoners]
bronnen:
  - titel: Verslag over de buurtkamer
    uitgever: Movisie
    datum: 2020-03-18
    url: https://bron.example/buurtkamer
    soort: artikel
laatst_gecontroleerd: 2026-11-01
---

Bewoners ontmoeten elkaar aan de grote tafel.
"""

VALID_LESSON = """---
id: ruimte-voor-bewoners
rollen: [ambtenaren]
titel: Geef bewoners ruimte
casussen: [buurtkamer-noord]
bronnen:
  - titel: Lessen uit de buurtkamer
    uitgever: Movisie
    datum: "2021"
    url: https://bron.example/lessen
    soort: rapport
laatst_gecontroleerd: 2026-11-01
---

Volg wat bewoners al doen.
"""

ProjectFactory = Callable[[Mapping[str, str | bytes]], Path]


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectFactory:
    """Write a project (vocabulary + given files) and return its root."""

    def make(files: Mapping[str, str | bytes], *, base: bool = True) -> Path:
        root = tmp_path / "project"
        root.mkdir(exist_ok=True)
        shutil.copyfile(REPO / "vocabulary.yml", root / "vocabulary.yml")
        all_files: dict[str, str | bytes] = {}
        if base:
            all_files["cases/buurtkamer-noord.md"] = VALID_CASE
            all_files["lessons/ruimte-voor-bewoners.md"] = VALID_LESSON
        all_files.update(files)
        for name, content in all_files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's chromium: skip without it on a laptop, fail without it in CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium (/usr/bin/chromium) is required when CI is set")
        pytest.skip("chromium not installed at /usr/bin/chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    """One headless chromium per test worker, shared by every browser test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        try:
            yield instance
        finally:
            instance.close()
