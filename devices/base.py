"""Shared pieces of the device layer: the error every driver raises, the device interface the runtime
drives, the events devices report, and the one-thread-per-device assertion.

The devices room may not import ``app`` (see architecture.md), so it has its own ``DeviceError``.
``ui/`` maps ``kind`` to a Vietnamese message; ``app.errors`` may re-export or wrap it.

A :class:`Device` is touched by one thread only: the worker :class:`devices.runtime.DeviceWorker` that
owns it (Electrum's ``runs_in_hwd_thread``). Every driver method that talks to the hardware is decorated
with :func:`on_device_thread`, which raises :class:`WrongThreadError` when called from any other thread
once the device is bound to its worker (an explicit check, not ``assert``, so ``python -O`` keeps it).
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

#: Every value ``DeviceError.kind`` may take.
DEVICE_ERROR_KINDS: Final[frozenset[str]] = frozenset(
    {"offline", "timeout", "paper_out", "cover_open", "busy", "config", "io", "feeder_empty", "jammed"}
)

#: Every value ``Device.kind`` may take (the ``motcua devices list --json`` contract).
DEVICE_KINDS: Final[tuple[str, ...]] = (
    "receipt_printer",
    "ticket_printer",
    "a4_printer",
    "scanner",
    "id_reader",
    "button_box",
    "led_display",
    "rating_keypad",
    "voice",
)

#: Every value ``Device.status`` may take: not started yet, working, trying to (re)connect after a
#: failure, failed in a way a retry will not fix (bad configuration), stopped for good.
DEVICE_STATUSES: Final[tuple[str, ...]] = ("stopped", "connecting", "ok", "offline", "error")


class DeviceError(Exception):
    """A device could not do what was asked.

    ``device`` names the device (the driver's ``name``), ``kind`` is one of
    :data:`DEVICE_ERROR_KINDS` and decides what the user is told; the message is
    for the log and the technician, not for the user.
    """

    def __init__(self, device: str, kind: str, message: str = "") -> None:
        if kind not in DEVICE_ERROR_KINDS:
            raise ValueError(f"unknown DeviceError kind {kind!r}")
        self.device = device
        self.kind = kind
        self.message = message or kind
        super().__init__(f"{device}: {kind}: {self.message}")

    def __reduce__(self):  # keep the error picklable (e.g. across a process pool)
        return (type(self), (self.device, self.kind, self.message))


class WrongThreadError(AssertionError):
    """A device was touched from a thread other than its worker's (a programming error)."""


@dataclass(frozen=True, slots=True)
class DeviceEvent:
    """Something a device reports: ``type`` is e.g. "status", "button", "rating", "id_text", "shown".

    ``data`` holds plain values only (str, int, bool), so the event can cross to the GUI thread as is.
    Created on the device's worker thread; read on any thread.
    """

    device: str
    kind: str
    type: str
    data: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.time)


F = TypeVar("F", bound=Callable[..., Any])


def on_device_thread(method: F) -> F:
    """Decorate a device method that must run on the device's worker thread (see module docstring)."""

    @functools.wraps(method)
    def checked(self: Device, *args: Any, **kwargs: Any) -> Any:
        self.assert_device_thread()
        return method(self, *args, **kwargs)

    return checked  # type: ignore[return-value]


class Device:
    """The part of every device the runtime drives and the technician's view shows.

    Identity: ``name`` (e.g. "button_box"), ``kind`` (one of :data:`DEVICE_KINDS`), ``driver`` (e.g.
    "serial", "sim"), ``url`` (its settings string). State: ``status`` (one of :data:`DEVICE_STATUSES`)
    and ``detail`` (for the technician, never personal data), set by the runtime.

    The runtime calls, on the device's worker thread only:

    - :meth:`open` to connect (raise ``DeviceError`` to be retried with backoff; kind "config" is not
      retried), :meth:`close` after a failure or at the end (never raises);
    - :meth:`poll` repeatedly while open, for input devices (``reads_input``): wait at most ``timeout``
      seconds for input and return the events it produced;
    - :meth:`idle_check` every ``check_interval`` seconds while open and idle (e.g. a printer's paper
      state); raise ``DeviceError`` when the device is gone;
    - jobs submitted through the worker, as ``fn(device)``.

    :meth:`self_test` is also a job: a short check a technician can run ("does it answer?").
    """

    kind: str = ""
    driver: str = ""
    #: What a working device wants the technician to know ("paper out", "paper low"), set by ``open`` /
    #: ``idle_check``; the runtime reports it as the detail of status "ok".
    condition: str = ""
    reads_input: bool = False
    check_interval: float | None = None

    def __init__(self, name: str, url: str = "") -> None:
        self.name = name
        self.url = url
        self.status = "stopped"
        self.detail = ""
        self._owner: int | None = None  # thread ident of the worker once bound

    # -- threading ------------------------------------------------------------------------------

    def bind_thread(self, ident: int | None) -> None:
        """Called by the worker when it starts (its own ident) and when it ends (None)."""
        self._owner = ident

    def assert_device_thread(self) -> None:
        """Raise :class:`WrongThreadError` unless called from the worker that owns this device.

        A device not bound to a worker yet (a test driving it directly, a CLI one-shot) may be used from
        the thread that uses it; binding makes the rule strict.
        """
        owner = self._owner
        if owner is not None and owner != threading.get_ident():
            raise WrongThreadError(
                f"{self.name}: touched from thread {threading.current_thread().name!r}, not its worker"
            )

    # -- life cycle (worker thread) ---------------------------------------------------------------

    def open(self) -> None:
        """Connect to the device; raise ``DeviceError`` if it is not there."""

    def close(self) -> None:
        """Release the link; never raises. The device may be opened again afterwards."""

    def poll(self, timeout: float) -> list[DeviceEvent]:
        """Wait at most ``timeout`` s for input; the events it produced (input devices only)."""
        return []

    def idle_check(self) -> None:
        """A cheap health check while idle; raise ``DeviceError`` when the device is gone."""

    def self_test(self) -> dict[str, Any]:
        """A short check for the technician: ``{"ok": bool, "detail": str}``; raises ``DeviceError``."""
        return {"ok": True, "detail": ""}

    # -- helpers --------------------------------------------------------------------------------

    def event(self, type_: str, **data: Any) -> DeviceEvent:
        return DeviceEvent(self.name, self.kind, type_, dict(data))

    def describe(self) -> dict[str, str]:
        """The ``devices list --json`` row: name, kind, driver, url, status, detail (any thread)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "driver": self.driver,
            "url": self.url,
            "status": self.status,
            "detail": self.detail,
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} {self.status}>"
