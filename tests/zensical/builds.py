"""Build one project with each engine: MkDocs with the widw plugin, Zensical on `widw render`.

Shared by the parity tests and the browser fixtures. Zensical is an optional extra
(`pip install -e ".[zensical]"`, which `make setup` does): without it the Zensical builds
skip on a laptop and fail when CI is set, like the browser tests without chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.fixtures import CASE_B, write_project

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENGINES = ("mkdocs", "zensical")
ALIAS = "moestuin-oud"
"""An old address of the fixture case Moestuin Zuid, so the builds contain a redirect page."""


def write_fixture_project(root: Path) -> Path:
    """The site tests' fixture project, plus an alias (redirect page) for Moestuin Zuid."""
    renamed = CASE_B.replace("slug: moestuin-zuid\n", f"slug: moestuin-zuid\naliassen: [{ALIAS}]\n")
    assert renamed != CASE_B
    return write_project(root, {"cases/moestuin-zuid.md": renamed})


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=ENV, capture_output=True, text=True, check=False, timeout=900
    )


def require_zensical() -> Path:
    """The zensical command: skip without it, fail without it when CI is set."""
    command = BIN / "zensical"
    if not command.exists():
        if os.environ.get("CI"):
            pytest.fail("zensical is required when CI is set (pip install -e '.[zensical]')")
        pytest.skip("zensical not installed (pip install -e '.[zensical]')")
    return command


def build_mkdocs(project: Path, site: Path) -> Path:
    """`mkdocs build --strict` with the plugin, as `make build` does."""
    done = _run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)], project)
    assert done.returncode == 0, done.stderr
    return site


def build_zensical(project: Path, work: Path) -> Path:
    """`widw render` into work/, `zensical build` there, then `widw zoekindex`, as
    `make build-zensical` does."""
    command = require_zensical()
    render = [str(BIN / "widw"), "render", "--map", str(project), "--out", str(work / "docs")]
    done = _run([*render, "--config-uit", str(work / "mkdocs.yml")], project)
    assert done.returncode == 0, done.stderr
    done = _run([str(command), "build", "--clean", "--strict", "-f", "mkdocs.yml"], work)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Error" not in output, output
    assert "panicked" not in output, output
    # The search index, as `make build-zensical` makes it (the plugin does this for MkDocs).
    done = _run([str(BIN / "widw"), "zoekindex", str(work / "site")], work)
    assert done.returncode == 0, done.stderr
    return work / "site"


def build(engine: str, project: Path, work: Path) -> Path:
    """The site of `project` built by `engine` ("mkdocs" or "zensical") under work/.

    A step on the built folder that both engines need (a search index) goes here, once.
    """
    if engine == "zensical":
        return build_zensical(project, work)
    return build_mkdocs(project, work / "site")
