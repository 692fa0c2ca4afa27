"""The `widw` command: a thin click group; every command lives in its own module."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import click

from widw.cli.dutch import DutchGroup
from widw.oserrors import unusable_path_message

COMMANDS = {
    "validate": "widw.cli.validate",
    "schema": "widw.cli.schema",
    "render": "widw.cli.render",
    "zoekindex": "widw.cli.zoekindex",
    "search": "widw.cli.search",
    "cite": "widw.cli.cite",
    "brief": "widw.cli.brief",
    "new": "widw.cli.new",
}
"""Command name → module exposing `command`; modules load only when their command runs."""


class LazyGroup(DutchGroup):
    """Imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, module in COMMANDS.items() if _exists(module)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None or not _exists(module):
            return None
        command: click.Command = importlib.import_module(module).command
        return command


def _exists(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="widw", message="widw %(version)s", help="Toon de versie en stop."
)
def cli() -> None:
    """Wij in de Wijk: casussen controleren, zoeken, citeren en de site maken."""


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the `widw` console script: no traceback, whatever goes wrong.

    A folder or file that cannot be used (a cache that is a file, an index folder that is
    read-only, a full disk) is one Dutch line with the path and what to do, exit 1. Anything
    unexpected is one Dutch line too, exit 2; `WIDW_DEBUG=1` shows the traceback.
    """
    try:
        return cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="widw")
    except OSError as exc:
        click.echo(f"Fout: {unusable_path_message(exc, _project_root())}", err=True)
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("WIDW_DEBUG"):
            raise
        click.echo(
            f"Fout: er ging iets onverwachts mis ({type(exc).__name__}: {exc}). Meld dit aan "
            "de redactie, met het commando dat je gaf; met WIDW_DEBUG=1 ervoor zie je de "
            "technische details.",
            err=True,
        )
        sys.exit(2)


def _project_root() -> Path:
    """The folder with vocabulary.yml, from the current folder upwards (else the current)."""
    here = Path.cwd()
    return next((p for p in (here, *here.parents) if (p / "vocabulary.yml").is_file()), here)
