"""`widw render`: write the site's Markdown pages and assets to a folder."""

from __future__ import annotations

from pathlib import Path

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import project_paths, root_option


@click.command("render", cls=DutchHelp)
@root_option
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="MAP",
    help="Map waarin de pagina's komen (wordt in één keer vervangen).",
)
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="Adres van de site voor citaties (standaard: site_url uit mkdocs.yml).",
)
@click.option(
    "--config-uit",
    "config_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="BESTAND",
    help=(
        "Schrijf ook een mkdocs.yml zonder widw-plugin die MAP als docs_dir gebruikt, "
        "met relatieve paden (voor MkDocs en Zensical)."
    ),
)
def command(root: Path | None, out: Path, site_url: str | None, config_out: Path | None) -> None:
    """Schrijf alle pagina's naar MAP, voor een sitebouwer zonder plugins (zoals Zensical)."""
    from widw.assemble import SiteOptions, assemble_site, build_cache
    from widw.atomic import write_atomic
    from widw.content.library import load_library
    from widw.content.problems import format_problems
    from widw.content.siteurl import (
        configured_site_url,
        normalise,
        placeholder_warning,
        public_repo_url,
    )
    from widw.site.plainconfig import plain_config
    from widw.site.publish import PublishError, overrides_dir, read_config, write_tree

    paths = project_paths(root)
    out_dir = out.resolve()
    protected = [paths.root, *(paths.root / f for f, _ in paths.folders()), paths.root / "docs"]
    if any(out_dir == p.resolve() or p.resolve().is_relative_to(out_dir) for p in protected):
        raise click.ClickException(
            f"{out} is de projectmap of een inhoudsmap; kies een aparte uitvoermap."
        )
    result = load_library(paths)
    if not result.ok:
        click.echo(format_problems(result.errors), err=True)
        count = len(result.errors)
        raise click.ClickException(
            f"de inhoud bevat {count} {'fout' if count == 1 else 'fouten'}; er is niets geschreven."
        )
    mkdocs_yml = paths.root / "mkdocs.yml"
    config = read_config(mkdocs_yml) if mkdocs_yml.is_file() else {}
    site_url = normalise(site_url) if site_url else configured_site_url(config.get("site_url"))
    site_url = site_url or "/"
    warning = placeholder_warning(site_url)
    if warning:
        click.echo(warning, err=True)
    repo_url = config.get("repo_url")
    options = SiteOptions(
        site_url=site_url,
        root=paths.root,
        repo_url=public_repo_url(str(repo_url)) if repo_url else None,
        parallel=True,
    )
    site = assemble_site(result.library, options, build_cache(paths.root))
    custom = (
        config.get("theme", {}).get("custom_dir") if isinstance(config.get("theme"), dict) else None
    )
    themes = [overrides_dir(), *([paths.root / str(custom)] if custom else [])]
    try:
        count = write_tree(site, out_dir, docs=paths.root / "docs", themes=themes)
    except PublishError as exc:
        raise click.ClickException(str(exc)) from exc
    if config_out is not None:
        if not mkdocs_yml.is_file():
            raise click.ClickException(f"{mkdocs_yml} bestaat niet; geen config geschreven.")
        written = plain_config(mkdocs_yml, out_dir, config_out)
        write_atomic(config_out, written.text)
        if written.dropped:
            click.echo(f"Niet in {config_out}: {', '.join(written.dropped)}.", err=True)
        if not out_dir.is_relative_to(config_out.resolve().parent):
            click.echo(
                f"Let op: Zensical bouwt {config_out} alleen als {out} in dezelfde map "
                "staat als het configuratiebestand of daaronder.",
                err=True,
            )
    click.echo(f"{count} bestanden geschreven naar {out_dir}.", err=True)
