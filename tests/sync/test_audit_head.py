"""The audit chain head travels with sync (issue 12): after each run the province holds the head, so a chain
rewritten at the center later — consistent in itself — is found by ``motcua audit verify --province``."""

from __future__ import annotations

import json

import requests

from app.actors import Actor
from app.services import audit_chain
from sync.worker import run_once
from tests.app.test_audit_chain import rewrite_from
from tests.sync.conftest import receive_many
from tests.sync.test_tls_cli import motcua

DIRECTOR = Actor("giamdoc", "director")


def province_head(sim, adapter) -> dict:
    adapter.probe()  # a token
    return requests.get(f"{sim.url}/api/v1/audit-head", headers={"Authorization": f"Bearer {adapter.token}"},
                        timeout=5).json()


def test_each_run_gives_the_province_the_head_and_a_rewrite_is_found_against_it(seeded, officer, sim, adapter):
    receive_many(seeded, officer, 2)
    result = run_once(seeded, adapter)
    assert result["pushed"]["sent"] == 2 and result["audit_head"]["sent"] is True
    with seeded.read() as s:
        local = audit_chain.sync_head(s)
        shown = audit_chain.head(s, DIRECTOR)
    held = province_head(sim, adapter)
    assert (held["audit_seq"], held["audit_hash"]) == (local["audit_seq"], local["audit_hash"])
    assert shown["province"]["seq"] == local["audit_seq"] and shown["province"]["at"]
    again = run_once(seeded, adapter)  # the pull's entry moved the head: sent again; then nothing new to send
    assert again["audit_head"]["sent"] is True
    assert province_head(sim, adapter)["audit_seq"] == again["audit_head"]["audit_seq"]
    # A head the province holds, and a rewrite from before it: the database alone looks intact, not against it.
    expected = (held["audit_seq"], held["audit_hash"])
    with seeded.read() as s:
        assert audit_chain.verify(s, DIRECTOR, expected=expected).ok
    rewrite_from(seeded, 3)
    with seeded.read() as s:
        assert audit_chain.verify(s, DIRECTOR).ok
        verdict = audit_chain.verify(s, DIRECTOR, expected=(province_head(sim, adapter)["audit_seq"],
                                                            province_head(sim, adapter)["audit_hash"]))
    assert (verdict.ok, verdict.problem) == (False, "rewritten")


def test_a_province_that_cannot_take_the_head_is_asked_again_next_time(seeded, officer, sim, adapter):
    from sync.worker import send_audit_head

    receive_many(seeded, officer, 1)
    sim.faults(1.0, "500")
    result = run_once(seeded, adapter, pull=False)
    assert result["pushed"]["sent"] == 0 and "audit_head" not in result  # the link is down: not even tried
    assert send_audit_head(seeded, adapter)["error"] == "SendFailure"  # never raised
    with seeded.read() as s:
        assert audit_chain.head(s, DIRECTOR)["province"] is None
    sim.faults(0.0)
    assert send_audit_head(seeded, adapter)["sent"] is True
    assert send_audit_head(seeded, adapter) == {"audit_seq": province_head(sim, adapter)["audit_seq"], "sent": False}


def test_cli_verify_against_the_province(tmp_path, sim, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.sync.env_keyring.EnvKeyring")
    monkeypatch.setenv("MOTCUA_TEST_KEYRING", json.dumps({f"motcua-sync|{sim.url}#user": "motcua",
                                                          f"motcua-sync|{sim.url}#password": "motcua"}))
    data = tmp_path / "station"
    assert motcua(data, "demo", "seed").returncode == 0
    # The province holds no head yet: the chain is checked on its own, and the answer says so.
    done = motcua(data, "audit", "verify", "--province", "--url", sim.url, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["province_head"] is None
    run = json.loads(motcua(data, "sync", "run", "--once", "--url", sim.url, "--json").stdout)
    assert run["audit_head"]["sent"] is True
    done = motcua(data, "audit", "verify", "--province", "--url", sim.url, "--json")
    assert done.returncode == 0, done.stderr
    verdict = json.loads(done.stdout)
    assert verdict["ok"] and verdict["province_head"]["audit_seq"] == run["audit_head"]["audit_seq"]
    # An unreachable province: exit 2, a clear message, nothing claimed about the chain.
    sim.process.terminate()
    sim.process.wait(10)
    done = motcua(data, "audit", "verify", "--province", "--url", sim.url)
    assert done.returncode == 2 and "audit chain head" in done.stderr
