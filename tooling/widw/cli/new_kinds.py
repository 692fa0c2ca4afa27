"""What `widw new` does per kind: each kind's options, questions, checks and values.

`RECIPES` is the one per-kind table of `widw new` (`widw.cli.new` runs it); the CLI words,
options, prompts and messages editors know live here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import click

from widw.content import routes
from widw.content.reader import Kind
from widw.content.vocabulary import Vocabulary

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
Answers = dict[str, Any]


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
    """(answer key, field path, option) of every option that takes terms; the field's
    metadata names the vocabulary list (`widw.content.fieldmeta.vocabulary_of`)."""
    source_required: str | None
    """The message when the kind needs a source and none was given (None: a stub may do)."""
    values: Callable[[Answers, str, dict[str, Any] | None], dict[str, Any]]
    """The values of the new file from the answers, its name and its source."""


def _bundle_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """--bundel: 1–4, or 0 for 'onbekend' (the case is in the collection, bundle unknown)."""
    if value is None:
        return None
    return 0 if value == "onbekend" else int(value)


def _ask_case(vocabulary: Vocabulary, answers: Answers) -> Answers:
    from widw.editor.questions import ask_case

    return ask_case(vocabulary, answers)


def _ask_title_and(
    kind: Kind, title: str, key: str, path: str, question: str, many: bool,
    vocabulary: Vocabulary, answers: Answers,
) -> Answers:  # fmt: skip
    """Ask the title, then one choice from the list of field `path` (unless given), then the
    source."""
    from widw.content.fieldmeta import vocabulary_of
    from widw.content.kinds import KINDS
    from widw.editor.questions import ask, ask_source, choose, text

    answers["titel"] = ask(title, text(True))
    if not answers[key]:
        list_name = vocabulary_of(KINDS[kind].model, path)
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
        help=f"Maak een nieuwe casus in {routes.source_path('case', '<slug>')}.",
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
            ("provincie", "plaats.provincie", "--provincie"),
            ("thema", "themas", "--thema"),
            ("soort", "soort", "--soort"),
        ),
        source_required=None,
        values=_case_values,
    ),
    "lesson": Recipe(
        word="les",
        help=f"Maak een nieuwe les in {routes.source_path('lesson', '<id>')}.",
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
            _ask_title_and,
            "lesson",
            "De les in één zin",
            "rol",
            "rollen",
            "Voor welke rollen",
            True,
        ),
        given=(),
        required=(("rol", "een les is voor minstens één rol: geef --rol"),),
        terms=(("rol", "rollen", "--rol"),),
        source_required="een les heeft een bron nodig: geef --bron-url en --bron-titel",
        values=_lesson_values,
    ),
    "episode": Recipe(
        word="aflevering",
        help=(
            "Maak een nieuwe aflevering, film of bijeenkomst in "
            f"{routes.source_path('episode', '<slug>')}."
        ),
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
        ask=partial(_ask_title_and, "episode", "Titel", "soort", "soort", "Soort", False),
        given=(),
        required=(("soort", "geef --soort (podcast, film of bijeenkomst)"),),
        terms=(("soort", "soort", "--soort"),),
        source_required="een aflevering heeft een bron nodig: geef --bron-url en --bron-titel",
        values=_episode_values,
    ),
}
"""The one per-kind table of `widw new`, in the order `widw new --help` lists the kinds."""
