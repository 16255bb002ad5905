"""Data-dir files are created readable by the user only (0600 files, 0700 folders) by the command line."""

from __future__ import annotations

import os
import stat

import pytest

from app.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: the profile's ACL)")


@pytest.fixture
def loose_umask():
    before = os.umask(0o022)  # as a desktop session usually has it
    yield
    os.umask(before)


@pytest.fixture
def logs_here():
    from tests.app.helpers import fresh_logging

    with fresh_logging():
        yield


def test_cli_creates_private_files_and_folders(logs_here, capsys, data_dir, loose_umask, tmp_path):
    os.chmod(data_dir, 0o755)
    assert main(["demo", "seed"]) == 0
    capsys.readouterr()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    seen = []
    for root, dirs, files in os.walk(data_dir):
        for d in dirs:
            seen.append(d)
            assert stat.S_IMODE(os.stat(os.path.join(root, d)).st_mode) & 0o077 == 0, d
        for f in files:
            seen.append(f)
            assert stat.S_IMODE(os.stat(os.path.join(root, f)).st_mode) & 0o077 == 0, f
    assert "motcua.sqlite3" in seen and "logs" in seen


def test_station_application_sets_the_private_umask(loose_umask, tmp_path):
    from ui.station import application

    application()
    probe = tmp_path / "probe"
    probe.write_text("x")
    assert stat.S_IMODE(probe.stat().st_mode) == 0o600
