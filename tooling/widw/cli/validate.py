"""`widw validate`: check every content file and every cross-reference."""

from __future__ import annotations

from pathlib import Path

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import project_paths, root_option


@click.command("validate", cls=DutchHelp)
@root_option
@click.option("--json", "as_json", is_flag=True, help="Problemen als JSON (voor scripts en CI).")
@click.option("--strikt", is_flag=True, help="Waarschuwingen tellen als fouten.")
def command(root: Path | None, as_json: bool, strikt: bool) -> None:
    """Controleer alle casussen, lessen en afleveringen (exit 1 bij fouten)."""
    from widw.content.doccache import DocumentCache
    from widw.content.library import load_library
    from widw.content.problems import format_problems, problems_to_json, summary

    paths = project_paths(root)
    # The build's document cache: only files whose bytes changed are parsed again. A cache
    # that cannot be written (a read-only checkout) only costs time, so it is not an error.
    cache = DocumentCache(paths.cache_dir / "documents.json", best_effort=True)
    result = load_library(paths, strict=strikt, cache=cache)
    if as_json:
        click.echo(problems_to_json(result.problems))
    else:
        if result.problems:
            click.echo(format_problems(result.problems))
        lib = result.library
        counts = (
            f"{len(lib.cases)} casussen, {len(lib.lessons)} lessen, "
            f"{len(lib.episodes)} afleveringen"
        )
        verdict = "in orde" if result.ok else "niet in orde"
        click.echo(f"{counts} gecontroleerd: {summary(result.problems)} — {verdict}.", err=True)
    raise SystemExit(0 if result.ok else 1)
