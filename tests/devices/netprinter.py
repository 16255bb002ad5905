"""A real network receipt printer stand-in for tests: a TCP server on 127.0.0.1 that records every job
(one connection = one job) and answers the real-time status queries (DLE EOT 4, DLE EOT 2) like an
ESC/POS printer. It can go away (``stop``: connections refused) and come back on the same port."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

from devices.printer import DLE_EOT_OFFLINE, DLE_EOT_PAPER

STATUS_OK = 0x12  # the fixed bits of a status byte, no sensor bit set


class RecordingPrinterServer:
    def __init__(
        self, port: int = 0, *, on_bytes: Callable[[int, int], None] | None = None, chunk: int = 65536,
        receive_buffer: int | None = None,
    ) -> None:
        self.port = port
        self.receive_buffer = receive_buffer  # a small one makes the sender wait, like a slow printer
        self.paper_byte = STATUS_OK
        self.offline_byte = STATUS_OK
        self.jobs: list[bytes] = []
        self.on_bytes = on_bytes  # (connection number, bytes received so far on it), on the server thread
        self.chunk = chunk
        self.changed = threading.Condition()
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._connections = 0
        self.start()

    def start(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.receive_buffer:
            server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.receive_buffer)
        server.bind(("127.0.0.1", self.port))
        server.listen(8)
        server.settimeout(0.05)
        self.port = server.getsockname()[1]
        self._server = server
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="recording-printer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._server is not None:
            self._server.close()
        self._server = self._thread = None

    close = stop

    def wait_for_jobs(self, n: int, timeout: float = 10.0) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: len(self.jobs) >= n, timeout)

    def _serve(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            self._connections += 1
            number = self._connections
            data = bytearray()
            with conn:
                conn.settimeout(5.0)
                try:
                    while chunk := conn.recv(self.chunk):
                        data += chunk
                        for query, answer in ((DLE_EOT_PAPER, self.paper_byte), (DLE_EOT_OFFLINE, self.offline_byte)):
                            if data.endswith(query):
                                conn.sendall(bytes([answer]))
                                del data[-len(query):]
                        if self.on_bytes is not None and data:
                            self.on_bytes(number, len(data))
                except OSError:  # reset by a killed sender: what arrived is what was printed
                    pass
            if data:
                with self.changed:
                    self.jobs.append(bytes(data))
                    self.changed.notify_all()
