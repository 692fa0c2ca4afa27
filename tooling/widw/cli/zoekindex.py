"""`widw zoekindex`: write the browser search index (Pagefind) into a built site folder."""

from __future__ import annotations

from pathlib import Path

import click

from widw.cli.dutch import DutchHelp


@click.command("zoekindex", cls=DutchHelp)
@click.argument(
    "site_dir",
    metavar="SITEMAP",
    type=click.Path(file_okay=False, path_type=Path),
)
def command(site_dir: Path) -> None:
    """Maak de zoekindex van de gebouwde site in SITEMAP (na elke sitebouwer, zoals Zensical)."""
    from widw.site.browser_index import IndexingError, index_site

    try:
        report = index_site(site_dir)
    except IndexingError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{report.pages} pagina's doorzocht; zoekindex in {report.output}.", err=True)
