"""The Nu Html Checker finds no errors on a sample of every page type.

Errors that come from Material for MkDocs' own base template (not from our templates or our
generated Markdown) are listed in THEME_KNOWN with the reason; everything else fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

VNU = REPO / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGE_TYPES = [
    "index.html",
    "casussen/index.html",
    "casussen/krachtstation-kanaleneiland/index.html",
    "collectie/index.html",
    "over/index.html",
    "rollen/ambtenaren/index.html",
    "themas/index.html",
    "provincies/index.html",
    "bundels/1/index.html",
    "bijdragen/velden/index.html",
    "data/index.html",
    "zelfscan/index.html",
]
THEME_KNOWN: dict[str, str] = {
    "Attribute “autocomplete” is only allowed when the input type is": (
        "Material's base.html puts autocomplete=off on its drawer and search checkboxes"
    ),
    "Bad value “” for attribute “tabindex” on element “label”": (
        'Material\'s partials/nav-item.html renders tabindex="" with navigation.sections'
    ),
}


def _checker() -> list[str]:
    java = shutil.which("java")
    if java and VNU.is_file():
        return [java, "-Xss4m", "-jar", str(VNU)]
    if os.environ.get("CI"):
        pytest.fail("the Nu Html Checker (java + vnu.jar via `make test`) is required in CI")
    pytest.skip("java or vnu.jar missing (run `make test` to fetch vnu.jar)")


def _sample(site: Path) -> list[Path]:
    pages = [site / name for name in PAGE_TYPES]
    stub = next(
        (
            p
            for p in sorted((site / "casussen").glob("*/index.html"))
            if "stub" in p.read_text(encoding="utf-8").lower()
        ),
        None,
    )
    lesson = next(iter(sorted((site / "lessen").glob("*/index.html"))), None)
    media = next(iter(sorted((site / "media").glob("*/index.html"))), None)
    pages += [p for p in (stub, lesson, media) if p is not None]
    missing = [str(p.relative_to(site)) for p in pages if not p.is_file()]
    assert not missing, f"page types missing from the build: {missing}"
    return pages


def test_sampled_pages_have_no_html_errors(real_site: Path) -> None:
    command = _checker()
    pages = _sample(real_site)
    done = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stderr or done.stdout)
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in report.get("messages", [])
        if m.get("type") == "error" and not any(k in m["message"] for k in THEME_KNOWN)
    ]
    assert errors == []
