"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported when used: `widw search` answers without the content models
    from widw.content.library import ProjectPaths


def find_root(start: Path) -> Path:
    """The nearest folder (upwards) that holds vocabulary.yml, or the start folder."""
    for folder in (start, *start.parents):
        if (folder / "vocabulary.yml").is_file():
            return folder
    return start


root_option = click.option(
    "--map",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="MAP",
    default=None,
    help="Projectmap (standaard: de map met vocabulary.yml, vanaf de huidige map omhoog).",
)


def project_paths(root: Path | None) -> ProjectPaths:
    """Project paths for the given root, or the one found from the working directory."""
    from widw.content.library import ProjectPaths

    return ProjectPaths(root.resolve() if root else find_root(Path.cwd()))
