"""``motcua devices list``: the station's configured devices, each tried once (argparse only here).

Every device of ``devices.*`` in the station settings is opened on its own worker as the stations do,
given a moment to connect, described and closed again: ``{"name", "kind", "driver", "url", "status",
"detail"}`` per device (``status``: ok, offline, error, connecting if it did not answer in time). The
voice is listed with its clips folder.
"""

from __future__ import annotations

import time

from app.cli.output import emit, print_line

KINDS = ("receipt_printer", "ticket_printer", "a4_printer", "scanner", "id_reader", "button_box", "led_display", "rating_keypad")


def _rows(ctx, wait: float) -> list[dict[str, str]]:
    from devices.base import DeviceError
    from devices.registry import open_device
    from devices.runtime import DeviceRuntime
    from devices.wrapped import ConfiguredDevice

    devices = []
    for kind in KINDS:
        url = str(ctx.settings.get(f"devices.{kind}") or "")
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
    sounds = str(ctx.settings.get("voice.sounds_dir") or ctx.data_dir / "sounds")
    rows.append({"name": "voice", "kind": "voice", "driver": "clips", "url": sounds, "status": "ok", "detail": ""})
    return rows


def cmd_list(ctx, args) -> int:
    rows = _rows(ctx, args.wait)
    if args.json:
        emit(rows)
    else:
        for row in rows:
            print_line(f"{row['name']:<16} {row['driver']:<8} {row['status']:<10} {row['url']} {row['detail']}".rstrip())
    return 0


def register(sub, add) -> None:
    from app.cli.output import nonneg_number

    devices = sub.add_parser("devices", help="the station's devices").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(devices, "list", cmd_list, "list the configured devices and whether each answers")
    p.add_argument("--wait", type=nonneg_number, default=3.0, help="seconds to let each device connect (default 3)")
