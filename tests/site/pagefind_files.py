"""Read what Pagefind indexed: its fragments are gzipped JSON after a `pagefind_dcd` mark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

MARK = b"pagefind_dcd"


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """URL → indexed record (content, filters, meta) of every page in the site's index."""
    records: dict[str, dict[str, Any]] = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(MARK), path
        record = json.loads(data[len(MARK) :])
        records[record["url"]] = record
    return records
