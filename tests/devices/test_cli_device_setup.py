"""``motcua devices discover / test / set / diagnostics``: the command-line contract of issue 9, on real
simulators, a pseudo-terminal LED display, SANE's ``test`` backend and a TCP listener on loopback."""

from __future__ import annotations

import json
import socket
import tomllib
import zipfile

import pytest

from app.cli import main
from devices.serial_frames import PRESETS
from tests.devices.pty_helpers import FarEnd, PtyPort

# SANE's test backend keeps its state for the whole process (see test_scanner_sane)
pytestmark = pytest.mark.xdist_group("sane-test-backend")

CANDIDATE_KEYS = {"source", "name", "url", "kinds", "detail"}
RESULT_KEYS = {"name", "kind", "driver", "url", "ok", "detail"}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def station(data_dir):
    return tomllib.loads((data_dir / "station.toml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ discover


def test_discover_lists_sane_scanners_and_a_tcp_printer_with_their_urls(capsys, data_dir):
    listener = socket.socket()
    try:
        listener.bind(("127.77.0.1", 9100))
    except OSError:
        listener.close()
        pytest.skip("127.77.0.1:9100 is taken")
    listener.listen(8)
    try:
        code, out, err = run(capsys, "devices", "discover", "--json", "--subnet", "127.77.0.0/30")
    finally:
        listener.close()
    assert code == 0, err
    rows = json.loads(out)  # one JSON document, even though SANE's backends may print on fd 1
    assert rows and all(set(row) == CANDIDATE_KEYS for row in rows)
    by_url = {row["url"]: row for row in rows}
    assert by_url["tcp://127.77.0.1"]["kinds"] == ["receipt_printer", "ticket_printer"]
    assert "tcp://127.77.0.2" not in by_url  # nobody listens there
    sane = [row for row in rows if row["source"] == "sane"]
    assert sane and all(row["url"].startswith("sane://test:") and row["kinds"] == ["scanner"] for row in sane)


def test_discover_refuses_a_subnet_too_large_to_probe(capsys, data_dir):
    code, out, err = run(capsys, "devices", "discover", "--json", "--subnet", "10.0.0.0/16")
    assert (code, out) == (2, "") and "at most 256" in err
    code, _, err = run(capsys, "devices", "discover", "--subnet", "not-a-net")
    assert code == 2 and "--subnet" in err


# ------------------------------------------------------------------ test


def test_a_simulated_ticket_printer_passes_and_out_of_paper_fails_with_the_reason(capsys, data_dir, monkeypatch):
    code, out, err = run(capsys, "devices", "test", "ticket_printer", "--json")
    result = json.loads(out)
    assert code == 0, err
    assert RESULT_KEYS <= set(result) and result["ok"] and result["bytes"] > 1000
    monkeypatch.setenv("MOTCUA_DEVICES_TICKET_PRINTER", "sim://?fault=paper_out")
    code, out, err = run(capsys, "devices", "test", "ticket_printer")
    assert code == 2 and "FAILED: paper out" in out and "paper out" in err


def test_the_led_display_self_test_lights_every_segment_on_a_pseudo_terminal(capsys, data_dir, monkeypatch, tmp_path):
    port = PtyPort(tmp_path / "ttyLED")
    far = FarEnd(port, PRESETS["stx-xor"])
    try:
        monkeypatch.setenv("MOTCUA_DEVICES_LED_DISPLAY", f"serial:{port.link}?protocol=stx-xor&addr=1")
        code, out, err = run(capsys, "devices", "test", "led_display", "--json")
        frames = [far.frames.get(timeout=5).text for _ in range(2)]
    finally:
        port.unplug()
    assert code == 0, err
    assert json.loads(out)["ok"]
    assert frames == ["8888", "    "]  # every segment, then blank again (no number shown yet)


def test_an_unplugged_serial_device_fails_its_test(capsys, data_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("MOTCUA_DEVICES_BUTTON_BOX", f"serial:{tmp_path / 'gone'}")
    code, out, err = run(capsys, "devices", "test", "button_box", "--json")
    assert code == 2 and json.loads(out)["ok"] is False and "cannot open" in err


def test_a_sane_scanner_scans_one_page(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("MOTCUA_DEVICES_SCANNER", "sane://test:0")
    code, out, err = run(capsys, "devices", "test", "scanner", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] and result["width"] > 0 and result["height"] > 0


def test_voice_fails_when_a_clip_is_missing(capsys, data_dir, monkeypatch, tmp_path):
    code, out, _ = run(capsys, "devices", "test", "voice", "--json")
    assert code == 0 and json.loads(out)["bytes"] > 44
    empty = tmp_path / "sounds"
    empty.mkdir()
    monkeypatch.setenv("MOTCUA_VOICE_SOUNDS_DIR", str(empty))
    monkeypatch.setattr("app.resources.resource", lambda *parts: empty)
    code, out, err = run(capsys, "devices", "test", "voice", "--json")
    assert code == 2 and "missing voice clips" in json.loads(out)["detail"]


def test_unknown_and_unset_devices_are_refused(capsys, data_dir, monkeypatch):
    code, out, err = run(capsys, "devices", "test", "printer9")
    assert (code, out) == (2, "") and "no device named 'printer9'" in err
    monkeypatch.setenv("MOTCUA_DEVICES_RATING_KEYPAD", "")
    code, _, err = run(capsys, "devices", "test", "rating_keypad")
    assert code == 2 and "not set on this station" in err


# ------------------------------------------------------------------ set


def test_set_writes_the_setting_only_after_a_passing_test(capsys, data_dir):
    code, out, err = run(capsys, "devices", "set", "ticket_printer", "sim://?fault=cover_open", "--json")
    assert code == 2 and json.loads(out)["written"] is False and "cover open" in err
    assert not (data_dir / "station.toml").exists()
    code, out, err = run(capsys, "devices", "set", "ticket_printer", "sim://?paper=low&profile=TM-T20II", "--json")
    assert code == 0, err
    written = json.loads(out)
    assert written["written"] and written["test"]["ok"]
    assert station(data_dir)["devices"]["ticket_printer"] == "sim://?paper=low&profile=TM-T20II"
    code, out, _ = run(capsys, "devices", "set", "led_display", "serial:usb=1a86:7523?protocol=stx-xor", "--no-test")
    assert code == 0 and "written to" in out
    assert station(data_dir)["devices"] == {"ticket_printer": "sim://?paper=low&profile=TM-T20II",
                                            "led_display": "serial:usb=1a86:7523?protocol=stx-xor"}
    code, _, err = run(capsys, "devices", "set", "led_display", "serial:/x?protocol=morse")
    assert code == 2 and "morse" in err
    code, _, err = run(capsys, "devices", "set", "voice", "sim:")
    assert code == 2


def test_set_is_audited_with_the_secrets_blanked_and_needs_a_technician(capsys, data_dir, monkeypatch):
    assert run(capsys, "demo", "seed")[0] == 0
    address = "ipp://admin:S3cretPW@10.0.0.9/ipp"  # secrets: allow (test fixture)
    monkeypatch.setenv("MOTCUA_USER", "canbo1")  # an officer may not set devices up
    code, _, err = run(capsys, "devices", "set", "a4_printer", address, "--no-test")
    assert code == 2 and not (data_dir / "station.toml").exists()
    monkeypatch.setenv("MOTCUA_USER", "kythuat")
    code, _, err = run(capsys, "devices", "set", "a4_printer", address, "--no-test")
    assert code == 0, err
    assert "S3cretPW" in (data_dir / "station.toml").read_text(encoding="utf-8")
    monkeypatch.setenv("MOTCUA_USER", "giamdoc")  # the director reads the audit
    code, out, err = run(capsys, "audit", "show", "--object", "device:a4_printer", "--json")
    assert code == 0, err
    entries = json.loads(out)
    entries = entries.get("entries", entries) if isinstance(entries, dict) else entries
    assert [(e["action"], e["actor"]) for e in entries] == [("device.configure", "kythuat")]
    assert "S3cretPW" not in out and "10.0.0.9" in out
    assert run(capsys, "audit", "verify")[0] == 0


# ------------------------------------------------------------------ diagnostics

SECRETS = ("S3cretPW", "TOK999", "hunter22", "abcdefTOKEN123", "Pin-4711", "envpass77")


def test_diagnostics_zip_has_the_devices_versions_and_log_but_no_secret(capsys, data_dir, monkeypatch):
    (data_dir / "station.toml").write_text(
        'db_url = "postgresql://tech:S3cretPW@db.local/motcua"\n'  # secrets: allow (test fixture)
        '[devices]\nreceipt_printer = "tcp://10.0.0.5:9100?timeout=3&token=TOK999"\n', encoding="utf-8")
    logs = data_dir / "logs"
    logs.mkdir()
    (logs / "motcua.log").write_text(
        "sync: password=hunter22 sent\nAuthorization: Bearer abcdefTOKEN123\nkiosk pin: Pin-4711\n", encoding="utf-8")
    monkeypatch.setenv("MOTCUA_DB", "postgresql://u:envpass77@127.0.0.1/x")  # secrets: allow (test fixture)
    out_path = data_dir / "diag" / "station.zip"
    code, out, err = run(capsys, "devices", "diagnostics", "--out", str(out_path), "--json", "--wait", "0.5")
    assert code == 0, err
    listed = json.loads(out)
    with zipfile.ZipFile(out_path) as zf:
        names = set(zf.namelist())
        texts = {name: zf.read(name).decode("utf-8") for name in names}
    assert set(listed["files"]) == names
    assert {"settings.json", "devices.json", "self_tests.json", "versions.json", "logs/motcua.log"} <= names
    for name, text in texts.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret} in {name}"
    devices = json.loads(texts["devices.json"])
    assert {row["kind"] for row in devices} >= {"ticket_printer", "scanner", "voice"}
    assert "pyserial" in json.loads(texts["versions.json"])
    settings = json.loads(texts["settings.json"])
    assert settings["settings"]["db_url"] == "postgresql://tech:(hidden)@db.local/motcua"  # secrets: allow (test fixture)
    assert "MOTCUA_DB" in settings["environment_overrides"]
    assert any(row["name"] == "ticket_printer" and row["ok"] for row in json.loads(texts["self_tests.json"]))


def test_diagnostics_into_a_directory_is_refused(capsys, data_dir):
    code, _, err = run(capsys, "devices", "diagnostics", "--out", str(data_dir))
    assert code == 2 and "directory" in err
