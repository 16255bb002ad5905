"""WIA (Windows): the property values and error mapping, which are plain functions; COM only on Windows."""

from __future__ import annotations

import sys

import pytest

from devices.base import DeviceError
from devices.scanner import ScanRequest
from devices.scanners import open_scanner
from devices.scanner_wia import (
    CUR_INTENT,
    DOCUMENT_HANDLING_SELECT,
    DUPLEX,
    FEEDER,
    FLATBED,
    PAGES,
    XEXTENT,
    XRES,
    YEXTENT,
    wia_error_kind,
    wia_properties,
)


def test_wia_properties_for_a_request():
    device, item = wia_properties(ScanRequest(source="duplex", dpi=300, color_mode="color"))
    assert device == {DOCUMENT_HANDLING_SELECT: FEEDER | DUPLEX, PAGES: 1}
    assert (item[CUR_INTENT], item[XRES], item[XEXTENT], item[YEXTENT]) == (0x1, 300, 2480, 3508)
    device, item = wia_properties(ScanRequest(source="flatbed"))
    assert device == {DOCUMENT_HANDLING_SELECT: FLATBED} and item[CUR_INTENT] == 0x2
    assert list(item)[0] == CUR_INTENT  # the intent first: setting it resets resolution and extent


@pytest.mark.parametrize(
    ("hresult", "kind"),
    [(0x80210003, "feeder_empty"), (-2145320957, "feeder_empty"), (0x80210002, "jammed"), (0x80210005, "offline"),
     (0x80210016, "cover_open"), (0x80210006, "busy"), (0x12345678, "io")],
)
def test_wia_errors(hresult, kind):
    assert wia_error_kind(hresult) == kind


def test_wia_address_and_platform():
    s = open_scanner("wia://{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001?name=counter")
    assert s.name == "counter" and s.identity == "wia://{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001"
    if sys.platform != "win32":
        with pytest.raises(DeviceError) as err:
            s.capabilities()
        assert err.value.kind == "config"
