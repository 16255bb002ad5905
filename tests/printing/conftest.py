"""Fixtures of the printing tests: a sample center template and dossier (see printing.samples)."""

from __future__ import annotations

import pytest

from printing.samples import sample_dossier, sample_template


@pytest.fixture
def template():
    return sample_template()


@pytest.fixture
def dossier():
    return sample_dossier()
