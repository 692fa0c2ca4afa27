"""Citations, open data exports, the Atom feed, alias redirects and briefing packs.

Everything here is built from a `widw.content.library.Library`; nothing imports mkdocs.
The CSL-JSON items of `widw.cite.csl` are the one source every format is derived from.
"""
