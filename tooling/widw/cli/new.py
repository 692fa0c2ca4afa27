"""`widw new`: start a new case (default), lesson or episode file with every field in it.

`widw new` and `widw new casus` make a case; `widw new les` a lesson; `widw new aflevering`
an episode. Give `--titel` (and the other options) to answer everything from the command
line; leave `--titel` out to be asked question by question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from widw.cli.dutch import DutchGroup, DutchHelp
from widw.cli.options import project_paths, root_option
from widw.content import routes
from widw.content.library import ProjectPaths
from widw.content.reader import Kind
from widw.content.vocabulary import Vocabulary

SUBCOMMANDS = ("casus", "les", "aflevering")


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


@command.command("casus", cls=DutchHelp)
@root_option
@click.option(
    "--titel", help="Naam van het initiatief. Zonder --titel stelt widw vragen.", metavar="TEKST"
)
@click.option("--slug", help="Naam in de URL (standaard: afgeleid van de titel).", metavar="SLUG")
@click.option(
    "--samenvatting", help="Eén alinea in eigen woorden (verplicht met --titel).", metavar="TEKST"
)
@click.option("--status", type=click.Choice(["beschreven", "stub"]), help="Standaard: stub.")
@click.option(
    "--collectie",
    type=click.Choice(["wij-in-de-wijk", "verwant"]),
    help="Standaard: wij-in-de-wijk.",
)
@click.option("--bundel", type=click.Choice(["1", "2", "3", "4", "onbekend"]), help="Bundel 1–4.")
@click.option("--gemeente", help="Gemeente.", metavar="TEKST")
@click.option("--wijk", help="Wijk, buurt of dorp.", metavar="TEKST")
@click.option("--provincie", help="Provincie (woordenlijst: provincies).", metavar="TERM")
@click.option(
    "--thema", multiple=True, help="Thema (woordenlijst: themas); mag vaker.", metavar="TERM"
)
@click.option(
    "--soort",
    multiple=True,
    help="Soort initiatief (woordenlijst: soorten); mag vaker.",
    metavar="TERM",
)
@source_options
def casus(root: Path | None, **answers: Any) -> None:
    """Maak een nieuwe casus in cases/<slug>.md."""
    from widw.content.fields import slugify
    from widw.editor.questions import ask_case
    from widw.editor.scaffold import case_values, scaffold_text

    paths, vocabulary = _project(root)
    answers["bundel"] = _bundle_option(answers["bundel"])
    if answers["titel"] is None:
        answers = ask_case(vocabulary, answers)
    elif not answers["samenvatting"]:
        raise click.ClickException(
            "geef ook --samenvatting (één alinea in eigen woorden), of laat --titel weg "
            "om de vragen één voor één te beantwoorden"
        )
    answers["bundel"] = answers["bundel"] or None
    slug = answers["slug"] or slugify(answers["titel"])
    _check_name(slug, "--slug")
    _check_terms(vocabulary, "provincies", "--provincie", [answers["provincie"]])
    _check_terms(vocabulary, "themas", "--thema", answers["thema"])
    _check_terms(vocabulary, "soorten", "--soort", answers["soort"])
    source = _source(vocabulary, answers)
    status = answers["status"] or ("beschreven" if source else "stub")
    if status == "beschreven" and not source:
        raise click.ClickException(
            "een beschreven casus heeft een bron met webadres nodig: geef --bron-url en "
            "--bron-titel, of maak eerst een stub (--status stub)"
        )
    values = case_values(
        slug=slug,
        title=answers["titel"],
        summary=answers["samenvatting"],
        status=status,
        collection=answers["collectie"] or "wij-in-de-wijk",
        bundle=answers["bundel"],
        municipality=answers["gemeente"],
        district=answers["wijk"],
        province=answers["provincie"],
        themes=answers["thema"],
        kinds=answers["soort"],
        source=source,
    )
    text = scaffold_text("case", values, vocabulary, today=dt.date.today())
    _create(paths, "case", slug, text, url=routes.url("case", slug))


@command.command("les", cls=DutchHelp)
@root_option
@click.option(
    "--titel", help="De les in één zin. Zonder --titel stelt widw vragen.", metavar="TEKST"
)
@click.option(
    "--id", "lesson_id", help="Naam in de URL (standaard: afgeleid van de titel).", metavar="SLUG"
)
@click.option(
    "--rol", multiple=True, help="Voor wie (woordenlijst: rollen); mag vaker.", metavar="TERM"
)
@click.option(
    "--casus", multiple=True, help="Slug van een casus die de les laat zien.", metavar="SLUG"
)
@source_options
def les(root: Path | None, **answers: Any) -> None:
    """Maak een nieuwe les in lessons/<id>.md."""
    from widw.content.fields import slugify
    from widw.editor.questions import ask, ask_source, choose, text
    from widw.editor.scaffold import scaffold_text

    paths, vocabulary = _project(root)
    if answers["titel"] is None:
        answers["titel"] = ask("De les in één zin", text(True))
        if not answers["rol"]:
            answers["rol"] = choose(vocabulary, "rollen", "Voor welke rollen", many=True)
        ask_source(vocabulary, answers)
    lesson_id = answers["lesson_id"] or slugify(answers["titel"])
    _check_name(lesson_id, "--id")
    if not answers["rol"]:
        raise click.ClickException("een les is voor minstens één rol: geef --rol")
    _check_terms(vocabulary, "rollen", "--rol", answers["rol"])
    source = _source(vocabulary, answers)
    if source is None:
        raise click.ClickException("een les heeft een bron nodig: geef --bron-url en --bron-titel")
    values = {
        "id": lesson_id,
        "titel": answers["titel"],
        "rollen": list(answers["rol"]),
        "casussen": list(answers["casus"]),
        "bronnen": [source],
    }
    text_ = scaffold_text("lesson", values, vocabulary, today=dt.date.today())
    _create(paths, "lesson", lesson_id, text_, url=routes.url("lesson", lesson_id))


@command.command("aflevering", cls=DutchHelp)
@root_option
@click.option("--titel", help="Titel. Zonder --titel stelt widw vragen.", metavar="TEKST")
@click.option("--slug", help="Naam in de URL (standaard: afgeleid van de titel).", metavar="SLUG")
@click.option(
    "--soort", help="podcast, film of bijeenkomst (woordenlijst: mediasoorten).", metavar="TERM"
)
@click.option("--serie", help="Serie waar de aflevering bij hoort.", metavar="TEKST")
@click.option(
    "--datum", help="Datum van verschijnen: JJJJ, JJJJ-MM of JJJJ-MM-DD.", metavar="TEKST"
)
@click.option("--url", help="Waar de aflevering te beluisteren of te zien is.", metavar="URL")
@click.option(
    "--casus", multiple=True, help="Slug van een besproken casus; mag vaker.", metavar="SLUG"
)
@source_options
def aflevering(root: Path | None, **answers: Any) -> None:
    """Maak een nieuwe aflevering, film of bijeenkomst in episodes/<slug>.md."""
    from widw.content.fields import slugify
    from widw.editor.questions import ask, ask_source, choose, text
    from widw.editor.scaffold import scaffold_text

    paths, vocabulary = _project(root)
    if answers["titel"] is None:
        answers["titel"] = ask("Titel", text(True))
        if not answers["soort"]:
            answers["soort"] = choose(vocabulary, "mediasoorten", "Soort", many=False)
        ask_source(vocabulary, answers)
    slug = answers["slug"] or slugify(answers["titel"])
    _check_name(slug, "--slug")
    if not answers["soort"]:
        raise click.ClickException("geef --soort (podcast, film of bijeenkomst)")
    _check_terms(vocabulary, "mediasoorten", "--soort", [answers["soort"]])
    source = _source(vocabulary, answers)
    if source is None:
        raise click.ClickException(
            "een aflevering heeft een bron nodig: geef --bron-url en --bron-titel"
        )
    values = {
        "slug": slug,
        "titel": answers["titel"],
        "soort": answers["soort"],
        "serie": answers["serie"],
        "datum": answers["datum"],
        "url": answers["url"],
        "casussen": [{"slug": s} for s in answers["casus"]],
        "bronnen": [source],
    }
    text_ = scaffold_text("episode", values, vocabulary, today=dt.date.today())
    _create(paths, "episode", slug, text_, url=routes.url("episode", slug))


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


def _bundle_option(value: str | None) -> int | None:
    if value is None:
        return None
    return 0 if value == "onbekend" else int(value)


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


def _source(vocabulary: Vocabulary, answers: dict[str, Any]) -> dict[str, Any] | None:
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


def _create(paths: ProjectPaths, kind: Kind, name: str, text: str, *, url: str) -> None:
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
        f"  3. Bekijk met:      make serve   en open http://127.0.0.1:8000/{url}\n"
        f"  4. Stuur het in met een pull request: zie 'Bijdragen' op de site of "
        f"CONTRIBUTING.md."
    )
