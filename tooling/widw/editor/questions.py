"""Interactive questions for `widw new`: Dutch prompts, vocabulary choices, no tracebacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from widw.content.fieldmeta import vocabulary_of as _list_of
from widw.content.fields import SLUG_PATTERN, UNKNOWN, slugify
from widw.content.messages import suggest
from widw.content.models import Case
from widw.content.vocabulary import Vocabulary

T = TypeVar("T")


class InvalidAnswerError(Exception):
    """An answer that cannot be used; the message says why, in Dutch."""


def ask(question: str, parse: Callable[[str], T], default: str | None = None) -> T:
    """Ask until the answer parses; an empty answer takes the default."""
    while True:
        answer = click.prompt(
            question, default=default if default is not None else "", show_default=bool(default)
        )
        try:
            return parse(str(answer).strip())
        except InvalidAnswerError as exc:
            click.echo(f"  {exc} Probeer het nog eens.", err=True)


def text(required: bool) -> Callable[[str], str | None]:
    """Parser for free text; empty means unknown unless the answer is required."""

    def parse(answer: str) -> str | None:
        if not answer or answer.lower() == UNKNOWN:
            if required:
                raise InvalidAnswerError("Dit antwoord is verplicht.")
            return None
        return answer

    return parse


def slug_answer(answer: str) -> str:
    """Parser for a slug: lower-case letters, digits and single hyphens."""
    import re

    if not re.fullmatch(SLUG_PATTERN, answer) or not 2 <= len(answer) <= 80:
        raise InvalidAnswerError("Gebruik alleen kleine letters, cijfers en enkele koppeltekens.")
    return answer


def term_answer(vocabulary: Vocabulary, list_name: str, many: bool) -> Callable[[str], Any]:
    """Parser for one term (or several, comma-separated) by term or by number."""
    terms = list(vocabulary.terms(list_name))

    def one(word: str) -> str:
        if word.isdigit() and 1 <= int(word) <= len(terms):
            return terms[int(word) - 1]
        if word in terms:
            return word
        raise InvalidAnswerError(f"'{word}' staat niet in de lijst.{suggest(word, terms)}")

    def parse(answer: str) -> Any:
        words = [w.strip() for w in answer.split(",") if w.strip()]
        if not words or words == [UNKNOWN]:
            return [] if many else None
        if not many and len(words) > 1:
            raise InvalidAnswerError("Kies één term.")
        chosen = [one(w) for w in words]
        return chosen if many else chosen[0]

    return parse


def show_terms(vocabulary: Vocabulary, list_name: str) -> None:
    """Print the numbered terms of a vocabulary list with their labels."""
    for number, (term, entry) in enumerate(vocabulary.terms(list_name).items(), start=1):
        click.echo(f"  {number:>2}. {term} — {entry.label}: {entry.omschrijving}")


def choose(vocabulary: Vocabulary, list_name: str, question: str, many: bool) -> Any:
    """Show a vocabulary list and ask for one term or several."""
    show_terms(vocabulary, list_name)
    hint = "nummers of termen, met komma's" if many else "nummer of term"
    return ask(f"{question} ({hint}; leeg = {UNKNOWN})", term_answer(vocabulary, list_name, many))


def ask_source(vocabulary: Vocabulary, answers: dict[str, Any]) -> None:
    """Ask for one source, starting with its web address (empty: no source yet)."""
    if answers.get("bron_url") is None:
        click.echo("Bron: het webadres van de publicatie waar de feiten vandaan komen.")
        answers["bron_url"] = ask("Webadres van de bron (leeg = nog geen bron)", text(False))
    if answers["bron_url"] is None:
        return
    if answers.get("bron_titel") is None:
        answers["bron_titel"] = ask("Titel van de bron", text(True))
    if answers.get("bron_uitgever") is None:
        answers["bron_uitgever"] = ask(f"Uitgever (leeg = {UNKNOWN})", text(False))
    if answers.get("bron_datum") is None:
        answers["bron_datum"] = ask(
            f"Datum van de bron, JJJJ-MM-DD (leeg = {UNKNOWN})", text(False)
        )
    if not answers.get("bron_soort"):
        show_terms(vocabulary, _list_of(Case, "bronnen.soort"))
        answers["bron_soort"] = ask(
            "Soort bron",
            term_answer(vocabulary, _list_of(Case, "bronnen.soort"), False),
            default="webpagina",
        )


def ask_case(vocabulary: Vocabulary, answers: dict[str, Any]) -> dict[str, Any]:
    """Ask for every case value not given as an option; returns the completed answers."""
    click.echo("Nieuwe casus. Beantwoord de vragen; bij een leeg antwoord blijft het 'onbekend'.")
    if not answers.get("titel"):
        answers["titel"] = ask("Titel (naam van het initiatief)", text(True))
    if not answers.get("slug"):
        answers["slug"] = ask(
            "Slug (naam in de URL; Enter neemt het voorstel)",
            slug_answer,
            default=slugify(answers["titel"]),
        )
    if not answers.get("collectie"):
        answers["collectie"] = ask(
            "Collectie: wij-in-de-wijk (een van de 29) of verwant",
            _one_of(("wij-in-de-wijk", "verwant")),
            default="wij-in-de-wijk",
        )
    if answers["collectie"] == "wij-in-de-wijk" and answers.get("bundel") is None:
        answers["bundel"] = ask(f"Bundel 1, 2, 3 of 4 (leeg = {UNKNOWN})", _bundle)
    for key, question in (("gemeente", "Gemeente"), ("wijk", "Wijk, buurt of dorp")):
        if answers.get(key) is None:
            answers[key] = ask(f"{question} (leeg = {UNKNOWN})", text(False))
    if answers.get("provincie") is None:
        answers["provincie"] = choose(
            vocabulary, _list_of(Case, "plaats.provincie"), "Provincie", many=False
        )
    if not answers.get("thema"):
        answers["thema"] = choose(vocabulary, _list_of(Case, "themas"), "Thema's", many=True)
    if not answers.get("soort"):
        answers["soort"] = choose(
            vocabulary, _list_of(Case, "soort"), "Soort initiatief", many=True
        )
    if not answers.get("samenvatting"):
        answers["samenvatting"] = ask("Samenvatting: één alinea in eigen woorden", text(True))
    ask_source(vocabulary, answers)
    return answers


def _one_of(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(answer: str) -> str:
        if answer not in options:
            choices = " of ".join(f"'{o}'" for o in options)
            raise InvalidAnswerError(f"Kies {choices}.{suggest(answer, options)}")
        return answer

    return parse


def _bundle(answer: str) -> int:
    if not answer or answer.lower() == UNKNOWN:
        return 0
    if answer in {"1", "2", "3", "4"}:
        return int(answer)
    raise InvalidAnswerError("Een bundel is 1, 2, 3 of 4.")
