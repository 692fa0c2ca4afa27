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
    verbeterd    the corrected query whose results are shown (the typed one found
                 nothing), or null
    een_van_de_woorden  true when all words together found fewer than three results and
                 results with any of the words are shown too
    alle_woorden how many results matched all words (ranked first)
    resultaten[].via  why a hit matched when its fragment shows no typed word
                 ("via thema Ouderen", "via synoniem ‘nieuwkomers’"), or null

A warm run does not read the library: when no content file changed since the index was
built (sizes and times, then sha256; see widw.search.snapshot), it opens the index as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from widw.cli.dutch import DutchHelp
from widw.cli.options import root_option
from widw.content.kinds import KINDS  # plain data: the warm path imports no pydantic

CACHE = Path(".cache") / "widw" / "search"
"""The search cache directory under the project root (see widw.search.index)."""

FACET_HEADINGS = {
    "thema": "Thema's",
    "element": "Elementen",
    "rol": "Rollen",
    "provincie": "Provincies",
    "gemeente": "Gemeenten",
    "bundel": "Bundels",
    "uitkomst": "Uitkomsten",
    "participatievorm": "Participatievormen",
    "status": "Status",
    "jaar": "Jaren",
}
"""Facet field → Dutch heading in the overview of results (kept here, not read from the
models: the warm path shows results without importing them)."""

FACET_SHOWN = 6
"""Values shown per facet in the terminal (the JSON has all)."""


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

    Alle woorden moeten voorkomen; vinden ze samen weinig, dan zoekt widw ook op een deel
    van de woorden en zegt dat. Synoniemen uit de woordenlijst en woordvormen tellen mee.
    Gebruik "aanhalingstekens" voor een woordgroep, OR/OF en NOT/NIET, haakjes, en
    veld:term (bijvoorbeeld thema:ouderen, titel:wijk).
    """
    from widw.cli.options import find_root

    project = root.resolve() if root else find_root(Path.cwd())
    fast = None if herbouw else _open_fresh(project)
    if fast is not None:
        engine, shown = fast
    else:
        engine, shown = _open_checked(project, herbouw, _console(stderr=True))
    if shown.errors:
        _console(stderr=True).print(
            f"Let op: {shown.errors} bestand(en) met fouten zijn niet doorzocht; "
            "zie 'widw validate'."
        )
    from widw.search.engine import QuerySyntaxError, SearchError, SearchRequest

    query = " ".join(zoekvraag)
    filters = _filters(shown.labels, thema, rol, provincie, bundel, status)
    request = SearchRequest(query, filters, limit)
    try:
        results = _search(engine, request, fast is not None)
        if results is None:  # an index that opened but cannot be read: build it anew
            _forget(engine)
            err = _console(stderr=True)
            err.print("De zoekindex kon niet gelezen worden; hij wordt opnieuw opgebouwd.")
            engine, shown = _open_checked(project, True, err)
            results = engine.search(request)
    except QuerySyntaxError as exc:
        raise QueryProblem(exc.message) from None
    except SearchError as exc:
        raise click.ClickException(exc.message) from None
    finally:
        engine.close()
    if as_json:
        click.echo(
            json.dumps(_as_json(results, filters), ensure_ascii=False, indent=2, sort_keys=True)
        )
    else:
        _show(results, shown.labels, _console(stderr=False))


def _search(engine: Any, request: Any, may_fail: bool) -> Any:
    """The results, or None if `may_fail` and the index cannot be read (Dutch errors pass)."""
    import warnings

    from widw.search.engine import SearchError

    # Whoosh leaves segment files open when reading fails; they close (and would warn)
    # when the exception is dropped, inside this block.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return engine.search(request)
        except SearchError:
            raise
        except Exception:
            if not may_fail:
                raise
    return None


def _forget(engine: Any) -> None:
    """Close a damaged index, including the files Whoosh left open when reading failed."""
    import contextlib
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        with contextlib.suppress(Exception):  # closing may fail too; it is rebuilt anyway
            engine.close()
        gc.collect()


def _content(project: Path) -> tuple[list[str], list[str]]:
    """The content folders and files whose change means the library must be read again."""
    folders = [info.source_folder for info in KINDS.values()]
    return folders, ["vocabulary.yml", "published-slugs.txt"]


def _open_fresh(project: Path) -> tuple[Any, Any] | None:
    """The index and the snapshot of what it was built from, if no content file changed."""
    from widw.search import snapshot

    cache = project / CACHE
    shown = snapshot.load(cache)
    if shown is None:
        return None
    folders, files = _content(project)
    if not snapshot.unchanged(
        project, snapshot.content_files(project, folders, files), shown.files
    ):
        return None
    from widw.search.index import open_current

    engine = open_current(cache)
    if engine is None:
        return None
    if engine.directory.name != shown.index or engine.generation() != shown.generation:
        engine.close()
        return None
    engine.set_synonyms(shown.synonyms)
    return engine, shown


def _open_checked(project: Path, rebuild: bool, err: Any) -> tuple[Any, Any]:
    """Read and check the library, bring the index up to date, record a new snapshot."""
    from widw.cli.options import project_paths
    from widw.content.library import load_library
    from widw.search import snapshot
    from widw.search.engine import SearchError
    from widw.search.index import ensure_index

    paths = project_paths(project)
    cache = project / CACHE
    folders, files = _content(project)
    before = snapshot.take(project, snapshot.content_files(project, folders, files))
    loaded = load_library(paths)
    library = loaded.library
    if not (library.cases or library.lessons or library.episodes):
        raise click.ClickException(
            f"er is nog niets om te doorzoeken: geen geldige casussen, lessen of afleveringen "
            f"in {paths.root}."
        )
    bar = _ProgressBar(err)
    try:
        index = ensure_index(library, cache, bar, rebuild=rebuild)
    except SearchError as exc:
        raise click.ClickException(exc.message) from None
    finally:
        bar.close()
    for notice in index.report.notices:
        err.print(notice, highlight=False)
    shown = snapshot.Snapshot(
        index=index.directory.name,
        generation=index.engine.generation(),
        files=before,
        labels=_labels(library),
        synonyms=[list(group) for group in library.vocabulary.synonyms],
        errors=len({p.path for p in loaded.errors}),
    )
    try:
        snapshot.save(cache, shown)
    except OSError:
        snapshot.remove(cache)
    return index.engine, shown


def _labels(library: Any) -> dict[str, dict[str, str]]:
    """Facet field → term → Dutch label, for filters and the overview of results."""
    from widw.content.fieldmeta import facet_facts
    from widw.content.fields import slugify
    from widw.content.kinds import KINDS

    labels: dict[str, dict[str, str]] = {}
    for info in KINDS.values():
        for facts in facet_facts(info.model):
            if facts.vocabulary:
                terms = library.vocabulary.terms(facts.vocabulary)
                labels[facts.meta["facet"]] = {term: entry.label for term, entry in terms.items()}
    labels["gemeente"] = {
        slugify(case.place.municipality): case.place.municipality
        for case in library.cases.values()
        if case.place.municipality
    }
    return labels


def _filters(
    labels: dict[str, dict[str, str]],
    thema: tuple[str, ...],
    rol: tuple[str, ...],
    provincie: tuple[str, ...],
    bundel: tuple[int, ...],
    status: str | None,
) -> dict[str, list[str]]:
    """Facet filters, each term checked against the vocabulary (Dutch message otherwise)."""
    checked = {"thema": thema, "rol": rol, "provincie": provincie}
    filters: dict[str, list[str]] = {}
    for name, values in checked.items():
        known = labels.get(name, {})
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
                "via": hit.reason,
            }
            for hit in results.hits
        ],
        "facetten": results.facets,
        "suggestie": results.suggestion,
        "verbeterd": results.corrected,
        "een_van_de_woorden": results.any_word,
        "alle_woorden": results.all_words,
    }


def _show(results: Any, labels: dict[str, dict[str, str]], console: Any) -> None:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    if not results.hits:
        console.print(Text(f"Geen resultaten voor ‘{results.query}’."))
        return
    for line in _explanation(results):
        console.print(Text(line, style="bold"))
    shown = len(results.hits)
    asked = results.corrected or results.query
    word = "resultaat" if results.total == 1 else "resultaten"
    extra = f", de beste {shown} hieronder" if shown < results.total else ""
    console.print(Text(f"{results.total} {word} voor ‘{asked}’{extra}.", style="bold"))
    for number, hit in enumerate(results.hits, 1):
        console.print()
        head = Text(f"{number}. ", style="bold")
        head.append(hit.title, style="bold cyan")
        head.append(f"  [{hit.kind} · {hit.slug}]", style="dim")
        console.print(head)
        where = " — ".join(p for p in (hit.place, hit.url) if p)
        fragment = Text(hit.snippet.text)
        for start, end in hit.snippet.marks:
            fragment.stylize("bold yellow", start, end)
        console.print(Padding(Text(where, style="green"), (0, 0, 0, 3)))
        if hit.reason:
            console.print(Padding(Text(f"Gevonden {hit.reason}.", style="italic"), (0, 0, 0, 3)))
        console.print(Padding(fragment, (0, 0, 0, 3)))
    if results.facets:
        table = Table(
            title="Verdeling van de resultaten", show_header=False, box=None, padding=(0, 1)
        )
        table.add_column(style="bold")
        table.add_column()
        for name, counts in results.facets.items():
            heading = FACET_HEADINGS.get(name, name)
            items = [f"{_label(labels, name, t)} ({n})" for t, n in counts.items()]
            more = f" en {len(items) - FACET_SHOWN} meer" if len(items) > FACET_SHOWN else ""
            table.add_row(heading, ", ".join(items[:FACET_SHOWN]) + more)
        console.print()
        console.print(table)


def _label(labels: dict[str, dict[str, str]], facet: str, term: str) -> str:
    if facet == "bundel":
        return f"bundel {term}"
    return labels.get(facet, {}).get(term, term)


def _explanation(results: Any) -> list[str]:
    """Dutch lines that say how the query was read (typo corrected, any word)."""
    lines = []
    if results.corrected:
        lines.append(
            f"Niets gevonden voor ‘{results.query}’. Bedoelde je: {results.corrected}? "
            "Hieronder de resultaten daarvoor."
        )
    if results.any_word:
        found = results.all_words
        together = (
            "geen resultaten"
            if not found
            else ("maar 1 resultaat" if found == 1 else f"maar {found} resultaten")
        )
        first = {0: "", 1: " (dat staat bovenaan)"}.get(found, " (die staan bovenaan)")
        if len(results.query.split()) > 1:
            lines.append(
                f"Alle woorden samen gaven {together}{first}; daarom ook resultaten met een "
                "deel van de woorden."
            )
        else:
            lines.append(
                f"Het hele woord gaf {together}{first}; daarom ook resultaten met een deel "
                "van het woord."
            )
    return lines


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
