"""The reader-facing site: the library as Markdown pages and assets (no MkDocs import)."""

from widw.site.build import Site, build_site
from widw.site.context import CitationFor

__all__ = ["CitationFor", "Site", "build_site"]
