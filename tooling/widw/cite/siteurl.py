"""The public site URL for citations made outside a site build (CLI commands).

Order: the WIDW_SITE_URL environment variable, then `site_url` in mkdocs.yml (read as plain
YAML, tolerating MkDocs' `!!python/name` and `!ENV` tags, without importing mkdocs), then a
placeholder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

DEFAULT_SITE_URL = "https://wijindewijk.example/"
ENV_VAR = "WIDW_SITE_URL"


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any unknown tag as None instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def site_url_for(root: Path) -> str:
    """The site URL (with a trailing slash) for the project at `root`."""
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return from_env.rstrip("/") + "/"
    config = root / "mkdocs.yml"
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        data = None
    value = data.get("site_url") if isinstance(data, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip().rstrip("/") + "/"
    return DEFAULT_SITE_URL
