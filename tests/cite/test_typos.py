"""Fact lines without typos: several funding lines on the case page and in the pack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from tests.cite.conftest import SITE
from tests.cite.test_tables import FULL_CASE
from widw.cite.brief import build_brief, funding_lines
from widw.content.library import ProjectPaths, load_library
from widw.site import build_site
from widw.site.plainconfig import plain_config


def test_several_funding_lines_read_cleanly(
    make_project: Callable[[Mapping[str, str | bytes]], Path],
) -> None:
    result = load_library(ProjectPaths(make_project({"cases/alles-bekend.md": FULL_CASE})))
    assert result.ok, [p.format() for p in result.errors]
    library = result.library
    page = build_site(library, site_url=SITE).pages["casussen/alles-bekend.md"]
    row = next(line for line in page.splitlines() if "Gemeentelijke subsidie" in line)
    assert ".;" not in row
    assert "Gemeentelijke subsidie (€ 5.000); Zonder subsidie" in row  # the fact card
    # The descriptions follow the story, one line each (issue 19's case page order).
    money = page[page.index("Geld en afloop") :]
    assert ":   **Gemeentelijke subsidie (€ 5.000)**: Eerste jaren." in money
    assert ":   **Zonder subsidie**: Daarna eigen inkomsten." in money
    case = library.cases["alles-bekend"]
    assert funding_lines(library, case) == [
        "Gemeentelijke subsidie (€ 5.000): Eerste jaren.",
        "Zonder subsidie: Daarna eigen inkomsten.",
    ]
    pack = build_brief(library, ["alles-bekend"], site_url=SITE, today=dt.date(2026, 12, 1))
    assert "Eerste jaren.<br>Zonder subsidie" in pack


def test_rendered_config_leaves_out_a_placeholder_repository(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: T\nsite_url: https://wijindewijk.example/\n"
        "repo_url: https://code.example/x/y\nrepo_name: Broncode\nedit_uri: edit/main/docs/\n",
        encoding="utf-8",
    )
    written = tmp_path / "plain.yml"
    plain = yaml.safe_load(plain_config(config, tmp_path / "pages", written).text)
    assert not {"repo_url", "repo_name", "edit_uri"} & set(plain)
    config.write_text(
        "site_name: T\nrepo_url: https://github.com/movisie/kennisbank\n", encoding="utf-8"
    )
    assert yaml.safe_load(plain_config(config, tmp_path / "pages", written).text)["repo_url"] == (
        "https://github.com/movisie/kennisbank"
    )
