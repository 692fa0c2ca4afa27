"""End to end in a temporary copy of the repository.

`widw new` with flags → `widw validate` passes → `mkdocs build --strict` builds → the new
case is on the overview, theme and province pages → `widw search` and the site's search
index find it. And the other way round: a broken case gives the same Dutch message in the
validator output and in the build output, and the strict build fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.editor.conftest import REPO, run
from tests.site.pagefind_files import fragments

pytestmark = pytest.mark.slow


COPIED = ("mkdocs.yml", "vocabulary.yml", "docs", "cases", "lessons", "episodes")
TITLE = "Buurtmoestuin Zonnebloemhof"
SLUG = "buurtmoestuin-zonnebloemhof"
THEME = "groen-en-natuur"
PROVINCE = "gelderland"


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The repository's site configuration and content, copied; the code is linked."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copyfile(source, root / name)
    for folder in ("cases", "lessons", "episodes"):
        (root / folder).mkdir(exist_ok=True)
    (root / "tooling").symlink_to(REPO / "tooling", target_is_directory=True)
    return root


def mkdocs_build(
    root: Path, *, strict: bool = True, quiet: bool = False
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    command += ["-q"] if quiet else []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [*command, "--strict"] if strict else command,
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )


def test_new_case_is_validated_built_listed_and_found(repo_copy: Path) -> None:
    created = run(
        "new", "--map", str(repo_copy), "--titel", TITLE,
        "--samenvatting", "Bewoners van de Zonnebloemhof kweken samen groente in een moestuin.",
        "--gemeente", "Ede", "--provincie", PROVINCE, "--bundel", "onbekend",
        "--thema", THEME, "--soort", "bewonersinitiatief",
        "--bron-url", "https://bron.example/zonnebloemhof", "--bron-titel", "De moestuin",
        "--bron-datum", "2021-05-04",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    assert (repo_copy / "cases" / f"{SLUG}.md").is_file()

    validate = run("validate", "--map", str(repo_copy))
    assert validate.exit_code == 0, validate.output

    build = mkdocs_build(repo_copy)
    assert build.returncode == 0, build.stderr[-4000:]
    site = repo_copy / "site"
    for page in ("casussen", f"themas/{THEME}", f"provincies/{PROVINCE}"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert TITLE in html, f"{TITLE} staat niet op {page}/"
    assert TITLE in (site / "casussen" / SLUG / "index.html").read_text(encoding="utf-8")

    search = run("search", "zonnebloemhof", "--json", "--map", str(repo_copy))
    assert search.exit_code == 0, search.output
    found = json.loads(search.stdout)
    assert SLUG in [hit["slug"] for hit in found["resultaten"]]

    record = fragments(site)[f"/casussen/{SLUG}/"]
    assert record["meta"]["title"] == TITLE
    assert record["filters"]["soort"] == ["Casus"]


def test_broken_case_gives_the_same_dutch_message_in_validate_and_build(
    repo_copy: Path,
) -> None:
    created = run(
        "new", "--map", str(repo_copy), "--titel", TITLE, "--samenvatting", "Een moestuin.",
        "--provincie", PROVINCE,
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    path = repo_copy / "cases" / f"{SLUG}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"provincie: {PROVINCE}", "provincie: gelderlnd"), "utf-8")
    message = "'gelderlnd' in 'plaats.provincie' staat niet in de woordenlijst 'provincies'"

    validate = run("validate", "--map", str(repo_copy))
    assert validate.exit_code == 1
    assert message in validate.output
    assert "Bedoelde je 'gelderland'?" in validate.output
    line = next(x for x in validate.output.splitlines() if message in x)
    assert line.startswith(f"cases/{SLUG}.md:")

    strict = mkdocs_build(repo_copy)
    assert strict.returncode != 0
    assert line in strict.stderr  # the very same line, file:line:col code message
    assert "Traceback" not in strict.stderr

    quiet = mkdocs_build(repo_copy, quiet=True)
    assert quiet.returncode != 0  # `-q` hides warnings, but a strict build still stops
    assert line in quiet.stderr

    lenient = mkdocs_build(repo_copy, strict=False)
    assert lenient.returncode == 0, lenient.stderr[-4000:]
    assert line in lenient.stderr
    # The case keeps its page, with its problems, so links to it keep working.
    page = (repo_copy / "site" / "casussen" / SLUG / "index.html").read_text(encoding="utf-8")
    # As a browser shows it: tags gone, runs of white space one space (the HTML is minified).
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    assert "Deze casus bevat fouten" in shown
    assert " ".join(line.split()) in shown
    assert "Let op: 1 probleem in de inhoud." in shown  # the banner above every page
