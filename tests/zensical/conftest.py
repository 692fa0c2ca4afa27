"""The fixture project and the real content, each built once with MkDocs and with Zensical."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.zensical.builds import (
    build_mkdocs,
    build_zensical,
    require_zensical,
    write_fixture_project,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", params=["fixture", "repository"])
def project_kind(request: pytest.FixtureRequest) -> str:
    """The test project (with an alias) or this repository's own content."""
    kind: str = request.param
    return kind


@pytest.fixture(scope="session")
def sites(project_kind: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """engine → built site of the project named by `project_kind`."""
    require_zensical()
    root = tmp_path_factory.mktemp(f"parity-{project_kind}")
    project = write_fixture_project(root / "project") if project_kind == "fixture" else REPO
    return {
        "mkdocs": build_mkdocs(project, root / "mkdocs-site"),
        "zensical": build_zensical(project, root / "zensical"),
    }
