"""``motcua devices list --json``: every configured device with name, kind, driver, url, status, detail."""

from __future__ import annotations

import json

from app.cli import main
from devices.base import DEVICE_KINDS
from tests.devices.pty_helpers import PtyPort

KEYS = {"name", "kind", "driver", "url", "status", "detail"}


def devices_list(capsys, *extra):
    code = main(["devices", "list", "--json", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return {row["name"]: row for row in json.loads(out)}


def test_the_demo_station_has_every_kind_simulated(capsys, data_dir):
    rows = devices_list(capsys)
    assert {r["kind"] for r in rows.values()} == set(DEVICE_KINDS)
    assert all(set(r) == KEYS for r in rows.values())
    assert {r["status"] for r in rows.values()} == {"ok"}
    assert {r["driver"] for k, r in rows.items() if k != "voice"} == {"sim"}


def test_real_missing_and_wrong_devices(capsys, data_dir, monkeypatch, tmp_path):
    port = PtyPort(tmp_path / "ttyBOX")
    try:
        monkeypatch.setenv("MOTCUA_DEVICES_BUTTON_BOX", f"serial:{port.link}?protocol=stx-xor&keys=1:A")
        monkeypatch.setenv("MOTCUA_DEVICES_LED_DISPLAY", f"serial:{tmp_path / 'unplugged'}")
        monkeypatch.setenv("MOTCUA_DEVICES_RATING_KEYPAD", "serial:/dev/x?protocol=morse")
        monkeypatch.setenv("MOTCUA_DEVICES_ID_READER", "wedge:?gap_ms=30")
        rows = devices_list(capsys, "--wait", "2")
    finally:
        port.unplug()
    assert (rows["button_box"]["driver"], rows["button_box"]["status"]) == ("serial", "ok")
    assert rows["led_display"]["status"] == "offline" and "cannot open" in rows["led_display"]["detail"]
    assert rows["rating_keypad"]["status"] == "error" and "morse" in rows["rating_keypad"]["detail"]
    assert (rows["id_reader"]["driver"], rows["id_reader"]["status"]) == ("wedge", "ok")


def test_plain_output(capsys, data_dir):
    assert main(["devices", "list", "--wait", "1"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(DEVICE_KINDS) and "button_box" in out
