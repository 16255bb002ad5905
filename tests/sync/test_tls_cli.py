"""TLS is always verified (trustme certificates: untrusted, wrong host, expired), plain HTTP only to this
machine; and the sync / sim command line against a running simulator."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from sync.adapter import ConfigError, NationalAdapter, SendFailure
from tests.sync.conftest import INTAKE, ROOT, start_sim


def test_plain_http_is_refused_except_to_this_machine():
    with pytest.raises(ConfigError):
        NationalAdapter("http://province.example.vn/api")
    NationalAdapter("http://127.0.0.1:9/")  # allowed: the simulator on this machine


@pytest.mark.parametrize("case", ["untrusted", "wrong_host", "expired"])
def test_bad_certificates_are_refused_and_nothing_is_sent(tmp_path, case):
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    if case == "wrong_host":
        cert = ca.issue_cert("province.example.vn")
    elif case == "expired":
        cert = ca.issue_cert("127.0.0.1", not_after=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1))
    else:
        cert = ca.issue_cert("127.0.0.1")
    cert_path, key_path, ca_path = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.cert_chain_pems[0].write_to_path(str(cert_path))
    cert.private_key_pem.write_to_path(str(key_path))
    ca.cert_pem.write_to_path(str(ca_path))
    sim = start_sim(tmp_path, "--tls", str(cert_path), str(key_path), scheme="https")
    try:
        bundle = None if case == "untrusted" else str(ca_path)
        adapter = NationalAdapter(sim.url, username="motcua", password="motcua", ca_bundle=bundle, timeout=(2, 3))
        with pytest.raises(SendFailure) as caught:
            adapter.probe()
        assert caught.value.kind == "tls" and caught.value.retry
        if case == "untrusted":  # the same server with its CA configured is accepted
            good = NationalAdapter(sim.url, username="motcua", password="motcua", ca_bundle=str(ca_path), timeout=(2, 3))
            assert good.probe() is not None
    finally:
        sim.process.terminate()
        sim.process.wait(10)


def motcua(data_dir, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args], capture_output=True,
                          text=True, input=stdin, cwd=ROOT, timeout=120)


def test_sync_commands_against_the_simulator(tmp_path, sim, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.sync.env_keyring.EnvKeyring")
    monkeypatch.setenv("MOTCUA_TEST_KEYRING", "{}")
    data = tmp_path / "station"
    assert motcua(data, "demo", "seed").returncode == 0
    intake = tmp_path / "d.json"
    intake.write_text(json.dumps(INTAKE), encoding="utf-8")
    assert motcua(data, "dossier", "receive", "--file", str(intake)).returncode == 0
    status = json.loads(motcua(data, "sync", "status", "--json").stdout)
    assert status["pending"] == 1 and status["sent"] == 0 and set(status) >= {
        "pending", "sending", "sent", "needs_attention", "conflicts", "last_success_at"}
    # No credentials yet: the run keeps the item queued and says why.
    run = json.loads(motcua(data, "sync", "run", "--once", "--url", sim.url, "--json").stdout)
    assert run["pushed"]["sent"] == 0 and json.loads(motcua(data, "sync", "status", "--json").stdout)["pending"] == 1
    login = motcua(data, "sync", "login", "--url", sim.url, "--username", "motcua", "--password-stdin", stdin="motcua\n")
    assert login.returncode == 0, login.stderr
    assert "motcua" not in login.stdout + login.stderr.replace("motcua-sync", "")  # the secret is never echoed
    # What the keyring now holds for that URL (the test backend keeps it in the environment of each process).
    monkeypatch.setenv("MOTCUA_TEST_KEYRING", json.dumps({f"motcua-sync|{sim.url}#user": "motcua",
                                                          f"motcua-sync|{sim.url}#password": "motcua"}))
    assert motcua(data, "sync", "retry", "--all").returncode == 0
    run = json.loads(motcua(data, "sync", "run", "--once", "--url", sim.url, "--json").stdout)
    assert run["pushed"]["sent"] == 1 and sim.stats()["dossiers"] == 1
    status = json.loads(motcua(data, "sync", "status", "--json").stdout)
    assert status["sent"] == 1 and status["pending"] == 0 and status["last_success_at"]
    assert motcua(data, "sync", "retry", "999").returncode == 2
    added = motcua(data, "sim", "admin", "--url", sim.url, "add-online", "--file", str(intake))
    assert added.returncode == 0 and added.stdout.startswith("DVC-")
    bad = motcua(data, "sim", "admin", "--url", sim.url, "set-status", "X", "no_such_status")
    assert bad.returncode == 2
