"""The words of the device room shown to officers, citizens and technicians (context "Devices").

``device_line(kind, status, detail)`` is the one-line status bar text of journey 1 ("Máy in vé: hết giấy",
"Máy quét: không kết nối"), or "" for a device that works. GUI thread (it translates).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

CONTEXT = "Devices"

KIND_NAMES = {
    "receipt_printer": QT_TRANSLATE_NOOP("Devices", "Receipt printer"),
    "ticket_printer": QT_TRANSLATE_NOOP("Devices", "Ticket printer"),
    "a4_printer": QT_TRANSLATE_NOOP("Devices", "A4 printer"),
    "scanner": QT_TRANSLATE_NOOP("Devices", "Scanner"),
    "id_reader": QT_TRANSLATE_NOOP("Devices", "ID card reader"),
    "button_box": QT_TRANSLATE_NOOP("Devices", "Button box"),
    "led_display": QT_TRANSLATE_NOOP("Devices", "LED display"),
    "rating_keypad": QT_TRANSLATE_NOOP("Devices", "Rating keypad"),
    "voice": QT_TRANSLATE_NOOP("Devices", "Voice"),
}

STATUS_NAMES = {
    "ok": QT_TRANSLATE_NOOP("Devices", "working"),
    "connecting": QT_TRANSLATE_NOOP("Devices", "connecting"),
    "offline": QT_TRANSLATE_NOOP("Devices", "not connected"),
    "error": QT_TRANSLATE_NOOP("Devices", "set up wrongly"),
    "stopped": QT_TRANSLATE_NOOP("Devices", "stopped"),
}

#: Conditions of a working device, by the words the drivers use in ``detail``.
CONDITIONS = {
    "paper out": QT_TRANSLATE_NOOP("Devices", "out of paper"),
    "paper low": QT_TRANSLATE_NOOP("Devices", "paper running low"),
    "cover open": QT_TRANSLATE_NOOP("Devices", "cover open"),
}

#: What a station says about its devices when all is well / when a problem is found.
LINE_FORMAT = QT_TRANSLATE_NOOP("Devices", "%1: %2")
MORE_FORMAT = QT_TRANSLATE_NOOP("Devices", "%1 (and %n more)")

def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def kind_name(kind: str) -> str:
    return tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def status_words(status: str, detail: str = "") -> str:
    """"hết giấy", "không kết nối"...: a condition of a working device, else its status."""
    lowered = (detail or "").lower()
    for words, text in CONDITIONS.items():
        if words in lowered:
            return tr(text)
    return tr(STATUS_NAMES.get(status, STATUS_NAMES["error"]))


def is_problem(status: str, detail: str = "") -> bool:
    """A device the station should warn about: not working, or working without paper / with its cover open."""
    if status in ("offline", "error"):
        return True
    lowered = (detail or "").lower()
    return status == "ok" and ("paper out" in lowered or "cover open" in lowered)


def device_line(kind: str, status: str, detail: str = "") -> str:
    if not is_problem(status, detail):
        return ""
    return tr(LINE_FORMAT).replace("%1", kind_name(kind)).replace("%2", status_words(status, detail))


def problems_line(rows) -> str:
    """The status bar's one line for a station's device rows: the first problem (and how many more)."""
    lines = [device_line(r["kind"], r["status"], r.get("detail", "")) for r in rows]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    if len(lines) == 1:
        return lines[0]
    return tr(MORE_FORMAT, len(lines) - 1).replace("%1", lines[0])
