"""One stylesheet and one script for the whole site, made from the modules' own asset files.

Every page links `assets/widw/site.css` and `assets/widw/site.js` (mkdocs.yml) instead of
eight small files: a first visit then needs six requests (page, two theme stylesheets, one
of ours, the theme's script and ours), which a browser fetches over its six connections in
one round. The parts stay published under their own names as well.
"""

from __future__ import annotations

from collections.abc import Mapping

from widw.content import routes

STYLESHEET = "site.css"
SCRIPT = "site.js"

PARTS: dict[str, tuple[str, ...]] = {
    STYLESHEET: ("widw.css", "pagina.css", "cite.css", "zelfscan.css"),
    SCRIPT: ("zoeken.js", "filter.js", "cite.js", "zelfscan.js"),
}
"""Each bundle and its parts (file names in the assets folder), in the order they cascade
(CSS) or run (JavaScript)."""


def bundled_assets(files: Mapping[str, str | bytes]) -> dict[str, str]:
    """The bundles, joined from the parts in `files` (each part must be there, as text)."""
    bundles = {}
    for target, parts in PARTS.items():
        texts = []
        for part in parts:
            text = files[routes.file("assets", part)]
            if not isinstance(text, str):
                raise TypeError(f"{part} is not a text file")
            # Every part is a self-contained file; the separator keeps two scripts apart
            # even when one lacks its final semicolon or newline.
            separator = "\n;\n" if target == SCRIPT else "\n"
            texts.append(f"/* {part} */\n{text.rstrip()}{separator}")
        bundles[routes.file("assets", target)] = "".join(texts)
    return bundles
