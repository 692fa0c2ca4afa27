"""The content model: cases, lessons and episodes (pydantic v2); their parts are in
`widw.content.blocks` and are re-exported here.

Python attribute names are English; the keys editors write in the files are Dutch and
are declared as aliases. Descriptions are Dutch because editors read them in the JSON
Schema and in the generated editor guide. Every further fact about a field (vocabulary list,
label, search facet, export column) is in its `meta(...)` (`widw.content.fieldmeta`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic.json_schema import SkipJsonSchema

from widw.content import routes
from widw.content.blocks import (
    Actor,
    Bundle,
    Candidate,
    CbsCode,
    ContextFactors,
    Contributor,
    Coordinates,
    DiscussedCase,
    Funding,
    Inference,
    Model,
    Outcome,
    Period,
    Place,
    Source,
)
from widw.content.fieldmeta import meta
from widw.content.fields import (
    ALLOW_UNKNOWN,
    OptionalDate,
    OptionalTerm,
    OptionalText,
    OptionalUrl,
    Slug,
    SlugList,
    Term,
    TermList,
    Text,
    unknown_to_empty,
    unknown_to_none,
)

AREAS_DESCRIPTION = (
    "Optioneel, voor de zelfscan: bij welke aandachtsgebieden van een gemeente dit helpt "
    "(woordenlijst: aandachtsgebieden). Is dat een oordeel van de redactie, noem het veld "
    "dan in 'afgeleid'."
)
PHASES_DESCRIPTION = (
    "Optioneel, voor de zelfscan: in welke fase van een gemeente dit helpt "
    "(woordenlijst: fases). Is dat een oordeel van de redactie, noem het veld "
    "dan in 'afgeleid'."
)


def areas_meta(column: str | None = None) -> dict[str, Any]:
    """The self-scan's areas of attention (on cases and lessons)."""
    return meta(vocabulary="aandachtsgebieden", label="Zelfscan: aandachtsgebieden", column=column)


def phases_meta(column: str | None = None) -> dict[str, Any]:
    """The self-scan's phases (on cases and lessons)."""
    return meta(vocabulary="fases", label="Zelfscan: fases", column=column)


CaseStatus = Literal["beschreven", "stub"]
Collection = Literal["wij-in-de-wijk", "verwant"]


class Case(Model):
    """One neighbourhood initiative (a 'casus')."""

    slug: Slug = Field(
        description="Vaste naam in de URL en citeersleutel; nooit wijzigen.",
        json_schema_extra=meta(column="slug"),
    )
    aliases: SlugList = Field(
        default_factory=list,
        alias="aliassen",
        description="Oude slugs die naar deze casus blijven verwijzen.",
    )
    title: Text = Field(
        alias="titel",
        description="Naam van het initiatief.",
        json_schema_extra=meta(label="Titel", column="titel"),
    )
    summary: Text = Field(
        alias="samenvatting",
        description="Eén alinea in eigen woorden.",
        json_schema_extra=meta(column="samenvatting", column_order=1),
    )
    status: CaseStatus = Field(
        description="'beschreven', of 'stub' als alleen naam of plaats bekend is.",
        json_schema_extra=meta(facet="status", column="status"),
    )
    collection: Collection = Field(
        alias="collectie",
        description="'wij-in-de-wijk' voor de 29 casussen, 'verwant' voor verwante casussen.",
        json_schema_extra=meta(column="collectie"),
    )
    bundle: Annotated[Bundle | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = Field(
        None,
        alias="bundel",
        description="De Wij in de Wijk-bundel (niet bij verwante casussen).",
        json_schema_extra=meta(label="Bundel"),
    )
    place: Place = Field(
        alias="plaats",
        description="Gemeente, wijk, provincie.",
        json_schema_extra=meta(label="Plaats"),
    )
    period: Annotated[Period | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = Field(
        None, alias="periode", description="Looptijd.", json_schema_extra=meta(label="Periode")
    )
    kinds: TermList = Field(
        default_factory=list,
        alias="soort",
        description="Soort initiatief (woordenlijst).",
        json_schema_extra=meta(
            vocabulary="soorten",
            label="Soort initiatief",
            keyword="soort initiatief",
            column="soort",
        ),
    )
    participation: OptionalTerm = Field(
        None,
        alias="participatievorm",
        description="'burgerparticipatie' of 'overheidsparticipatie' (woordenlijst).",
        json_schema_extra=meta(
            vocabulary="participatievormen",
            label="Participatievorm",
            facet="participatievorm",
            keyword="participatievorm",
            column="participatievorm",
        ),
    )
    themes: TermList = Field(
        default_factory=list,
        alias="themas",
        description="Thema's.",
        json_schema_extra=meta(
            vocabulary="themas",
            label="Thema's",
            facet="thema",
            keyword="thema",
            keyword_order=-1,
            column="themas",
        ),
    )
    elements: TermList = Field(
        default_factory=list,
        alias="elementen",
        description="Elementen van inclusieve burgermacht die de bronnen laten zien.",
        json_schema_extra=meta(
            vocabulary="elementen",
            label="Elementen",
            facet="element",
            keyword="element",
            keyword_order=-1,
            column="elementen",
        ),
    )
    areas: TermList = Field(
        default_factory=list,
        alias="aandachtsgebieden",
        description=AREAS_DESCRIPTION,
        json_schema_extra=areas_meta(column="aandachtsgebieden"),
    )
    phases: TermList = Field(
        default_factory=list,
        alias="fases",
        description=PHASES_DESCRIPTION,
        json_schema_extra=phases_meta(column="fases"),
    )
    context: ContextFactors = Field(
        default_factory=ContextFactors,
        alias="contextfactoren",
        description="Context.",
        json_schema_extra=meta(label="Contextfactoren"),
    )
    actors: Annotated[list[Actor], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list,
        alias="actoren",
        description="Betrokken organisaties en groepen.",
        json_schema_extra=meta(label="Actoren"),
    )
    funding: Annotated[list[Funding], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list,
        alias="financiering",
        description="Financiering.",
        json_schema_extra=meta(label="Financiering"),
    )
    outcome: Outcome = Field(
        default_factory=Outcome,
        alias="uitkomst",
        description="Uitkomst.",
        json_schema_extra=meta(label="Uitkomst"),
    )
    candidates: Annotated[list[Candidate], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = (
        Field(
            default_factory=list,
            alias="kandidaten",
            description="Alleen bij een stub: mogelijke initiatieven, als kandidaat benoemd.",
        )
    )
    lessons: SlugList = Field(
        default_factory=list,
        alias="lessen",
        description="Lessen die deze casus onderbouwt.",
        json_schema_extra=meta(
            column="lessen",
            column_type="lijst van lessen",
            column_description=(
                "Id's van alle lessen bij deze casus (ook lessen die de casus alleen in hun "
                f"eigen bestand noemen); elke les staat op {routes.url('lesson', '<id>')}."
            ),
        ),
    )
    sources: Annotated[list[Source], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list,
        alias="bronnen",
        description="Bronnen van de feiten op de pagina.",
        json_schema_extra=meta(
            column="bronnen",
            column_count=True,
            column_type="geheel getal",
            column_description=(
                "Aantal bronnen dat de casus noemt (de bronnen zelf staan in cases.json)."
            ),
        ),
    )
    inferred: Annotated[list[Inference], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list,
        alias="afgeleid",
        description="Velden die zijn afgeleid in plaats van door een bron gegeven.",
    )
    last_verified: dt.date = Field(
        alias="laatst_gecontroleerd",
        description="Datum waarop de feiten zijn nagelopen.",
        json_schema_extra=meta(column="laatst_gecontroleerd"),
    )
    body: SkipJsonSchema[str] = Field(
        "", exclude=True, description="De Markdown-tekst onder de kop."
    )


class Lesson(Model):
    """A lesson for one or more roles, with the cases that show it."""

    id: Slug = Field(description="Vaste naam in de URL en citeersleutel.")
    aliases: SlugList = Field(default_factory=list, alias="aliassen", description="Oude id's.")
    roles: Annotated[list[Term], Field(min_length=1)] = Field(
        alias="rollen",
        description="Voor wie: bestuurders-politici, ambtenaren, …",
        json_schema_extra=meta(vocabulary="rollen", facet="rol", keyword="rol"),
    )
    title: Text = Field(
        alias="titel", description="De les in één zin.", json_schema_extra=meta(label="Titel")
    )
    cases: SlugList = Field(
        default_factory=list,
        alias="casussen",
        description="Casussen die de les laten zien.",
        json_schema_extra=meta(label="Casussen"),
    )
    areas: TermList = Field(
        default_factory=list,
        alias="aandachtsgebieden",
        description=AREAS_DESCRIPTION,
        json_schema_extra=areas_meta(),
    )
    phases: TermList = Field(
        default_factory=list,
        alias="fases",
        description=PHASES_DESCRIPTION,
        json_schema_extra=phases_meta(),
    )
    sources: Annotated[list[Source], Field(min_length=1)] = Field(
        alias="bronnen", description="Waar de les vandaan komt."
    )
    inferred: Annotated[list[Inference], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list, alias="afgeleid", description="Afgeleide velden."
    )
    last_verified: dt.date = Field(alias="laatst_gecontroleerd", description="Laatst nagelopen.")
    body: SkipJsonSchema[str] = Field(
        "", exclude=True, description="De uitleg van de les (Markdown)."
    )


class Episode(Model):
    """A podcast episode, film or meeting about cases."""

    slug: Slug = Field(description="Vaste naam in de URL en citeersleutel.")
    aliases: SlugList = Field(default_factory=list, alias="aliassen", description="Oude slugs.")
    kind: Term = Field(
        alias="soort",
        description="podcast, film of bijeenkomst (woordenlijst).",
        json_schema_extra=meta(vocabulary="mediasoorten", keyword="soort"),
    )
    title: Text = Field(alias="titel", description="Titel.")
    series: OptionalText = Field(None, alias="serie", description="Serie waar het bij hoort.")
    number: Annotated[int | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = Field(
        None, alias="nummer", ge=1, description="Volgnummer in de serie."
    )
    date: OptionalDate = Field(
        None,
        alias="datum",
        description="Datum van verschijnen.",
        json_schema_extra=meta(facet="jaar", facet_value="year"),
    )
    summary: OptionalText = Field(None, alias="samenvatting", description="Waar het over gaat.")
    makers: Annotated[list[Contributor], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list, alias="makers", description="Makers, alleen met rol en organisatie."
    )
    guests: Annotated[list[Contributor], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list, alias="gasten", description="Gasten, alleen met rol en organisatie."
    )
    url: OptionalUrl = Field(None, alias="url", description="Waar het te beluisteren/zien is.")
    cases: Annotated[list[DiscussedCase], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list, alias="casussen", description="Besproken casussen."
    )
    sources: Annotated[list[Source], Field(min_length=1)] = Field(
        alias="bronnen", description="Bronnen voor de gegevens."
    )
    inferred: Annotated[list[Inference], BeforeValidator(unknown_to_empty), ALLOW_UNKNOWN] = Field(
        default_factory=list, alias="afgeleid", description="Afgeleide velden."
    )
    last_verified: dt.date = Field(alias="laatst_gecontroleerd", description="Laatst nagelopen.")
    body: SkipJsonSchema[str] = Field("", exclude=True, description="Toelichting (Markdown).")


__all__ = [
    "Actor",
    "Bundle",
    "Candidate",
    "Case",
    "CaseStatus",
    "CbsCode",
    "Collection",
    "ContextFactors",
    "Contributor",
    "Coordinates",
    "DiscussedCase",
    "Episode",
    "Funding",
    "Inference",
    "Lesson",
    "Outcome",
    "Period",
    "Place",
    "Source",
]
