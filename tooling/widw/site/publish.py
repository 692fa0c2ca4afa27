"""Write a generated site to disk, for builders without plugins (MkDocs alone, Zensical)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from widw.atomic import make_temp_dir, write_atomic
from widw.site.build import Site

MARKER = ".widw-render"
"""File that marks a folder as written by `widw render` (and therefore safe to replace)."""

PLUGIN = "widw"

THEME_DIR = ".widw-theme"
"""Folder inside the rendered tree with the theme overrides; both builders skip dot-folders."""


class PublishError(Exception):
    """A Dutch message about why the output folder cannot be written."""


def write_tree(
    site: Site, out: Path, *, docs: Path | None = None, themes: Sequence[Path] = ()
) -> int:
    """Write hand-written docs plus the generated pages and files to `out`, atomically.

    The `themes` folders (theme overrides, later ones win) are copied to `out/THEME_DIR`,
    so a config next to `out` can name them by a relative path.

    Everything is written into a temporary sibling folder that then replaces `out`, so a
    builder never sees half a site. Returns the number of files written.
    """
    out = out.resolve()
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise PublishError(
            f"{out} bestaat al en is niet eerder door 'widw render' gemaakt; "
            "kies een lege of nieuwe map."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = make_temp_dir(out.parent, f".{out.name}.")
    try:
        count = 0
        if docs is not None and docs.is_dir():
            shutil.copytree(docs, tmp, dirs_exist_ok=True)
            count += sum(1 for p in docs.rglob("*") if p.is_file())
        for name, content in [*site.pages.items(), *site.files.items()]:
            target = tmp / name
            if target.exists():
                raise PublishError(
                    f"{name}: dit bestand staat in docs/, maar de site maakt deze pagina zelf; "
                    "hernoem of verwijder het bestand in docs/."
                )
            write_atomic(target, content)
            count += 1
        for theme in themes:
            shutil.copytree(theme, tmp / THEME_DIR, dirs_exist_ok=True)
            count += sum(1 for p in theme.rglob("*") if p.is_file())
        write_atomic(tmp / MARKER, "Gemaakt door 'widw render'; wordt bij elke run vervangen.\n")
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count


def _swap(new: Path, out: Path) -> None:
    if not out.exists():
        new.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
    old.rmdir()
    out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def overrides_dir() -> Path:
    """The folder with the site's Material overrides (main.html, partials/)."""
    return Path(__file__).resolve().parent / "overrides"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml and keeps unknown tags (!ENV, !relative) as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _any_tag)


def read_config(mkdocs_yml: Path) -> dict[str, Any]:
    """mkdocs.yml as a plain dict."""
    data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}
