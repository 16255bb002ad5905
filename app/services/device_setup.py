"""The technician's device set-up: writing a device's address into the station settings, and the
diagnostics zip (issue 9). Both are the technician's (``device.configure``).

The core knows no drivers: the caller (the Devices window, ``motcua devices set``) has already tested
the address with the device room; here it is checked for its shape, written through
``app.settings.StationSettings`` (the TOML is never edited by hand) and reported.

The diagnostics zip holds what a technician or a developer needs to understand a station's devices and
nothing a citizen or an attacker could use: the station settings with every secret blanked (passwords
in URLs, tokens and keys in query strings, any setting or environment variable named like a secret),
the device list, the self-test results, the recent log (scrubbed again), the program's and libraries'
versions. No database content is read.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.services.audit import audit

#: The devices a station may name (``devices.<name>`` settings; the voice has none).
DEVICE_SETTINGS = ("receipt_printer", "ticket_printer", "a4_printer", "scanner", "id_reader", "button_box",
                   "led_display", "rating_keypad")
#: Every device name ``motcua devices test/set`` accept.
DEVICE_NAMES = DEVICE_SETTINGS + ("voice",)
#: The libraries whose versions explain device behaviour.
LIBRARIES = ("PySide6", "pyserial", "pyusb", "python-escpos", "python-sane", "pyudev", "watchdog", "Pillow",
             "SQLAlchemy", "psycopg")
LOG_BYTES = 256 * 1024  # the end of each log file kept

SECRET_WORDS = re.compile(r"(?i)(pass(word|wd)?|secret|token|api[_-]?key|credential|auth|pin|private|cookie|session)")
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/@\s:]+):([^/@\s]*)@")
_QUERY_SECRET = re.compile(
    r"(?i)([?&;][\w.-]*?(?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|auth|sig|signature|pin))=([^&\s#\"']*)")
_TEXT_SECRET = re.compile(
    r"(?i)\b((?:[\w.-]*(?:password|passwd|secret|token|api[_-]?key|credential|pin))\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&]+)")
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+\S{4,}")
HIDDEN = "(hidden)"


def require_name(name: str) -> str:
    if name not in DEVICE_NAMES:
        raise ValidationError("device_unknown", name=name, known=", ".join(DEVICE_NAMES))
    return name


def set_device(settings, actor, name: str, url: str, *, session=None) -> dict[str, str]:
    """Write ``devices.<name> = url`` into this station's settings file; returns ``{"name", "url", "path"}``.

    ``url`` empty removes the device from the station. With ``session`` (every station and the command line
    pass one: only a test of the file alone does not) the change is audited as ``device.configure`` in that
    transaction, with the addresses' secrets blanked; the file is written inside it, so a file that cannot
    be written leaves no audit entry and the settings as they were."""
    actor.require("device.configure")
    if require_name(name) == "voice":
        raise ValidationError("device_no_setting", name=name)
    url = (url or "").strip()
    if any(ch in url for ch in "\n\r\t") or (url and ":" not in url):
        raise ValidationError("device_url_invalid", name=name, url=url, message="an address looks like scheme:...")
    key = f"devices.{name}"
    previous = settings.get(key)
    settings.set(key, url)
    try:
        if session is not None:
            audit(session, actor, "device.configure", f"device:{name}", url=redact(url),
                  previous=redact(str(previous or "")))
        path = settings.save()
    except BaseException:
        settings.set(key, previous)
        raise
    return {"name": name, "url": url, "path": str(path)}


# --------------------------------------------------------------------------- secrets


def redact(text: str) -> str:
    """``text`` with passwords, tokens and keys blanked wherever they show: URL user info, query
    parameters, ``password=...`` / ``token: ...`` pairs and ``Bearer ...`` headers."""
    text = _URL_USERINFO.sub(lambda m: f"{m[1]}{m[2]}:{HIDDEN}@", text)
    text = _QUERY_SECRET.sub(lambda m: f"{m[1]}={HIDDEN}", text)
    text = _TEXT_SECRET.sub(lambda m: f"{m[1]}{HIDDEN}", text)
    return _BEARER.sub(lambda m: f"{m[1]} {HIDDEN}", text)


def safe_settings(settings) -> dict[str, Any]:
    """Every station setting's effective value, secrets blanked; the environment's ``MOTCUA_*`` overrides
    by name only (their values may be anything)."""
    from app.settings import STATION

    values: dict[str, Any] = {}
    for key in STATION:
        value = settings.get(key)
        if SECRET_WORDS.search(key.rsplit(".", 1)[-1]):
            value = HIDDEN if value else value
        elif isinstance(value, str):
            value = redact(value)
        values[key] = value
    values["(database)"] = redact(settings.db_url())
    env = sorted(name for name in os.environ if name.startswith("MOTCUA_"))
    return {"settings": values, "environment_overrides": env}


def versions() -> dict[str, str]:
    from importlib import metadata

    from app import __version__

    found = {"motcua": __version__, "python": sys.version.split()[0], "platform": platform.platform()}
    for lib in LIBRARIES:
        try:
            found[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            found[lib] = "not installed"
    return found


def _log_tail(path: Path) -> str:
    from app.logs import scrub

    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - LOG_BYTES))
        text = f.read().decode("utf-8", "replace")
    return redact(scrub(text))


def build_diagnostics(
    out: Path,
    actor,
    *,
    settings,
    devices: Sequence[dict[str, Any]],
    self_tests: Sequence[dict[str, Any]] = (),
    recent_log: Iterable[str] = (),
    byte_logs: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """Write the diagnostics zip to ``out`` (see the module docstring); returns ``{"path", "files"}``."""
    actor.require("device.configure")
    out = Path(out)
    log_dir = Path(settings.data_dir) / "logs"
    members: dict[str, str] = {
        "README.txt": "motcua device diagnostics: station settings (secrets removed), devices, self-tests, "
                      "recent log, versions. No citizen data.\n",
        "settings.json": _json(safe_settings(settings)),
        "devices.json": _json([{k: redact(str(v)) if isinstance(v, str) else v for k, v in row.items()} for row in devices]),
        "self_tests.json": _json([{k: redact(v) if isinstance(v, str) else v for k, v in row.items()
                                   if isinstance(v, (str, int, float, bool, type(None)))} for row in self_tests]),
        "versions.json": _json(versions()),
    }
    from app.logs import scrub

    tail = [redact(scrub(line)) for line in recent_log]
    if tail:
        members["logs/recent.log"] = "\n".join(tail) + "\n"
    if log_dir.is_dir():
        for path in sorted(log_dir.glob("*.log*"))[:6]:
            try:
                members[f"logs/{path.name}"] = _log_tail(path)
            except OSError:
                continue
    for name, lines in (byte_logs or {}).items():
        members[f"bytes/{name}.txt"] = "\n".join(lines) + "\n"
    members["created.txt"] = datetime.now(UTC).isoformat(timespec="seconds") + "\n"
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, text in members.items():
                zf.writestr(name, text)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError("diagnostics_not_written", path=out, exc=exc.strerror or exc) from exc
    return {"path": str(out), "files": sorted(members)}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"
