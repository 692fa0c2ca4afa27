"""`widw new`: start a new case (default), lesson or episode file with every field in it.

`widw new` and `widw new casus` make a case; `widw new les` a lesson; `widw new aflevering`
an episode. Give `--titel` (and the other options) to answer everything from the command
line; leave `--titel` out to be asked question by question.

One implementation serves the three kinds: `widw.cli.new_kinds.RECIPES` holds what differs
per kind (options, questions, checks, the values written), `_new` does the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from widw.cli.dutch import DutchGroup, DutchHelp
from widw.cli.new_kinds import RECIPES, Answers, Decorator
from widw.cli.options import project_paths, root_option
from widw.content.library import ProjectPaths
from widw.content.reader import Kind
from widw.content.vocabulary import Vocabulary

SOURCE_KIND = "bronnen.soort"
"""The field whose list `--bron-soort` is checked against."""


class DefaultCaseGroup(DutchGroup):
    """A group that runs `casus` when no subcommand is named (`widw new --titel …`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in {"-h", "--help"}):
            args = ["casus", *args]
        return super().parse_args(ctx, args)


@click.group("new", cls=DefaultCaseGroup)
def command() -> None:
    """Maak een nieuwe casus (standaard), les of aflevering met alle velden erin."""


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
    from widw.content.fieldmeta import vocabulary_of
    from widw.content.fields import slugify
    from widw.content.kinds import KINDS
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
    model = KINDS[kind].model
    for key, path, option in recipe.terms:
        value = answers[key]
        list_name = vocabulary_of(model, path)
        _check_terms(
            vocabulary, list_name, option, value if isinstance(value, tuple | list) else [value]
        )
    source = _source(vocabulary, vocabulary_of(model, SOURCE_KIND), answers)
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


def _source(vocabulary: Vocabulary, list_name: str, answers: Answers) -> dict[str, Any] | None:
    from widw.editor.scaffold import source_values

    url = answers.get("bron_url")
    if not url:
        if answers.get("bron_titel"):
            raise click.ClickException("geef bij --bron-titel ook het webadres: --bron-url")
        return None
    if not answers.get("bron_titel"):
        raise click.ClickException("geef bij --bron-url ook de titel van de bron: --bron-titel")
    kind = answers.get("bron_soort") or "webpagina"
    _check_terms(vocabulary, list_name, "--bron-soort", [kind])
    return source_values(
        url=url,
        title=answers["bron_titel"],
        kind=kind,
        publisher=answers.get("bron_uitgever"),
        date=answers.get("bron_datum"),
    )


def _create(paths: ProjectPaths, kind: Kind, name: str, text: str) -> None:
    from widw.content import routes
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
        f"{routes.url(kind, name)}\n"
        f"  4. Stuur het in met een pull request: zie 'Bijdragen' op de site of "
        f"CONTRIBUTING.md."
    )
