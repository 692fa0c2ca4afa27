"""The routes module drives every address: move the URL folders there and the whole site moves.

A test of the claim in `widw.content.routes`: no module or template spells a URL folder of
its own. A fresh Python process renames every folder in the routes table before anything
else of the package is imported (as an edit of the module would), builds the fixture
project's whole site, and no page, link or file is left at an old address.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from tests.site.conftest import SITE_URL
from widw.content import routes

OLD = dict(routes.FOLDERS)

BUILD = """
import json, sys
from pathlib import Path
from widw.content import routes
for section, folder in list(routes.FOLDERS.items()):
    routes.FOLDERS[section] = "verhuisd-" + folder.replace("/", "-")
from widw.assemble import SiteOptions, assemble_site
from widw.content.library import ProjectPaths, load_library
root = Path(sys.argv[1])
site = assemble_site(load_library(ProjectPaths(root)).library, SiteOptions(sys.argv[2], root))
files = {path: data for path, data in site.files.items() if isinstance(data, str)}
print(json.dumps({"pages": site.pages, "files": files, "binary": sorted(site.files)}))
"""


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from tests.site.fixtures import write_project

    project = write_project(tmp_path_factory.mktemp("moved") / "project")
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(project), SITE_URL],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_pages_and_files_are_published_under_the_new_folders(moved: dict[str, Any]) -> None:
    pages, files = moved["pages"], moved["binary"]
    for folder in ("casussen", "lessen", "media", "themas", "rollen", "bijdragen", "data"):
        assert f"verhuisd-{folder}/index.md" in pages, folder
    assert any(p.startswith("verhuisd-casussen/") and p.count("/") == 1 for p in pages)
    assert "verhuisd-assets-widw/widw.css" in files
    assert any(path.startswith("verhuisd-schema/") for path in files)
    assert "](verhuisd-casussen/index.md)" in pages["index.md"]


def test_no_page_link_or_file_keeps_an_old_folder(moved: dict[str, Any]) -> None:
    old = re.compile("|".join(rf"(?<![\w.-]){re.escape(f)}/" for f in OLD.values()))
    texts = {f"{path} (pad)": path for path in [*moved["pages"], *moved["binary"]]}
    texts |= moved["pages"] | moved["files"]
    left = [
        f"{name}: …{text[max(m.start() - 40, 0) : m.end() + 20]}…"
        for name, text in texts.items()
        for m in old.finditer(text)
    ]
    assert left == []
