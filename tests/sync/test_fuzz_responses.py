"""Bad answers from the province: a real local HTTP server answers the pull's ``changes`` call with random
and mutated bodies. A pull either applies a valid page or stops with a coded ``SendFailure`` (kind
``contract``...); a refused page changes nothing in the database (no dossier, cursor or audit entry)."""

from __future__ import annotations

import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sync.adapter import NationalAdapter, SendFailure
from sync.contract import ContractError, parse_answer
from sync.pull import pull_once

PAGE = {"error_code": "0", "message": "ok", "cursor": "7", "more": False, "items": [
    {"seq": 6, "type": "online", "MaHoSo": "H56.22-251202-0001", "data": {"TenThuTuc": "x", "ChuHoSo": "y"}},
    {"seq": 7, "type": "status", "MaHoSo": "000.17.22.H56-251202-0001", "data": {"TrangThaiHoSo": 4}},
]}
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=80),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=12), c, max_size=4), max_leaves=20)


@st.composite
def mutated_pages(draw):
    page = json.loads(json.dumps(PAGE))
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(["top", "item", "data"]))
        value = draw(json_values)
        if target == "top":
            page[draw(st.sampled_from(["cursor", "more", "items", "error_code", "extra"]))] = value
        elif isinstance(page.get("items"), list) and page["items"]:
            item = page["items"][draw(st.integers(0, len(page["items"]) - 1))]
            if not isinstance(item, dict):
                continue
            if target == "item":
                item[draw(st.sampled_from(["seq", "type", "MaHoSo", "data"]))] = value
            elif isinstance(item.get("data"), dict):
                item["data"][draw(st.sampled_from(["TrangThaiHoSo", "history", "x"]))] = value
    return json.dumps(page).encode()


class Province(BaseHTTPRequestHandler):
    body = b"{}"
    content_type = "application/json"

    def log_message(self, *args):  # quiet
        pass

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802 - the token
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer(200, json.dumps({"error_code": "0", "message": "ok", "access_token": "t", "expires_in": 3600}).encode(),
                     "application/json")

    def do_GET(self):  # noqa: N802 - changes
        self._answer(200, Province.body, Province.content_type)


def _snapshot(store):
    from app.store.models import AuditEntry, Dossier
    from app.store.models_sync import OnlineDossier, SyncState

    with store.read() as s:
        return (sorted((d.code, d.status, d.version) for d in s.scalars(select(Dossier))),
                s.scalar(select(func.count()).select_from(OnlineDossier)),
                sorted((r.key, json.dumps(r.value)) for r in s.scalars(select(SyncState))),
                s.scalar(select(func.count()).select_from(AuditEntry)))


@FUZZ
@given(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_random_answers_are_json_of_the_contract_or_a_contract_error(body):
    try:
        parse_answer("changes", 200, "application/json", body)
    except ContractError as exc:
        assert exc.kind in ("not_json", "schema", "unexpected_status")


def test_a_refused_page_changes_nothing(tmp_path_factory):
    from app.store.session import Store
    from tests.app.helpers import seeded_template

    folder = tmp_path_factory.mktemp("fuzzsync")
    shutil.copyfile(seeded_template(), folder / "db.sqlite3")
    store = Store.open(str(folder / "db.sqlite3"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Province)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    adapter = NationalAdapter(f"http://127.0.0.1:{server.server_address[1]}", username="u", password="p",
                              timeout=(2.0, 5.0))
    outcomes = {"refused": 0, "applied": 0}

    @FUZZ
    @given(st.one_of(mutated_pages(), st.binary(max_size=100)))
    def check(body):
        Province.body = body
        before = _snapshot(store)
        try:
            pull_once(store, adapter, max_pages=1)
        except SendFailure as exc:
            assert exc.kind in ("contract", "refused"), exc.kind
            assert _snapshot(store) == before
            outcomes["refused"] += 1
        else:
            outcomes["applied"] += 1

    try:
        check()
    finally:
        server.shutdown()
        store.close()
    assert outcomes["refused"] > 0 and outcomes["applied"] > 0
