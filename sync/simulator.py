"""The provincial simulator: a real HTTP server (aiohttp) implementing ``sync/openapi.yaml``.

It persists what it receives in SQLite, de-duplicates on each item's idempotency key, and injects the faults
the field shows: 5xx, a hang until the client times out, a connection dropped after the write (the reply is
lost, the write happened), slow answers, a captive-portal HTML page with 200, malformed JSON, 401 (token
expired), 429 with ``Retry-After``, and per-item 409/422 refusals. ``/stats`` and ``/admin/*`` let tests and
demos look inside and act on the province's side (status changes, processing history, online dossiers).

Used by ``motcua sim serve``; one event loop thread touches the SQLite connection.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
import secrets
import re
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from app.workcal import VN_TZ
from sync.national import STATUS_NAMES

log = logging.getLogger(__name__)

REQUEST_FAULTS = ("500", "503", "hang", "drop_after_write", "slow", "captive", "malformed", "401", "429")
ITEM_FAULTS = ("item_409", "item_422")
STATUS_CODE_BY_NAME = {name: code for code, name in STATUS_NAMES.items()}

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, service TEXT NOT NULL, body_hash TEXT NOT NULL,
                                  received_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS dossiers (code TEXT PRIMARY KEY, uuid TEXT, data TEXT NOT NULL, status INTEGER,
                                     channel INTEGER, updated_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, data TEXT NOT NULL,
                                    origin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, type TEXT NOT NULL,
                                    data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, key TEXT UNIQUE NOT NULL, code TEXT NOT NULL,
                                    sha256 TEXT NOT NULL, size INTEGER NOT NULL, name TEXT NOT NULL,
                                    received INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS online_links (online_code TEXT PRIMARY KEY, code TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_heads (seq INTEGER NOT NULL, hash TEXT NOT NULL, received_at REAL NOT NULL,
                                        PRIMARY KEY (seq, hash));
CREATE TABLE IF NOT EXISTS upload_chunks (upload_id TEXT NOT NULL, start INTEGER NOT NULL, data BLOB NOT NULL,
                                          PRIMARY KEY (upload_id, start));
"""


def wire_now() -> str:
    return datetime.now(VN_TZ).strftime("%Y%m%d%H%M%S")


def body_hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class SimStore:
    """The province's records. Every method is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self.min_cursor = 0  # changes at or below this were compacted away: older cursors expire

    def bump(self, name: str, by: int = 1) -> None:
        self.db.execute("INSERT INTO counters VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + ?",
                        (name, by, by))

    def counter(self, name: str) -> int:
        row = self.db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    def _seen(self, key: str, digest: str) -> str | None:
        """None for a new key; "same" for a resend of the same body; "other" for a key reused."""
        row = self.db.execute("SELECT body_hash FROM items WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return "same" if row[0] == digest else "other"

    def push(self, service: str, items: list[dict[str, Any]], refuse: dict[str, str]) -> list[dict[str, Any]]:
        results = []
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                key = item["key"]
                results.append(self._push_one(service, item, key, refuse.get(key)))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return results

    def _push_one(self, service: str, item: dict[str, Any], key: str, refusal: str | None) -> dict[str, Any]:
        digest = body_hash(item)
        seen = self._seen(key, digest)
        if seen == "same":
            self.bump("duplicates_rejected")
            return {"key": key, "error_code": "0", "message": "đã nhận trước đó", "duplicate": True}
        if seen == "other":
            return {"key": key, "error_code": "E_KEY_REUSED", "message": "khóa đã dùng cho nội dung khác"}
        if refusal:
            return {"key": key, "error_code": refusal, "message": "từ chối (giả lập)"}
        data = item["data"]
        code = data["MaHoSo"]
        if service == "DongBoHoSoMC":
            exists = self.db.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone()
            if exists and not item["isUpdating"]:
                return {"key": key, "error_code": "E_EXISTS", "message": "hồ sơ đã tồn tại: gửi lại với isUpdating"}
            if not exists and item["isUpdating"]:
                return {"key": key, "error_code": "E_NOT_FOUND", "message": "hồ sơ chưa có để cập nhật"}
            self.db.execute(
                "INSERT INTO dossiers VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET data = excluded.data,"
                " status = excluded.status, updated_at = excluded.updated_at",
                (code, data.get("UUID"), json.dumps(data, ensure_ascii=False), data.get("TrangThaiHoSo"),
                 data.get("KenhThucHien"), time.time()),
            )
            online = data.get("MaHoSoTrucTuyen")
            if online and self.db.execute("SELECT 1 FROM dossiers WHERE code = ? AND channel = 2 AND uuid IS NULL",
                                          (online,)).fetchone():
                # The online record follows the dossier the center received from it.
                self.db.execute("INSERT OR IGNORE INTO online_links VALUES (?, ?)", (online, code))
                self.db.execute("UPDATE dossiers SET status = ?, data = json_set(data, '$.TrangThaiHoSo', ?,"
                                " '$.MaHoSoTiepNhan', ?) WHERE code = ?",
                                (data.get("TrangThaiHoSo"), data.get("TrangThaiHoSo"), code, online))
        else:
            self.db.execute("INSERT INTO history (code, data, origin) VALUES (?, ?, 'station')",
                            (code, json.dumps(data, ensure_ascii=False)))
        self.db.execute("INSERT INTO items VALUES (?, ?, ?, ?)", (key, service, digest, time.time()))
        self.bump("items_received")
        return {"key": key, "error_code": "0", "message": "thành công"}

    def lookup(self, code: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM dossiers WHERE code = ?", (code,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        data["QuaTrinhXuLy"] = [json.loads(r[0]) for r in self.db.execute(
            "SELECT data FROM history WHERE code = ? ORDER BY id", (code,))]
        return data

    def stats(self) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "dossiers": one("SELECT count(*) FROM dossiers WHERE channel IS NOT 2 OR uuid IS NOT NULL"),
            "online_dossiers": one("SELECT count(*) FROM dossiers WHERE channel = 2 AND uuid IS NULL"
                                   " AND code NOT IN (SELECT online_code FROM online_links)"),
            "online_received": one("SELECT count(*) FROM online_links"),
            "events": one("SELECT count(*) FROM history WHERE origin = 'station'"),
            "duplicates_rejected": self.counter("duplicates_rejected"),
            "attachments": one("SELECT count(*) FROM uploads WHERE complete = 1"),
            "attachment_bytes": self.counter("attachment_bytes"),
            "requests": self.counter("requests"),
            "faults": self.counter("faults"),
            "items_received": self.counter("items_received"),
        }

    # --- the center's audit chain heads -----------------------------------------------------------------

    def record_head(self, seq: int, digest: str) -> dict[str, Any]:
        """Keep a head the center sent (once: the same head again changes nothing); answers it."""
        self.db.execute("INSERT OR IGNORE INTO audit_heads VALUES (?, ?, ?)", (seq, digest, time.time()))
        return self.last_head(seq, digest)

    def last_head(self, seq: int | None = None, digest: str | None = None) -> dict[str, Any] | None:
        """The head ``(seq, digest)``, or the last one received (the highest sequence number)."""
        if seq is None:
            row = self.db.execute("SELECT seq, hash, received_at FROM audit_heads ORDER BY seq DESC, received_at DESC"
                                  " LIMIT 1").fetchone()
        else:
            row = self.db.execute("SELECT seq, hash, received_at FROM audit_heads WHERE seq = ? AND hash = ?",
                                  (seq, digest)).fetchone()
        if row is None:
            return None
        received = datetime.fromtimestamp(row[2], VN_TZ).strftime("%Y%m%d%H%M%S")
        return {"error_code": "0", "message": "ok", "audit_seq": row[0], "audit_hash": row[1], "received_at": received}

    # --- attachments: resumable, verified by SHA-256 ------------------------------------------------------

    def _upload_json(self, row, message: str = "ok") -> dict[str, Any]:
        upload_id, key, _code, _sha, size, _name, received, complete = row
        return {"error_code": "0", "message": message, "key": key, "upload_id": upload_id, "offset": received,
                "size": size, "complete": bool(complete)}

    def _upload(self, where: str, value: str):
        return self.db.execute(f"SELECT id, key, code, sha256, size, name, received, complete FROM uploads WHERE {where} = ?",
                               (value,)).fetchone()

    def start_upload(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Declare (or look up) a file's upload: (HTTP status, answer)."""
        row = self._upload("key", body["key"])
        if row is not None:
            if (row[2], row[3], row[4]) != (body["MaHoSo"], body["sha256"], body["size"]):
                return 422, {"error_code": "E_KEY_REUSED", "message": "khóa đã dùng cho tệp khác"}
            if row[7]:
                self.bump("duplicates_rejected")
            return 200, self._upload_json(row, "đã nhận trước đó" if row[7] else "tiếp tục tải lên")
        if not self.db.execute("SELECT 1 FROM dossiers WHERE code = ?", (body["MaHoSo"],)).fetchone():
            return 404, {"error_code": "E_NOT_FOUND", "message": "hồ sơ chưa có: gửi hồ sơ trước"}
        upload_id = secrets.token_hex(12)
        self.db.execute("INSERT INTO uploads (id, key, code, sha256, size, name) VALUES (?, ?, ?, ?, ?, ?)",
                        (upload_id, body["key"], body["MaHoSo"], body["sha256"], body["size"], body["name"]))
        return 200, self._upload_json(self._upload("id", upload_id), "bắt đầu tải lên")

    def put_chunk(self, upload_id: str, offset: int, data: bytes) -> tuple[int, dict[str, Any]]:
        row = self._upload("id", upload_id)
        if row is None:
            return 404, {"error_code": "E_NOT_FOUND", "message": "không có phiên tải lên này"}
        received, size = row[6], row[4]
        if row[7]:
            return 200, self._upload_json(row, "đã nhận trước đó")
        if offset != received:
            return 409, {"error_code": "E_OFFSET", "message": "vị trí không khớp", "offset": received}
        if not data or received + len(data) > size:
            return 400, {"error_code": "E_CHUNK", "message": "đoạn rỗng hoặc vượt kích thước tệp"}
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("INSERT INTO upload_chunks VALUES (?, ?, ?)", (upload_id, offset, data))
            received += len(data)
            self.bump("attachment_bytes", len(data))
            status = 200
            if received == size:
                whole = b"".join(r[0] for r in self.db.execute(
                    "SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY start", (upload_id,)))
                if hashlib.sha256(whole).hexdigest() != row[3]:
                    self.db.execute("DELETE FROM upload_chunks WHERE upload_id = ?", (upload_id,))
                    self.db.execute("UPDATE uploads SET received = 0 WHERE id = ?", (upload_id,))
                    status = 422
                else:
                    self.db.execute("UPDATE uploads SET received = ?, complete = 1 WHERE id = ?", (received, upload_id))
            else:
                self.db.execute("UPDATE uploads SET received = ? WHERE id = ?", (received, upload_id))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        if status == 422:
            return 422, {"error_code": "E_SHA256", "message": "mã băm SHA-256 không khớp: tải lại từ đầu"}
        return 200, self._upload_json(self._upload("id", upload_id))

    def upload_data(self, key: str) -> bytes | None:
        """A complete file's bytes (for tests and demos)."""
        row = self._upload("key", key)
        if row is None or not row[7]:
            return None
        return b"".join(r[0] for r in self.db.execute(
            "SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY start", (row[0],)))

    def _change(self, code: str, kind: str, data: dict[str, Any]) -> int:
        cur = self.db.execute("INSERT INTO changes (code, type, data) VALUES (?, ?, ?)",
                              (code, kind, json.dumps(data, ensure_ascii=False)))
        return int(cur.lastrowid)

    def set_status(self, code: str, status: str, note: str | None = None) -> dict[str, Any]:
        number = STATUS_CODE_BY_NAME.get(status)
        if number is None:
            raise web.HTTPUnprocessableEntity(text=json.dumps({"error_code": "E_STATUS", "message": f"unknown status {status}"}),
                                              content_type="application/json")
        row = self.db.execute("SELECT data FROM dossiers WHERE code = ?", (code,)).fetchone()
        if row is None:
            raise web.HTTPNotFound(text=json.dumps({"error_code": "E_NOT_FOUND", "message": code}),
                                   content_type="application/json")
        data = json.loads(row[0])
        data["TrangThaiHoSo"] = number
        when = wire_now()
        if status == "finished":
            data["NgayKetThucXuLy"] = when
        history = {"MaHoSo": code, "NguoiXuLy": "Tỉnh", "ChucDanh": "department", "ThoiDiemXuLy": when,
                   "PhongBanXuLy": data.get("DonViXuLy"), "NoiDungXuLy": note or status, "TrangThai": number,
                   "NgayBatDau": None, "NgayKetThucTheoQuyDinh": data.get("NgayHenTra")}
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("UPDATE dossiers SET data = ?, status = ?, updated_at = ? WHERE code = ?",
                        (json.dumps(data, ensure_ascii=False), number, time.time(), code))
        self.db.execute("INSERT INTO history (code, data, origin) VALUES (?, ?, 'province')",
                        (code, json.dumps(history, ensure_ascii=False)))
        seq = self._change(code, "status", {"TrangThaiHoSo": number, "history": history})
        self.db.execute("COMMIT")
        return {"code": code, "seq": seq}

    def add_online(self, data: dict[str, Any]) -> dict[str, Any]:
        self.db.execute("BEGIN IMMEDIATE")
        n = self.counter("online_seq") + 1
        self.bump("online_seq")
        code = f"DVC-{datetime.now(VN_TZ):%y%m%d}-{n:04d}"
        record = {"MaHoSo": code, "KenhThucHien": 2, "TrangThaiHoSo": 1, "NgayTiepNhan": wire_now(), "intake": data}
        self.db.execute("INSERT INTO dossiers VALUES (?, NULL, ?, 1, 2, ?)",
                        (code, json.dumps(record, ensure_ascii=False), time.time()))
        seq = self._change(code, "online", record)
        self.db.execute("COMMIT")
        return {"code": code, "seq": seq}

    def changes(self, cursor: int, limit: int) -> tuple[list[dict[str, Any]], int, bool]:
        rows = self.db.execute("SELECT seq, type, code, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
                               (cursor, limit + 1)).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        items = [{"seq": r[0], "type": r[1], "MaHoSo": r[2], "data": json.loads(r[3])} for r in rows]
        return items, (rows[-1][0] if rows else cursor), more

    def reset(self) -> None:
        """Forget everything (tests and demos start again on one running server)."""
        self.db.execute("BEGIN IMMEDIATE")
        for table in ("items", "dossiers", "history", "changes", "counters", "uploads", "upload_chunks", "online_links",
                      "audit_heads"):
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        self.db.execute("COMMIT")
        self.min_cursor = 0

    def compact(self) -> int:
        self.min_cursor = self.db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]
        return self.min_cursor


@dataclass
class Faults:
    rate: float = 0.0
    latency_ms: int = 0
    hang_s: float = 5.0
    kinds: tuple[str, ...] = REQUEST_FAULTS + ITEM_FAULTS
    rng: random.Random = field(default_factory=random.Random)

    def pick(self) -> str | None:
        return self.rng.choice(self.kinds) if self.rate and self.rng.random() < self.rate else None


@dataclass
class Sim:
    store: SimStore
    faults: Faults
    username: str = "motcua"
    password: str = "motcua"
    token_ttl: int = 3600
    tokens: dict[str, float] = field(default_factory=dict)


def _json(data: dict[str, Any], status: int = 200, **headers: str) -> web.Response:
    return web.json_response(data, status=status, headers=headers or None, dumps=lambda v: json.dumps(v, ensure_ascii=False))


def _error(status: int, code: str, message: str, **headers: str) -> web.Response:
    return _json({"error_code": code, "message": message}, status, **headers)


SIM_KEY = web.AppKey("sim", Sim)


def _authorized(sim: Sim, request: web.Request) -> bool:
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip()
    expires = sim.tokens.get(token)
    return bool(token) and expires is not None and expires > time.time()


@web.middleware
async def fault_middleware(request: web.Request, handler):
    """Latency, then maybe a request-level fault; writes happen in the handlers (drop_after_write after them)."""
    sim = request.app[SIM_KEY]
    if request.path.startswith(("/admin", "/stats")):
        return await handler(request)
    sim.store.bump("requests")
    if sim.faults.latency_ms:
        await asyncio.sleep(sim.faults.latency_ms / 1000)
    fault = sim.faults.pick() if request.path != "/api/v1/token" else None
    request["fault"] = fault
    if fault and fault not in ITEM_FAULTS:
        sim.store.bump("faults")
    if fault in ("500", "503"):
        return _error(int(fault), "E_SERVER", "lỗi máy chủ (giả lập)")
    if fault == "429":
        return _error(429, "E_RATE", "quá nhiều yêu cầu", **{"Retry-After": "1"})
    if fault == "401":
        return _error(401, "E_TOKEN", "token hết hạn")
    if fault == "captive":
        return web.Response(text="<html><body>Đăng nhập Wi-Fi</body></html>", content_type="text/html")
    if fault == "malformed":
        return web.Response(text='{"error_code": "0", "results": [', content_type="application/json")
    if fault == "hang":
        await asyncio.sleep(sim.faults.hang_s)
        return _drop(request)
    if fault == "slow":
        await asyncio.sleep(max(0.2, sim.faults.latency_ms * 5 / 1000))
    if request.path != "/api/v1/token" and not _authorized(sim, request):
        return _error(401, "E_TOKEN", "cần đăng nhập")
    response = await handler(request)
    if fault == "drop_after_write":
        return _drop(request)
    return response


def _drop(request: web.Request) -> web.Response:
    """Close the connection without an answer: the client sees a reset, whatever was written stays."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=204)


async def token(request: web.Request) -> web.Response:
    sim = request.app[SIM_KEY]
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, "E_JSON", "không phải JSON")
    if not isinstance(body, dict) or body.get("username") != sim.username or body.get("password") != sim.password:
        return _error(401, "E_LOGIN", "sai tên đăng nhập hoặc mật khẩu")
    value = secrets.token_urlsafe(24)
    sim.tokens[value] = time.time() + sim.token_ttl
    return _json({"error_code": "0", "message": "ok", "access_token": value, "expires_in": sim.token_ttl})


async def ping(request: web.Request) -> web.Response:
    return _json({"error_code": "0", "message": "ok", "server_time": wire_now()})


def _batch_handler(service: str):
    async def handler(request: web.Request) -> web.Response:
        sim = request.app[SIM_KEY]
        if not request.headers.get("Idempotency-Key"):
            return _error(400, "E_KEY", "thiếu Idempotency-Key")
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return _error(400, "E_JSON", "không phải JSON")
        problem = _check_batch(service, body)
        if problem:
            return _error(422, "E_INVALID", problem)
        refuse: dict[str, str] = {}
        if request.get("fault") in ITEM_FAULTS:
            victim = sim.faults.rng.choice(body["items"])["key"]
            refuse[victim] = "409" if request["fault"] == "item_409" else "422"
        results = sim.store.push(service, body["items"], refuse)
        return _json({"error_code": "0", "message": "thành công", "results": results})

    return handler


def _check_batch(service: str, body: Any) -> str | None:
    if not isinstance(body, dict) or not isinstance(body.get("items"), list) or not 1 <= len(body["items"]) <= 500:
        return "items: 1 to 500 items"
    for i, item in enumerate(body["items"]):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str) or not item["key"]:
            return f"items[{i}].key"
        data = item.get("data")
        if not isinstance(data, dict) or not isinstance(data.get("MaHoSo"), str) or not data["MaHoSo"]:
            return f"items[{i}].data.MaHoSo"
        if service == "DongBoHoSoMC" and not isinstance(item.get("isUpdating"), bool):
            return f"items[{i}].isUpdating"
    return None


async def attachment_start(request: web.Request) -> web.Response:
    sim = request.app[SIM_KEY]
    if not request.headers.get("Idempotency-Key"):
        return _error(400, "E_KEY", "thiếu Idempotency-Key")
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, "E_JSON", "không phải JSON")
    problem = _check_attachment(body)
    if problem:
        return _error(422, "E_INVALID", problem)
    status, answer = sim.store.start_upload(body)
    return _json(answer, status)


def _check_attachment(body: Any) -> str | None:
    if not isinstance(body, dict):
        return "body"
    for name in ("key", "MaHoSo", "name"):
        if not isinstance(body.get(name), str) or not body[name] or len(body[name]) > 200:
            return name
    sha = body.get("sha256")
    if not isinstance(sha, str) or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        return "sha256"
    size = body.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= 200 * 1024 * 1024:
        return "size"
    return None


async def attachment_chunk(request: web.Request) -> web.Response:
    sim = request.app[SIM_KEY]
    try:
        offset = int(request.headers.get("Upload-Offset", ""))
    except ValueError:
        return _error(400, "E_OFFSET", "thiếu Upload-Offset")
    if offset < 0:
        return _error(400, "E_OFFSET", "Upload-Offset âm")
    data = await request.read()
    status, answer = sim.store.put_chunk(request.match_info["upload_id"], offset, data)
    return _json(answer, status)


async def lookup(request: web.Request) -> web.Response:
    code = request.query.get("MaHoSo", "")
    data = request.app[SIM_KEY].store.lookup(code) if code else None
    if data is None:
        return _error(404, "E_NOT_FOUND", "không tìm thấy hồ sơ")
    return _json({"error_code": "0", "message": "ok", "data": data})


async def catalog(request: web.Request) -> web.Response:
    rows = request.app[SIM_KEY].store.db.execute(
        "SELECT DISTINCT json_extract(data, '$.MaTTHC'), json_extract(data, '$.TenTTHC') FROM dossiers"
        " WHERE json_extract(data, '$.MaTTHC') IS NOT NULL").fetchall()
    return _json({"error_code": "0", "message": "ok",
                  "data": [{"MaTTHC": r[0], "TenTTHC": r[1] or "", "MaLinhVuc": None, "TenLinhVuc": None} for r in rows]})


async def changes(request: web.Request) -> web.Response:
    store = request.app[SIM_KEY].store
    try:
        cursor = int(request.query.get("cursor", "0") or 0)
        limit = min(1000, max(1, int(request.query.get("limit", "200"))))
    except ValueError:
        return _error(400, "E_CURSOR", "cursor và limit là số")
    if cursor and cursor < store.min_cursor:
        return _error(410, "E_CURSOR_EXPIRED", "con trỏ đã hết hạn: đồng bộ lại từ đầu")
    items, next_cursor, more = store.changes(max(cursor, store.min_cursor if not cursor else cursor), limit)
    return _json({"error_code": "0", "message": "ok", "cursor": str(next_cursor), "more": more, "items": items})


async def audit_head_put(request: web.Request) -> web.Response:
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, "E_JSON", "không phải JSON")
    if (not isinstance(body, dict) or set(body) != {"audit_seq", "audit_hash"}
            or not isinstance(body["audit_seq"], int) or isinstance(body["audit_seq"], bool)
            or not 0 <= body["audit_seq"] < 2**63
            or not isinstance(body["audit_hash"], str) or not re.fullmatch(r"[0-9a-f]{64}", body["audit_hash"])):
        return _error(422, "E_INVALID", "audit_seq (số) và audit_hash (64 chữ số hex)")
    return _json(request.app[SIM_KEY].store.record_head(body["audit_seq"], body["audit_hash"]))


async def audit_head_get(request: web.Request) -> web.Response:
    head = request.app[SIM_KEY].store.last_head()
    if head is None:
        return _error(404, "E_NOT_FOUND", "chưa nhận đầu chuỗi nhật ký nào")
    return _json(head)


async def stats(request: web.Request) -> web.Response:
    return _json(request.app[SIM_KEY].store.stats())


async def admin(request: web.Request) -> web.Response:
    sim = request.app[SIM_KEY]
    try:
        body = await request.json() if request.can_read_body else {}
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, "E_JSON", "không phải JSON")
    action = request.match_info["action"]
    if action == "set-status":
        return _json(sim.store.set_status(str(body.get("code", "")), str(body.get("status", "")), body.get("note")))
    if action == "add-online":
        return _json(sim.store.add_online(body))
    if action == "faults":
        sim.faults.rate = float(body.get("rate", sim.faults.rate))
        if "kinds" in body:
            sim.faults.kinds = tuple(body["kinds"])
        return _json({"rate": sim.faults.rate, "kinds": list(sim.faults.kinds)})
    if action == "expire-tokens":
        sim.tokens.clear()
        return _json({"expired": True})
    if action == "reset":
        sim.store.reset()
        sim.faults.rate = 0.0
        return _json({"reset": True})
    if action == "compact":
        return _json({"min_cursor": sim.store.compact()})
    return _error(404, "E_ADMIN", f"unknown admin action {action}")


def make_app(data_dir: Path, *, fault_rate: float = 0.0, latency_ms: int = 0, seed: int | None = None,
             hang_s: float = 5.0) -> web.Application:
    sim = Sim(SimStore(data_dir / "province.sqlite3"), Faults(fault_rate, latency_ms, hang_s, rng=random.Random(seed)))
    app = web.Application(middlewares=[fault_middleware], client_max_size=16 * 1024 * 1024)
    app[SIM_KEY] = sim
    app.router.add_post("/api/v1/token", token)
    app.router.add_get("/api/v1/ping", ping)
    app.router.add_post("/api/v1/DongBoHoSoMC", _batch_handler("DongBoHoSoMC"))
    app.router.add_post("/api/v1/CapNhatTienDoHoSoMC", _batch_handler("CapNhatTienDoHoSoMC"))
    app.router.add_get("/api/v1/TraCuuHoSo", lookup)
    app.router.add_get("/api/v1/LayDanhSachTTHC", catalog)
    app.router.add_get("/api/v1/changes", changes)
    app.router.add_post("/api/v1/attachments", attachment_start)
    app.router.add_put("/api/v1/attachments/{upload_id}", attachment_chunk)
    app.router.add_post("/api/v1/audit-head", audit_head_put)
    app.router.add_get("/api/v1/audit-head", audit_head_get)
    app.router.add_get("/stats", stats)
    app.router.add_post("/admin/{action}", admin)
    return app


def serve(host: str, port: int, data_dir: Path, *, fault_rate: float = 0.0, latency_ms: int = 0,
          tls: tuple[str, str] | None = None, seed: int | None = None, hang_s: float = 5.0) -> None:
    """Run until interrupted (the calling thread runs the event loop)."""
    ssl_context = None
    if tls:
        import ssl

        ssl_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ssl_context.load_cert_chain(tls[0], tls[1])
    app = make_app(data_dir, fault_rate=fault_rate, latency_ms=latency_ms, seed=seed, hang_s=hang_s)
    web.run_app(app, host=host, port=port, ssl_context=ssl_context, print=None, access_log=None,
                handle_signals=True, shutdown_timeout=1.0)
