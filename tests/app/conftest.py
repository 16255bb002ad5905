"""Fixtures of the core's tests."""

from __future__ import annotations

import json

import pytest

from app.resources import resource


@pytest.fixture(scope="session")
def holidays_data() -> dict:
    """The official 2025-2027 schedules shipped in resources/ (copied from shared/data/holidays.json)."""
    return json.loads(resource("data", "holidays.json").read_text(encoding="utf-8"))
