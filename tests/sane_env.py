"""The SANE configuration every test process uses: only SANE's own ``test`` backend (a virtual scanner
inside libsane), so that the machine's /etc/sane.d (where ``test`` is commented out by default, and
``net`` may probe the network) plays no part.

libsane reads its configuration once, at the first ``sane.init()`` of a process, and any test may be the
first to start it (the Devices window's discovery, the scan panel, the driver's own tests): so the root
``conftest.py`` points ``SANE_CONFIG_DIR`` here before any test runs, not a fixture of one module.
"""

from __future__ import annotations

from pathlib import Path

TEST_CONF = """\
number_of_devices {devices}
mode Gray
depth 8
resolution 50.0
test-picture "Solid black"
read-limit false
read-delay false
"""


def write_sane_config(folder: Path, devices: int = 2) -> Path:
    """A SANE configuration folder enabling only the ``test`` backend with ``devices`` devices."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    (folder / "test.conf").write_text(TEST_CONF.format(devices=devices))
    return folder
