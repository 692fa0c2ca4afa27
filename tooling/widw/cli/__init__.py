"""The `widw` command: a thin click group; every command lives in its own module."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from widw.cli.dutch import DutchGroup

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
    """Entry point of the `widw` console script."""
    return cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="widw")
