"""One scan job: drive a scanner and process each page as it arrives.

:func:`run_scan` iterates ``scanner.scan(request)``, runs :func:`devices.pages.process_page` on every page
(blank check, exposure, deskew unless the device did it, JPEG) and hands each processed page to
``on_page`` before the next sheet is fed. A :class:`~devices.base.DeviceError` while scanning does not
lose the pages already delivered: the outcome carries them together with the error, so the caller
can keep them and tell the officer what happened.

Threading: the scanner's device thread (the one thread that owns the scanner); ``cancel`` may be set
from any thread. Nothing is written anywhere: the caller decides what to keep.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from devices.base import DeviceError
from devices.pages import PageOptions, ProcessedPage, process_page
from devices.scanner import ScanRequest, Scanner


@dataclass(slots=True)
class ScanOutcome:
    pages: list[ProcessedPage] = field(default_factory=list)
    error: DeviceError | None = None
    cancelled: bool = False


def run_scan(
    scanner: Scanner,
    request: ScanRequest,
    *,
    options: PageOptions = PageOptions(),
    cancel: threading.Event | None = None,
    on_page: Callable[[ProcessedPage], None] | None = None,
) -> ScanOutcome:
    """Scan and process; a device failure ends the job with the pages so far (see the module docstring)."""
    outcome = ScanOutcome()
    try:
        for raw in scanner.scan(request, cancel=cancel):
            page = process_page(
                raw.image,
                raw.dpi,
                options=options,
                scanner_deskewed=raw.deskewed,
                source_jpeg=raw.encoded if raw.encoded_format == "jpeg" else None,
            )
            outcome.pages.append(page)
            if on_page is not None:
                on_page(page)
            if cancel is not None and cancel.is_set():
                break
    except DeviceError as exc:
        outcome.error = exc
    outcome.cancelled = cancel is not None and cancel.is_set()
    return outcome
