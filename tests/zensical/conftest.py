"""The fixture project and the real content, each built once with MkDocs and with Zensical."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.fixtures import write_project
from tests.zensical.builds import build_mkdocs, build_zensical, require_zensical

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", params=["fixture", "repository"])
def sites(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """engine → built site, for the fixture project and for this repository's own content."""
    require_zensical()
    root = tmp_path_factory.mktemp(f"parity-{request.param}")
    project = write_project(root / "project") if request.param == "fixture" else REPO
    return {
        "mkdocs": build_mkdocs(project, root / "mkdocs-site"),
        "zensical": build_zensical(project, root / "zensical"),
    }
