"""Dropping the templates' indentation changes the markup's size, never what a page shows."""

from __future__ import annotations

from pathlib import Path

from tests.site.shown import first_difference
from widw.site.whitespace import trim_indentation

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta name="description" content="Twee
      regels blijven zo">
    <script>
      const tekst = `a
        b`;
    </script>
  </head>
  <body>
    <nav>
      <ul>
        <li><a href="/casussen/">Casussen</a></li>
        <li>
          <a href="/lessen/">Lessen</a>
        </li>
      </ul>
    </nav>
    <p>Een zin met <em>nadruk</em>
       die verder loopt.</p>
    <!--   een
           opmerking -->
    <pre><code>regel 1
    ingesprongen regel</code>
   na de code</pre>
    <p>Voer <code>widw  validate</code> uit.</p>
    <textarea>
      vrije tekst
    </textarea>
  </body>
</html>
"""


def test_indentation_goes_and_white_space_that_counts_stays() -> None:
    trimmed = trim_indentation(PAGE)
    assert len(trimmed) < len(PAGE) - 90
    assert "</script>\n</head>\n<body>\n<nav>\n<ul>\n<li>" in trimmed
    assert '<li>\n<a href="/lessen/">Lessen</a>\n</li>' in trimmed
    assert "<em>nadruk</em>\ndie verder loopt." in trimmed
    for kept in (
        'content="Twee\n      regels blijven zo"',
        "const tekst = `a\n        b`;",
        "<!--   een\n           opmerking -->",
        "<pre><code>regel 1\n    ingesprongen regel</code>\n   na de code</pre>",
        "<code>widw  validate</code>",
        "<textarea>\n      vrije tekst\n    </textarea>",
    ):
        assert kept in trimmed, kept
    assert trim_indentation(trimmed) == trimmed


def test_the_trimmed_page_shows_the_same(tmp_path: Path) -> None:
    before, after = tmp_path / "voor.html", tmp_path / "na.html"
    before.write_text(PAGE, encoding="utf-8")
    after.write_text(trim_indentation(PAGE), encoding="utf-8")
    assert first_difference(before, after) is None
    changed = tmp_path / "anders.html"
    changed.write_text(PAGE.replace("<code>widw  validate", "<code>widw validate"), "utf-8")
    assert first_difference(before, changed) is not None
