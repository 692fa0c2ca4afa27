"""The controlled vocabulary: Dutch labels and descriptions for every term, in one file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from widw.content.fields import Term, TextList
from widw.content.messages import pydantic_message
from widw.content.problems import Problem
from widw.content.yamlnodes import Positions, YamlProblemError, load_with_positions

LIST_NAMES = (
    "themas",
    "rollen",
    "elementen",
    "participatievormen",
    "soorten",
    "provincies",
    "financieringssoorten",
    "uitkomsten",
    "bronsoorten",
    "actorsoorten",
    "feitengroepen",
    "mediasoorten",
    "aandachtsgebieden",
    "fases",
)
"""Every list the vocabulary file must hold."""

SYNONYMS = "synoniemen"
"""The optional top-level section of search synonyms: groups of words that mean the same."""

_SYNONYM_WORD = re.compile(r"^[a-zà-ÿ0-9]+(?:[ -][a-zà-ÿ0-9]+)*$")


class VocabularyTerm(BaseModel):
    """One term: how it is shown and what it means."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    label: str = Field(min_length=1, description="Het label op de site.")
    omschrijving: str = Field(min_length=1, description="Wat de term betekent, in één regel.")
    zoekwoorden: TextList = Field(default_factory=list, description="Extra zoekwoorden.")


class VocabularyFile(BaseModel):
    """The shape of vocabulary.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    themas: dict[Term, VocabularyTerm]
    rollen: dict[Term, VocabularyTerm]
    elementen: dict[Term, VocabularyTerm]
    participatievormen: dict[Term, VocabularyTerm]
    soorten: dict[Term, VocabularyTerm]
    provincies: dict[Term, VocabularyTerm]
    financieringssoorten: dict[Term, VocabularyTerm]
    uitkomsten: dict[Term, VocabularyTerm]
    bronsoorten: dict[Term, VocabularyTerm]
    actorsoorten: dict[Term, VocabularyTerm]
    feitengroepen: dict[Term, VocabularyTerm]
    mediasoorten: dict[Term, VocabularyTerm]
    aandachtsgebieden: dict[Term, VocabularyTerm]
    fases: dict[Term, VocabularyTerm]
    synoniemen: list[list[str]] = Field(
        default_factory=list,
        description=(
            "Groepen woorden die voor de zoekfunctie hetzelfde betekenen "
            "(bijvoorbeeld [statushouders, nieuwkomers, vluchtelingen])."
        ),
    )

    @field_validator("synoniemen")
    @classmethod
    def _check_synonyms(cls, groups: list[list[str]]) -> list[list[str]]:
        seen: dict[str, int] = {}
        for number, group in enumerate(groups, 1):
            if len(group) < 2:
                raise ValueError(
                    f"groep {number} van de synoniemen heeft maar één woord; "
                    "een groep noemt twee of meer woorden die hetzelfde betekenen"
                )
            for word in group:
                if not _SYNONYM_WORD.match(word):
                    raise ValueError(
                        f"'{word}' in groep {number} van de synoniemen: verwacht een woord in "
                        "kleine letters (een paar woorden met spaties of koppeltekens mag)"
                    )
                if word in seen:
                    raise ValueError(
                        f"'{word}' staat in groep {seen[word]} én in groep {number} van de "
                        "synoniemen; voeg die groepen samen"
                    )
                seen[word] = number
        return groups


@dataclass(frozen=True)
class Vocabulary:
    """Lookup of terms per list, with labels for display."""

    lists: dict[str, dict[str, VocabularyTerm]]
    content_hash: str = ""
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Groups of search words that mean the same (section `synoniemen`)."""

    def terms(self, list_name: str) -> dict[str, VocabularyTerm]:
        """All terms of one list, in file order."""
        return self.lists.get(list_name, {})

    def label(self, list_name: str, term: str) -> str:
        """The Dutch label of a term (the term itself if it is unknown)."""
        entry = self.lists.get(list_name, {}).get(term)
        return entry.label if entry else term

    def words(self) -> set[str]:
        """Every word of every term, label and search word: for compound splitting."""
        words: set[str] = set()
        for entries in self.lists.values():
            for term, entry in entries.items():
                for text in (term, entry.label, *entry.zoekwoorden):
                    words.update(w for w in text.lower().replace("-", " ").split() if len(w) > 3)
        return words


def load_vocabulary(
    path: Path, display_path: str | None = None
) -> tuple[Vocabulary, list[Problem]]:
    """Read vocabulary.yml; on problems return an empty vocabulary and the problems."""
    import hashlib

    shown = display_path or str(path)
    empty = Vocabulary({name: {} for name in LIST_NAMES})
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        message = (
            f"de woordenlijst {path.name} ontbreekt; zet het bestand terug "
            f"(bijvoorbeeld met 'git checkout -- {path.name}')"
        )
        return empty, [Problem(shown, 1, 1, "geen-woordenlijst", _consequence(message))]
    except UnicodeDecodeError:
        message = "de woordenlijst is geen geldige UTF-8; sla haar op als UTF-8"
        return empty, [Problem(shown, 1, 1, "codering", _consequence(message))]
    except OSError as exc:
        message = f"de woordenlijst kan niet worden gelezen ({exc.strerror})"
        return empty, [Problem(shown, 1, 1, "onleesbaar", _consequence(message))]
    try:
        data, positions = load_with_positions(text, line_offset=0)
    except YamlProblemError as exc:
        problem = Problem(shown, exc.line + 1, exc.column + 1, exc.code, _consequence(exc.message))
        return empty, [problem]
    try:
        parsed = VocabularyFile.model_validate(data)
    except ValidationError as exc:
        return empty, _problems(exc, positions, shown)
    lists = {name: dict(getattr(parsed, name)) for name in LIST_NAMES}
    synonyms = tuple(tuple(group) for group in parsed.synoniemen)
    return Vocabulary(lists, hashlib.sha256(raw).hexdigest(), synonyms), []


def _consequence(message: str) -> str:
    end = "" if message.endswith((".", "?", "!")) else "."
    return (
        f"{message}{end} Zolang de woordenlijst niet te lezen is, worden de termen in casussen, "
        f"lessen en afleveringen niet gecontroleerd"
    )


def _problems(exc: ValidationError, positions: Positions, shown: str) -> list[Problem]:
    out = []
    for error in exc.errors():
        code, message = pydantic_message(error, VocabularyFile.model_fields)
        line, column = positions.of(tuple(error["loc"]))
        out.append(Problem(shown, line, column, code, message))
    first = out[0]
    out[0] = Problem(first.path, first.line, first.column, first.code, _consequence(first.message))
    return out
