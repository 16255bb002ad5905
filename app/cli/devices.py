"""``motcua devices``: the technician's window; ``list``, ``discover``, ``test``, ``set``, ``diagnostics``.

- ``motcua devices`` (no action): the Devices window (``ui.devices``).
- ``list [--json]``: every device of ``devices.*`` in the station settings is opened on its own worker
  as the stations do, given a moment to connect, described and closed again: ``{"name", "kind",
  "driver", "url", "status", "detail"}`` per device (``status``: ok, offline, error, connecting if it did
  not answer in time). The voice is listed with its clips folder.
- ``discover [--json] [--subnet CIDR]``: what this machine sees (``devices.discovery``), each with the
  ``url`` to configure it: ``{"source", "name", "url", "kinds", "detail"}``; a source that cannot be
  asked is named on stderr. ``--subnet`` also probes TCP 9100 there (at most 256 addresses).
- ``test NAME [--json]``: the device's self-test (a test page, a scan, "8888"...): exit 0 when it
  passes, 2 with the reason when it fails.
- ``set NAME URL [--json] [--no-test]``: test the device at ``URL`` and, when it passes, write
  ``devices.NAME`` into station.toml (exit 2 and nothing written when it fails).
- ``diagnostics --out PATH.zip [--json]``: configuration (secrets removed), versions, the recent log,
  the device list and their self-tests, in one zip; no citizen data.
"""

from __future__ import annotations

import sys

from app.cli.output import emit, print_line

KINDS = ("receipt_printer", "ticket_printer", "a4_printer", "scanner", "id_reader", "button_box", "led_display", "rating_keypad")


def _rows(ctx, wait: float) -> list[dict[str, str]]:
    from devices.check import check_devices

    sounds = str(ctx.settings.get("voice.sounds_dir") or ctx.data_dir / "sounds")
    return check_devices(ctx.settings.get, (*KINDS, "voice"), wait=wait, voice_url=sounds)


def cmd_window(ctx, args) -> int:
    from ui.devices import run_devices

    return run_devices(ctx.store(), ctx.settings)


def cmd_list(ctx, args) -> int:
    rows = _rows(ctx, args.wait)
    if args.json:
        emit(rows)
    else:
        for row in rows:
            print_line(f"{row['name']:<16} {row['driver']:<8} {row['status']:<10} {row['url']} {row['detail']}".rstrip())
    return 0


def _discover(subnet: str | None):
    """Discovery with the process's stdout pointed at stderr meanwhile: SANE's backends (net-snmp) may
    print on file descriptor 1, which would spoil the one JSON document."""
    import os

    from devices.discovery import discover

    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        return discover(subnet=subnet)
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def cmd_discover(ctx, args) -> int:
    from app.errors import ValidationError

    if args.subnet:
        import ipaddress

        from devices.discovery import MAX_HOSTS

        try:
            network = ipaddress.ip_network(args.subnet, strict=False)
        except ValueError as exc:
            raise ValidationError("cli_subnet_invalid", subnet=args.subnet, message=str(exc)) from None
        if network.num_addresses > MAX_HOSTS:
            raise ValidationError("cli_subnet_invalid", subnet=args.subnet, message=f"at most {MAX_HOSTS} addresses are probed")
    found = _discover(args.subnet)
    for source, why in sorted(found.errors.items()):
        sys.stderr.write(f"motcua: discover: {source} not available: {why}\n")
    rows = [c.as_dict() for c in found.candidates]
    if args.json:
        emit(rows)
    else:
        for row in rows:
            print_line(f"{row['source']:<7} {row['url']:<44} {row['name']} ({', '.join(row['kinds'])}) {row['detail']}".rstrip())
    return 0


def _test(ctx, name: str, url: str) -> dict:
    from app.cli.device_tests import materials, open_for_test, run_test
    from app.errors import ValidationError
    from devices.base import DeviceError

    try:
        device = open_for_test(name, url, ctx.settings)
    except DeviceError as exc:
        raise ValidationError("device_url_invalid", name=name, url=url, message=exc.message) from None
    if device is None:
        raise ValidationError("device_not_configured", name=name)
    return run_test(device, materials(ctx.settings))


def _report(args, result: dict) -> None:
    if args.json:
        emit(result)
    else:
        print_line(f"{result['name']}: {'passed' if result['ok'] else 'FAILED'}: {result['detail']}")


def cmd_test(ctx, args) -> int:
    from app.errors import RuleError
    from app.services.device_setup import require_name

    name = require_name(args.name)
    url = str(ctx.settings.get(f"devices.{name}") or "") if name != "voice" else ""
    result = _test(ctx, name, url)
    _report(args, result)
    if not result["ok"]:
        raise RuleError("device_test_failed", name=name, detail=result["detail"])
    return 0


def cmd_set(ctx, args) -> int:
    from app.errors import RuleError, ValidationError
    from app.services.device_setup import require_name, set_device

    name = require_name(args.name)
    if name == "voice":
        raise ValidationError("device_no_setting", name=name)
    result = None
    if args.url.strip() and not args.no_test:
        result = _test(ctx, name, args.url.strip())
        if not result["ok"]:
            if args.json:
                emit({"name": name, "url": args.url, "written": False, "test": result})
            raise RuleError("device_test_failed", name=name, detail=result["detail"])
    with ctx.store().write() as session:  # the change is audited; a database with users needs a technician
        written = set_device(ctx.settings, ctx.signed_in() or ctx.technician(), name, args.url, session=session)
    if args.json:
        emit({**written, "written": True, "test": result})
    else:
        print_line(f"devices.{name} = {written['url']!r} written to {written['path']}")
    return 0


def cmd_diagnostics(ctx, args) -> int:
    from app.cli.device_tests import materials, open_for_test, run_test
    from app.cli.output import check_out
    from app.logs import TAIL
    from app.services.device_setup import DEVICE_NAMES, build_diagnostics

    out = check_out(args.out)
    rows = _rows(ctx, args.wait)
    tests = []
    if args.self_test:
        mats = materials(ctx.settings)
        mats.printer_page = None  # a diagnostics run prints nothing: status checks only
        mats.extra.pop("a4_page", None)
        for name in DEVICE_NAMES:
            url = str(ctx.settings.get(f"devices.{name}") or "") if name != "voice" else ""
            try:
                device = open_for_test(name, url, ctx.settings)
            except Exception as exc:  # a bad address is a finding, not a reason to stop
                tests.append({"name": name, "ok": False, "detail": getattr(exc, "message", str(exc))})
                continue
            if device is not None and name != "scanner":
                tests.append(run_test(device, mats))
    result = build_diagnostics(out, ctx.technician(), settings=ctx.settings, devices=rows, self_tests=tests,
                               recent_log=list(TAIL.lines))
    if args.json:
        emit(result)
    else:
        print_line(f"diagnostics written to {result['path']} ({len(result['files'])} files)")
    return 0


def register(sub, add) -> None:
    from app.cli.output import nonneg_number

    parser = sub.add_parser("devices", help="the station's devices (no action: the Devices window)",
                            description="the station's devices; without an action, the technician's Devices window")
    parser.set_defaults(func=cmd_window)
    devices = parser.add_subparsers(dest="sub", metavar="ACTION")
    p = add(devices, "list", cmd_list, "list the configured devices and whether each answers")
    p.add_argument("--wait", type=nonneg_number, default=3.0, help="seconds to let each device connect (default 3)")
    p = add(devices, "discover", cmd_discover, "find serial ports, USB printers, scanners and OS printers")
    p.add_argument("--subnet", help="also look for ESC/POS printers on TCP 9100 in this subnet (at most 256 addresses)")
    p = add(devices, "test", cmd_test, "run a device's self-test (exit 2 with the reason when it fails)")
    p.add_argument("name", metavar="NAME", help="receipt_printer, ticket_printer, a4_printer, scanner, id_reader, "
                   "button_box, led_display, rating_keypad or voice")
    p = add(devices, "set", cmd_set, "test a device at URL, then write it into the station settings")
    p.add_argument("name", metavar="NAME")
    p.add_argument("url", metavar="URL", help="the device's address (e.g. serial:usb=1a86:7523?protocol=stx-xor); '' removes it")
    p.add_argument("--no-test", action="store_true", help="write without testing (a device not plugged in yet)")
    p = add(devices, "diagnostics", cmd_diagnostics, "write a diagnostics zip (no secrets, no citizen data)")
    p.add_argument("--out", required=True, help="the zip file to write")
    p.add_argument("--wait", type=nonneg_number, default=2.0, help="seconds to let each device connect (default 2)")
    p.add_argument("--no-self-test", dest="self_test", action="store_false", help="skip the devices' status checks")
