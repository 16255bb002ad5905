"""Pseudo-terminal "cables" for the serial device tests: the test holds the far end (the hardware).

``PtyPort`` is one plug-in of a device: a pty pair whose slave is reached through a stable symlink (like
``/dev/serial/by-id/...``), so that unplugging (closing the far end) and plugging in again (a new pty,
the symlink moved) is what a real USB-serial adapter does. ``FarEnd`` reads the device's bytes on its
own thread and can answer them.
"""

from __future__ import annotations

import os
import queue
import select
import threading
import tty
from pathlib import Path

from devices.base import DeviceEvent
from devices.serial_frames import FrameDecoder, FrameFormat


class PtyPort:
    def __init__(self, link: Path) -> None:
        self.link = link
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.slave_path = os.ttyname(self._slave)
        # Our slave fd stays open until the unplug: with no slave open, reading the master fails (EIO).
        tmp = link.with_suffix(".new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(self.slave_path)
        os.replace(tmp, link)
        self.closed = False
        self.readers: list[FarEnd] = []

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        """Pull the cable: the stable name goes (as udev removes /dev/serial/by-id/...: the pts number may
        be given to another process's terminal at once), the readers stop (a read blocked in another
        thread would keep the master open in the kernel), then the master is closed: the slave sees EIO."""
        if not self.closed:
            self.closed = True
            if self.link.is_symlink() and os.readlink(self.link) == self.slave_path:
                self.link.unlink()
            for reader in self.readers:
                reader.join()
            os.close(self.master)
            os.close(self._slave)


class FarEnd:
    """Reads what the device sends (decoded with ``fmt``) on a thread; ``ack`` answers each frame."""

    def __init__(self, port: PtyPort, fmt: FrameFormat, *, ack: bytes | None = None) -> None:
        self.port = port
        self.decoder = FrameDecoder(fmt, device="far")
        self.ack = ack
        self.frames: queue.Queue = queue.Queue()
        port.readers.append(self)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join(5)

    def _run(self) -> None:
        while not self.port.closed:
            try:
                ready, _, _ = select.select([self.port.master], [], [], 0.02)
                if not ready:
                    continue
                data = os.read(self.port.master, 4096)
            except OSError:
                return
            if not data:
                return
            for frame in self.decoder.feed(data):
                self.frames.put(frame)
                if self.ack is not None:
                    self.port.write(self.ack)


class Events:
    """Collects a worker's events (listener on the worker thread); ``wait_for`` blocks until one matches."""

    def __init__(self) -> None:
        self._queue: queue.Queue[DeviceEvent] = queue.Queue()
        self.seen: list[DeviceEvent] = []

    def __call__(self, event: DeviceEvent) -> None:
        self._queue.put(event)

    def wait_for(self, type_: str, timeout: float = 10.0, **data) -> DeviceEvent:
        while True:
            try:
                event = self._queue.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {type_} {data} event; seen: {[(e.type, e.data) for e in self.seen]}") from None
            self.seen.append(event)
            if event.type == type_ and all(event.data.get(k) == v for k, v in data.items()):
                return event

    def status(self, status: str, timeout: float = 10.0) -> DeviceEvent:
        return self.wait_for("status", timeout, status=status)
