"""What the device self-tests print and play, and running one self-test on the device's own worker:
shared by ``motcua devices test/set`` and the Devices window (``ui.devices``). The core does not import
devices or printing; this command-line module may (architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def clip_dirs(settings) -> list[Path]:
    """Where voice clips are looked for (the center's own recordings first, as ``ui.queue.voice``)."""
    from app.resources import resource

    dirs: list[Path] = []
    own = settings.get("voice.sounds_dir")
    if own:
        dirs.append(Path(own).expanduser())
    elif (Path(settings.data_dir) / "sounds").is_dir():
        dirs.append(Path(settings.data_dir) / "sounds")
    dirs.append(resource("sounds"))
    return dirs


def materials(settings, *, voice_sink: Callable[[bytes], None] | None = None, counter: int | None = None):
    """The self-tests' pages and announcement: the receipt printer's page laid out for its own width
    (its capability profile) and code pages, an A4 PDF, the call of "A001" at this counter."""
    from devices.selftest import TestMaterials

    def printer_page(printer) -> bytes:
        from printing.test_page import render_test_page

        profile = getattr(printer, "profile", None)
        pages = {name: n for name, n in (profile.code_pages.items() if profile else ()) if name in ("CP1258", "TCVN-3-1", "CP437")}
        return render_test_page(width_mm=printer.paper_mm, width_dots=profile.width_dots if profile else None,
                                code_pages=pages or {"CP437": 0})

    def a4_page() -> bytes:
        from printing.test_page import render_a4_test_page

        return render_a4_test_page()

    def voice_wav() -> tuple[bytes, list[str]]:
        from app.numbers_vi import announcement_clips
        from devices.voice import ClipLibrary, build_announcement

        library = ClipLibrary(clip_dirs(settings))
        keys = ["chime", *announcement_clips("A001", counter or int(settings.get("station.counter") or 1))]
        return build_announcement(keys[1:], library), library.missing(keys)

    found = TestMaterials(printer_page=printer_page, voice_wav=voice_wav, voice_sink=voice_sink)
    found.extra["a4_page"] = a4_page
    return found


def open_for_test(name: str, url: str, settings):
    """The device ``name`` at ``url`` as the runtime drives it (the voice as its clips folder)."""
    from devices.registry import open_device
    from devices.selftest import ClipsDevice

    if name == "voice":
        return ClipsDevice(url or str(clip_dirs(settings)[0]))
    return open_device(name, url)


def run_test(device, mats, *, timeout: float = 120.0) -> dict[str, Any]:
    """Run ``device``'s self-test on a worker of its own (started and stopped here): the device is
    touched by that thread only, as in a station. Blocking: never on the GUI thread."""
    from devices.runtime import DeviceWorker
    from devices.selftest import run_self_test

    if device.kind == "a4_printer" and mats.a4_page is None and "a4_page" in mats.extra:
        mats.a4_page = mats.extra["a4_page"]()
    worker = DeviceWorker(device, min_backoff=0.05, max_backoff=0.5).start()
    try:
        return worker.call(lambda d: run_self_test(d, mats), timeout=timeout)
    except Exception as exc:  # offline at open, or a driver's own failure: a failed test, with the reason
        kind = getattr(exc, "kind", None)
        return {"name": device.name, "kind": device.kind, "driver": device.driver, "url": device.url, "ok": False,
                "detail": getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}", "error": kind or "io"}
    finally:
        worker.stop()
