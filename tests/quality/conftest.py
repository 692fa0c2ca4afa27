"""Build the real site once per test worker, for the quality gates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
PROJECT_FILES = ("mkdocs.yml", "vocabulary.yml", "published-slugs.txt")
PROJECT_DIRS = ("docs", "cases", "lessons", "episodes")


def copy_project(target: Path) -> Path:
    """A copy of the repo's content and site configuration (no tooling, no tests)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        if (REPO / name).exists():
            shutil.copyfile(REPO / name, target / name)
    for name in PROJECT_DIRS:
        if (REPO / name).exists():
            shutil.copytree(REPO / name, target / name, dirs_exist_ok=True)
    return target


def build_site(
    project: Path, site: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project into `site` (`env` replaces the environment)."""
    return subprocess.run(
        [
            str(BIN / "mkdocs"),
            "build",
            "--strict",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        cwd=project,
        env=env or ENV,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, built with --strict into a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    site = project / "site"
    done = build_site(project, site)
    assert done.returncode == 0, done.stdout + done.stderr
    return site
