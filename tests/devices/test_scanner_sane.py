"""The SANE driver against SANE's own ``test`` backend (a virtual scanner inside libsane).

The root ``conftest.py`` points ``SANE_CONFIG_DIR`` at a configuration that enables only the ``test``
backend before any test runs (``tests/sane_env.py``), so the machine's /etc/sane.d plays no part.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from devices.base import DeviceError
from devices.scanner import ScanRequest
from devices.scanners import open_scanner
from devices.scanner_sane import SaneScanner, address_of, list_devices, pick_choice
from tests.sane_env import write_sane_config

# the test backend keeps its option values and its feeder's count for the whole process: one worker, in order
pytestmark = pytest.mark.xdist_group("sane-test-backend")

@pytest.fixture(scope="module")
def sane_config() -> Path:
    """The process's SANE configuration folder (set by the root conftest before libsane started)."""
    return Path(os.environ["SANE_CONFIG_DIR"])


def refill(scanner: SaneScanner) -> None:
    """Run the test backend's feeder empty: it puts ten sheets back once it has said so."""
    try:
        list(scanner.scan(ScanRequest(source="feeder", dpi=50)))
    except DeviceError as err:
        assert err.kind == "feeder_empty"


def test_scanimage_sees_the_test_backend(sane_config):
    out = subprocess.run(
        [shutil.which("scanimage") or "scanimage", "-L"],
        env={**os.environ, "SANE_CONFIG_DIR": str(sane_config)},
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    assert "`test:0'" in out and "`test:1'" in out


def test_list_devices_and_the_address_to_keep():
    devices = {d.name: d for d in list_devices()}
    assert {"test:0", "test:1"} <= set(devices)
    info = devices["test:0"]
    assert (info.backend, info.vendor, info.model) == ("test", "Noname", "frontend-tester")
    assert address_of(info) == "sane://test:0?vendor=Noname&model=frontend-tester"


def test_feeder_scan_yields_pages_until_the_feeder_is_empty():
    with open_scanner("sane://test:0?opt.test-picture=Grid") as s:
        refill(s)
        caps = s.capabilities()
        assert {"flatbed", "feeder"} <= set(caps.sources) and "color" in caps.color_modes
        pages = list(s.scan(ScanRequest(source="feeder", dpi=100)))
        assert len(pages) == 10  # the test backend's feeder holds ten sheets
        assert [p.index for p in pages] == list(range(10))
        first = pages[0]
        assert first.image.mode == "L" and first.dpi == 100 and first.origin == "test:0"
        assert first.image.size == (787, 787)  # the test glass is 200 x 200 mm: an A4 is clamped to it
        assert len(first.image.getcolors()) == 2  # the grid: black and white squares
        # the batch was ended: the next scan starts with a full feeder again
        assert len(list(s.scan(ScanRequest(source="feeder", dpi=50, max_pages=3)))) == 3


@pytest.mark.parametrize(("mode", "pil_mode"), [("gray", "L"), ("color", "RGB"), ("bw", "L")])
def test_colour_modes(mode, pil_mode):
    with SaneScanner("test:1", options={"test-picture": "Color pattern"}) as s:
        pages = list(s.scan(ScanRequest(source="flatbed", dpi=50, color_mode=mode)))
    assert len(pages) == 1 and pages[0].image.mode == pil_mode
    if mode == "bw":
        assert {v for _, v in pages[0].image.getcolors()} <= {0, 255}


def test_resolution_is_the_nearest_the_device_offers():
    with SaneScanner("test:0") as s:
        page = next(s.scan(ScanRequest(source="flatbed", dpi=300, page_size="A5")))
    assert page.dpi == 300
    assert page.image.size == (round(148 / 25.4 * 300), round(200 / 25.4 * 300))  # A5, its height clamped to 200 mm


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        ("SANE_STATUS_JAMMED", "jammed"),
        ("SANE_STATUS_COVER_OPEN", "cover_open"),
        ("SANE_STATUS_DEVICE_BUSY", "busy"),
        ("SANE_STATUS_NO_DOCS", "feeder_empty"),
        ("SANE_STATUS_IO_ERROR", "io"),
    ],
)
def test_device_statuses_become_error_kinds(status, kind):
    with open_scanner(f"sane://test:1?opt.read-return-value={status}") as s:
        with pytest.raises(DeviceError) as err:
            list(s.scan(ScanRequest(source="feeder", dpi=50)))
        assert err.value.kind == kind and err.value.device == "test:1"
        # the backend keeps option values for the process: put it back, and the device scans again
        s.extra = {"read-return-value": "Default"}
        assert len(list(s.scan(ScanRequest(source="flatbed", dpi=50)))) == 1


def test_cancel_stops_a_page_in_the_middle():
    # one buffer every 0.2 s: a page takes far longer than the cancel below
    options = {"read-limit": True, "read-limit-size": 4096, "read-delay": True, "read-delay-duration": 200000}
    with SaneScanner("test:0", options=options) as s:
        cancel = threading.Event()
        timer = threading.Timer(0.3, cancel.set)
        timer.start()
        pages = list(s.scan(ScanRequest(source="feeder", dpi=100), cancel=cancel))
        timer.join()
        assert pages == []
        s.extra = {"read-limit": False, "read-delay": False}
        assert len(list(s.scan(ScanRequest(source="flatbed", dpi=50)))) == 1  # the device is usable again


def test_closing_the_generator_stops_the_feeder():
    with SaneScanner("test:1") as s:
        refill(s)
        it = s.scan(ScanRequest(source="feeder", dpi=50))
        next(it)
        next(it)
        it.close()
        # the test backend's stack of ten sheets: two were pulled, the next scan gets the other eight
        assert len(list(s.scan(ScanRequest(source="feeder", dpi=50)))) == 8


def test_unknown_device_is_offline_and_bad_options_are_config():
    with pytest.raises(DeviceError) as err:
        open_scanner("sane://test:9")
    assert err.value.kind == "offline"
    with pytest.raises(DeviceError) as err:
        open_scanner("sane://test:0?colour=1")
    assert err.value.kind == "config"
    with SaneScanner("test:0", options={"no-such-option": 1}) as s, pytest.raises(DeviceError) as err:
        s.scan(ScanRequest(source="flatbed", dpi=50))
    assert err.value.kind == "config"
    with SaneScanner("test:0") as s, pytest.raises(DeviceError) as err:
        s.scan(ScanRequest(source="duplex"))  # the test backend has no duplex unit
    assert err.value.kind == "config"


def test_two_identical_scanners_are_not_guessed_between():
    with pytest.raises(DeviceError) as err:
        open_scanner("sane://test:7?vendor=Noname&model=frontend-tester")
    assert err.value.kind == "config"


def test_a_scanner_whose_name_changed_is_found_again_by_vendor_and_model(tmp_path):
    """A USB scanner moved to another port: one attached device of the same make is bound again."""
    folder = write_sane_config(tmp_path / "sane.d", devices=1)
    code = textwrap.dedent(
        """
        from devices.scanner import ScanRequest
        from devices.scanners import open_scanner
        s = open_scanner("sane://test:5?vendor=Noname&model=frontend-tester")
        page = next(s.scan(ScanRequest(source="flatbed", dpi=50)))
        print(s.device_name, s.identity, page.image.size)
        """
    )
    env = {**os.environ, "SANE_CONFIG_DIR": str(folder), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.split()[:2] == ["test:0", "sane://test:0?vendor=Noname&model=frontend-tester"]


@pytest.mark.parametrize(
    ("wanted", "choices", "expected"),
    [
        ("feeder", ["Flatbed", "ADF Front", "ADF Back", "ADF Duplex"], "ADF Front"),
        ("duplex", ["Flatbed", "ADF Front", "ADF Duplex"], "ADF Duplex"),
        ("feeder", ["Flatbed", "Automatic Document Feeder"], "Automatic Document Feeder"),
        ("flatbed", ["Normal", "ADF"], "Normal"),
        ("bw", ["Lineart", "Gray", "Color"], "Lineart"),
        ("color", ["Lineart", "24bit Color[Fast]"], "24bit Color[Fast]"),
        ("gray", ["Color"], None),
    ],
)
def test_backend_words_for_sources_and_modes(wanted, choices, expected):
    assert pick_choice(wanted, choices) == expected
