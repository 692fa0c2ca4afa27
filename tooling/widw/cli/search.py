"""`widw search`: search cases, lessons and episodes from the terminal.

Exit codes: 0 with results or none found; 1 when there is nothing to search or the index
cannot be used; 2 for a query or filter that cannot be understood.

`--json` prints one object with sorted keys:

    zoekvraag    the query as given
    filters      {facet: [terms]} as given with --thema, --rol, …
    aantal       number of matching documents (all, not only those shown)
    resultaten   [{soort, slug, titel, plaats, url, score, fragment, markeringen}], best
                 first; `markeringen` are [start, end) character spans in `fragment`
    facetten     {facet: {term: count}} over all matches
    suggestie    a corrected query ("bedoelde je …?") or null
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import project_paths, root_option

FACET_LISTS = {
    "thema": ("themas", "Thema's"),
    "element": ("elementen", "Elementen"),
    "rol": ("rollen", "Rollen"),
    "provincie": ("provincies", "Provincies"),
    "gemeente": ("", "Gemeenten"),
    "bundel": ("", "Bundels"),
    "uitkomst": ("uitkomsten", "Uitkomsten"),
    "participatievorm": ("participatievormen", "Participatievormen"),
    "status": ("", "Status"),
    "jaar": ("", "Jaren"),
}
"""Facet field → (vocabulary list for labels, Dutch heading)."""

FACET_SHOWN = 6
"""Values shown per facet in the terminal (the JSON has all)."""

KIND_NAMES = {"casus": "casus", "les": "les", "aflevering": "aflevering"}


class QueryProblem(click.ClickException):
    """A query or filter that cannot be understood (exit code 2)."""

    exit_code = 2


@click.command("search", cls=DutchHelp)
@click.argument("zoekvraag", nargs=-1, required=True)
@click.option("--thema", multiple=True, metavar="TERM", help="Alleen met dit thema (herhaalbaar).")
@click.option("--rol", multiple=True, metavar="TERM", help="Alleen voor deze rol (herhaalbaar).")
@click.option("--provincie", multiple=True, metavar="TERM", help="Alleen in deze provincie.")
@click.option("--bundel", multiple=True, type=click.IntRange(1, 4), help="Alleen uit bundel 1–4.")
@click.option(
    "--status", type=click.Choice(["beschreven", "stub"]), default=None, help="Alleen deze status."
)
@click.option(
    "--limit", type=click.IntRange(1, 200), default=10, show_default=True, help="Aantal resultaten."
)
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON (stabiel, voor scripts).")
@click.option("--herbouw", is_flag=True, help="Bouw de zoekindex helemaal opnieuw op.")
@root_option
def command(
    zoekvraag: tuple[str, ...],
    thema: tuple[str, ...],
    rol: tuple[str, ...],
    provincie: tuple[str, ...],
    bundel: tuple[int, ...],
    status: str | None,
    limit: int,
    as_json: bool,
    herbouw: bool,
    root: Path | None,
) -> None:
    """Zoek in casussen, lessen en afleveringen.

    Alle woorden moeten voorkomen. Gebruik "aanhalingstekens" voor een woordgroep,
    OR/OF en NOT/NIET, haakjes, en veld:term (bijvoorbeeld thema:ouderen, titel:wijk).
    """
    from widw.content.library import load_library
    from widw.search.engine import QuerySyntaxError, SearchError, SearchRequest
    from widw.search.index import ensure_index, search_cache_dir

    paths = project_paths(root)
    loaded = load_library(paths)
    library = loaded.library
    filters = _filters(library, thema, rol, provincie, bundel, status)
    if not (library.cases or library.lessons or library.episodes):
        raise click.ClickException(
            f"er is nog niets om te doorzoeken: geen geldige casussen, lessen of afleveringen "
            f"in {paths.root}."
        )
    err = _console(stderr=True)
    if loaded.errors:
        bad = len({p.path for p in loaded.errors})
        err.print(f"Let op: {bad} bestand(en) met fouten zijn niet doorzocht; zie 'widw validate'.")
    bar = _ProgressBar(err)
    try:
        index = ensure_index(library, search_cache_dir(paths.root), bar, rebuild=herbouw)
    except SearchError as exc:
        raise click.ClickException(exc.message) from None
    finally:
        bar.close()
    for notice in index.report.notices:
        err.print(notice, highlight=False)
    query = " ".join(zoekvraag)
    try:
        results = index.engine.search(SearchRequest(query, filters, limit))
    except QuerySyntaxError as exc:
        raise QueryProblem(exc.message) from None
    except SearchError as exc:
        raise click.ClickException(exc.message) from None
    finally:
        index.engine.close()
    if as_json:
        click.echo(
            json.dumps(_as_json(results, filters), ensure_ascii=False, indent=2, sort_keys=True)
        )
    else:
        _show(results, library, _console(stderr=False))


def _filters(
    library: Any,
    thema: tuple[str, ...],
    rol: tuple[str, ...],
    provincie: tuple[str, ...],
    bundel: tuple[int, ...],
    status: str | None,
) -> dict[str, list[str]]:
    """Facet filters, each term checked against the vocabulary (Dutch message otherwise)."""
    checked = {
        "thema": (thema, "themas"),
        "rol": (rol, "rollen"),
        "provincie": (provincie, "provincies"),
    }
    filters: dict[str, list[str]] = {}
    for name, (values, list_name) in checked.items():
        known = library.vocabulary.terms(list_name)
        for value in values:
            if value not in known:
                choices = ", ".join(known) or "(geen)"
                raise QueryProblem(
                    f"onbekende waarde '{value}' voor --{name}; kies uit: {choices}."
                )
        if values:
            filters[name] = sorted(set(values))
    if bundel:
        filters["bundel"] = sorted({str(n) for n in bundel})
    if status:
        filters["status"] = [status]
    return filters


def _as_json(results: Any, filters: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "zoekvraag": results.query,
        "filters": filters,
        "aantal": results.total,
        "resultaten": [
            {
                "soort": hit.kind,
                "slug": hit.slug,
                "titel": hit.title,
                "plaats": hit.place,
                "url": hit.url,
                "score": hit.score,
                "fragment": hit.snippet.text,
                "markeringen": [list(span) for span in hit.snippet.marks],
            }
            for hit in results.hits
        ],
        "facetten": results.facets,
        "suggestie": results.suggestion,
    }


def _show(results: Any, library: Any, console: Any) -> None:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    if not results.hits:
        console.print(Text(f"Geen resultaten voor ‘{results.query}’."))
        if results.suggestion:
            console.print(Text(f"Bedoelde je: {results.suggestion}?", style="bold"))
        return
    shown = len(results.hits)
    word = "resultaat" if results.total == 1 else "resultaten"
    extra = f", de beste {shown} hieronder" if shown < results.total else ""
    console.print(Text(f"{results.total} {word} voor ‘{results.query}’{extra}.", style="bold"))
    for number, hit in enumerate(results.hits, 1):
        console.print()
        head = Text(f"{number}. ", style="bold")
        head.append(hit.title, style="bold cyan")
        head.append(f"  [{KIND_NAMES.get(hit.kind, hit.kind)} · {hit.slug}]", style="dim")
        console.print(head)
        where = " — ".join(p for p in (hit.place, hit.url) if p)
        fragment = Text(hit.snippet.text)
        for start, end in hit.snippet.marks:
            fragment.stylize("bold yellow", start, end)
        console.print(Padding(Text(where, style="green"), (0, 0, 0, 3)))
        console.print(Padding(fragment, (0, 0, 0, 3)))
    if results.facets:
        table = Table(
            title="Verdeling van de resultaten", show_header=False, box=None, padding=(0, 1)
        )
        table.add_column(style="bold")
        table.add_column()
        for name, counts in results.facets.items():
            list_name, heading = FACET_LISTS.get(name, ("", name))
            items = [f"{_label(library, name, list_name, t)} ({n})" for t, n in counts.items()]
            more = f" en {len(items) - FACET_SHOWN} meer" if len(items) > FACET_SHOWN else ""
            table.add_row(heading, ", ".join(items[:FACET_SHOWN]) + more)
        console.print()
        console.print(table)


def _label(library: Any, facet: str, list_name: str, term: str) -> str:
    if list_name:
        return str(library.vocabulary.label(list_name, term))
    if facet == "bundel":
        return f"bundel {term}"
    if facet == "gemeente":
        from widw.content.fields import slugify

        for case in library.cases.values():
            if case.place.municipality and slugify(case.place.municipality) == term:
                return str(case.place.municipality)
    return term


def _console(stderr: bool) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


class _ProgressBar:
    """A rich progress bar on stderr (a terminal), shown only for long work (> 50 documents)."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.progress: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int, description: str) -> None:
        if total <= 50 or not self.console.is_terminal:
            return
        if self.progress is None:
            from rich.progress import Progress

            self.progress = Progress(console=self.console, transient=True)
            self.progress.start()
            self.task = self.progress.add_task(
                description[:1].upper() + description[1:], total=total
            )
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
