"""A report provider as the complaints room will write one (tests of ``reports.PROVIDERS`` import it by name)."""

from __future__ import annotations


def complaints(session, first, last) -> dict:
    return {"period": [first.isoformat(), last.isoformat()], "by_officer": {"canbo1": 2}, "by_department": {}}
