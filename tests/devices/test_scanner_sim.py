"""The scanner interface and the simulated scanner: requests, addresses, feeding, faults, cancel."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings, strategies as st

from devices.base import DeviceError
from devices.scanner import ScanRequest
from devices.scanners import open_scanner
from devices.scanner_sim import PAGE_KINDS, SimulatedScanner, make_page


def test_request_defaults_follow_the_national_guidance():
    r = ScanRequest()
    assert (r.dpi, r.color_mode, r.page_size) == (200, "gray", "A4")
    assert r.size_px() == (1654, 2339)
    with pytest.raises(ValueError):
        ScanRequest(source="tray")
    with pytest.raises(ValueError):
        ScanRequest(color_mode="sepia")
    with pytest.raises(ValueError):
        ScanRequest(page_size="B9")


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_pages_are_real_images_of_the_requested_size(kind):
    gray = make_page(kind, dpi=100)
    color = make_page(kind, dpi=100, color=True)
    assert gray.mode == "L" and color.mode == "RGB"
    assert gray.size == color.size == (827, 1169)
    assert make_page(kind, dpi=100, seed=3).tobytes() == make_page(kind, dpi=100, seed=3).tobytes()


def test_text_page_has_ink_and_blank_page_has_none():
    text = make_page("text", dpi=100)
    blank = make_page("blank", dpi=100, noise=0)
    assert text.getextrema()[0] < 80
    assert blank.getextrema()[0] >= 200


def test_feeder_yields_every_sheet_then_ends():
    s = SimulatedScanner(pages=3, max_skew=0)
    pages = list(s.scan(ScanRequest(source="feeder", dpi=100)))
    assert [p.index for p in pages] == [0, 1, 2]
    assert all(p.image.size == (827, 1169) and p.dpi == 100 and p.side == "front" for p in pages)
    assert s.sheets == 0
    with pytest.raises(DeviceError) as err:
        list(s.scan(ScanRequest(source="feeder", dpi=100)))
    assert err.value.kind == "feeder_empty"
    s.load(1)
    assert len(list(s.scan(ScanRequest(dpi=100)))) == 1


def test_duplex_gives_front_and_back_of_each_sheet():
    s = SimulatedScanner(pages=2)
    pages = list(s.scan(ScanRequest(source="duplex", dpi=100)))
    assert [p.side for p in pages] == ["front", "back", "front", "back"]
    backs = [p.image for p in pages if p.side == "back"]
    assert all(b.getextrema()[0] > 60 for b in backs)  # blank backs: no ink


def test_flatbed_gives_one_page():
    s = SimulatedScanner(pages=0)
    assert len(list(s.scan(ScanRequest(source="flatbed", dpi=100)))) == 1


def test_colour_and_bw_modes():
    s = SimulatedScanner(pages=2)
    color, bw = (next(s.scan(ScanRequest(dpi=100, color_mode=m))) for m in ("color", "bw"))
    assert color.image.mode == "RGB"
    assert {v for _, v in bw.image.getcolors()} <= {0, 255}


def test_blank_page_now_and_then():
    s = SimulatedScanner(pages=6, blank_every=3, max_skew=0)
    pages = list(s.scan(ScanRequest(dpi=100)))
    inked = [p.image.getextrema()[0] < 80 for p in pages]
    assert inked == [True, True, False, True, True, False]


@pytest.mark.parametrize("kind", ["feeder_empty", "offline", "jammed"])
def test_configured_fault_after_n_pages(kind):
    s = SimulatedScanner(pages=10, fail=kind, after=2)
    got = []
    with pytest.raises(DeviceError) as err:
        for page in s.scan(ScanRequest(dpi=100)):
            got.append(page)
    assert err.value.kind == kind and len(got) == 2


def test_unplugged_scanner_is_offline():
    s = SimulatedScanner(pages=5)
    it = s.scan(ScanRequest(dpi=100))
    next(it)
    s.unplug()
    with pytest.raises(DeviceError) as err:
        next(it)
    assert err.value.kind == "offline"
    with pytest.raises(DeviceError):
        s.capabilities()


def test_cancel_stops_the_feeder():
    s = SimulatedScanner(pages=10)
    cancel = threading.Event()
    got = []
    for page in s.scan(ScanRequest(dpi=100), cancel=cancel):
        got.append(page)
        if len(got) == 2:
            cancel.set()
    assert len(got) == 2 and s.sheets == 8


def test_cancel_interrupts_a_slow_sheet():
    s = SimulatedScanner(pages=3, delay=30)
    cancel = threading.Event()
    threading.Timer(0.05, cancel.set).start()
    assert list(s.scan(ScanRequest(dpi=100), cancel=cancel)) == []


def test_closing_the_generator_stops_feeding():
    s = SimulatedScanner(pages=10)
    it = s.scan(ScanRequest(dpi=100))
    next(it)
    it.close()
    assert s.sheets == 9


def test_max_pages():
    s = SimulatedScanner(pages=10)
    assert len(list(s.scan(ScanRequest(dpi=100, max_pages=4)))) == 4


def test_simulated_address():
    s = open_scanner("sim://desk?pages=7&fail=jammed&after=3&delay=0&blank_every=2")
    assert isinstance(s, SimulatedScanner)
    assert (s.name, s.sheets, s.fail, s.after, s.blank_every) == ("desk", 7, "jammed", 3, 2)
    assert s.identity == "sim://desk"
    for bad in ("sim://x?pages=many", "sim://x?delay=nan", "sim://x?after=-1", "sim://x?colour=1", "sim://x?fail=melted", "nope://x", "no-scheme"):
        with pytest.raises(DeviceError) as err:
            open_scanner(bad)
        assert err.value.kind == "config"


def test_unsupported_source_is_refused_before_feeding():
    s = open_scanner("sim://flat?pages=3&flatbed_only=1")
    with pytest.raises(DeviceError) as err:
        s.scan(ScanRequest(source="duplex"))
    assert err.value.kind == "config" and s.sheets == 3



def test_a_simulated_address_feeds_at_a_real_pace_by_default():
    assert open_scanner("sim://desk").delay == 1.0
    assert SimulatedScanner().delay == 0.0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_address_is_a_scanner_or_a_config_error(text):
    for url in (text, f"sim://x?{text}", f"sim://{text}", f"folder://{text}?settle={text}"):
        try:
            scanner = open_scanner(url)
        except DeviceError as err:
            assert err.kind in ("config", "offline")
        else:
            assert scanner.identity
