"""The provincial adapter: the interface ``sync/`` pushes and pulls through, and the adapter for the
national contract (``sync/openapi.yaml``) over HTTPS with requests.

No database here and no retries: one call, one classified outcome. The push worker decides what to retry.
Which thread: the sync worker's. Failures: ``SendFailure`` (kind: network, server, rate, auth, contract,
refused) — never a bare requests exception.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests

from sync.contract import ContractError, parse_answer
from sync.national import render_dossier, render_history, render_online_supplement

log = logging.getLogger(__name__)

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
SERVICES = ("DongBoHoSoMC", "CapNhatTienDoHoSoMC")
ATTACHMENT = "attachment"  # the service name of a file's upload call (not a national batch service)
CHUNK_BYTES = 256 * 1024


class SendFailure(Exception):
    """A call that did not give per-item results. ``retry``: worth trying again later; ``retry_after`` (s)
    when the server said so."""

    def __init__(self, kind: str, detail: str, *, retry: bool, retry_after: float | None = None, status: int | None = None):
        super().__init__(f"{kind}: {detail}")
        self.kind, self.detail, self.retry, self.retry_after, self.status = kind, detail, retry, retry_after, status


class ConfigError(Exception):
    """The provincial link is configured in a way we refuse (plain HTTP to a remote host, no URL)."""


@dataclass
class Call:
    """One wire item: the service it goes to, its idempotency key and its body (immutable once stored)."""

    service: str
    key: str
    body: dict[str, Any]
    acked: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"service": self.service, "key": self.key, "body": self.body, "acked": self.acked}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Call:
        return cls(data["service"], data["key"], data["body"], bool(data.get("acked")))


@dataclass
class ItemResult:
    key: str
    ok: bool
    code: str
    message: str
    duplicate: bool = False


@dataclass
class BatchAnswer:
    results: dict[str, ItemResult]
    server_date: Any = None  # datetime from the Date header, when given


@dataclass
class Change:
    seq: int
    type: str
    code: str
    data: dict[str, Any]


@dataclass
class ChangesPage:
    items: list[Change]
    cursor: str
    more: bool
    expired: bool = False
    server_date: Any = None


class ProvinceAdapter(Protocol):
    """What a province's system must offer; a second province is a new module implementing this."""

    def render(self, event: dict[str, Any], key: str) -> list[Call]: ...

    def send(self, service: str, calls: list[Call]) -> BatchAnswer: ...

    def changes(self, cursor: str, limit: int) -> ChangesPage: ...

    def probe(self) -> Any: ...

    def upload(self, call: Call, data: bytes) -> ItemResult: ...

    def send_audit_head(self, seq: int, digest: str) -> dict[str, Any]: ...

    def audit_head(self) -> dict[str, Any] | None: ...


@dataclass
class NationalAdapter:
    """The national vocabulary over HTTPS (TLS always verified; plain HTTP only to this machine)."""

    base_url: str
    username: str | None = None
    password: str | None = None
    ca_bundle: str | None = None
    timeout: tuple[float, float] = (3.05, 15.0)
    session: requests.Session = field(default_factory=requests.Session)
    token: str | None = None
    chunk_bytes: int = CHUNK_BYTES

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ConfigError(f"not an http(s) URL: {self.base_url!r}")
        if parts.scheme == "http" and parts.hostname not in LOOPBACK:
            raise ConfigError("plain HTTP is refused except to this machine (127.0.0.1): use https://")
        self.base_url = self.base_url.rstrip("/")

    # --- rendering -----------------------------------------------------------------------------------

    def render(self, event: dict[str, Any], key: str) -> list[Call]:
        """A domain event as the national calls: the dossier record (a resend after the first event is an
        update) and its processing-history item, each under a key derived from the outbox item's."""
        if event.get("schema") == "online.supplement/1":  # an online record the province already holds
            record, history = render_online_supplement(event)
            return [Call("DongBoHoSoMC", f"{key}:hs", {"key": f"{key}:hs", "isUpdating": True, "data": record}),
                    Call("CapNhatTienDoHoSoMC", f"{key}:td", {"key": f"{key}:td", "data": history})]
        first = event["event"]["seq"] == 1
        return [
            Call("DongBoHoSoMC", f"{key}:hs", {"key": f"{key}:hs", "isUpdating": not first, "data": render_dossier(event)}),
            Call("CapNhatTienDoHoSoMC", f"{key}:td", {"key": f"{key}:td", "data": render_history(event)}),
        ]

    # --- HTTP ----------------------------------------------------------------------------------------

    def _verify(self) -> bool | str:
        return self.ca_bundle or True

    def _login(self) -> None:
        if not self.username:
            raise SendFailure("auth", "no credentials configured for the provincial link", retry=True)
        answer = self._request("POST", "/api/v1/token", "token", json={"username": self.username, "password": self.password},
                               auth=False)
        self.token = answer[0]["access_token"]

    def _request(self, method: str, path: str, operation: str, *, auth: bool = True, headers=None, **kwargs):
        """One HTTP exchange: (JSON answer checked by the contract, status, server Date)."""
        if auth and self.token is None:
            self._login()
        all_headers = dict(headers or {})
        if auth:
            all_headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self.session.request(method, self.base_url + path, headers=all_headers, timeout=self.timeout,
                                            verify=self._verify(), **kwargs)
        except requests.exceptions.SSLError as exc:
            raise SendFailure("tls", f"certificate refused: {exc.__class__.__name__}", retry=True) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            raise SendFailure("network", exc.__class__.__name__, retry=True) from None
        server_date = _date(response.headers.get("Date"))
        status = response.status_code
        if status in (408, 429) or status >= 500:
            raise SendFailure("rate" if status == 429 else "server", f"HTTP {status}", retry=True,
                              retry_after=_retry_after(response.headers.get("Retry-After")), status=status)
        if status == 401 and auth:
            raise SendFailure("auth", "token refused", retry=True, status=status)
        try:
            data = parse_answer(operation, status, response.headers.get("Content-Type", ""), response.content)
        except ContractError as exc:
            raise SendFailure("contract", str(exc), retry=True, status=status) from None
        if status >= 400:
            raise SendFailure("refused", f"{data.get('error_code')}: {data.get('message')}", retry=False, status=status)
        return data, status, server_date

    def _authorized(self, method: str, path: str, operation: str, **kwargs):
        """A request with the bearer token; an expired token is renewed once."""
        try:
            return self._request(method, path, operation, **kwargs)
        except SendFailure as exc:
            if exc.kind != "auth" or exc.status != 401:
                raise
            self.token = None
            return self._request(method, path, operation, **kwargs)

    def send(self, service: str, calls: list[Call]) -> BatchAnswer:
        if service not in SERVICES:
            raise ValueError(service)
        body = {"items": [c.body for c in calls]}
        batch_key = hashlib.sha256("\n".join(c.key for c in calls).encode()).hexdigest()
        data, _status, server_date = self._authorized("POST", f"/api/v1/{service}", service, json=body,
                                                      headers={"Idempotency-Key": batch_key})
        results: dict[str, ItemResult] = {}
        wanted = {c.key for c in calls}
        for r in data["results"]:
            if r["key"] in wanted:  # a result that echoes no key of ours proves nothing
                results[r["key"]] = ItemResult(r["key"], r["error_code"] in ("0", "00"), r["error_code"], r["message"],
                                               bool(r.get("duplicate")))
        return BatchAnswer(results, server_date)

    def upload(self, call: Call, data: bytes) -> ItemResult:
        """Upload one file in chunks, resuming from the offset the server holds (never from zero after a
        dropped connection). Success only on the server's ``complete`` that echoes the call's key; the server
        checks the SHA-256 of the whole file (a mismatch restarts it from 0 and is retried here as a failure)."""
        for _attempt in range(3):  # a 409 (the server's offset moved under us) asks the server again
            answer = self._authorized("POST", "/api/v1/attachments", "AttachmentStart", json=call.body,
                                      headers={"Idempotency-Key": call.key})[0]
            if answer["key"] != call.key or answer["size"] != len(data):
                raise SendFailure("contract", "the upload answer does not echo our file", retry=True)
            duplicate = answer["complete"]
            try:
                while not answer["complete"]:
                    offset = answer["offset"]
                    part = data[offset:offset + self.chunk_bytes]
                    if not part:
                        raise SendFailure("contract", f"server offset {offset} past the file's end", retry=True)
                    answer = self._authorized(
                        "PUT", f"/api/v1/attachments/{answer['upload_id']}", "AttachmentChunk", data=part,
                        headers={"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"})[0]
                    if not answer["complete"] and answer["offset"] <= offset:
                        raise SendFailure("contract", "the upload offset did not advance", retry=True)
            except SendFailure as exc:
                if exc.status == 409:
                    continue
                if exc.status == 422 and "E_SHA256" in exc.detail:
                    raise SendFailure("checksum", exc.detail, retry=True, status=422) from None
                raise
            if answer["key"] != call.key:
                raise SendFailure("contract", "the upload answer does not echo our key", retry=True)
            return ItemResult(call.key, True, "0", answer["message"], duplicate=duplicate)
        raise SendFailure("contract", "the upload offset kept moving", retry=True)

    def changes(self, cursor: str, limit: int = 200) -> ChangesPage:
        try:
            data, _status, server_date = self._authorized("GET", "/api/v1/changes", "changes",
                                                          params={"cursor": cursor, "limit": limit})
        except SendFailure as exc:
            if exc.status == 410:
                return ChangesPage([], "0", True, expired=True)
            raise
        items = [Change(int(i["seq"]), i["type"], i["MaHoSo"], i["data"]) for i in data["items"]]
        return ChangesPage(items, data["cursor"], bool(data["more"]), server_date=server_date)

    def send_audit_head(self, seq: int, digest: str) -> dict[str, Any]:
        """Give the province the audit chain head; its answer (the head as recorded, ``received_at``)."""
        return self._authorized("POST", "/api/v1/audit-head", "AuditHeadPut",
                                json={"audit_seq": seq, "audit_hash": digest})[0]

    def audit_head(self) -> dict[str, Any] | None:
        """The last audit chain head the province holds for this center, or None when it holds none."""
        try:
            return self._authorized("GET", "/api/v1/audit-head", "AuditHeadGet")[0]
        except SendFailure as exc:
            if exc.status == 404:
                return None
            raise

    def probe(self):
        """The authenticated probe: the server's time (from its answer), or ``SendFailure``."""
        data, _status, server_date = self._authorized("GET", "/api/v1/ping", "ping")
        return server_date


def _date(value: str | None):
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = _date(value)
        if when is None:
            return None
        from datetime import datetime, timezone

        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
