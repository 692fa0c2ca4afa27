"""Full-text search over the library: Dutch analysis, a Whoosh index, related cases.

Public entry points: `ensure_index`, `search_cache_dir` (widw.search.index),
`related_cases` (widw.search.related) and the types in widw.search.engine.
"""
