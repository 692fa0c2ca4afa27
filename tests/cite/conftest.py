"""A tiny library for the citation tests: a renamed case, lessons for two roles, an episode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from widw.cite.apa import RenderCache, caching, lent_cache
from widw.content.library import Library, ProjectPaths, load_library

SITE = "https://kennisbank.test/"
TODAY = dt.date(2026, 12, 1)

NASTY_TITLE = 'Werkplaats "De Kop" & co: <script>alert(1)</script> 100% {x} #1 a_b'

WORKSHOP = f"""---
slug: wijkwerkplaats
aliassen: [werkplaats-oud]
titel: '{NASTY_TITLE}'
samenvatting: >-
  Bewoners repareren samen spullen
  en leren van elkaar.
status: beschreven
collectie: wij-in-de-wijk
bundel:
  nummer: 2
  zekerheid: afgeleid
  toelichting: Afgeleid uit de volgorde van de bundels.
plaats:
  gemeente: Zwolle
  wijk: Holtenbroek
  provincie: overijssel
  coordinaten: {{lat: 52.53, lon: 6.09}}
periode:
  begin: "2017"
soort: [bewonersinitiatief]
themas: [vrijwillige-inzet, ontmoeting]
lessen: [begin-klein, luister-eerst]
bronnen:
  - titel: Repareren in de wijk?
    uitgever: Movisie
    auteurs: ["Engbersen, R.", "Jansen, J."]
    datum: 2019-05-13
    url: https://bron.example/repareren?a=1&b=2
    soort: artikel
  - titel: Werkplaats zonder datum
    uitgever: Wijkkrant Holtenbroek
    url: https://bron.example/werkplaats
    soort: webpagina
afgeleid:
  - veld: plaats.provincie
    toelichting: Afgeleid uit de gemeente.
laatst_gecontroleerd: 2026-11-20
---

De werkplaats is elke zaterdag open.
"""

LESSON_SMALL = """---
id: begin-klein
rollen: [bestuurders-politici]
titel: Begin klein en laat het groeien
casussen: [wijkwerkplaats]
bronnen:
  - titel: Lessen uit bundel 2
    uitgever: Movisie
    datum: "2020"
    url: https://bron.example/lessen-2
    soort: rapport
laatst_gecontroleerd: 2026-11-01
---

Een **kleine** start geeft [ruimte](https://bron.example/x) om te leren.

Tweede alinea.
"""

LESSON_LISTEN = """---
id: luister-eerst
aliassen: [eerst-luisteren]
rollen: [ambtenaren, sociaal-professionals]
titel: Luister eerst naar wat bewoners al doen
casussen: [wijkwerkplaats]
bronnen:
  - titel: Lessen uit bundel 2
    uitgever: Movisie
    datum: "2020"
    url: https://bron.example/lessen-2
    soort: rapport
laatst_gecontroleerd: 2026-11-01
---

Vraag eerst wat er al gebeurt.
"""

EPISODE = """---
slug: podcast-repareren
aliassen: [podcast-1]
soort: podcast
titel: Samen repareren
serie: Wij in de Wijk-podcast
nummer: 1
datum: 2021-03-01
casussen:
  - slug: wijkwerkplaats
    tijdstip: "12:30"
bronnen:
  - titel: Afleveringenoverzicht
    uitgever: Movisie
    url: https://bron.example/podcast
    soort: podcast
laatst_gecontroleerd: 2026-11-05
---
"""

FILES: dict[str, str] = {
    "cases/wijkwerkplaats.md": WORKSHOP,
    "lessons/begin-klein.md": LESSON_SMALL,
    "lessons/luister-eerst.md": LESSON_LISTEN,
    "episodes/podcast-repareren.md": EPISODE,
}


@pytest.fixture
def cite_root(make_project: Callable[[Mapping[str, str | bytes]], Path]) -> Path:
    """A project root with the base case plus the files above."""
    return make_project(FILES)


@pytest.fixture
def library(cite_root: Path) -> Library:
    """The fixture library; it must load without errors."""
    result = load_library(ProjectPaths(cite_root))
    assert result.ok, [p.format() for p in result.errors]
    assert set(result.library.cases) == {"buurtkamer-noord", "wijkwerkplaats"}
    return result.library


@pytest.fixture
def render_cache() -> Iterator[RenderCache]:
    """A fresh render cache lent to the rendering, as a build lends its own."""
    cache = RenderCache()
    with caching(cache):
        yield cache


def lent() -> RenderCache:
    """The render cache lent to the rendering now (the `render_cache` fixture's)."""
    cache = lent_cache()
    assert cache is not None
    return cache
