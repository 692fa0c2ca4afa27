"""Write a new content file safely: never over an existing file, never left invalid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widw.atomic import write_atomic
from widw.content.library import ProjectPaths, load_library
from widw.content.problems import Problem, format_problems
from widw.content.reader import Kind
from widw.editor.scaffold import FOLDERS, KIND_NL


class CreateError(Exception):
    """A new file could not be created; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class Created:
    """A file written and validated: its path, its own warnings, errors elsewhere."""

    path: Path
    display: str
    warnings: list[Problem]
    other_errors: int


def target_path(paths: ProjectPaths, kind: Kind, name: str) -> tuple[Path, str]:
    """(absolute path, path as shown to editors) of a new content file."""
    folder = paths.folder(kind)
    return paths.root / folder / f"{name}.md", f"{folder or FOLDERS[kind]}/{name}.md"


def create_file(paths: ProjectPaths, kind: Kind, name: str, text: str) -> Created:
    """Write `text` as a new file and validate the whole project.

    Refuses to overwrite. If the new file has errors it is removed again and the errors are
    raised as a `CreateError`, so no invalid file is left behind.
    """
    path, display = target_path(paths, kind, name)
    if path.exists():
        raise CreateError(
            f"{display} bestaat al. 'widw new' overschrijft nooit een bestaand bestand, "
            f"zodat er geen werk verloren gaat. Kies een andere naam (--slug of --id), of "
            f"open {display} en vul het bestaande bestand aan."
        )
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise CreateError(f"kan {display} niet schrijven: {exc.strerror}") from None
    result = load_library(paths)
    own = [p for p in result.problems if p.path == display]
    errors = [p for p in own if p.is_error]
    if errors:
        path.unlink(missing_ok=True)
        raise CreateError(
            f"de nieuwe {KIND_NL[kind]} is niet bewaard, want de controle vond:\n"
            f"{format_problems(errors)}\nPas de gegevens aan en probeer het opnieuw."
        )
    others = sum(1 for p in result.problems if p.is_error and p.path != display)
    return Created(path, display, [p for p in own if not p.is_error], others)
