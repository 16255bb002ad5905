"""The start-up device check: every configured device opened once on its own worker, given a moment to
connect, described and closed again (``motcua devices list`` and each station's status bar line).

Blocking for at most ``wait`` seconds: call it from a worker, never from the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from devices.base import DEVICE_KINDS, DeviceError


def check_devices(settings_get: Callable[[str], Any], kinds: Iterable[str] = DEVICE_KINDS, *, wait: float = 3.0,
                  voice_url: str = "") -> list[dict[str, str]]:
    """``{"name", "kind", "driver", "url", "status", "detail"}`` per configured device among ``kinds``
    (``status``: ok, offline, error, connecting if it did not answer within ``wait``); the voice, when
    asked for, as its clips folder ``voice_url``."""
    from devices.registry import open_device
    from devices.runtime import DeviceRuntime
    from devices.wrapped import ConfiguredDevice

    kinds = list(kinds)
    devices = []
    for kind in kinds:
        if kind == "voice":
            continue
        url = str(settings_get(f"devices.{kind}") or "")
        try:
            device = open_device(kind, url)
        except DeviceError as exc:
            device = ConfiguredDevice(kind=kind, name=kind, url=url, driver=url.split(":", 1)[0])
            device.status, device.detail = "error", exc.message
        if device is not None:
            devices.append(device)
    runtime = DeviceRuntime(devices)
    workers = [w for w in runtime.workers() if w.device.status != "error"]
    for worker in workers:
        if isinstance(worker.device, ConfiguredDevice):  # driven by its own module: configuration only
            worker.device.status = "ok" if worker.device.driver == "sim" else "stopped"
            continue
        worker.start()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(w.alive and w.device.status in ("stopped", "connecting") for w in workers):
        time.sleep(0.02)
    rows = runtime.describe()
    runtime.stop()
    if "voice" in kinds:
        rows.append({"name": "voice", "kind": "voice", "driver": "clips", "url": voice_url, "status": "ok", "detail": ""})
    return rows
