"""The site in parts, each named with the inputs it reads: an edit remakes only its parts.

Every part's `inputs` are hashes of the content files it is made from (`EntryHashes`) plus
the plain values it shows (a term's label, a count); the vocabulary, the site options and
the code are the build's salt and go into every key besides. A case's page reads the case,
its related cases, lessons and episodes; a list page (the overview, a facet term) shows only
its cases' cards (and a map of them); the home, collection and self-scan pages read every
case. Whatever a part's function reads must be covered here: tests/site/test_parts.py checks
that an incremental build equals a build from nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from widw.buildcache import Part, digest
from widw.content import routes
from widw.content.entryhash import EntryHashes
from widw.content.models import Case, Lesson
from widw.site.cache import PageCache
from widw.site.case import case_page
from widw.site.context import SiteContext
from widw.site.index_pages import lesson_index_pages
from widw.site.listings import Facet, Term, facet_index, facet_terms, facets, term_pages
from widw.site.overview import Overview, overview, overview_page
from widw.site.pages import collection_page, episode_pages, home_page, lesson_page
from widw.site.paging import card
from widw.site.roles import role_pages
from widw.site.search_page import search_page
from widw.site.selfscan import selfscan_page
from widw.site.share import with_share_tags
from widw.site.text import front_matter

Pages = Callable[[], Mapping[str, str]]


def site_parts(
    ctx: SiteContext,
    *,
    extra: Sequence[Part] = (),
    page_cache: PageCache | None = None,
) -> list[Part]:
    """Every page of the site as parts, in the order the pages are listed.

    `extra` parts are pages made elsewhere (the guide, the open-data pages): they are marked
    as generated and get share tags like the others.
    """
    lib = ctx.library
    hashes = EntryHashes(lib)
    every = hashes.everything()
    cards = Cards(ctx)
    parts = [
        _part(ctx, "home", every, lambda: {routes.page("home"): home_page(ctx)}),
        _part(ctx, "search", (), lambda: {routes.page("search"): search_page()}),
    ]
    parts += _overview_parts(ctx, hashes, cards)
    parts += [
        _part(ctx, "lesson-index", (hashes.every("lesson"),), lambda: lesson_index_pages(ctx)),
    ]
    for lesson in lib.lessons.values():
        inputs = (hashes.own("lesson", lesson.id), hashes.cases(lib.cases_for_lesson(lesson.id)))
        parts.append(_part(ctx, f"lesson:{lesson.id}", inputs, _lesson(ctx, lesson)))
    with_cases = [hashes.cases(lib.cases_for_lesson(i)) for i in lib.lessons]
    roles = (hashes.every("lesson"), *with_cases)
    parts.append(_part(ctx, "roles", roles, lambda: role_pages(ctx)))
    discussed = [hashes.of("case", (d.slug for d in e.cases)) for e in lib.episodes.values()]
    episodes = (hashes.every("episode"), *discussed)
    parts.append(_part(ctx, "episode-pages", episodes, lambda: episode_pages(ctx)))
    for facet in facets():
        parts.extend(_facet_parts(ctx, hashes, cards, facet))
    parts += [
        _part(
            ctx,
            "collection",
            (hashes.every("case"),),
            lambda: {routes.page("collection"): collection_page(ctx)},
        ),
        _part(
            ctx,
            "selfscan",
            (hashes.every("case"), hashes.every("lesson")),
            lambda: {routes.page("selfscan"): selfscan_page(ctx)},
        ),
        *(_part(ctx, p.name, p.inputs, _generated(p.make)) for p in extra),
    ]
    parts += [_case_part(ctx, hashes, case, page_cache) for case in lib.cases.values()]
    return parts


class Cards:
    """Each case's card (what a list shows of it) as text, made once per build.

    A list page shows its cases' cards and nothing else of them, so the cards are its key:
    an edit that leaves a case's card alone (its summary, its text) leaves the lists alone.
    """

    def __init__(self, ctx: SiteContext) -> None:
        self.ctx = ctx
        self._cards: dict[str, str] = {}

    def of(self, cases: Iterable[Case]) -> str:
        """One hash of the cards of the given cases, in their order."""
        return digest(*(self._card(case) for case in cases))

    def _card(self, case: Case) -> str:
        found = self._cards.get(case.slug)
        if found is None:
            found = self._cards[case.slug] = repr(tuple(card(self.ctx, case, "")))
        return found


def _overview_parts(ctx: SiteContext, hashes: EntryHashes, cards: Cards) -> list[Part]:
    view = overview(ctx)
    shared = (repr(view.options), str(len(view.cases)), str(view.described), str(len(view.chunks)))
    parts = []
    for number, chunk in enumerate(view.chunks, start=1):
        inputs = [*shared, cards.of(chunk)]
        if number == 1:  # the map of every case
            inputs.append(hashes.cases(view.cases))
        name = f"overview:{number}"
        parts.append(_part(ctx, name, inputs, _overview_page(ctx, view, number)))
    return parts


def _overview_page(ctx: SiteContext, view: Overview, number: int) -> Pages:
    return lambda: overview_page(ctx, view, number)


def _facet_parts(ctx: SiteContext, hashes: EntryHashes, cards: Cards, facet: Facet) -> list[Part]:
    terms = facet_terms(ctx, facet)
    name = f"facet:{facet.section}"
    listed = [f"{t.key}|{t.label}|{t.description}|{len(t.cases)}" for t in terms]
    parts = [_part(ctx, name, tuple(listed), lambda: facet_index(facet, terms))]
    for term in terms:
        inputs = [term.key, term.label, term.description, cards.of(term.cases)]
        if facet.section == "province":  # its first page shows the map of the term's cases
            inputs.append(hashes.cases(term.cases))
        parts.append(_part(ctx, f"{name}:{term.key}", inputs, _term(ctx, facet, term)))
    return parts


def _lesson(ctx: SiteContext, lesson: Lesson) -> Pages:
    return lambda: {routes.page("lesson", lesson.id): lesson_page(ctx, lesson)}


def _term(ctx: SiteContext, facet: Facet, term: Term) -> Pages:
    return lambda: term_pages(ctx, facet, term)


def _case_part(ctx: SiteContext, hashes: EntryHashes, case: Case, cache: PageCache | None) -> Part:
    lib = ctx.library
    inputs = (
        hashes.own("case", case.slug),
        hashes.of("case", ctx.related.get(case.slug, [])),
        hashes.of("lesson", (x.id for x in lib.lessons_for_case(case.slug))),
        hashes.of("episode", (e.slug for e in lib.episodes_for_case(case.slug))),
    )
    uri = routes.page("case", case.slug)
    return Part(f"case:{case.slug}", inputs, lambda: {uri: case_page_shared(ctx, case, cache)})


def case_page_shared(ctx: SiteContext, case: Case, cache: PageCache | None) -> str:
    """A case's page with its share tags, through the page cache when there is one."""
    if cache is None:
        return _shared(ctx, routes.page("case", case.slug), case_page(ctx, case))
    key = cache.key(ctx, case)
    page = cache.get(key)
    if page is None:
        page = _shared(ctx, routes.page("case", case.slug), case_page(ctx, case))
        cache.put(key, page)
    return page


def _part(ctx: SiteContext, name: str, inputs: Iterable[str], make: Pages) -> Part:
    """A part whose pages get share tags."""

    def shared() -> dict[str, str]:
        return {uri: _shared(ctx, uri, text) for uri, text in make().items()}

    return Part(name, tuple(inputs), shared)


def _generated(make: Callable[[], Mapping[str, str | bytes]]) -> Pages:
    def marked() -> dict[str, str]:
        return {uri: generated(str(text)) for uri, text in make().items()}

    return marked


def generated(markdown: str) -> str:
    """Mark a page made by code (no content file): it gets no edit button in any builder."""
    if markdown.startswith("---\n"):
        return markdown
    return front_matter({"widw": {"soort": "gegenereerd"}}, markdown)


def _shared(ctx: SiteContext, src_uri: str, page: str) -> str:
    return with_share_tags(page, url=ctx.page_url(src_uri))
