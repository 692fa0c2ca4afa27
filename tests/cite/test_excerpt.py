"""The lesson text the briefing pack prints is what the lesson says, not where it comes from."""

from __future__ import annotations

from widw.cite.excerpt import excerpt


def test_a_provenance_paragraph_is_not_the_lesson_text() -> None:
    body = (
        "*Herkomst: een handreiking voor gemeenten; geen tekst van Movisie.*\n\n"
        "Bewoners nemen het roer op twee manieren. De gemeente volgt, of kiest zelf."
    )
    assert excerpt(body) == (
        "Bewoners nemen het roer op twee manieren. De gemeente volgt, of kiest zelf."
    )
