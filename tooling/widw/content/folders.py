"""The content folders: which files are read, and a message for every file that is not."""

from __future__ import annotations

import os
from pathlib import Path

from widw.content.problems import Problem

MARKDOWN_LIKE = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt"}
"""Endings of files that look like they were meant as content files."""


def content_files(root: Path, folder: str) -> tuple[list[Path], list[Problem]]:
    """The `*.md` files directly in a content folder, and an error for everything else.

    Hidden entries (starting with '.') belong to the system or the editor and are passed
    over; every other file or folder that would be silently skipped gets an error instead.
    """
    directory = root / folder
    if not directory.is_dir():
        return [], []
    try:
        with os.scandir(directory) as scan:  # DirEntry knows its type without a stat call
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        message = f"de map {folder}/ kan niet worden gelezen ({exc.strerror})"
        return [], [Problem(f"{folder}/", 1, 1, "onleesbaar", message)]
    files: list[Path] = []
    problems: list[Problem] = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        shown = f"{folder}/{name}"
        if entry.is_dir():
            problems.append(
                Problem(
                    f"{shown}/",
                    1,
                    1,
                    "map-genegeerd",
                    f"de map '{shown}/' wordt niet gelezen: bestanden horen direct in "
                    f"{folder}/ te staan; verplaats ze naar {folder}/ of haal de map weg",
                )
            )
        elif name.endswith(".md"):
            files.append(directory / name)
        else:
            problems.append(Problem(shown, 1, 1, "bestand-genegeerd", _skipped(Path(name), folder)))
    return files, problems


def _skipped(file: Path, folder: str) -> str:
    if file.suffix.lower() in MARKDOWN_LIKE:
        return (
            f"'{file.name}' wordt niet gelezen: alleen bestanden die eindigen op '.md' "
            f"(kleine letters) tellen mee; hernoem het naar '{file.stem}.md'"
        )
    return (
        f"'{file.name}' wordt niet gelezen: in {folder}/ staan alleen Markdown-bestanden "
        f"die eindigen op '.md'; zet dit bestand ergens anders neer"
    )
