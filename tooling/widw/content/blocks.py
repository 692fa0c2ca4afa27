"""The blocks of the content model: the parts cases, lessons and episodes are made of.

Sources, places, bundles, actors, funding and the like (pydantic v2), with the same
conventions as `widw.content.models`: English attribute names, Dutch keys as aliases, Dutch
descriptions, and each field's further facts in `meta(...)` (`widw.content.fieldmeta`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from widw.content.fieldmeta import meta
from widw.content.fields import (
    ALLOW_UNKNOWN,
    OptionalDate,
    OptionalTerm,
    OptionalText,
    OptionalUrl,
    Slug,
    Term,
    TermList,
    Text,
    TextList,
    unknown_to_none,
)


class Model(BaseModel):
    """Base: unknown keys are errors, Dutch keys only, immutable after loading."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        str_strip_whitespace=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )


class Source(Model):
    """A publication that a fact on the page comes from."""

    title: Text = Field(alias="titel", description="Titel van de bron, zoals de bron die geeft.")
    publisher: OptionalText = Field(
        None, alias="uitgever", description="Organisatie of website die de bron publiceert."
    )
    authors: TextList = Field(
        default_factory=list,
        alias="auteurs",
        description="Auteurs als 'Achternaam, V.' (alleen organisaties of professionals).",
    )
    date: OptionalDate = Field(
        None, alias="datum", description="Publicatiedatum: JJJJ, JJJJ-MM of JJJJ-MM-DD."
    )
    url: OptionalUrl = Field(None, alias="url", description="Volledig webadres (https://…).")
    kind: Term = Field(
        alias="soort",
        description="Soort bron (woordenlijst: bronsoorten).",
        json_schema_extra=meta(vocabulary="bronsoorten"),
    )
    supports: TermList = Field(
        default_factory=list,
        alias="onderbouwt",
        description="Welke feitengroepen deze bron onderbouwt (woordenlijst: feitengroepen).",
        json_schema_extra=meta(vocabulary="feitengroepen"),
    )
    accessed: OptionalDate = Field(
        None, alias="geraadpleegd", description="Datum waarop de bron is geraadpleegd."
    )


class Inference(Model):
    """Marks one field as inferred (afgeleid) rather than stated by a source."""

    field: Text = Field(
        alias="veld",
        description="Het veld dat is afgeleid, bijvoorbeeld 'plaats.provincie'.",
        json_schema_extra=meta(column="afgeleide_velden"),
    )
    explanation: Text = Field(
        alias="toelichting", description="Hoe het is afgeleid en uit welke bron(nen)."
    )


class CbsCode(Model):
    """A CBS wijk or buurt code, with the year of the CBS classification."""

    code: Annotated[str, Field(pattern=r"^(WK|BU)\d{6,8}$")] = Field(
        description="CBS-code, bijvoorbeeld 'WK034405' of 'BU03440500'.",
        json_schema_extra=meta(column="cbs_code"),
    )
    year: int = Field(
        alias="jaar",
        ge=2000,
        le=2100,
        description="Jaar van de CBS-indeling.",
        json_schema_extra=meta(column="cbs_jaar"),
    )


class Coordinates(Model):
    """A point in WGS84 (decimal degrees)."""

    lat: float = Field(
        ge=50.5,
        le=53.8,
        description="Breedtegraad (Nederland: 50,7–53,6).",
        json_schema_extra=meta(column="lat"),
    )
    lon: float = Field(
        ge=3.2,
        le=7.3,
        description="Lengtegraad (Nederland: 3,3–7,2).",
        json_schema_extra=meta(column="lon"),
    )


class Place(Model):
    """Where the initiative works."""

    municipality: OptionalText = Field(
        None,
        alias="gemeente",
        description="Gemeente.",
        json_schema_extra=meta(
            label="Gemeente", facet="gemeente", facet_value="slug", column="gemeente"
        ),
    )
    district: OptionalText = Field(
        None,
        alias="wijk",
        description="Wijk, buurt of dorp; 'onbekend' als geen bron die geeft.",
        json_schema_extra=meta(label="Wijk", column="wijk"),
    )
    province: OptionalTerm = Field(
        None,
        alias="provincie",
        description="Provincie (woordenlijst: provincies).",
        json_schema_extra=meta(
            vocabulary="provincies", label="Provincie", facet="provincie", column="provincie"
        ),
    )
    cbs: Annotated[CbsCode | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = Field(
        None, alias="cbs", description="Optioneel: CBS wijk- of buurtcode met jaar."
    )
    coordinates: Annotated[Coordinates | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = (
        Field(
            None,
            alias="coordinaten",
            description="Optioneel: coördinaten (lat, lon).",
            json_schema_extra=meta(label="Coördinaten op de kaart"),
        )
    )


class Bundle(Model):
    """The Wij in de Wijk case bundle a case belongs to."""

    number: Annotated[int | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = Field(
        None,
        alias="nummer",
        ge=1,
        le=4,
        description="Bundel 1 t/m 4, of 'onbekend'.",
        json_schema_extra=meta(
            label="Bundel", facet="bundel", facet_value="number", column="bundel"
        ),
    )
    certainty: Literal["bevestigd", "afgeleid"] = Field(
        alias="zekerheid",
        description="'bevestigd' als een bron het zegt, 'afgeleid' als het is beredeneerd.",
        json_schema_extra=meta(column="bundel_zekerheid"),
    )
    explanation: OptionalText = Field(
        None, alias="toelichting", description="Bij 'afgeleid': hoe de bundel is afgeleid."
    )


class Period(Model):
    """When the initiative ran, as precise as the sources say."""

    start: OptionalDate = Field(
        None,
        alias="begin",
        description="Begin: JJJJ, JJJJ-MM of datum.",
        json_schema_extra=meta(label="Begin", facet="jaar", facet_value="year", column="begin"),
    )
    end: OptionalDate = Field(
        None,
        alias="einde",
        description="Einde, of leeg als het loopt.",
        json_schema_extra=meta(label="Einde", column="einde"),
    )


class ContextFactors(Model):
    """What helped and what hindered, in the case's own terms."""

    promoting: TextList = Field(
        default_factory=list,
        alias="bevorderend",
        description="Bevorderende contextfactoren.",
        json_schema_extra=meta(column="bevorderend"),
    )
    hindering: TextList = Field(
        default_factory=list,
        alias="belemmerend",
        description="Belemmerende contextfactoren.",
        json_schema_extra=meta(column="belemmerend"),
    )


class Actor(Model):
    """An organisation or group involved (never a private person)."""

    name: Text = Field(
        alias="naam",
        description="Naam van de organisatie of groep.",
        json_schema_extra=meta(column="actoren"),
    )
    kind: Term = Field(
        alias="soort",
        description="Soort actor (woordenlijst: actorsoorten).",
        json_schema_extra=meta(vocabulary="actorsoorten", column="actorsoorten"),
    )
    role: OptionalText = Field(None, alias="rol", description="Wat deze actor doet in de casus.")


class Funding(Model):
    """One funding stream."""

    kind: Term = Field(
        alias="soort",
        description="Soort financiering (woordenlijst).",
        json_schema_extra=meta(
            vocabulary="financieringssoorten", keyword="financiering", column="financiering"
        ),
    )
    description: OptionalText = Field(None, alias="omschrijving", description="Toelichting.")
    amount_eur: Annotated[int | None, BeforeValidator(unknown_to_none), ALLOW_UNKNOWN] = Field(
        None, alias="bedrag_eur", ge=0, description="Bedrag in euro, als een bron het noemt."
    )


class Outcome(Model):
    """How it turned out, as far as sources say."""

    kind: OptionalTerm = Field(
        None,
        alias="soort",
        description="Uitkomst (woordenlijst).",
        json_schema_extra=meta(
            vocabulary="uitkomsten",
            label="Uitkomst",
            facet="uitkomst",
            keyword="uitkomst",
            column="uitkomst",
        ),
    )
    description: OptionalText = Field(
        None,
        alias="omschrijving",
        description="Toelichting.",
        json_schema_extra=meta(column="uitkomst_toelichting"),
    )


class Candidate(Model):
    """For a stub: an initiative that may fill the slot, named as candidate, never as fact."""

    name: Text = Field(alias="naam", description="Naam van het mogelijke initiatief.")
    certainty: Literal["waarschijnlijk", "kandidaat"] = Field(
        alias="zekerheid", description="'waarschijnlijk' of 'kandidaat' (nooit als feit)."
    )
    explanation: Text = Field(alias="toelichting", description="Waarom dit initiatief in beeld is.")


class Contributor(Model):
    """A maker or guest, named by organisational role only."""

    role: Text = Field(alias="rol", description="Rol, bijvoorbeeld 'presentator'.")
    organisation: OptionalText = Field(None, alias="organisatie", description="Organisatie.")


class DiscussedCase(Model):
    """A case discussed in an episode, with an optional timestamp."""

    slug: Slug = Field(description="Slug van de besproken casus.")
    timestamp: Annotated[str | None, Field(pattern=r"^\d{1,2}:\d{2}(:\d{2})?$")] = Field(
        None, alias="tijdstip", description="Tijdstip in de opname, bijvoorbeeld '12:30'."
    )
