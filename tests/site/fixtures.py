"""A tiny but complete project for the site tests: described, inferred, stub and related."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO

CASE_A = """---
slug: buurtkamer-noord
titel: Buurtkamer Noord
samenvatting: Een huiskamer waar buurtbewoners elkaar aan een grote tafel ontmoeten.
status: beschreven
collectie: wij-in-de-wijk
bundel: {nummer: 1, zekerheid: bevestigd}
plaats: {gemeente: Utrecht, wijk: Noord, provincie: utrecht, coordinaten: {lat: 52.09, lon: 5.12}}
periode: {begin: "2018", einde: onbekend}
soort: [ontmoetingsplek]
participatievorm: overheidsparticipatie
themas: [ontmoeting, ouderen]
elementen: [informeel-contact]
financiering:
  - soort: gemeentelijke-subsidie
    bedrag_eur: 15000
uitkomst: {soort: loopt, omschrijving: Draait nog elke week.}
lessen: [ruimte-voor-bewoners]
bronnen:
  - titel: Verslag over de buurtkamer
    uitgever: Movisie
    datum: 2020-03-18
    url: https://bron.example/buurtkamer
    soort: artikel
    onderbouwt: [samenvatting, plaats]
afgeleid:
  - veld: plaats.provincie
    toelichting: Afgeleid uit de gemeente.
laatst_gecontroleerd: 2026-11-01
---

De tafel staat midden in de wijk. Iedereen mag aanschuiven. De koffie wordt betaald uit
het buurtbudget van de gemeente.
"""

CASE_B = """---
slug: moestuin-zuid
titel: Moestuin Zuid
samenvatting: Een moestuin die jongeren en ouderen samen onderhouden.
status: beschreven
collectie: wij-in-de-wijk
bundel:
  nummer: 3
  zekerheid: afgeleid
  toelichting: Afgeleid uit de plaatsen die in de andere bundels voorkomen.
plaats: {gemeente: Súdwest-Fryslân, provincie: fryslan, coordinaten: {lat: 53.03, lon: 5.66}}
soort: [bewonersinitiatief]
participatievorm: burgerparticipatie
themas: [groen-en-natuur]
elementen: [empowerment]
uitkomst: {soort: gegroeid}
lessen: [ruimte-voor-bewoners]
bronnen:
  - titel: Bericht over de moestuin
    uitgever: LPB
    url: https://bron.example/moestuin
    soort: nieuwsbericht
laatst_gecontroleerd: 2026-10-01
aandachtsgebieden: [samenleving]
fases: [kennis]
---

Jong en oud wieden samen. Na afloop maken ze een wandeling door de wijk. De tuin begon
als bewonersinitiatief van twee buren.
"""

STUB = """---
slug: bundel-2-beesd
titel: Casus in Beesd
samenvatting: Een casus uit bundel 2 in Beesd; het initiatief is nog niet bekend.
status: stub
collectie: wij-in-de-wijk
bundel: {nummer: 2, zekerheid: bevestigd}
plaats: {gemeente: West Betuwe, wijk: Beesd, provincie: gelderland,
  coordinaten: {lat: 51.89, lon: 5.19}}
kandidaten:
  - naam: Ontmoetingscentrum Klokhuis
    zekerheid: kandidaat
    toelichting: Een ontmoetingscentrum in Beesd; geen bron koppelt het aan Movisie.
bronnen:
  - titel: Bundel 2 op Buurtwijs
    uitgever: Buurtwijs
    url: https://bron.example/bundel-2
    soort: catalogus
laatst_gecontroleerd: 2026-09-01
---
"""

RELATED = """---
slug: hart-voor-de-buurt
titel: Hart voor de Buurt
samenvatting: Een buurtplatform dat Movisie apart onderzocht.
status: beschreven
collectie: verwant
plaats: {gemeente: Amsterdam, provincie: noord-holland, coordinaten: {lat: 52.37, lon: 4.89}}
soort: [buurtplatform]
themas: [zeggenschap]
elementen: [community-up]
lessen: [volg-de-bewoners]
bronnen:
  - titel: Rapport over het platform
    uitgever: Movisie
    url: https://bron.example/rapport
    soort: rapport
laatst_gecontroleerd: 2026-08-01
aandachtsgebieden: [overheid, bekostiging]
fases: [uitvoering]
---

Het platform geeft bewoners een stem.
"""

LESSON_1 = """---
id: ruimte-voor-bewoners
rollen: [ambtenaren, sociaal-professionals]
titel: Geef bewoners ruimte
casussen: [buurtkamer-noord]
bronnen:
  - titel: Lessen uit de buurtkamer
    uitgever: Movisie
    url: https://bron.example/lessen
    soort: rapport
laatst_gecontroleerd: 2026-11-01
---

Volg wat bewoners al doen.
"""

LESSON_2 = """---
id: volg-de-bewoners
rollen: [bestuurders-politici]
titel: Volg de bewoners in plaats van in te kaderen
casussen: [hart-voor-de-buurt]
bronnen:
  - titel: Rapport over het platform
    uitgever: Movisie
    url: https://bron.example/rapport
    soort: rapport
laatst_gecontroleerd: 2026-11-01
aandachtsgebieden: [overheid]
fases: [uitvoering]
afgeleid:
  - veld: aandachtsgebieden
    toelichting: Indeling door de redactie voor de zelfscan.
  - veld: fases
    toelichting: Indeling door de redactie voor de zelfscan.
---

Sluit aan bij wat er al is.
"""

EPISODE = """---
slug: podcast-tafel
soort: podcast
titel: Aan de grote tafel
serie: Podcast Wij in de Wijk
nummer: 1
datum: 2021-10
makers:
  - rol: presentator
    organisatie: Movisie
  - rol: presentator
    organisatie: Movisie
gasten:
  - rol: opbouwwerker
    organisatie: Welzijn Noord
casussen:
  - slug: buurtkamer-noord
    tijdstip: "12:30"
bronnen:
  - titel: Podcastpagina
    uitgever: LPB
    url: https://bron.example/podcast
    soort: podcast
laatst_gecontroleerd: 2026-11-01
---

Een gesprek over de buurtkamer.
"""

FILES = {
    "cases/buurtkamer-noord.md": CASE_A,
    "cases/moestuin-zuid.md": CASE_B,
    "cases/bundel-2-beesd.md": STUB,
    "cases/hart-voor-de-buurt.md": RELATED,
    "lessons/ruimte-voor-bewoners.md": LESSON_1,
    "lessons/volg-de-bewoners.md": LESSON_2,
    "episodes/podcast-tafel.md": EPISODE,
}


def write_project(root: Path, extra: dict[str, str] | None = None) -> Path:
    """Write the fixture project (content, vocabulary, docs, mkdocs.yml) under root."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "vocabulary.yml", root / "vocabulary.yml")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    for name, text in {**FILES, **(extra or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def many_cases(count: int) -> dict[str, str]:
    """`count` extra synthetic cases (every third not yet described), for paginated lists."""
    files: dict[str, str] = {}
    for i in range(1, count + 1):
        stub = i % 3 == 0
        body = "" if stub else f"\nDe buurtploeg {i} ruimt samen het plein op.\n"
        files[f"cases/buurtploeg-{i:03d}.md"] = f"""---
slug: buurtploeg-{i:03d}
titel: Buurtploeg {i:03d}
samenvatting: Een synthetische casus voor de tests, nummer {i}.
status: {"stub" if stub else "beschreven"}
collectie: wij-in-de-wijk
bundel: {{nummer: {1 + i % 4}, zekerheid: bevestigd}}
plaats: {{gemeente: Utrecht, provincie: utrecht}}
themas: [{"ontmoeting" if i % 2 else "ouderen"}]
bronnen:
  - titel: Testbron {i}
    uitgever: Movisie
    datum: 2021-01-01
    url: https://bron.example/ploeg-{i}
    soort: artikel
laatst_gecontroleerd: 2026-11-01
---
{body}"""
    return files
