"""Run the benchmarks and write bench/results.json: a flat object of named figures (medians).

    .venv/bin/python -m bench            # all
    .venv/bin/python -m bench core queue # only bench_core.py and bench_queue.py
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> None:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if m.removeprefix("bench_") in names]
    results_path = HERE / "results.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    for name in modules:
        started = time.perf_counter()
        figures = importlib.import_module(f"bench.{name}").run()
        results.update(figures)
        sys.stderr.write(f"{name}: {time.perf_counter() - started:.1f} s\n")
        results_path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    sys.stdout.write(json.dumps(results, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
