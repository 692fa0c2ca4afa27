"""`widw validate` as a whole process (imports included), on generated libraries (issue 16).

    python -m bench.validate_bench --sizes 1000 5000

Per size: one generated library (`bench/generate.py`), one `widw validate` on an empty
`.cache/widw/` (it fills the document cache; `first_*`), then `RUNS` timed processes: the
median wall time and the median CPU time (user + system) of the child. On a shared machine
the CPU time says more about the code than the wall time. `widw` is the one next to the
running interpreter, so `/other/checkout/.venv/bin/python -m bench.validate_bench` measures
that checkout.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import generate_project

RUNS = 3


def _process(widw: Path, root: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `widw validate` in `root`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(widw), "validate"], cwd=root, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(done.stdout.decode()[-2000:] + done.stderr.decode()[-2000:])
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(n_cases: int, root: Path | None = None) -> dict[str, Any]:
    widw = Path(sys.executable).parent / "widw"
    folder = None
    if root is None:
        folder = Path(tempfile.mkdtemp(prefix=f"widw-validate-{n_cases}-"))
        root = folder / "project"
        generate_project(root, n_cases)
    try:
        shutil.rmtree(root / ".cache" / "widw", ignore_errors=True)  # the first run is cold
        first_wall, first_cpu = _process(widw, root)
        runs = [_process(widw, root) for _ in range(RUNS)]
        return {
            "cases": n_cases,
            "first_wall_s": round(first_wall, 3),
            "first_cpu_s": round(first_cpu, 3),
            "warm_wall_s": round(statistics.median(w for w, _ in runs), 3),
            "warm_cpu_s": round(statistics.median(c for _, c in runs), 3),
        }
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument(
        "--project", type=Path, help="a generated project to use (its .cache/widw is emptied first)"
    )
    parser.add_argument("--label", default="", help="a name for the code measured")
    args = parser.parse_args(argv)
    for size in args.sizes:
        row = measure(size, args.project)
        print(json.dumps({"code": args.label or sys.executable, **row}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
