"""The search page /zoeken/: the site's one search form and its results (?q=…).

The form is the same on the home page; zoeken.js runs the query against the Pagefind index
and shows the results under it. Without JavaScript the page says so and links to the
browse pages.
"""

from __future__ import annotations

from markupsafe import Markup

from widw.site.jinja import render
from widw.site.text import front_matter


def search_form(root: str, field_id: str = "widw-zoekveld") -> Markup:
    """The search form with its result area; `root` leads from the page to the site root.

    Not passed through the HTML cleaner: it is a fixed template without content values.
    Its note for readers without JavaScript is hidden by CSS where scripts run.
    """
    return Markup(render("search_form.html.j2", root=root, id=field_id))


def search_page() -> str:
    """zoeken.md: the search form, the results area and a way in without JavaScript."""
    body = (
        "# Zoeken\n\n"
        "Zoek in alle casussen, lessen en afleveringen. U ziet bij elk resultaat wat het is, "
        "waar het speelde en een stukje tekst met uw zoekwoord.\n\n"
        f"{search_form('../')}\n"
    )
    meta = {
        "title": "Zoeken",
        "description": "Zoek in de casussen, lessen en afleveringen van Wij in de Wijk.",
        "hide": ["toc"],
        "widw": {"soort": "zoeken"},
    }
    return front_matter(meta, body)
