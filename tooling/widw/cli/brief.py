"""`widw brief`: a printable handout for a reflection session about one or more cases."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import project_paths, root_option

DEFAULT_OUTPUT = "brief.html"

_REASONS = {
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "geen schrijfrechten",
    errno.EPERM: "geen schrijfrechten",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EISDIR: "dat is een map",
}


def os_reason(exc: OSError) -> str:
    """A Dutch reason for a failed write."""
    return _REASONS.get(exc.errno or 0, f"schrijven mislukt ({exc.strerror or exc})")


@click.command("brief", cls=DutchHelp)
@click.argument("slugs", nargs=-1, required=True, metavar="SLUG...")
@click.option("--rol", default=None, metavar="ROL", help="Alleen de lessen voor deze rol.")
@click.option(
    "-o",
    "--uit",
    "output",
    default=DEFAULT_OUTPUT,
    metavar="BESTAND",
    help=f"HTML-bestand (standaard: {DEFAULT_OUTPUT}); '-' schrijft naar de terminal.",
)
@click.option(
    "--datum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="JJJJ-MM-DD",
    help="Datum op de hand-out en in de verwijzingen (standaard: vandaag).",
)
@root_option
def command(
    slugs: tuple[str, ...],
    rol: str | None,
    output: str,
    datum: dt.datetime | None,
    root: Path | None,
) -> None:
    """Maak één printbare HTML-hand-out voor een reflectiesessie over de casussen SLUG...:
    per casus plaats, periode, een vraag voor het gesprek en de uitkomst, dan de lessen
    (wat ze zeggen, voor wie en uit welke bron), kerngegevens, bronnen, QR-code en
    verwijzing."""
    from widw.atomic import write_atomic
    from widw.cite.brief import build_brief
    from widw.cli.cite import unknown_message
    from widw.content.library import load_library
    from widw.content.siteurl import placeholder_warning, site_url_for

    paths = project_paths(root)
    result = load_library(paths)
    lib = result.library
    roles = lib.vocabulary.terms("rollen")
    if rol is not None and rol not in roles:
        message = unknown_message(rol, "rol", list(roles))
        raise click.ClickException(f"{message} Kies uit: {', '.join(roles)}.")
    current: list[str] = []
    candidates = [*lib.cases, *(a for c in lib.cases.values() for a in c.aliases)]
    for name in slugs:
        slug = lib.resolve("case", name.strip())
        if slug is None:
            raise click.ClickException(unknown_message(name, "casus", candidates))
        if slug not in current:
            current.append(slug)
    today = datum.date() if datum else dt.date.today()
    site_url = site_url_for(paths.root)
    warning = placeholder_warning(site_url)
    if warning:
        click.echo(warning, err=True)
    html = build_brief(lib, current, role=rol, site_url=site_url, today=today)
    if output == "-":
        click.echo(html, nl=False)
        return
    target = Path(output)
    if target.is_dir():
        raise click.ClickException(f"kan {target} niet schrijven: dat is een map.")
    try:
        write_atomic(target, html)
    except OSError as exc:
        raise click.ClickException(f"kan {target} niet schrijven: {os_reason(exc)}.") from None
    click.echo(f"geschreven: {target} ({len(current)} casus(sen))")
