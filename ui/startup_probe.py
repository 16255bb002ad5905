"""The start-up probe of the benchmarks: with ``MOTCUA_STARTUP_PROBE=FILE`` in the environment, a station
writes the wall-clock time (``time.time()``) at which its window was first painted to FILE, as JSON, and
quits. ``bench/bench_startup.py`` starts ``motcua counter`` (and a bare PySide6 window, the floor) with it
and subtracts the moment it started the process: interpreter, imports, database, window and first paint.
Nothing happens without the variable."""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "MOTCUA_STARTUP_PROBE"


class _Probe(QObject):
    """Application-wide: notes the first paint of each top-level window (by class name); with
    ``MOTCUA_STARTUP_PROBE_SIGNIN=user:password`` it types them into the sign-in dialog when that is painted
    (the officer's part, taken as instant); it quits once the station's window was painted."""

    def __init__(self, out: Path, app: QApplication) -> None:
        super().__init__(app)
        self.out = out
        self.seen: dict[str, float] = {}
        self.window: QWidget | None = None
        self.credentials = os.environ.get(ENV + "_SIGNIN", "")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            name = type(watched).__name__
            if name not in self.seen:
                self.seen[name] = time.time()
                QTimer.singleShot(0, lambda w=watched, n=name: self.painted(w, n))
        return False

    def painted(self, widget: QWidget, name: str) -> None:
        if name == "SignInDialog" and self.credentials and hasattr(widget, "submit"):
            user, _, password = self.credentials.partition(":")
            widget.user_field.setText(user)
            widget.password_field.setText(password)
            widget.submit()
        if self.window is not None and widget is self.window:
            self.report()

    def report(self) -> None:
        first = min(self.seen.values())
        self.out.write_text(json.dumps({"painted_at": self.seen[type(self.window).__name__], "first_painted_at": first,
                                        "windows": self.seen, "window": type(self.window).__name__,
                                        "pid": os.getpid()}))
        QApplication.exit(0)  # not quit(): Qt 6 asks the windows to close first, and the locked kiosk refuses


_probe: _Probe | None = None


def start(app: QApplication) -> None:
    """Watch every window's first paint when the probe is asked for (a no-op otherwise): at start-up."""
    global _probe
    out = os.environ.get(ENV)
    if not out or _probe is not None:
        return
    _probe = _Probe(Path(out), app)
    app.installEventFilter(_probe)


def install(window: QWidget) -> None:
    """The station's own window: the probe reports (and quits) once it was painted."""
    if _probe is None:
        start(QApplication.instance())
    if _probe is None:
        return
    _probe.window = window
    if type(window).__name__ in _probe.seen:
        QTimer.singleShot(0, _probe.report)
    else:
        window.update()


def hello_main() -> int:
    """A bare PySide6 window with one label, shown and painted: the floor of ``counter_start_ms``."""
    import sys

    from PySide6.QtWidgets import QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Xin chào")
    label.resize(400, 200)
    install(label)
    label.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(hello_main())


STALL_ENV = "MOTCUA_STALL_PROBE"


class StallWatch(QObject):
    """The GUI thread's longest stall: a 10 ms timer on the GUI thread notes the longest gap between two of
    its ticks beyond its interval (a slot, a paint or a query that kept the event loop busy). With
    ``MOTCUA_STALL_PROBE=FILE`` a station writes ``{"max_stall_ms", "ticks", "over_100ms", "stalls"}`` there
    when it closes (``bench/bench_startup.py``: ``gui_max_stall_ms``).

    Attribution: a scripted driver names its current step in :data:`label`; a sampler thread looks at the GUI
    thread's Python stack every 20 ms while a tick is late, so each stall over 50 ms is written with its step
    and the project frames it was seen in (the most frequent first): what froze, not only how long."""

    INTERVAL_MS = 10
    SAMPLE_S = 0.02
    REPORT_MS = 50.0

    def __init__(self, out: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.out = out
        self.max_gap = 0.0
        self.over = 0
        self.ticks = 0
        self.label = ""
        self.stalls: list[dict] = []
        self._samples: dict[str, int] = {}
        self._others: dict[str, int] = {}  # what the other threads were in meanwhile (who kept the GIL?)
        self._lock = threading.Lock()
        self._last = time.perf_counter()
        self._gui = threading.get_ident()
        self._running = True
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._sampler = threading.Thread(target=self._sample, name="stall-sampler", daemon=True)
        self._sampler.start()
        # the cyclic garbage collector stops every thread while it runs: its pauses are noted too
        self.gc_pauses: list[dict] = []
        self._gc_started = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
            return
        ms = (time.perf_counter() - self._gc_started) * 1000
        if ms > 20:
            self.gc_pauses.append({"ms": round(ms, 1), "generation": info.get("generation"),
                                   "collected": info.get("collected"), "step": self.label,
                                   "thread": threading.current_thread().name})

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000 - self.INTERVAL_MS
        self._last = now
        self.ticks += 1
        self.max_gap = max(self.max_gap, gap)
        self.over += gap > 100
        with self._lock:
            samples, self._samples = self._samples, {}
            others, self._others = self._others, {}
        if gap > self.REPORT_MS:
            top = sorted(samples.items(), key=lambda kv: -kv[1])[:3]
            busy = sorted(others.items(), key=lambda kv: -kv[1])[:3]
            self.stalls.append({"ms": round(gap, 1), "step": self.label,
                                "seen_in": [{"frames": k, "samples": n} for k, n in top],
                                "other_threads": [{"frames": k, "samples": n} for k, n in busy]})

    def _sample(self) -> None:
        while self._running:
            time.sleep(self.SAMPLE_S)
            if (time.perf_counter() - self._last) * 1000 < self.INTERVAL_MS + 30:
                continue
            frames = sys._current_frames()
            frame = frames.get(self._gui)
            if frame is None:
                continue
            where = " < ".join(_project_frames(frame))
            names = {t.ident: t.name for t in threading.enumerate()}
            elsewhere = []
            for ident, other in frames.items():
                if ident in (self._gui, threading.get_ident()):
                    continue
                stack = _project_frames(other, depth=3)
                if len(stack) > 1:  # in our code, not only waiting in a library (a queue, a selector)
                    elsewhere.append(f"{names.get(ident, ident)}: " + " < ".join(stack))
            with self._lock:
                self._samples[where] = self._samples.get(where, 0) + 1
                for item in elsewhere:
                    self._others[item] = self._others.get(item, 0) + 1

    def write(self) -> None:
        self.timer.stop()
        self._running = False
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)
        worst = sorted(self.stalls, key=lambda s: -s["ms"])[:40]
        self.out.write_text(json.dumps({"max_stall_ms": round(self.max_gap, 1), "ticks": self.ticks,
                                        "over_100ms": self.over, "stalls": worst,
                                        "gc_pauses_over_20ms": self.gc_pauses[:40]}, ensure_ascii=False,
                                       indent=1))


def _project_frames(frame, depth: int = 6) -> list[str]:
    """The innermost frames of the project's own code (app, ui, printing, devices, sync) and the outermost
    library frame above them: ``module:function:line``."""
    root = str(Path(__file__).resolve().parents[1])
    seen: list[str] = []
    library = None
    while frame is not None and len(seen) < depth:
        path = frame.f_code.co_filename
        name = f"{Path(path).stem}:{frame.f_code.co_name}:{frame.f_lineno}"
        if path.startswith(root) and "/.venv/" not in path:
            seen.append(name)
        elif not seen:
            library = name
        frame = frame.f_back
    return ([library] if library else []) + seen


def watch_stalls(app: QApplication) -> StallWatch | None:
    """Start the stall watch when ``MOTCUA_STALL_PROBE`` asks for it (None otherwise)."""
    global ACTIVE
    out = os.environ.get(STALL_ENV)
    ACTIVE = StallWatch(Path(out), app) if out else None
    return ACTIVE


#: the running stall watch (a scripted driver names its steps in ``ACTIVE.label``)
ACTIVE: StallWatch | None = None
