"""Bar charts of the collection: cases per theme, bundle, province and outcome.

Each chart is an inline SVG made at build time (no JavaScript): one bar per term, split in
described cases (solid) and stubs (hatched, so the two differ by more than colour), with the
numbers written beside the bar. The SVG has a title and a description; the same counts sit
in a table in a `<details>` element under it. The number of bars is bounded by the
vocabulary, never by the number of cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from widw.content.fieldmeta import vocabulary_of
from widw.content.models import Case
from widw.site.context import SiteContext
from widw.site.text import esc

ROW = 22
"""Height of one bar row (SVG units)."""
LABEL = 190
"""Width of the label column."""
BAR = 230
"""Width of the longest bar."""


class Bar(NamedTuple):
    """One term: its label and how many described and stub cases it has."""

    label: str
    described: int
    stubs: int


class Chart(NamedTuple):
    """One chart: an id (for ARIA references), its title and bars."""

    key: str
    title: str
    bars: list[Bar]


def collection_charts(ctx: SiteContext) -> str:
    """The four charts of the collection page, as one line of HTML."""
    cases = list(ctx.library.cases.values())
    charts = [
        _chart(
            ctx,
            cases,
            "thema",
            "Casussen per thema",
            vocabulary_of(Case, "themas"),
            lambda c: c.themes,
        ),
        _chart(ctx, cases, "bundel", "Casussen per bundel", None, _bundle),
        _chart(
            ctx,
            cases,
            "provincie",
            "Casussen per provincie",
            vocabulary_of(Case, "plaats.provincie"),
            lambda c: [c.place.province or "onbekend"],
        ),
        _chart(
            ctx,
            cases,
            "uitkomst",
            "Casussen per uitkomst",
            vocabulary_of(Case, "uitkomst.soort"),
            lambda c: [c.outcome.kind or "onbekend"],
        ),
    ]
    return "\n\n".join(html for html in map(chart_html, charts) if html)


def _bundle(case: Case) -> list[str]:
    if case.collection == "verwant":
        return ["verwant"]
    if case.bundle and case.bundle.number:
        return [str(case.bundle.number)]
    return ["onbekend"]


def _chart(
    ctx: SiteContext,
    cases: list[Case],
    key: str,
    title: str,
    vocab: str | None,
    terms: Callable[[Case], Iterable[str]],
) -> Chart:
    described: Counter[str] = Counter()
    stubs: Counter[str] = Counter()
    for case in cases:
        (stubs if case.status == "stub" else described).update(terms(case))
    if vocab is None:
        keys = ["1", "2", "3", "4", "verwant"]
        labels = {k: f"Bundel {k}" for k in keys[:4]} | {"verwant": "Verwante casussen"}
    else:
        labels = {k: t.label for k, t in ctx.library.vocabulary.terms(vocab).items()}
        keys = list(labels)
    keys.append("onbekend")
    labels["onbekend"] = "Onbekend"
    bars = [Bar(labels[k], described[k], stubs[k]) for k in keys if described[k] or stubs[k]]
    return Chart(key, title, bars)


def chart_html(chart: Chart) -> str:
    """One chart: figure with SVG (title, description) and the table alternative."""
    if not chart.bars:
        return ""
    ident = f"widw-grafiek-{chart.key}"
    total_d = sum(b.described for b in chart.bars)
    total_s = sum(b.stubs for b in chart.bars)
    description = (
        f"Staafdiagram met {len(chart.bars)} staven. Effen: beschreven casussen, "
        f"gearceerd: stubs. Samen {total_d} keer beschreven en {total_s} keer stub geteld."
    )
    top = max(b.described + b.stubs for b in chart.bars) or 1
    height = ROW * len(chart.bars) + 4
    labels, solid, hatched, numbers = [], [], [], []
    for i, bar in enumerate(chart.bars):
        y = 2 + i * ROW
        wd = BAR * bar.described / top
        ws = BAR * bar.stubs / top
        labels.append(f'<text x="{LABEL - 6}" y="{y + 15}">{esc(bar.label)}</text>')
        if bar.described:
            solid.append(f'<rect x="{LABEL}" y="{y + 3}" width="{wd:.1f}" height="{ROW - 6}"/>')
        if bar.stubs:
            hatched.append(
                f'<rect x="{LABEL + wd:.1f}" y="{y + 3}" width="{ws:.1f}" height="{ROW - 6}"/>'
            )
        text = f"{bar.described} + {bar.stubs} stub" if bar.stubs else f"{bar.described}"
        numbers.append(f'<text x="{LABEL + wd + ws + 6:.1f}" y="{y + 15}">{text}</text>')
    rows = [
        f'<g class="widw-grafiek__label" text-anchor="end">{"".join(labels)}</g>',
        f'<g class="widw-grafiek__beschreven">{"".join(solid)}</g>',
        f'<g class="widw-grafiek__stub" fill="url(#{ident}-arcering)">{"".join(hatched)}</g>',
        f'<g class="widw-grafiek__getal">{"".join(numbers)}</g>',
    ]
    pattern = (
        f'<defs><pattern id="{ident}-arcering" width="5" height="5" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="widw-grafiek__arcering-grond" width="5" height="5"/>'
        '<line class="widw-grafiek__arcering" x1="0" y1="0" x2="0" y2="5"/></pattern></defs>'
    )
    svg = (
        f'<svg class="widw-grafiek__beeld" viewBox="0 0 {LABEL + BAR + 90} {height}" '
        f'role="img" aria-labelledby="{ident}-titel {ident}-uitleg">'
        f'<title id="{ident}-titel">{esc(chart.title)}</title>'
        f'<desc id="{ident}-uitleg">{esc(description)}</desc>{pattern}{"".join(rows)}</svg>'
    )
    body = "".join(
        f'<tr><th scope="row">{esc(b.label)}</th><td>{b.described}</td><td>{b.stubs}</td></tr>'
        for b in chart.bars
    )
    table = (
        f"<details><summary>{esc(chart.title)} als tabel</summary>"
        f'<table class="widw-tabel"><caption>{esc(chart.title)}</caption><thead><tr>'
        '<th scope="col">Waarde</th><th scope="col">Beschreven</th><th scope="col">Stub</th>'
        f"</tr></thead><tbody>{body}</tbody></table></details>"
    )
    heading = f'<figcaption class="widw-grafiek__titel">{esc(chart.title)}</figcaption>'
    return f'<figure class="widw-grafiek" id="{ident}">{heading}{svg}{table}</figure>'
