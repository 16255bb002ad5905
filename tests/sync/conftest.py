"""Fixtures of the sync tests: a real provincial simulator (``motcua sim serve``) in its own process, on a free
port of 127.0.0.1, and dossiers to push."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
MON = datetime(2026, 5, 4, 2, 0, tzinfo=timezone.utc)  # Monday 09:00 in Vietnam
INTAKE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905 123 456",
                  "date_of_birth": "1989-01-01", "address": "Thôn 1, xã Minh An"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Sim:
    url: str
    process: subprocess.Popen

    def admin(self, action: str, **body):
        response = requests.post(f"{self.url}/admin/{action}", json=body, timeout=10)
        response.raise_for_status()
        return response.json()

    def stats(self) -> dict:
        return requests.get(f"{self.url}/stats", timeout=10).json()

    def faults(self, rate: float, *kinds: str):
        return self.admin("faults", rate=rate, **({"kinds": list(kinds)} if kinds else {}))


def start_sim(tmp_path: Path, *extra: str, scheme: str = "http") -> Sim:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Its log to a file, not a pipe nobody reads: a full pipe would stop the server in the middle of a test.
    log_path = tmp_path / f"sim-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "sim-home"), "sim", "serve", "--port", str(port),
             "--data", str(tmp_path / "sim"), "--seed", "7", "--hang-s", "2", *extra],
            env=env, stdout=subprocess.DEVNULL, stderr=log,
        )
    url = f"{scheme}://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(log_path.read_text(errors="replace"))
            time.sleep(0.05)
    return Sim(url, process)


@pytest.fixture
def sim(tmp_path):
    handle = start_sim(tmp_path)
    yield handle
    handle.process.terminate()
    handle.process.wait(10)


@pytest.fixture
def adapter(sim):
    from sync.adapter import NationalAdapter

    return NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1.0, 1.5))


def receive_many(store, officer, n: int, *, at=MON) -> list[str]:
    from app.services import dossiers

    codes = []
    with store.write() as s:
        for _ in range(n):
            codes.append(dossiers.receive(s, officer, dossiers.parse_intake(INTAKE), now=at).code)
    return codes
