"""Fixtures for the site tests: the fixture project, loaded and generated."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.fixtures import write_project
from widw.content.library import Library, ProjectPaths, load_library
from widw.site import Site, build_site

SITE_URL = "https://wijindewijk.example/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project")


@pytest.fixture
def library(project: Path) -> Library:
    result = load_library(ProjectPaths(project))
    assert result.ok, [p.format() for p in result.errors]
    return result.library


@pytest.fixture
def site(library: Library) -> Site:
    return build_site(library, site_url=SITE_URL)
