"""Every problem code `widw validate` can report, with what it means and what to do.

A test checks that each code used in `widw.content` is listed here (and nothing stale is),
so the table in the editor guide cannot fall behind the validator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from widw.content import routes
from widw.content.kinds import KINDS
from widw.content.routes import source_folder

_NAMES = [f"`{info.source_folder}/`" for info in KINDS.values()]
_FOLDERS = ", ".join(_NAMES[:-1]) + " of " + _NAMES[-1]
"""The content folders in running text: '`cases/`, `lessons/` of `episodes/`'."""


@dataclass(frozen=True)
class CodeHelp:
    """The Dutch explanation of one problem code."""

    severity: Literal["fout", "waarschuwing"]
    meaning: str
    action: str


def _e(meaning: str, action: str) -> CodeHelp:
    return CodeHelp("fout", meaning, action)


def _w(meaning: str, action: str) -> CodeHelp:
    return CodeHelp("waarschuwing", meaning, action)


PROBLEM_CODES: dict[str, CodeHelp] = {
    # The file itself
    "leeg-bestand": _e("Het bestand is leeg.", "Begin opnieuw met `widw new`."),
    "onleesbaar": _e(
        "Het bestand kan niet worden gelezen.",
        "Controleer of het bestaat en niet door een ander programma is geopend.",
    ),
    "bestand-te-groot": _e(
        "Het bestand is groter dan 1 MB.",
        "Kijk of er per ongeluk iets anders in is geplakt, zoals een afbeelding.",
    ),
    "binair-bestand": _e("Het is geen tekstbestand.", "Sla het op als platte tekst (.md)."),
    "codering": _e(
        "Het bestand is niet als UTF-8 opgeslagen.", "Kies bij 'Opslaan als' de codering UTF-8."
    ),
    "bom": _e(
        "Het bestand begint met een onzichtbaar BOM-teken.", "Sla het op als 'UTF-8 zonder BOM'."
    ),
    "crlf": _e(
        "Het bestand heeft Windows-regeleinden.",
        "Stel je editor in op LF-regeleinden (in VS Code: rechtsonder 'CRLF' → 'LF').",
    ),
    "geen-front-matter": _e(
        "De velden bovenaan ontbreken of staan niet tussen twee regels `---`.",
        "Zet een regel `---` boven en onder de velden.",
    ),
    "lege-front-matter": _e(
        "Tussen de regels `---` staat niets.",
        "Vul de velden in; `widw new` maakt een bestand met alle velden.",
    ),
    "front-matter-geen-blok": _e(
        "Bovenaan staan geen velden in de vorm `veld: waarde`.",
        "Schrijf elk veld op een eigen regel als `veld: waarde`.",
    ),
    "tab": _e("Er staat een tab in de velden.", "Spring in met spaties, niet met tabs."),
    "yaml-syntax": _e(
        "De opbouw van de velden klopt niet (YAML).",
        "Kijk op de genoemde regel "
        "naar inspringing, dubbele punten en aanhalingstekens. Staat er een "
        "dubbele punt in een tekst? Zet de tekst dan tussen aanhalingstekens.",
    ),
    "yaml-anker": _e(
        "Een YAML-anker (`&`) of -verwijzing (`*`).",
        "Schrijf de waarde voluit; "
        "begint een tekst met `*` of `&`, zet hem dan tussen aanhalingstekens.",
    ),
    "stuurteken": _e(
        "Een onzichtbaar stuurteken in de velden, vaak meegekopieerd uit een PDF of Word.",
        "Typ de tekst op de genoemde plek opnieuw, of plak hem eerst als platte tekst.",
    ),
    "bestand-genegeerd": _e(
        f"Een bestand in {_FOLDERS} dat niet op `.md` eindigt: het wordt niet gelezen.",
        "Hernoem het naar `<slug>.md` (kleine letters), of zet het ergens anders neer.",
    ),
    "map-genegeerd": _e(
        f"Een map binnen {_FOLDERS}: de bestanden erin worden niet gelezen.",
        f"Zet de bestanden direct in de hoofdmap (`{source_folder('case')}/…`) of haal de map weg.",
    ),
    "onzichtbaar-teken": _e(
        "Een onzichtbaar teken of een teken dat de leesrichting omdraait (bijvoorbeeld "
        "U+200B of U+202E), vaak meegekopieerd uit een pdf, Word of een website.",
        "Typ het woord op de genoemde plek opnieuw, of plak de tekst eerst als platte tekst.",
    ),
    "dubbel-veld": _e(
        "Hetzelfde veld staat twee keer in één blok.", "Voeg de twee samen of haal er één weg."
    ),
    "html-in-tekst": _e(
        "Er staat HTML in de tekst.",
        "Gebruik Markdown: `**vet**`, `*schuin*`, `[tekst](https://…)`.",
    ),
    "onveilige-link": _e(
        "Een link die niet naar een webadres of pagina gaat.",
        "Gebruik alleen links die met `https://` beginnen of naar een andere pagina wijzen.",
    ),
    # Fields and values
    "veld-ontbreekt": _e("Een verplicht veld ontbreekt.", "Voeg het veld toe (zie Velden)."),
    "onbekend-veld": _e(
        "Een veld dat niet bestaat, vaak een tikfout.",
        "Volg de suggestie 'Bedoelde je …?' of haal het veld weg.",
    ),
    "verkeerd-type": _e(
        "Een waarde van de verkeerde soort, bijvoorbeeld tekst waar een lijst hoort.",
        "Kijk in Velden welke soort waarde het veld verwacht.",
    ),
    "ongeldige-waarde": _e(
        "Een waarde die niet is toegestaan.", "Kies een van de genoemde waarden."
    ),
    "ongeldig-formaat": _e(
        "Een waarde in de verkeerde vorm, bijvoorbeeld een slug met hoofdletters.",
        "Volg de vorm die de melding noemt.",
    ),
    "ongeldige-datum": _e(
        "Een datum die niet klopt.",
        "Schrijf JJJJ-MM-DD, bijvoorbeeld 2021-03-18 (bij bronnen mag ook JJJJ of JJJJ-MM).",
    ),
    "te-kort": _e(
        "Een verplicht veld of een lijst is leeg.", "Vul het in, of schrijf `onbekend` als dat mag."
    ),
    "te-lang": _e("Een waarde is te lang.", "Maak hem korter (een slug hoogstens 80 tekens)."),
    "buiten-bereik": _e(
        "Een getal buiten het toegestane bereik.",
        "Bundels zijn 1 t/m 4; coördinaten moeten in Nederland liggen.",
    ),
    "onbekende-term": _e(
        "Een term die niet in de woordenlijst staat.",
        "Volg de suggestie, "
        "kies een term uit de Woordenlijst, of voeg de term toe aan "
        "`vocabulary.yml`.",
    ),
    "dubbele-waarde": _e(
        "Een lijst noemt dezelfde waarde meer dan eens.", "Haal de herhalingen weg."
    ),
    "datum-in-toekomst": _e(
        "Een controledatum (`laatst_gecontroleerd`, `geraadpleegd`) ligt in de toekomst.",
        "Vul de dag in waarop je de bronnen echt hebt nagelopen.",
    ),
    "bestandsnaam": _e(
        "De bestandsnaam is niet gelijk aan de slug (of id).",
        "Hernoem het bestand naar `<slug>.md`.",
    ),
    "bundel-ontbreekt": _e(
        "Een Wij in de Wijk-casus zonder `bundel`.",
        "Voeg `bundel` toe met `nummer` (mag `onbekend`) en `zekerheid`.",
    ),
    "bundel-bij-verwant": _e(
        "Een verwante casus met een `bundel`.",
        "Haal `bundel` weg, of zet `collectie: wij-in-de-wijk`.",
    ),
    "toelichting-ontbreekt": _e(
        "Een afgeleide bundel zonder toelichting.",
        "Schrijf in `toelichting` hoe de bundel is afgeleid.",
    ),
    "bron-zonder-url": _e(
        "Een beschreven casus met een bron zonder webadres.",
        "Voeg de `url` toe, of zet `status: stub` zolang er geen vindbare bron is.",
    ),
    "kandidaten-bij-beschreven": _e(
        "`kandidaten` bij een beschreven casus.",
        "Haal `kandidaten` weg; die horen alleen bij een stub.",
    ),
    # Across files
    "dubbele-slug": _e(
        "Twee bestanden gebruiken dezelfde slug (of alias).",
        "Kies een andere slug voor de nieuwe casus.",
    ),
    "onbekende-verwijzing": _e(
        "Een verwijzing naar een casus of les die niet bestaat.",
        "Controleer de slug (tikfout?) of maak de casus of les eerst.",
    ),
    "dode-link": _e(
        "Een link in de tekst naar een pagina van de site die niet bestaat.",
        "Volg de suggestie 'Bedoelde je …?' of controleer de slug; een casus linkt naar een "
        f"andere casus als `[naam](slug.md)`, naar een les als "
        f"`[titel](../{routes.page('lesson', 'id')})`.",
    ),
    "slug-verdwenen": _e(
        "Een gepubliceerde slug (in `published-slugs.txt`) bestaat niet meer: het oude adres "
        "zou breken.",
        "Zet de oude slug in `aliassen` van het hernoemde bestand, of zet het bestand terug.",
    ),
    "gepubliceerd-ongeldig": _e(
        "Een regel in `published-slugs.txt` is niet van de vorm `soort slug`.",
        "Schrijf per regel `casus`, `les` of `media`, een spatie en de slug.",
    ),
    "geen-woordenlijst": _e(
        "`vocabulary.yml` ontbreekt.",
        "Zet het bestand terug (het hoort in de hoofdmap van het project).",
    ),
    # Quality hints (errors only with `widw validate --strikt`)
    "titel-lijkt-op": _w(
        "De titel lijkt sterk op die van een andere casus.",
        "Controleer of het dezelfde casus is; vul dan de bestaande aan.",
    ),
    "geen-lessen": _w(
        "Een beschreven casus onderbouwt nog geen les.",
        "Koppel een les in `lessen` als een bron die verbinding legt.",
    ),
    "samenvatting-te-lang": _w(
        "De samenvatting is langer dan één alinea.", "Kort haar in en zet de rest in de tekst."
    ),
    "controle-verouderd": _w(
        "De feiten zijn meer dan twee jaar niet nagelopen.",
        "Loop de bronnen na en zet `laatst_gecontroleerd` op de datum van vandaag.",
    ),
    "bron-zonder-datum": _w(
        "Een bron zonder `datum`.", "Voeg de publicatiedatum toe, of schrijf `datum: onbekend`."
    ),
}
"""Problem code → severity, meaning and action, grouped as the guide shows them."""
