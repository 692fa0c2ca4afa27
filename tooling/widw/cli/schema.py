"""`widw schema`: write the JSON Schemas of a case, a lesson and an episode."""

from __future__ import annotations

from pathlib import Path

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import project_paths, root_option


@click.command("schema", cls=DutchHelp)
@root_option
@click.option(
    "--uit",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map voor de schema's (standaard: tooling/widw/content/schemas in het project).",
)
@click.option("--check", is_flag=True, help="Alleen controleren of de schema's actueel zijn.")
def command(root: Path | None, out: Path | None, check: bool) -> None:
    """Schrijf de JSON Schema's van casus, les en aflevering."""
    from widw.atomic import write_atomic
    from widw.content.schema import COMMITTED_SCHEMAS, schema_files

    paths = project_paths(root)
    target = out or paths.root / COMMITTED_SCHEMAS
    stale = []
    for name, text in schema_files().items():
        path = target / name
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        try:
            write_atomic(path, text)
        except OSError as exc:
            raise click.ClickException(f"kan {path} niet schrijven: {exc.strerror}") from None
        click.echo(f"geschreven: {path}")
    if stale:
        for path in stale:
            click.echo(f"verouderd of ontbrekend: {path}", err=True)
        raise click.ClickException("de schema's zijn niet actueel; voer 'widw schema' uit")
