"""`widw cite`: a citation of a case, lesson or episode page, for show notes and papers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import project_paths, root_option

if TYPE_CHECKING:
    from widw.cite.csl import CslItem
    from widw.content.library import LoadResult
    from widw.content.reader import Kind

FORMAT_NAMES = ("apa", "bibtex", "ris", "csl-json", "markdown")


def suggestions(name: str, candidates: list[str], limit: int = 3) -> list[str]:
    """Close matches for a mistyped name (rapidfuzz)."""
    from rapidfuzz import fuzz, process

    matches = process.extract(name, candidates, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [match for match, _, _ in matches]


def unknown_message(name: str, what: str, candidates: list[str]) -> str:
    """'onbekende casus 'x'; bedoelde je 'y'?'"""
    close = suggestions(name, candidates)
    hint = f"; bedoelde je {' of '.join(repr(c) for c in close)}?" if close else "."
    return f"onbekende {what} '{name}'{hint}"


def find_item(result: LoadResult, name: str, *, site_url: str, today: dt.date) -> CslItem:
    """The CSL item for a slug, alias or citation key of a case, lesson or episode."""
    from widw.cite import csl
    from widw.content.kinds import KINDS

    lib = result.library
    bare = name.split(":", 1)[-1]
    kinds: tuple[Kind, ...] = tuple(KINDS)
    for kind, info in KINDS.items():
        if info.citation_prefix and name.startswith(info.citation_prefix):
            kinds = (kind,)
    for kind in kinds:
        slug = lib.resolve(kind, bare)
        if slug is None:
            continue
        url = csl.entry_url(site_url, kind, slug)
        if kind == "case":
            return csl.case_item(lib.cases[slug], url=url, accessed=today)
        if kind == "lesson":
            return csl.lesson_item(lib.lessons[slug], url=url, accessed=today)
        return csl.episode_item(lib.episodes[slug], url=url, accessed=today)
    candidates = [*lib.cases, *lib.lessons, *lib.episodes]
    candidates += [a for c in lib.cases.values() for a in c.aliases]
    message = unknown_message(name, "casus, les of aflevering", candidates)
    if result.errors:
        message += " Let op: niet alle bestanden zijn geldig; voer 'widw validate' uit."
    raise click.ClickException(message)


def publish(result: LoadResult, root: Path) -> None:
    """Add the current slugs to published-slugs.txt (on release)."""
    from widw.content.problems import format_problems
    from widw.content.published import PUBLISHED_FILE, check_published, update_published

    path = root / PUBLISHED_FILE
    problems = check_published(result.library, path)
    if problems or not result.ok:
        if problems:
            click.echo(format_problems(problems), err=True)
        raise click.ClickException(
            "publiceren kan pas als alles in orde is; voer eerst 'widw validate' uit."
        )
    try:
        added = update_published(result.library, path)
    except OSError as exc:
        raise click.ClickException(f"kan {path} niet schrijven: {exc.strerror}") from None
    click.echo(f"{PUBLISHED_FILE}: {added} nieuwe slug(s) toegevoegd.")


@click.command("cite", cls=DutchHelp)
@click.argument("slugs", nargs=-1, metavar="SLUG...")
@click.option(
    "--alle",
    is_flag=True,
    help="Alle casussen, lessen en afleveringen (zoals citations.bib op de site).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMAT_NAMES, case_sensitive=False),
    default="apa",
    help="Vorm van de verwijzing (standaard: apa).",
)
@click.option(
    "--datum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="JJJJ-MM-DD",
    help="Datum van raadplegen (standaard: vandaag).",
)
@click.option(
    "--publiceer",
    is_flag=True,
    help="Bij een release: zet alle huidige slugs in published-slugs.txt.",
)
@root_option
def command(
    slugs: tuple[str, ...],
    alle: bool,
    fmt: str,
    datum: dt.datetime | None,
    publiceer: bool,
    root: Path | None,
) -> None:
    """Geef de verwijzing naar een of meer casussen, lessen of afleveringen in APA, BibTeX,
    RIS, CSL-JSON of Markdown. SLUG mag ook een oude slug (alias) zijn, of een
    citeersleutel als les:ID of media:SLUG."""
    from widw.cite import formats
    from widw.cite.exports import library_items
    from widw.content.library import load_library
    from widw.content.siteurl import placeholder_warning, site_url_for

    if alle and slugs:
        raise click.UsageError("geef SLUG's op of gebruik --alle, niet allebei.")
    paths = project_paths(root)
    result = load_library(paths)
    if publiceer:
        publish(result, paths.root)
        if not slugs and not alle:
            return
    if not slugs and not alle:
        raise click.UsageError("geef een of meer SLUG's op, of gebruik --alle of --publiceer.")
    site_url = site_url_for(paths.root)
    warning = placeholder_warning(site_url)
    if warning:
        click.echo(warning, err=True)
    today = datum.date() if datum else dt.date.today()
    if alle:
        items = library_items(result.library, site_url=site_url, today=today)
    else:
        items = []
        for name in dict.fromkeys(s.strip() for s in slugs):
            item = find_item(result, name, site_url=site_url, today=today)
            if all(item["id"] != seen["id"] for seen in items):
                items.append(item)
    name = fmt.lower()
    chosen = next(f for f in formats.FORMATS if f == name)
    click.echo(formats.write(items, chosen), nl=False)
