"""`widw new`: start a new case (default), lesson or episode file with every field in it.

`widw new` and `widw new casus` make a case; `widw new les` a lesson; `widw new aflevering`
an episode. Give `--titel` (and the other options) to answer everything from the command
line; leave `--titel` out to be asked question by question.

One implementation serves the three kinds: `RECIPES` holds what differs per kind (options,
questions, checks, the values written), `_new` does the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import click

from widw.cli.dutch import DutchGroup, DutchHelp
from widw.cli.options import project_paths, root_option
from widw.content.library import ProjectPaths
from widw.content.reader import Kind
from widw.content.vocabulary import Vocabulary

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
Answers = dict[str, Any]


class DefaultCaseGroup(DutchGroup):
    """A group that runs `casus` when no subcommand is named (`widw new --titel …`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in {"-h", "--help"}):
            args = ["casus", *args]
        return super().parse_args(ctx, args)


@click.group("new", cls=DefaultCaseGroup)
def command() -> None:
    """Maak een nieuwe casus (standaard), les of aflevering met alle velden erin."""


@dataclass(frozen=True)
class Recipe:
    """What `widw new` does differently for one kind of content file."""

    word: str
    """The subcommand: the kind's Dutch name."""
    help: str
    options: tuple[Decorator, ...]
    """The kind's own options, in the order `--help` lists them (before the source's)."""
    name: tuple[str, str]
    """(answer key, option) of the name in the URL: ('slug', '--slug') or ('lesson_id', '--id')."""
    ask: Callable[[Vocabulary, Answers], Answers]
    """The questions asked when `--titel` is left out."""
    given: tuple[tuple[str, str], ...]
    """(answer key, message): what must come with `--titel`."""
    required: tuple[tuple[str, str], ...]
    """(answer key, message): what the file cannot do without, asked or given."""
    terms: tuple[tuple[str, str, str], ...]
    """(answer key, vocabulary list, option) of every option that takes terms."""
    source_required: str | None
    """The message when the kind needs a source and none was given (None: a stub may do)."""
    values: Callable[[Answers, str, dict[str, Any] | None], dict[str, Any]]
    """The values of the new file from the answers, its name and its source."""


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options for one source (bron)."""
    for option in reversed(
        [
            click.option("--bron-url", help="Webadres van de bron (https://…).", metavar="URL"),
            click.option("--bron-titel", help="Titel van de bron.", metavar="TEKST"),
            click.option("--bron-uitgever", help="Uitgever van de bron.", metavar="TEKST"),
            click.option(
                "--bron-datum",
                help="Datum van de bron: JJJJ, JJJJ-MM of JJJJ-MM-DD.",
                metavar="TEKST",
            ),
            click.option(
                "--bron-soort", help="Soort bron (woordenlijst: bronsoorten).", metavar="TERM"
            ),
        ]
    ):
        func = option(func)
    return func


def _new(kind: Kind, root: Path | None, answers: Answers) -> None:
    """Ask or check the answers, then write the new file of this kind."""
    from widw.content.fields import slugify
    from widw.editor.scaffold import scaffold_text

    recipe = RECIPES[kind]
    paths, vocabulary = _project(root)
    if answers["titel"] is None:
        answers = recipe.ask(vocabulary, answers)
    else:
        for key, message in recipe.given:
            if not answers[key]:
                raise click.ClickException(message)
    key, option = recipe.name
    name = answers[key] or slugify(answers["titel"])
    _check_name(name, option)
    for key, message in recipe.required:
        if not answers[key]:
            raise click.ClickException(message)
    for key, list_name, option in recipe.terms:
        value = answers[key]
        _check_terms(
            vocabulary, list_name, option, value if isinstance(value, tuple | list) else [value]
        )
    source = _source(vocabulary, answers)
    if source is None and recipe.source_required:
        raise click.ClickException(recipe.source_required)
    values = recipe.values(answers, name, source)
    text = scaffold_text(kind, values, vocabulary, today=dt.date.today())
    _create(paths, kind, name, text)


def _subcommand(kind: Kind) -> None:
    """Add the subcommand for one kind to `widw new`."""
    recipe = RECIPES[kind]

    def run(root: Path | None, **answers: Any) -> None:
        _new(kind, root, answers)

    run.__doc__ = recipe.help
    func: Callable[..., Any] = run
    decorators: list[Decorator] = [root_option, *recipe.options, source_options]
    for decorate in reversed(decorators):
        func = decorate(func)
    command.command(recipe.word, cls=DutchHelp)(func)


def _bundle_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """--bundel: 1–4, or 0 for 'onbekend' (the case is in the collection, bundle unknown)."""
    if value is None:
        return None
    return 0 if value == "onbekend" else int(value)


def _ask_case(vocabulary: Vocabulary, answers: Answers) -> Answers:
    from widw.editor.questions import ask_case

    return ask_case(vocabulary, answers)


def _ask_title_and(
    title: str, key: str, list_name: str, question: str, many: bool,
    vocabulary: Vocabulary, answers: Answers,
) -> Answers:  # fmt: skip
    """Ask the title, then one vocabulary choice (unless given), then the source."""
    from widw.editor.questions import ask, ask_source, choose, text

    answers["titel"] = ask(title, text(True))
    if not answers[key]:
        answers[key] = choose(vocabulary, list_name, question, many=many)
    ask_source(vocabulary, answers)
    return answers


def _case_values(answers: Answers, slug: str, source: dict[str, Any] | None) -> dict[str, Any]:
    from widw.editor.scaffold import case_values

    status = answers["status"] or ("beschreven" if source else "stub")
    if status == "beschreven" and not source:
        raise click.ClickException(
            "een beschreven casus heeft een bron met webadres nodig: geef --bron-url en "
            "--bron-titel, of maak eerst een stub (--status stub)"
        )
    return case_values(
        slug=slug,
        title=answers["titel"],
        summary=answers["samenvatting"],
        status=status,
        collection=answers["collectie"] or "wij-in-de-wijk",
        bundle=answers["bundel"] or None,
        municipality=answers["gemeente"],
        district=answers["wijk"],
        province=answers["provincie"],
        themes=answers["thema"],
        kinds=answers["soort"],
        source=source,
    )


def _lesson_values(answers: Answers, name: str, source: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": name,
        "titel": answers["titel"],
        "rollen": list(answers["rol"]),
        "casussen": list(answers["casus"]),
        "bronnen": [source],
    }


def _episode_values(answers: Answers, slug: str, source: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "slug": slug,
        "titel": answers["titel"],
        "soort": answers["soort"],
        "serie": answers["serie"],
        "datum": answers["datum"],
        "url": answers["url"],
        "casussen": [{"slug": s} for s in answers["casus"]],
        "bronnen": [source],
    }


_SLUG = click.option(
    "--slug", help="Naam in de URL (standaard: afgeleid van de titel).", metavar="SLUG"
)

RECIPES: dict[Kind, Recipe] = {
    "case": Recipe(
        word="casus",
        help="Maak een nieuwe casus in cases/<slug>.md.",
        options=(
            click.option(
                "--titel",
                help="Naam van het initiatief. Zonder --titel stelt widw vragen.",
                metavar="TEKST",
            ),
            _SLUG,
            click.option(
                "--samenvatting",
                help="Eén alinea in eigen woorden (verplicht met --titel).",
                metavar="TEKST",
            ),
            click.option(
                "--status", type=click.Choice(["beschreven", "stub"]), help="Standaard: stub."
            ),
            click.option(
                "--collectie",
                type=click.Choice(["wij-in-de-wijk", "verwant"]),
                help="Standaard: wij-in-de-wijk.",
            ),
            click.option(
                "--bundel",
                type=click.Choice(["1", "2", "3", "4", "onbekend"]),
                help="Bundel 1–4.",
                callback=_bundle_option,
            ),
            click.option("--gemeente", help="Gemeente.", metavar="TEKST"),
            click.option("--wijk", help="Wijk, buurt of dorp.", metavar="TEKST"),
            click.option(
                "--provincie", help="Provincie (woordenlijst: provincies).", metavar="TERM"
            ),
            click.option(
                "--thema",
                multiple=True,
                help="Thema (woordenlijst: themas); mag vaker.",
                metavar="TERM",
            ),
            click.option(
                "--soort",
                multiple=True,
                help="Soort initiatief (woordenlijst: soorten); mag vaker.",
                metavar="TERM",
            ),
        ),
        name=("slug", "--slug"),
        ask=_ask_case,
        given=(
            (
                "samenvatting",
                "geef ook --samenvatting (één alinea in eigen woorden), of laat --titel weg "
                "om de vragen één voor één te beantwoorden",
            ),
        ),
        required=(),
        terms=(
            ("provincie", "provincies", "--provincie"),
            ("thema", "themas", "--thema"),
            ("soort", "soorten", "--soort"),
        ),
        source_required=None,
        values=_case_values,
    ),
    "lesson": Recipe(
        word="les",
        help="Maak een nieuwe les in lessons/<id>.md.",
        options=(
            click.option(
                "--titel",
                help="De les in één zin. Zonder --titel stelt widw vragen.",
                metavar="TEKST",
            ),
            click.option(
                "--id",
                "lesson_id",
                help="Naam in de URL (standaard: afgeleid van de titel).",
                metavar="SLUG",
            ),
            click.option(
                "--rol",
                multiple=True,
                help="Voor wie (woordenlijst: rollen); mag vaker.",
                metavar="TERM",
            ),
            click.option(
                "--casus",
                multiple=True,
                help="Slug van een casus die de les laat zien.",
                metavar="SLUG",
            ),
        ),
        name=("lesson_id", "--id"),
        ask=partial(
            _ask_title_and, "De les in één zin", "rol", "rollen", "Voor welke rollen", True
        ),
        given=(),
        required=(("rol", "een les is voor minstens één rol: geef --rol"),),
        terms=(("rol", "rollen", "--rol"),),
        source_required="een les heeft een bron nodig: geef --bron-url en --bron-titel",
        values=_lesson_values,
    ),
    "episode": Recipe(
        word="aflevering",
        help="Maak een nieuwe aflevering, film of bijeenkomst in episodes/<slug>.md.",
        options=(
            click.option(
                "--titel", help="Titel. Zonder --titel stelt widw vragen.", metavar="TEKST"
            ),
            _SLUG,
            click.option(
                "--soort",
                help="podcast, film of bijeenkomst (woordenlijst: mediasoorten).",
                metavar="TERM",
            ),
            click.option("--serie", help="Serie waar de aflevering bij hoort.", metavar="TEKST"),
            click.option(
                "--datum",
                help="Datum van verschijnen: JJJJ, JJJJ-MM of JJJJ-MM-DD.",
                metavar="TEKST",
            ),
            click.option(
                "--url", help="Waar de aflevering te beluisteren of te zien is.", metavar="URL"
            ),
            click.option(
                "--casus",
                multiple=True,
                help="Slug van een besproken casus; mag vaker.",
                metavar="SLUG",
            ),
        ),
        name=("slug", "--slug"),
        ask=partial(_ask_title_and, "Titel", "soort", "mediasoorten", "Soort", False),
        given=(),
        required=(("soort", "geef --soort (podcast, film of bijeenkomst)"),),
        terms=(("soort", "mediasoorten", "--soort"),),
        source_required="een aflevering heeft een bron nodig: geef --bron-url en --bron-titel",
        values=_episode_values,
    ),
}
"""The one per-kind table of `widw new`, in the order `widw new --help` lists the kinds."""

for _kind in RECIPES:
    _subcommand(_kind)


def _project(root: Path | None) -> tuple[ProjectPaths, Vocabulary]:
    from widw.content.vocabulary import load_vocabulary

    paths = project_paths(root)
    vocabulary, problems = load_vocabulary(paths.root / paths.vocabulary, paths.vocabulary)
    if problems:
        raise click.ClickException(
            f"de woordenlijst in {paths.root} is niet in orde ({problems[0].message}); "
            f"voer eerst 'widw validate' uit, of geef met --map de projectmap op"
        )
    return paths, vocabulary


def _check_name(name: str, option: str) -> None:
    import re

    from widw.content.fields import SLUG_PATTERN

    if len(name) < 2 or not re.fullmatch(SLUG_PATTERN, name):
        raise click.ClickException(
            f"'{name}' kan geen naam in de URL zijn: gebruik alleen kleine letters, cijfers en "
            f"enkele koppeltekens (geef er een met {option})"
        )


def _check_terms(vocabulary: Vocabulary, list_name: str, option: str, terms: Any) -> None:
    from widw.content.messages import suggest

    known = vocabulary.terms(list_name)
    for term in terms:
        if term is not None and term not in known:
            raise click.ClickException(
                f"{option} '{term}' staat niet in de woordenlijst '{list_name}'."
                f"{suggest(term, known)} Mogelijk: {', '.join(known)}."
            )


def _source(vocabulary: Vocabulary, answers: Answers) -> dict[str, Any] | None:
    from widw.editor.scaffold import source_values

    url = answers.get("bron_url")
    if not url:
        if answers.get("bron_titel"):
            raise click.ClickException("geef bij --bron-titel ook het webadres: --bron-url")
        return None
    if not answers.get("bron_titel"):
        raise click.ClickException("geef bij --bron-url ook de titel van de bron: --bron-titel")
    kind = answers.get("bron_soort") or "webpagina"
    _check_terms(vocabulary, "bronsoorten", "--bron-soort", [kind])
    return source_values(
        url=url,
        title=answers["bron_titel"],
        kind=kind,
        publisher=answers.get("bron_uitgever"),
        date=answers.get("bron_datum"),
    )


def _create(paths: ProjectPaths, kind: Kind, name: str, text: str) -> None:
    from widw.cite.csl import entry_path
    from widw.editor.create import CreateError, create_file

    try:
        created = create_file(paths, kind, name, text)
    except CreateError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Nieuw bestand: {created.display}")
    for problem in created.warnings:
        click.echo(f"  tip: {problem.format()}")
    if created.other_errors:
        click.echo(
            f"  Let op: elders in het project staan nog {created.other_errors} fout(en); "
            f"'widw validate' laat ze zien."
        )
    click.echo(
        "\nWat nu?\n"
        f"  1. Open het bestand {created.display} in je editor. Boven elk veld staat wat erin "
        f"hoort;\n     vul aan wat de bronnen zeggen en laat 'onbekend' staan waar geen bron "
        f"iets over zegt.\n"
        f"  2. Controleer met:  make controleer   (of: widw validate)\n"
        f"  3. Bekijk met:      make serve   en open http://127.0.0.1:8000/"
        f"{entry_path(kind, name)}\n"
        f"  4. Stuur het in met een pull request: zie 'Bijdragen' op de site of "
        f"CONTRIBUTING.md."
    )
