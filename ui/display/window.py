"""The display board (bảng hiển thị): a TV in the waiting hall.

Top: the center's name and a clock. Middle: one tile per counter with the ticket it serves now ("Quầy 3 /
A012"; empty when it serves nobody, "Tạm dừng" without a number while paused); the newest call is
highlighted and blinks for ~10 s; beside it the last eight calls, a recall marked "gọi lại" on its line
(moved to the top) instead of a second line. Bottom: how many people wait for each service and a scrolling
notice (center setting ``queue.notice``). A small warning says when the PC has no audio output.

A :class:`ui.queue.watcher.CallWatcher` follows the queue's change feed (it polls every 250 ms on its own
thread): each call or recall within a second, and with it the state of every counter and the waiting
counts as ``queue.status()`` gives them, so the tiles and the counts move together with the calls and
always agree with ``motcua queue status``. Each call or recall is also spoken by a
:class:`devices.voice.Announcer` (queued, never overlapping). The center's name and the notice come from
one read every 2 s on the window's store thread. Everything here runs on the GUI thread except those
workers.
"""

from __future__ import annotations

import html
import logging
import math
from collections import deque
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QRectF, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.numbers_vi import announcement_clips
from app.services import center
from ui.common import local_now, show_full_screen
from ui.i18n import arg
from ui.queue.watcher import CallWatcher
from ui.tasks import QueryOp, TaskManager

log = logging.getLogger(__name__)

HIGHLIGHT_MS = 10_000
BLINK_MS = 500
REFRESH_MS = 2_000
HISTORY_ROWS = 8

BACKGROUND = "#0b1f3a"
PANEL = "#12325c"
TEXT = "#ffffff"
MUTED = "#a9c1e0"
ACCENT = "#ffc107"
ACCENT_DIM = "#b38600"


def _snapshot(session) -> dict[str, Any]:
    """What the board shows besides the queue (store thread); the queue's state comes from the watcher."""
    return {
        "center_name": center.get(session, "center.name"),
        "notice": center.get(session, "queue.notice") or "",
    }


class CounterTile(QFrame):
    """One counter: its name and the number it called last."""

    def __init__(self, number: int, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = number
        self.setObjectName("counterTile")
        self.setProperty("highlight", "off")
        self.caption = QLabel(arg(self.tr("Counter %1"), number), self)
        self.caption.setObjectName("tileCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = QLabel("", self)
        self.number.setObjectName("tileNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel("", self)
        self.note.setObjectName("tileNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.note)

    def set_name(self, name: str) -> None:
        self.caption.setText(name or arg(self.tr("Counter %1"), self.counter))

    def show_state(self, number: str, paused: bool) -> None:
        """What the counter does now: the ticket it serves ("" for none); a paused counter shows no number."""
        self.number.setText("" if paused else number)
        self.note.setText(self.tr("Paused") if paused else "")
        state = "paused" if paused else "serving" if number else "free"
        if self.property("state") != state:
            self.setProperty("state", state)
            for widget in (self, self.caption, self.number, self.note):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def set_highlight(self, state: str) -> None:
        """"off", "on" or "dim" (the other half of a blink)."""
        if self.property("highlight") != state:
            self.setProperty("highlight", state)
            for widget in (self, self.caption, self.number, self.note):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class Marquee(QWidget):
    """A line of text scrolling right to left; still and centred when it fits."""

    STEP_PX = 2
    TICK_MS = 30

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self._timer = QTimer(self, interval=self.TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        if text == self._text:
            return
        self._text = text
        self._offset = float(self.width())
        self._update_timer()
        self.update()

    def setFont(self, font: QFont) -> None:  # noqa: N802 - Qt naming
        super().setFont(font)
        self.setFixedHeight(QFontMetrics(font).height() + 12)

    def _scrolls(self) -> bool:
        return bool(self._text) and QFontMetrics(self.font()).horizontalAdvance(self._text) > self.width()

    def _update_timer(self) -> None:
        if self._scrolls() and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().hideEvent(event)
        self._timer.stop()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._update_timer()

    def _tick(self) -> None:
        width = QFontMetrics(self.font()).horizontalAdvance(self._text)
        self._offset -= self.STEP_PX
        if self._offset < -width:
            self._offset = float(self.width())
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self._text:
            return
        painter = QPainter(self)
        painter.setPen(QColor(TEXT))
        painter.setFont(self.font())
        rect = QRectF(self.rect())
        if self._scrolls():
            rect.setLeft(self._offset)
            rect.setWidth(QFontMetrics(self.font()).horizontalAdvance(self._text) + 4)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self._text)
        else:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._text)


class DisplayWindow(QWidget):
    """The board. Build it with :func:`build_display_window`; ``start()`` begins watching.

    ``call_shown(call)`` is emitted after a new call reached the screen (tests, diagnostics).
    """

    call_shown = Signal(dict)

    def __init__(
        self,
        *,
        tasks: TaskManager,
        watcher: CallWatcher,
        announcer=None,
        owns_announcer: bool = False,
        highlight_ms: int = HIGHLIGHT_MS,
        audio_state=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.watcher = watcher
        self.announcer = announcer
        self._owns_announcer = owns_announcer
        self.highlight_ms = highlight_ms
        self._tiles: dict[int, CounterTile] = {}
        self._history: deque[dict[str, Any]] = deque(maxlen=HISTORY_ROWS)
        self.waiting_counts: dict[str, int] = {}
        self.audio_state = audio_state
        self._newest: CounterTile | None = None
        self._refreshing = False
        self._tts = None
        self._tts_checked = False
        self._closed = False
        self.setObjectName("displayBoard")
        self.setWindowTitle(self.tr("Queue display"))
        self._build()
        self._apply_style()

        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._update_clock)
        self._blink_timer = QTimer(self, interval=BLINK_MS)
        self._blink_timer.timeout.connect(self._blink)
        self._highlight_end = QTimer(self, singleShot=True)
        self._highlight_end.timeout.connect(self._end_highlight)
        self._refresh_timer = QTimer(self, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._blink_on = True

        watcher.ticket_was_called.connect(self.show_call)
        watcher.history_loaded.connect(self._load_history)
        watcher.queue_changed.connect(self.apply_status)
        watcher.connection_changed.connect(self._set_connected)
        #: full screen at the center (``run_display``): closing needs a technician's sign-in
        self.locked = False
        self._exit_allowed = False
        self._gate = None
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, context=Qt.ShortcutContext.WindowShortcut,
                  activated=self.ask_technician)
        self._update_clock()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.center_label = QLabel("", self)
        self.center_label.setObjectName("centerName")
        self.center_label.setWordWrap(True)
        self.clock_label = QLabel("", self)
        self.clock_label.setObjectName("clock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_label = QLabel("", self)
        self.date_label.setObjectName("date")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.offline_label = QLabel(self.tr("Connection lost — reconnecting…"), self)
        self.offline_label.setObjectName("offline")
        self.offline_label.hide()
        # For the technician: the board cannot speak (no sound card, unplugged speakers, muted).
        self.audio_label = QLabel("", self)
        self.audio_label.setObjectName("audioWarning")
        self.audio_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.audio_label.hide()
        header = QHBoxLayout()
        header.addWidget(self.center_label, 1)
        times = QVBoxLayout()
        times.setSpacing(0)
        times.addWidget(self.clock_label)
        times.addWidget(self.date_label)
        header.addLayout(times)

        self.tiles_box = QWidget(self)
        self.tiles_grid = QGridLayout(self.tiles_box)
        self.tiles_grid.setContentsMargins(0, 0, 0, 0)
        self.tiles_grid.setSpacing(16)

        history_box = QFrame(self)
        history_box.setObjectName("historyBox")
        history_layout = QVBoxLayout(history_box)
        self.history_title = QLabel(self.tr("Recently called"), history_box)
        self.history_title.setObjectName("historyTitle")
        history_layout.addWidget(self.history_title)
        self.history_rows: list[QLabel] = []
        for _ in range(HISTORY_ROWS):
            row = QLabel("", history_box)
            row.setObjectName("historyRow")
            history_layout.addWidget(row)
            self.history_rows.append(row)
        history_layout.addStretch(1)

        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(self.tiles_box, 68)
        middle.addWidget(history_box, 32)

        self.waiting_box = QFrame(self)
        self.waiting_box.setObjectName("waitingBox")
        self.waiting_layout = QHBoxLayout(self.waiting_box)
        self.waiting_labels: dict[str, QLabel] = {}

        self.notice = Marquee(parent=self)
        self.notice.setObjectName("notice")

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(12)
        root.addLayout(header)
        root.addWidget(self.offline_label)
        root.addLayout(middle, 1)
        root.addWidget(self.waiting_box)
        root.addWidget(self.notice)
        root.addWidget(self.audio_label)
        from ui.devices.status import DeviceStatusLine

        self.device_status = DeviceStatusLine(self)  # "Giọng đọc: ..." when the call clips are missing
        root.addWidget(self.device_status)

    def _scale(self) -> float:
        return max(0.4, min(self.width() / 1920, self.height() / 1080))

    def _apply_style(self) -> None:
        s = self._scale()

        def px(value: float) -> int:
            return max(8, round(value * s))

        self.setStyleSheet(
            f"""
            #displayBoard {{ background: {BACKGROUND}; }}
            QLabel {{ color: {TEXT}; background: transparent; }}
            #centerName {{ font-size: {px(40)}px; font-weight: bold; }}
            #clock {{ font-size: {px(64)}px; font-weight: bold; }}
            #date {{ font-size: {px(26)}px; color: {MUTED}; }}
            #offline {{ font-size: {px(26)}px; color: #ff8a80; }}
            #audioWarning {{ font-size: {px(20)}px; color: #ffab91; }}
            #counterTile[state="paused"] #tileNote {{ font-size: {px(60)}px; color: {MUTED}; }}
            #counterTile {{ background: {PANEL}; border-radius: {px(18)}px; }}
            #counterTile[highlight="on"] {{ background: {ACCENT}; }}
            #counterTile[highlight="dim"] {{ background: {ACCENT_DIM}; }}
            #tileCaption {{ font-size: {px(44)}px; color: {MUTED}; }}
            #tileNumber {{ font-size: {px(136)}px; font-weight: bold; }}
            #tileNote {{ font-size: {px(34)}px; color: #ffcc80; font-weight: bold; }}
            #counterTile[highlight="on"] QLabel, #counterTile[highlight="dim"] QLabel {{ color: {BACKGROUND}; }}
            #historyBox {{ background: {PANEL}; border-radius: {px(18)}px; }}
            #historyTitle {{ font-size: {px(36)}px; color: {MUTED}; padding-bottom: {px(8)}px; }}
            #historyRow {{ font-size: {px(46)}px; font-weight: bold; padding-bottom: {px(4)}px; }}
            #waitingBox {{ background: {PANEL}; border-radius: {px(12)}px; }}
            #waiting {{ font-size: {px(28)}px; color: {MUTED}; }}
            """
        )
        notice_font = QFont(self.font())
        notice_font.setPixelSize(px(38))
        self.notice.setFont(notice_font)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._apply_style()

    # -- life ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the clock, the refresh and the call watcher (GUI thread)."""
        self._clock_timer.start()
        self._refresh_timer.start()
        self.refresh()
        self.watcher.start()
        self.check_audio()

    def ask_technician(self):
        """Ctrl+Shift+Q: close at once when not locked; else a technician signs in first (``ui.security.gate``)."""
        if not self.locked:
            self.close()
            return None
        from ui.security.gate import TechnicianGate

        if self._gate is None:
            self._gate = TechnicianGate(self, self.tasks, "display")
        return self._gate.ask(self.technician_exit)

    def technician_exit(self, actor) -> None:
        log.info("display board closed by a technician")
        self._exit_allowed = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.locked and not self._exit_allowed:
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the workers; idempotent."""
        if self._closed:
            return
        self._closed = True
        for timer in (self._clock_timer, self._refresh_timer, self._blink_timer, self._highlight_end):
            timer.stop()
        self.watcher.stop()
        if self.announcer is not None and self._owns_announcer:
            self.announcer.close()
        self.tasks.shutdown(wait=False)

    # -- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the center's name and the notice (skipped while a read is under way); the queue itself comes
        from the watcher."""
        if self._refreshing or self._closed:
            return
        self._refreshing = True

        def done(snapshot: dict[str, Any]) -> None:
            self._refreshing = False
            self._set_connected(True)
            self._apply_snapshot(snapshot)
            self.check_audio()

        def failed(exc: BaseException) -> None:
            self._refreshing = False
            log.warning("board refresh failed: %s", type(exc).__name__)
            self._set_connected(False)

        QueryOp(parent=self, op=_snapshot, tasks=self.tasks).success(done).failure(failed).run_in_background()

    def _apply_snapshot(self, snapshot: dict[str, Any]) -> None:
        self.center_label.setText(snapshot["center_name"])
        self.notice.setText(snapshot["notice"])
        self.notice.setVisible(bool(snapshot["notice"]))

    def apply_status(self, status: dict[str, Any]) -> None:
        """The queue as ``queue.status()`` has it (from the watcher): every tile and waiting count (GUI thread)."""
        if self._closed:
            return
        shown = set()
        for counter in status["counters"]:
            tile = self._tile(counter["number"])
            shown.add(counter["number"])
            tile.set_name(counter["name"])
            current = counter["current"]["number"] if counter["current"] else ""
            tile.show_state(current, counter["paused"])
            if tile is self._newest and not tile.number.text():
                self._end_highlight(off=True)  # its ticket left the counter: nothing to point at
        for number in set(self._tiles) - shown:  # a counter taken out of service
            tile = self._tiles.pop(number)
            if tile is self._newest:
                self._newest = None
            tile.deleteLater()
        for svc in status["services"]:
            label = self.waiting_labels.get(svc["code"])
            if label is None:
                label = QLabel(self.waiting_box)
                label.setObjectName("waiting")
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setTextFormat(Qt.TextFormat.RichText)
                self.waiting_layout.addWidget(label, 1)
                self.waiting_labels[svc["code"]] = label
            self.waiting_counts[svc["code"]] = svc["waiting"]
            label.setText(
                f"{html.escape(svc['name'])} ({svc['code']})<br><span style='color:{TEXT}; font-weight:bold;'>"
                + html.escape(self.tr("%n waiting", "", svc["waiting"]))
                + "</span>"
            )
        gone = set(self.waiting_labels) - {s["code"] for s in status["services"]}
        for code in gone:
            self.waiting_labels.pop(code).deleteLater()
            self.waiting_counts.pop(code, None)

    def check_audio(self) -> None:
        """Show or hide the warning that announcements cannot be heard (GUI thread)."""
        state = self.audio_state() if self.audio_state is not None else "ok"
        if state == "muted":
            self.audio_label.setText(self.tr("Sound is switched off (MOTCUA_MUTE): calls are not announced"))
        elif state == "none":
            self.audio_label.setText(self.tr("No audio output: calls are not announced"))
        self.audio_label.setVisible(state != "ok")

    def _tile(self, number: int) -> CounterTile:
        tile = self._tiles.get(number)
        if tile is None:
            tile = CounterTile(number, parent=self.tiles_box)
            self._tiles[number] = tile
            self._layout_tiles()
        return tile

    def _layout_tiles(self) -> None:
        count = len(self._tiles)
        columns = 2 if count <= 4 else 3 if count <= 9 else 4
        for index, number in enumerate(sorted(self._tiles)):
            tile = self._tiles[number]
            self.tiles_grid.addWidget(tile, index // columns, index % columns)
        rows = math.ceil(count / columns)
        for r in range(rows):
            self.tiles_grid.setRowStretch(r, 1)
        for c in range(columns):
            self.tiles_grid.setColumnStretch(c, 1)

    def _set_connected(self, ok: bool) -> None:
        self.offline_label.setVisible(not ok)

    # -- calls -----------------------------------------------------------------------------------

    def _load_history(self, recent: list[dict[str, Any]]) -> None:
        """Calls made before the board started (newest first): listed, not announced; the tiles come from
        the status (a ticket called earlier may be finished by now)."""
        for call in reversed(recent):
            self._add_to_history(call)
        self._show_history()

    def _add_to_history(self, call: dict[str, Any]) -> None:
        """A call takes a new line at the top; a recall moves its ticket's line to the top, marked."""
        if call.get("kind") == "recall":
            same = [c for c in self._history if c["number"] == call["number"] and c["counter"] == call["counter"]]
            for old in same:
                self._history.remove(old)
        self._history.appendleft(call)

    def show_call(self, call: dict[str, Any]) -> None:
        """A new call or recall: the tile, the highlight, the history and the voice (GUI thread)."""
        tile = self._tile(call["counter"])
        tile.show_state(call["number"], False)  # a call opens a paused counter (queue.call_next)
        self._add_to_history(call)
        self._show_history()
        self._highlight(tile)
        if call.get("kind") in ("call", "recall"):
            self._announce(call["number"], call["counter"])
        self.call_shown.emit(call)

    def _show_history(self) -> None:
        calls = list(self._history)
        for index, row in enumerate(self.history_rows):
            if index < len(calls):
                call = calls[index]
                if call.get("kind") == "recall":
                    row.setText(arg(self.tr("%1  →  Counter %2 (called again)"), call["number"], call["counter"]))
                else:
                    row.setText(arg(self.tr("%1  →  Counter %2"), call["number"], call["counter"]))
            else:
                row.setText("")

    def _highlight(self, tile: CounterTile) -> None:
        if self._newest is not None and self._newest is not tile:
            self._newest.set_highlight("off")
        self._newest = tile
        self._blink_on = True
        tile.set_highlight("on")
        self._blink_timer.start()
        self._highlight_end.start(self.highlight_ms)

    def _blink(self) -> None:
        if self._newest is None:
            self._blink_timer.stop()
            return
        self._blink_on = not self._blink_on
        self._newest.set_highlight("on" if self._blink_on else "dim")

    def _end_highlight(self, *, off: bool = False) -> None:
        """The blinking stops; the newest tile stays lit until the next call (``off``: or goes dark, when its
        ticket left the counter)."""
        self._blink_timer.stop()
        self._highlight_end.stop()
        if self._newest is not None:
            self._newest.set_highlight("off" if off else "on")
            if off:
                self._newest = None

    @property
    def newest_counter(self) -> int | None:
        return self._newest.counter if self._newest is not None else None

    def tile_number(self, counter: int) -> str:
        tile = self._tiles.get(counter)
        return tile.number.text() if tile is not None else ""

    def shown_state(self) -> dict[str, Any]:
        """What the board shows of the queue, in ``queue.status()`` terms (tests, diagnostics)."""
        return {
            "counters": {n: {"number": t.number.text() or None, "paused": t.property("state") == "paused"}
                         for n, t in sorted(self._tiles.items())},
            "waiting": dict(self.waiting_counts),
        }

    def _announce(self, number: str, counter: int) -> None:
        if self.announcer is None:
            return
        try:
            keys = announcement_clips(number, counter)
        except Exception:  # a number the voice cannot read must not break the board
            log.warning("cannot announce %r at counter %r", number, counter)
            return
        if self.announcer.library.missing(keys):
            if not self._tts_checked:
                from ui.queue.voice import find_vietnamese_tts

                self._tts = find_vietnamese_tts(parent=self)
                self._tts_checked = True
            if self._tts is not None:
                from ui.queue.voice import speak_with_tts

                speak_with_tts(self._tts, number, counter)
                return
        self.announcer.announce(keys)

    def _update_clock(self) -> None:
        # Vietnam's time whatever the PC's time zone is set to (like every time the core prints).
        local = local_now()
        now = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))
        locale = QLocale()
        self.clock_label.setText(locale.toString(now.time(), "HH:mm"))
        self.date_label.setText(locale.toString(now.date(), "dddd, dd/MM/yyyy"))


def build_display_window(store, settings, *, executor=None, announcer=None, highlight_ms: int = HIGHLIGHT_MS) -> DisplayWindow:
    """The board, watching already (GUI thread). ``announcer``: a ``devices.voice.Announcer`` to speak the
    calls (tests pass one with a recording sink); None builds the station's own (clips played through Qt).
    Either way the board warns when this PC cannot play sound (``ui.queue.voice.audio_state``)."""
    from ui.queue.voice import audio_state

    tasks = TaskManager(store, executor=executor)
    owns = False
    if announcer is None:
        from ui.queue.voice import make_announcer

        announcer, _sink = make_announcer(settings, parent=tasks)
        owns = True
    watcher = CallWatcher(store, history=HISTORY_ROWS)
    window = DisplayWindow(tasks=tasks, watcher=watcher, announcer=announcer, owns_announcer=owns, highlight_ms=highlight_ms,
                           audio_state=audio_state)
    tasks.setParent(window)
    watcher.setParent(window)
    window.start()
    if settings is not None:
        from ui.devices.status import STATION_KINDS

        window.device_status.check(tasks, settings, STATION_KINDS["display"])
    return window


def run_display(store, settings, *, argv=None) -> int:
    """``motcua display``: the board full screen until a technician closes it (Ctrl+Shift+Q and a sign-in).
    Returns the exit code."""
    from ui.station import open_station

    station = open_station("display", store, settings, argv=argv)
    window = build_display_window(store, settings, announcer=station.devices.announcer)
    window.locked = True
    station.app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    show_full_screen(window)
    return station.run(window)  # stops the window's workers, closes the announcer, deletes the window
