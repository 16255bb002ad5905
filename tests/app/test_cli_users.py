"""The command-line contract of users and sign-in (issue 12): ``motcua user add|list|passwd|lock|unlock``,
``--user``/``MOTCUA_USER`` with the password on stdin or in ``MOTCUA_PASSWORD``, exit codes 0 and 2, and
the refusal of a changing command without a valid user once the database has users."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, monkeypatch, *argv, stdin: str = ""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def nobody(monkeypatch, data_dir):
    """A data dir whose database has the demo queue services and no users, with no user in the env."""
    from app.actors import Actor
    from app.services import queue
    from app.settings import StationSettings
    from app.store.session import Store

    monkeypatch.delenv("MOTCUA_USER", raising=False)
    monkeypatch.delenv("MOTCUA_PASSWORD", raising=False)
    store = Store.open(StationSettings.load(data_dir).db_url(), migrate=True)
    with store.write() as s:
        queue.seed_demo(s, Actor("setup", "admin"))
    store.close()
    return data_dir


def test_first_admin_then_refused_without_a_user(capsys, monkeypatch, nobody):
    # a database without users: the old behaviour (changing commands run as the local cli actor)
    code, out, err = run(capsys, monkeypatch, "queue", "issue", "--service", "A", "--json")
    assert code == 0 and json.loads(out)["number"] == "A001", err
    code, _, err = run(capsys, monkeypatch, "user", "add", "lan", "--role", "officer", "--password-stdin",
                       stdin="long-password\n")
    assert code == 2 and "first user" in err
    code, out, _ = run(capsys, monkeypatch, "user", "add", "root", "--role", "admin", "--password-stdin", "--json",
                       stdin="root-password\n")
    assert code == 0 and json.loads(out)["roles"] == ["admin"]
    # from now on a changing command needs a user...
    code, _, err = run(capsys, monkeypatch, "queue", "issue", "--service", "A")
    assert code == 2 and "--user NAME" in err
    code, _, err = run(capsys, monkeypatch, "user", "add", "lan", "--role", "officer", "--password-stdin",
                       stdin="long-password\n")
    assert code == 2 and "--user NAME" in err
    # ...reading ones do not
    code, out, _ = run(capsys, monkeypatch, "user", "list", "--json")
    assert code == 0 and [u["username"] for u in json.loads(out)["users"]] == ["root"]
    assert "hash" not in out and "argon2" not in out
    # the first line of stdin signs the administrator in, the second is the new user's password
    code, _, err = run(capsys, monkeypatch, "--user", "root", "user", "add", "lan", "--role", "officer", "--role",
                       "technician", "--password-stdin", stdin="root-password\nlong-password\n")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "--user", "root", "user", "add", "tuan", "--role", "officer",
                       "--password-stdin", stdin="wrong\nlong-password\n")
    assert code == 2 and "wrong user name or password" in err
    monkeypatch.setenv("MOTCUA_USER", "lan")
    monkeypatch.setenv("MOTCUA_PASSWORD", "long-password")
    code, out, err = run(capsys, monkeypatch, "queue", "issue", "--service", "A", "--json")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "user", "lock", "root")  # an officer may not
    assert code == 2 and "user.lock" in err


def test_lock_unlock_and_passwd(capsys, monkeypatch, nobody):
    assert run(capsys, monkeypatch, "user", "add", "root", "--role", "admin", "--password-stdin",
               stdin="root-password\n")[0] == 0
    monkeypatch.setenv("MOTCUA_USER", "root")
    monkeypatch.setenv("MOTCUA_PASSWORD", "root-password")
    assert run(capsys, monkeypatch, "user", "add", "lan", "--role", "officer", "--password-stdin",
               stdin="long-password\n")[0] == 0
    assert run(capsys, monkeypatch, "user", "lock", "lan")[0] == 0
    rows = json.loads(run(capsys, monkeypatch, "user", "list", "--json")[1])["users"]
    assert {r["username"]: r["locked"] for r in rows} == {"lan": True, "root": False}
    code, _, err = run(capsys, monkeypatch, "--user", "lan", "queue", "issue", "--service", "A",
                       stdin="long-password\n")
    assert code == 2  # MOTCUA_PASSWORD (root's) is used for lan: refused either way
    assert run(capsys, monkeypatch, "user", "unlock", "lan")[0] == 0
    assert run(capsys, monkeypatch, "user", "passwd", "lan", stdin="new-password-2\n")[0] == 0  # admin reset
    monkeypatch.setenv("MOTCUA_USER", "lan")
    monkeypatch.delenv("MOTCUA_PASSWORD")
    # one's own: sign-in password, the current password again, the new one
    code, _, err = run(capsys, monkeypatch, "user", "passwd", "lan", stdin="new-password-2\nnew-password-2\nthird-pass-3\n")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "queue", "issue", "--service", "A", stdin="third-pass-3\n")
    assert code == 0, err
    assert run(capsys, monkeypatch, "user", "lock", "ghost", stdin="third-pass-3\n")[0] == 2
    assert run(capsys, monkeypatch, "user", "add", "x", "--role", "kiosk")[0] == 2  # not a user's role


def test_demo_seed_then_act_as_a_demo_account_in_a_real_process(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MOTCUA_USER", "MOTCUA_PASSWORD", "MOTCUA_DB")}
    env.update(PYTHONPATH=str(ROOT), MOTCUA_DATA_DIR=str(tmp_path))

    def motcua(*args, stdin="", **extra):
        return subprocess.run([sys.executable, "-m", "app", *args], input=stdin, capture_output=True, text=True,
                              env={**env, **extra}, timeout=120)

    assert motcua("demo", "seed").returncode == 0  # allowed without a user
    assert motcua("db", "upgrade").returncode == 0
    refused = motcua("queue", "issue", "--service", "A")
    assert refused.returncode == 2 and "--user NAME" in refused.stderr
    ok = motcua("--user", "letan", "queue", "issue", "--service", "A", stdin="demo\n")
    assert ok.returncode == 0, ok.stderr
    ok = motcua("queue", "issue", "--service", "A", MOTCUA_USER="canbo1", MOTCUA_PASSWORD="demo")
    assert ok.returncode == 0, ok.stderr
    assert motcua("queue", "status").returncode == 0  # reading needs nobody
    listed = json.loads(motcua("user", "list", "--json").stdout)["users"]
    assert {u["username"] for u in listed if u["demo"]} == {"demo", "canbo1", "letan", "kythuat", "giamdoc", "quantri"}
