"""The config that `widw render` writes beside its output: readable by MkDocs and Zensical.

Zensical reads `mkdocs.yml` but runs no MkDocs plugins and resolves `docs_dir`, `site_dir`
and `custom_dir` relative to the config file (docs and site must lie inside that folder).
So the written config uses relative paths only, points `custom_dir` at the copy of the
theme overrides inside the rendered folder, and keeps only plugins and plugin options that
Zensical implements; everything it leaves out is reported, not silently lost.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from widw.content.siteurl import configured_site_url, public_repo_url
from widw.site.publish import PLUGIN, THEME_DIR, read_config

ZENSICAL_PLUGINS: dict[str, frozenset[str] | None] = {
    "search": frozenset({"enabled", "separator"}),
    "tags": None,
    "meta": frozenset({"enabled", "meta_file"}),
    "offline": None,
    "privacy": None,
    "redirects": None,
    "rss": None,
    "minify": None,
}
"""Plugins Zensical (0.0.x) replaces natively → the options it implements (None: all)."""

INSTEAD_OF_WIDW: dict[str, dict[str, Any]] = {
    "minify": {
        "minify_html": True,
        "htmlmin_opts": {
            "remove_optional_attribute_quotes": False,
            "pre_tags": ["pre", "textarea", "code", "kbd"],
        },
    },
}
"""Plugins that do, in a build without the widw plugin, what it does besides the pages:
it drops the templates' indentation from every page; the minify plugin (or Zensical's own
minify) does the same job there."""

MKDOCS_ONLY_SETTINGS = ("validation", "hooks")
"""Top-level settings that only MkDocs reads."""

PROJECT_SETTINGS = ("watch", "site_dir")
"""Paths into the original project; the written config builds into `site/` beside itself."""

THEME_VARIANT = "classic"
"""Zensical's theme variant that keeps Material's look, so our CSS and scripts apply as is."""


@dataclass
class PlainConfig:
    """The written config text plus what was left out of mkdocs.yml, in Dutch."""

    text: str
    dropped: list[str] = field(default_factory=list)


def plain_config(mkdocs_yml: Path, docs_dir: Path, config_path: Path) -> PlainConfig:
    """mkdocs.yml for the rendered tree in `docs_dir`, to be written at `config_path`."""
    config = read_config(mkdocs_yml)
    here = config_path.resolve().parent
    docs = docs_dir.resolve()
    config["docs_dir"] = _relative(docs, here)
    for key in PROJECT_SETTINGS:
        config.pop(key, None)
    site_url = configured_site_url(config.get("site_url"))
    if site_url:
        config["site_url"] = site_url
    if public_repo_url(config.get("repo_url")) is None:
        # A placeholder repository is no link: no header link, no edit buttons.
        for key in ("repo_url", "repo_name", "edit_uri"):
            config.pop(key, None)
    dropped = [f"instelling '{key}'" for key in MKDOCS_ONLY_SETTINGS if config.pop(key, None)]
    plugins, left_out = _plugins(config.get("plugins") or [])
    config["plugins"] = plugins
    dropped += left_out
    theme = config.get("theme")
    if not isinstance(theme, dict):
        theme = {"name": theme or "material"}
        config["theme"] = theme
    theme["custom_dir"] = _relative(docs / THEME_DIR, here)
    theme.setdefault("variant", THEME_VARIANT)
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    return PlainConfig(text=text, dropped=dropped)


def _relative(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path, base)).as_posix()


def _plugins(entries: Any) -> tuple[list[Any], list[str]]:
    """The plugin list without widw and without what Zensical does not implement."""
    kept: list[Any] = []
    dropped: list[str] = []
    items = list(entries.items()) if isinstance(entries, dict) else _pairs(entries)
    present = {str(name).removeprefix("material/") for name, _ in items}
    for name, options in items:
        if name == PLUGIN:
            kept.extend(
                {added: copy.deepcopy(instead)}
                for added, instead in INSTEAD_OF_WIDW.items()
                if added not in present
            )
            continue
        canonical = str(name).removeprefix("material/")
        if canonical not in ZENSICAL_PLUGINS:
            dropped.append(f"plugin '{name}'")
            continue
        allowed = ZENSICAL_PLUGINS[canonical]
        options = dict(options or {})
        if allowed is not None:
            for option in sorted(set(options) - allowed):
                dropped.append(f"optie '{option}' van plugin '{name}'")
                del options[option]
        kept.append({name: options} if options else name)
    return kept, dropped


def _pairs(entries: list[Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for entry in entries:
        if isinstance(entry, dict):
            pairs.extend(entry.items())
        else:
            pairs.append((str(entry), None))
    return pairs
