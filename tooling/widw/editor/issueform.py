"""The GitHub issue form "Casus voorstellen", generated from the case model and vocabulary.

Every field id is a case field key, labels and help come from the model's descriptions, and
the choice lists come from the vocabulary. Regenerate the committed form with
`python -m widw.editor.issueform` after the vocabulary changes (a test checks it is current).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from widw.content.vocabulary import Vocabulary
from widw.editor.fieldspec import FieldSpec, all_specs

FORM_PATH = ".github/ISSUE_TEMPLATE/casus-voorstellen.yml"
UNKNOWN_CHOICE = "Weet ik niet"
FORM_HELP = {
    "plaats.wijk": "De wijk, buurt of het dorp, als een bron die noemt.",
    "plaats.provincie": "De provincie waarin de gemeente ligt.",
    "bundel": "In welke Wij in de Wijk-bundel van Movisie staat de casus?",
    "themas": "Waar gaat het initiatief over?",
    "soort": "Wat voor initiatief is het?",
}
"""Form help where the model's description speaks about the file, not the form."""
CONFIRM_ID = "akkoord"
"""The one form field that is not a case field: the sourcing-rules confirmation."""


def issue_form(vocabulary: Vocabulary) -> dict[str, Any]:
    """The issue form as data (GitHub issue-forms syntax)."""
    specs = {spec.path: spec for spec in all_specs("case")}

    def help_(path: str, extra: str = "") -> str:
        return (specs[path].description + " " + extra).strip()

    def labels(path: str) -> list[str]:
        """The labels of the vocabulary list the field at `path` draws its terms from."""
        list_name = str(specs[path].vocabulary)
        return [term.label for term in vocabulary.terms(list_name).values()]

    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": "Ken je een buurtinitiatief dat in de kennisbank hoort? Vul in wat je "
                "weet; een redacteur maakt er een casus van. Weet je iets niet, laat het "
                "veld dan leeg. Elk feit moet uit een bron komen die je hieronder noemt."
            },
        },
        _input(specs["titel"], "Naam van het initiatief", required=True),
        _input(specs["plaats.gemeente"], "Gemeente"),
        _input(specs["plaats.wijk"], "Wijk, buurt of dorp"),
        _dropdown(
            specs["plaats.provincie"], "Provincie", [*labels("plaats.provincie"), UNKNOWN_CHOICE]
        ),
        _dropdown(
            specs["bundel"],
            "Wij in de Wijk-bundel",
            ["1", "2", "3", "4", UNKNOWN_CHOICE, "Geen: het is een verwante casus"],
        ),
        {
            "type": "textarea",
            "id": "samenvatting",
            "attributes": {
                "label": "Samenvatting",
                "description": help_(
                    "samenvatting",
                    "Schrijf in je eigen woorden; citeer "
                    "hooguit acht woorden, tussen aanhalingstekens.",
                ),
            },
            "validations": {"required": True},
        },
        {
            "type": "textarea",
            "id": "bronnen",
            "attributes": {
                "label": "Bronnen",
                "description": help_(
                    "bronnen", "Eén bron per regel: titel, uitgever, datum en webadres (https://…)."
                ),
                "placeholder": "Titel van het artikel, Uitgever, 2021-03-18, https://…",
            },
            "validations": {"required": True},
        },
        _checkboxes(specs["themas"], "Thema's", labels("themas")),
        _checkboxes(specs["soort"], "Soort initiatief", labels("soort")),
        {
            "type": "checkboxes",
            "id": CONFIRM_ID,
            "attributes": {
                "label": "Bronregels",
                "options": [
                    {
                        "label": "Elk feit hierboven komt uit een bron die ik noem.",
                        "required": True,
                    },
                    {
                        "label": "Ik noem geen privépersonen, alleen organisaties en groepen.",
                        "required": True,
                    },
                ],
            },
        },
    ]
    return {
        "name": "Casus voorstellen",
        "description": "Stel een buurtinitiatief voor als casus, zonder git of bestanden.",
        "title": "Casus voorstellen: ",
        "labels": ["casus-voorstel"],
        "body": body,
    }


def _help(spec: FieldSpec) -> str:
    return FORM_HELP.get(spec.path, spec.description)


def _input(spec: FieldSpec, label: str, *, required: bool = False) -> dict[str, Any]:
    return {
        "type": "input",
        "id": spec.key,
        "attributes": {"label": label, "description": _help(spec)},
        "validations": {"required": required},
    }


def _dropdown(spec: FieldSpec, label: str, options: list[str]) -> dict[str, Any]:
    return {
        "type": "dropdown",
        "id": spec.key,
        "attributes": {"label": label, "description": _help(spec), "options": options},
    }


def _checkboxes(spec: FieldSpec, label: str, options: list[str]) -> dict[str, Any]:
    return {
        "type": "checkboxes",
        "id": spec.key,
        "attributes": {
            "label": label,
            "description": _help(spec) + " Kies er een of meer.",
            "options": [{"label": option} for option in options],
        },
    }


def render_issue_form(vocabulary: Vocabulary) -> str:
    """The form as the YAML text committed in the repository."""
    header = (
        "# Gemaakt door `python -m widw.editor.issueform` uit het casusmodel en vocabulary.yml;\n"
        "# niet met de hand bewerken.\n"
    )
    text = yaml.safe_dump(issue_form(vocabulary), allow_unicode=True, sort_keys=False, width=100)
    return header + text


def main(argv: list[str] | None = None) -> int:
    """Write the form into the project given as argument (default: the current folder)."""
    from widw.atomic import write_atomic
    from widw.content.vocabulary import load_vocabulary

    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    vocabulary, problems = load_vocabulary(root / "vocabulary.yml")
    if problems:
        print(problems[0].format(), file=sys.stderr)
        return 1
    write_atomic(root / FORM_PATH, render_issue_form(vocabulary))
    print(f"geschreven: {FORM_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
