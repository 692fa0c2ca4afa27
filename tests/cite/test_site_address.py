"""The site address in a real MkDocs build: warned about, refused for publishing, overridable.

`make test` runs `mkdocs build --strict` on the placeholder address and must stay green, so
a strict build only notes the placeholder (INFO). A normal build warns; a publishing build
(WIDW_PUBLISH=1, see `make publish`) refuses. WIDW_SITE_URL puts the real address into
canonical links and citations; the header links to the repository only when repo_url is real.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.fixtures import write_project

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
REAL_SITE = "https://kennisbank.wijindewijk.nl/"
REAL_REPO = "https://github.com/movisie/wij-in-de-wijk-kennisbank"
PAGE = Path("casussen") / "buurtkamer-noord" / "index.html"


def build(
    project: Path, site: Path, *, strict: bool, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    for name in ("WIDW_SITE_URL", "WIDW_PUBLISH"):
        environment.pop(name, None)
    environment.update(env)
    command = [str(BIN / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(
        [*command, "--strict"] if strict else command,
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("adres") / "project")


def test_placeholder_build_hides_the_repository_and_only_notes_the_address(
    project: Path, tmp_path: Path
) -> None:
    strict = build(project, tmp_path / "strict", strict=True)
    assert strict.returncode == 0, strict.stderr
    assert "WARNING" not in strict.stderr
    page = (tmp_path / "strict" / PAGE).read_text(encoding="utf-8")
    assert "code.example" not in page.split('class="md-content"')[0]
    assert "md-source" not in page
    loose = build(project, tmp_path / "loose", strict=False)
    assert loose.returncode == 0
    assert "WARNING" in loose.stderr
    assert "voorbeeldadres" in loose.stderr


def test_publishing_build_refuses_the_placeholder(project: Path, tmp_path: Path) -> None:
    done = build(project, tmp_path / "site", strict=True, WIDW_PUBLISH="1")
    assert done.returncode != 0
    assert "Publiceren geweigerd: het adres van de site is nog een voorbeeldadres" in done.stderr
    assert not (tmp_path / "site" / PAGE).exists()


def test_real_addresses_reach_canonical_links_citations_and_header(
    project: Path, tmp_path: Path
) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    real = project.parent / "real"
    real.mkdir()
    for item in project.iterdir():
        (real / item.name).symlink_to(item)
    (real / "mkdocs.yml").unlink()
    (real / "mkdocs.yml").write_text(
        original.replace("https://code.example/wijindewijk/kennisbank", REAL_REPO),
        encoding="utf-8",
    )
    done = build(real, tmp_path / "site", strict=True, WIDW_SITE_URL=REAL_SITE, WIDW_PUBLISH="1")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / PAGE).read_text(encoding="utf-8")
    url = REAL_SITE + "casussen/buurtkamer-noord/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f"van {url}" in page or f'href="{url}"' in page.split("Citeer")[-1]
    assert "wijindewijk.example" not in page
    assert f'href="{REAL_REPO}"' in page
    assert "md-source" in page
    bib = (tmp_path / "site" / "citations.bib").read_text(encoding="utf-8")
    assert f"url = {{{url}}}" in bib
