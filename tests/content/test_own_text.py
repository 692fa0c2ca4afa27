"""A lesson's own text is found in one place; role pages and the briefing pack agree on it."""

from __future__ import annotations

from widw.cite.excerpt import excerpt, shared_paragraphs
from widw.content.own_text import own_text, prose_paragraphs
from widw.site.roles import lesson_summary

BODY = (
    "# Kop\n\n"
    "Deze les komt uit het rapport over de buurt.\n\n"
    "!!! note\n    Een kader.\n\n"
    "| a | b |\n|---|---|\n\n"
    "Bewoners kiezen zelf. Om **drie** redenen:\n\n"
    "- Kennis van de buurt.\n- Tijd\n  en geduld.\n\n"
    "Daarna volgt meer."
)


def test_the_own_text_skips_headings_provenance_admonitions_and_tables() -> None:
    own = own_text(BODY)
    assert own is not None
    assert own.paragraph == "Bewoners kiezen zelf. Om **drie** redenen:"
    assert own.items == ["Kennis van de buurt.", "Tijd en geduld."]
    assert own.markdown == (
        "Bewoners kiezen zelf. Om **drie** redenen:\n\n- Kennis van de buurt.\n- Tijd\n  en geduld."
    )


def test_role_page_and_briefing_pack_show_the_same_paragraph() -> None:
    assert lesson_summary(BODY) == own_text(BODY).markdown  # type: ignore[union-attr]
    assert excerpt(BODY) == (
        "Bewoners kiezen zelf. Om drie redenen: kennis van de buurt; tijd en geduld."
    )


def test_a_herkomst_paragraph_in_any_emphasis_is_skipped_by_both() -> None:
    for opening in (
        "*Herkomst: een handreiking.*",
        "**Herkomst:** een handreiking.",
        "Herkomst: x.",
    ):
        body = f"{opening}\n\nDe les zelf."
        assert lesson_summary(body) == "De les zelf."
        assert excerpt(body) == "De les zelf."


def test_shared_paragraphs_are_skipped_when_the_caller_knows_them() -> None:
    bodies = [
        "Zelfde zin voor alle lessen.\n\nEerste les.",
        "Zelfde  zin voor\nalle lessen.\n\nTweede.",
    ]
    shared = shared_paragraphs(bodies)
    assert shared == {"Zelfde zin voor alle lessen."}
    assert excerpt(bodies[1], shared) == "Tweede."
    assert own_text(bodies[1], shared) == own_text("Tweede.")
    assert prose_paragraphs(BODY) == [
        "Deze les komt uit het rapport over de buurt.",
        "Bewoners kiezen zelf. Om **drie** redenen:",
        "Daarna volgt meer.",
    ]


def test_a_body_without_prose_has_no_own_text() -> None:
    assert own_text("# Kop\n\n- een\n- twee") is None
    assert lesson_summary("# Kop\n\n- een") == ""
    assert excerpt("> citaat") == ""
