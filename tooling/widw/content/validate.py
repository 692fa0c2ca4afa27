"""Validation rules: raw documents → typed models, plus every problem with its position.

Per-file rules live in `validate_document`; rules across files (unique slugs, links that
must resolve) live in `check_references`. Neither prints: both return problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, ValidationError

from widw.content.messages import field_label, pydantic_message, suggest
from widw.content.models import Case, Episode, Lesson
from widw.content.problems import Problem
from widw.content.reader import Kind, RawDocument
from widw.content.vocabulary import Vocabulary

Entry = Case | Lesson | Episode
MODELS: dict[Kind, type[Case] | type[Lesson] | type[Episode]] = {
    "case": Case,
    "lesson": Lesson,
    "episode": Episode,
}
KIND_NL = {"case": "casus", "lesson": "les", "episode": "aflevering"}


def alias_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path editors can write, by alias ('plaats.provincie')."""
    out: set[str] = set()
    for name, info in model.model_fields.items():
        if name == "body":
            continue
        key = f"{prefix}{info.alias or name}"
        out.add(key)
        for arg in _model_args(info.annotation):
            out |= alias_paths(arg, f"{key}.")
    return out


def _model_args(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _model_args(arg)


FIELD_PATHS = {kind: alias_paths(model) for kind, model in MODELS.items()}
TOP_KEYS = {
    kind: [info.alias or name for name, info in model.model_fields.items() if name != "body"]
    for kind, model in MODELS.items()
}


def validate_document(doc: RawDocument, vocabulary: Vocabulary) -> Entry | None:
    """Validate one read document; problems are appended to `doc.problems`."""
    if doc.data is None:
        return None
    if "body" in doc.data:
        line, column = doc.positions.of_key(("body",))
        message = "onbekend veld 'body': de tekst hoort onder de front matter"
        doc.problem("onbekend-veld", message, line, column)
        return None
    model = MODELS[doc.kind]
    try:
        entry = model.model_validate(doc.data)
    except ValidationError as exc:
        _report(exc, doc)
        return None
    entry = entry.model_copy(update={"body": doc.body})
    _check_file_name(entry, doc)
    _check_terms(entry, doc, vocabulary)
    _check_inferred(entry, doc)
    _check_body(doc)
    if isinstance(entry, Case):
        _check_case_rules(entry, doc)
    return entry


def _report(exc: ValidationError, doc: RawDocument) -> None:
    for error in exc.errors():
        loc = tuple(error["loc"])
        # pydantic adds the name of a union member or validator step to some paths
        loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))
        parent = loc[:-1]
        allowed = _keys_at(doc.kind, parent)
        code, message = pydantic_message({**error, "loc": loc}, allowed)
        if error["type"] == "extra_forbidden":
            line, column = doc.positions.of_key(loc)
        elif error["type"] == "missing":
            line, column = doc.positions.of(parent)
        else:
            line, column = doc.positions.of(loc)
        doc.problem(code, message, line, column)


def _keys_at(kind: Kind, parent: tuple[str | int, ...]) -> list[str]:
    prefix = ".".join(str(p) for p in parent if isinstance(p, str))
    if not prefix:
        return TOP_KEYS[kind]
    depth = prefix.count(".") + 1
    return [
        path.split(".")[-1]
        for path in FIELD_PATHS[kind]
        if path.startswith(prefix + ".") and path.count(".") == depth
    ]


def _check_file_name(entry: Entry, doc: RawDocument) -> None:
    slug = entry.id if isinstance(entry, Lesson) else entry.slug
    stem = PurePath(doc.path).stem
    if stem != slug:
        key = "id" if isinstance(entry, Lesson) else "slug"
        line, column = doc.positions.of((key,))
        doc.problem(
            "bestandsnaam",
            f"de bestandsnaam '{PurePath(doc.path).name}' hoort gelijk te zijn aan de {key}: "
            f"hernoem het bestand naar '{slug}.md' (of pas de {key} aan)",
            line,
            column,
        )


def term_fields(entry: Entry) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, term, vocabulary list) for every vocabulary term used in an entry."""
    for i, source in enumerate(entry.sources):
        yield ("bronnen", i, "soort"), source.kind, "bronsoorten"
        for j, group in enumerate(source.supports):
            yield ("bronnen", i, "onderbouwt", j), group, "feitengroepen"
    if not isinstance(entry, Episode):
        yield from _scan_terms(entry)
    if isinstance(entry, Lesson):
        for i, role in enumerate(entry.roles):
            yield ("rollen", i), role, "rollen"
        return
    if isinstance(entry, Episode):
        yield ("soort",), entry.kind, "mediasoorten"
        return
    if entry.place.province:
        yield ("plaats", "provincie"), entry.place.province, "provincies"
    if entry.participation:
        yield ("participatievorm",), entry.participation, "participatievormen"
    if entry.outcome.kind:
        yield ("uitkomst", "soort"), entry.outcome.kind, "uitkomsten"
    for name, terms, vocab in (
        ("soort", entry.kinds, "soorten"),
        ("themas", entry.themes, "themas"),
        ("elementen", entry.elements, "elementen"),
    ):
        for i, term in enumerate(terms):
            yield (name, i), term, vocab
    for i, actor in enumerate(entry.actors):
        yield ("actoren", i, "soort"), actor.kind, "actorsoorten"
    for i, funding in enumerate(entry.funding):
        yield ("financiering", i, "soort"), funding.kind, "financieringssoorten"


def _scan_terms(entry: Case | Lesson) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """The self-scan tags: areas of attention and phases."""
    for i, area in enumerate(entry.areas):
        yield ("aandachtsgebieden", i), area, "aandachtsgebieden"
    for i, phase in enumerate(entry.phases):
        yield ("fases", i), phase, "fases"


def _check_terms(entry: Entry, doc: RawDocument, vocabulary: Vocabulary) -> None:
    for path, term, list_name in term_fields(entry):
        known = vocabulary.terms(list_name)
        if term not in known:
            line, column = doc.positions.of(path)
            doc.problem(
                "onbekende-term",
                f"'{term}' in '{field_label(path)}' staat niet in de woordenlijst "
                f"'{list_name}'.{suggest(term, known) or ' Voeg de term toe aan vocabulary.yml.'}",
                line,
                column,
            )


def _check_inferred(entry: Entry, doc: RawDocument) -> None:
    paths = FIELD_PATHS[doc.kind]
    for i, inference in enumerate(entry.inferred):
        if inference.field not in paths:
            line, column = doc.positions.of(("afgeleid", i, "veld"))
            doc.problem(
                "onbekend-veld",
                f"'afgeleid[{i + 1}].veld' noemt '{inference.field}', maar dat veld bestaat "
                f"niet.{suggest(inference.field, paths)}",
                line,
                column,
            )


_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)
_HTML = re.compile(r"<!--|<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?=[\s>/])")
_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|data|vbscript):", re.IGNORECASE)


def _check_body(doc: RawDocument) -> None:
    """Bodies are Markdown only: raw HTML and script links are refused, not silently kept."""
    # Blank out code (keeping newlines) so examples in code blocks stay allowed.
    text = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), doc.body)
    for pattern, code, message in (
        (
            _HTML,
            "html-in-tekst",
            "HTML is niet toegestaan in de tekst; gebruik Markdown "
            "(bijvoorbeeld **vet** of [link](https://…))",
        ),
        (
            _UNSAFE_LINK,
            "onveilige-link",
            "alleen links naar http(s)-adressen of andere pagina's zijn toegestaan",
        ),
    ):
        match = pattern.search(text)
        if match:
            line = doc.body_line + text.count("\n", 0, match.start())
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            doc.problem(code, message, line, column)


def _check_case_rules(case: Case, doc: RawDocument) -> None:
    at = doc.positions.of
    if case.collection == "wij-in-de-wijk" and case.bundle is None:
        line, column = at(("collectie",))
        doc.problem(
            "bundel-ontbreekt",
            "een Wij in de Wijk-casus heeft een 'bundel' nodig (nummer en zekerheid; "
            "nummer 'onbekend' mag)",
            line,
            column,
        )
    if case.collection == "verwant" and case.bundle is not None:
        line, column = at(("bundel",))
        doc.problem(
            "bundel-bij-verwant",
            "een verwante casus hoort niet bij een bundel; haal 'bundel' weg of zet "
            "'collectie: wij-in-de-wijk'",
            line,
            column,
        )
    if case.bundle and case.bundle.certainty == "afgeleid" and not case.bundle.explanation:
        line, column = at(("bundel", "zekerheid"))
        doc.problem(
            "toelichting-ontbreekt",
            "een afgeleide bundel heeft een 'toelichting' nodig: hoe is hij afgeleid?",
            line,
            column,
        )
    if case.status == "beschreven":
        if not any(source.url for source in case.sources):
            line, column = at(("bronnen",))
            doc.problem(
                "bron-zonder-url",
                "een beschreven casus heeft minstens één bron met een 'url' nodig, zodat "
                "lezers de feiten kunnen nagaan; is het nog een stub, zet dan 'status: stub'",
                line,
                column,
            )
        if case.candidates:
            line, column = at(("kandidaten",))
            doc.problem(
                "kandidaten-bij-beschreven",
                "'kandidaten' horen alleen bij een stub; een beschreven casus is zelf bekend",
                line,
                column,
            )


def check_references(
    docs: Iterable[tuple[RawDocument, Entry]],
    broken: Iterable[tuple[Kind, str]] = (),
) -> list[Problem]:
    """Rules across files: unique slugs and aliases, and links that must resolve.

    `broken` names files that exist but failed validation: links to them are not reported
    again (their own file already carries the error).
    """
    problems: list[Problem] = []
    skip = set(broken)
    pairs = list(docs)
    names: dict[Kind, dict[str, RawDocument]] = {"case": {}, "lesson": {}, "episode": {}}
    for doc, entry in pairs:
        own = entry.id if isinstance(entry, Lesson) else entry.slug
        key = "id" if isinstance(entry, Lesson) else "slug"
        for name, path in [(own, (key,))] + [
            (alias, ("aliassen", i)) for i, alias in enumerate(entry.aliases)
        ]:
            other = names[doc.kind].get(name)
            if other is not None:
                line, column = doc.positions.of(path)
                problems.append(
                    Problem(
                        doc.path,
                        line,
                        column,
                        "dubbele-slug",
                        f"'{name}' wordt al gebruikt door {other.path}; elke {KIND_NL[doc.kind]} "
                        f"heeft een eigen slug (ook oude slugs in 'aliassen' tellen mee)",
                    )
                )
            else:
                names[doc.kind][name] = doc
    for doc, entry in pairs:
        problems.extend(_links(doc, entry, names, skip))
    return problems


def _links(
    doc: RawDocument,
    entry: Entry,
    names: dict[Kind, dict[str, RawDocument]],
    skip: set[tuple[Kind, str]],
) -> Iterator[Problem]:
    targets: list[tuple[tuple[str | int, ...], str, Kind]] = []
    if isinstance(entry, Case):
        targets += [(("lessen", i), s, "lesson") for i, s in enumerate(entry.lessons)]
    elif isinstance(entry, Lesson):
        targets += [(("casussen", i), s, "case") for i, s in enumerate(entry.cases)]
    else:
        targets += [(("casussen", i, "slug"), c.slug, "case") for i, c in enumerate(entry.cases)]
    for path, name, kind in targets:
        if name in names[kind] or (kind, name) in skip:
            continue
        line, column = doc.positions.of(path)
        yield Problem(
            doc.path,
            line,
            column,
            "onbekende-verwijzing",
            f"'{field_label(path)}' verwijst naar {KIND_NL[kind]} '{name}', maar die bestaat "
            f"niet.{suggest(name, names[kind])}",
        )
