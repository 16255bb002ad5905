"""Small timing helpers for the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "cache"


def median_of(func: Callable[[], object], *, repeat: int = 50, warmup: int = 3, scale: float = 1000.0) -> float:
    """Median wall time of ``func`` in ms (scale=1000) or µs (scale=1e6)."""
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        samples.append(time.perf_counter() - t)
    return round(statistics.median(samples) * scale, 3)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]
