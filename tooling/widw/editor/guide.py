"""The editor guide ("Bijdragen"): Markdown pages generated from the models and vocabulary.

The prose lives in Jinja templates next to this module; the field tables, the vocabulary
tables and the problem-code table are generated, so the guide never drifts from what
`widw validate` checks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from widw.content import routes
from widw.content.kinds import KINDS
from widw.content.reader import Kind
from widw.content.routes import source_path
from widw.content.vocabulary import Vocabulary
from widw.editor.codes import PROBLEM_CODES
from widw.editor.fieldspec import MODELS, all_specs, type_label, vocabulary_fields
from widw.editor.scaffold import KIND_NL, scaffold_text

GUIDE_FOLDER = routes.folder("guide")
PAGES = ("index", "bronnen", "velden", "woordenlijst", "bekijken", "pull-request", "meldingen")
"""The guide pages, in reading order; each is `routes.page("guide", name)`."""

LIST_TITLES = {
    "themas": "Thema's",
    "rollen": "Rollen",
    "elementen": "Elementen van inclusieve burgermacht",
    "participatievormen": "Participatievormen",
    "soorten": "Soorten initiatief",
    "provincies": "Provincies",
    "financieringssoorten": "Soorten financiering",
    "uitkomsten": "Uitkomsten",
    "bronsoorten": "Soorten bron",
    "actorsoorten": "Soorten actor",
    "feitengroepen": "Feitengroepen",
    "mediasoorten": "Soorten media",
    "aandachtsgebieden": "Aandachtsgebieden (zelfscan)",
    "fases": "Fases (zelfscan)",
}

_SECTIONS: tuple[tuple[Kind, str, str], ...] = (
    ("case", "Casus", f"Een casus staat in `{source_path('case', '<slug>')}`."),
    (
        "lesson",
        "Les",
        f"Een les staat in `{source_path('lesson', '<id>')}` en verwijst naar casussen.",
    ),
    (
        "episode",
        "Aflevering, film of bijeenkomst",
        f"Een aflevering staat in `{source_path('episode', '<slug>')}` en noemt de besproken "
        "casussen.",
    ),
)

_EXAMPLES: dict[Kind, dict[str, Any]] = {
    "case": {
        "slug": "naam-van-de-casus",
        "titel": "Naam van het initiatief",
        "samenvatting": "Eén alinea in eigen woorden.",
        "status": "stub",
        "collectie": "wij-in-de-wijk",
        "bundel": {"nummer": None, "zekerheid": "bevestigd"},
        "laatst_gecontroleerd": "JJJJ-MM-DD",
    },
    "lesson": {
        "id": "de-les-in-een-paar-woorden",
        "titel": "De les in één zin.",
        "rollen": ["ambtenaren"],
        "bronnen": [{"titel": "Titel van de bron", "url": "https://…", "soort": "rapport"}],
        "laatst_gecontroleerd": "JJJJ-MM-DD",
    },
    "episode": {
        "slug": "naam-van-de-aflevering",
        "titel": "Titel van de aflevering",
        "soort": "podcast",
        "bronnen": [{"titel": "Titel van de bron", "url": "https://…", "soort": "podcast"}],
        "laatst_gecontroleerd": "JJJJ-MM-DD",
    },
}


def issue_form_url(repo_url: str | None) -> str | None:
    """The address of the "Casus voorstellen" issue form, if the repository is known."""
    if not repo_url:
        return None
    return f"{repo_url.rstrip('/')}/issues/new?template=casus-voorstellen.yml"


def guide_pages(
    library_vocabulary: Vocabulary, *, repo_url: str | None = None, branch: str = "main"
) -> dict[str, str]:
    """src_uri → Markdown for every page of the editor guide.

    `repo_url` (the GitHub address of the repository, e.g. `config.repo_url`) adds direct
    links for "new file in cases/" and the "Casus voorstellen" form.
    """
    env = _environment()
    base = repo_url.rstrip("/") if repo_url else None
    context: dict[str, Any] = {
        "repo_url": base,
        "branch": branch,
        "new_file_url": f"{base}/new/{branch}/{routes.source_folder('case')}" if base else None,
        "issue_form_url": issue_form_url(base),
        "sections": [
            _section(kind, title, intro, library_vocabulary) for kind, title, intro in _SECTIONS
        ],
        "lists": _lists(library_vocabulary),
        "synonyms": [", ".join(group) for group in library_vocabulary.synonyms],
        "codes": [{"code": code, **vars(info)} for code, info in PROBLEM_CODES.items()],
    }
    return {
        routes.page("guide", name): env.get_template(f"{name}.md.j2").render(context)
        for name in PAGES
    }


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # Markdown, not HTML; values are escaped for tables by `cell`
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
    )
    env.filters["cell"] = _cell
    env.globals["routes"] = routes
    env.globals["kinds"] = KINDS
    return env


def _cell(value: object) -> str:
    """Text that is safe inside a Markdown table cell."""
    text = " ".join(str(value).split())
    return text.replace("|", "\\|")


def _section(kind: Kind, title: str, intro: str, vocabulary: Vocabulary) -> dict[str, Any]:
    rows = [
        {
            "path": spec.path,
            "required": "ja" if spec.required else "nee",
            "type": type_label(spec),
            "description": spec.description,
        }
        for spec in all_specs(kind)
    ]
    example = scaffold_text(
        kind, _EXAMPLES[kind], vocabulary, today=dt.date(2000, 1, 1), header=False
    )
    return {"kind": KIND_NL[kind], "title": title, "intro": intro, "rows": rows, "example": example}


def _lists(vocabulary: Vocabulary) -> list[dict[str, Any]]:
    used: dict[str, list[str]] = {}
    for kind in MODELS:
        for path, list_name in vocabulary_fields(kind).items():
            used.setdefault(list_name, []).append(f"{KIND_NL[kind]} `{path}`")
    return [
        {
            "name": name,
            "title": LIST_TITLES.get(name, name.capitalize()),
            "fields": ", ".join(dict.fromkeys(used.get(name, []))),
            "terms": [
                {"term": term, "label": entry.label, "description": entry.omschrijving}
                for term, entry in terms.items()
            ],
        }
        for name, terms in vocabulary.lists.items()
    ]
