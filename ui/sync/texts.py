"""Words for the sync states and failure reasons (codes from ``sync/``), in one place. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import arg

def reason_text(code: str | None) -> str:
    """A failure reason code as a sentence an officer can act on."""
    table = {
        None: "",
        "network": QCoreApplication.translate("SyncTexts", "No connection to the province"),
        "tls": QCoreApplication.translate("SyncTexts", "The province's certificate was refused (check the date and the CA bundle)"),
        "server": QCoreApplication.translate("SyncTexts", "The provincial system had an error; it will be tried again"),
        "rate": QCoreApplication.translate("SyncTexts", "The provincial system asked us to wait; it will be tried again"),
        "auth": QCoreApplication.translate("SyncTexts", "Sign-in to the provincial system failed (check the sync credentials)"),
        "contract": QCoreApplication.translate("SyncTexts", "The answer was not the provincial system (a Wi-Fi login page?)"),
        "no_result": QCoreApplication.translate("SyncTexts", "The province did not confirm this item; it will be sent again"),
        "incomplete": QCoreApplication.translate("SyncTexts", "Part of the item is confirmed; the rest will be sent again"),
        "refused": QCoreApplication.translate("SyncTexts", "The provincial system refused the request"),
        "E_EXISTS": QCoreApplication.translate("SyncTexts", "The province already has this dossier"),
        "E_NOT_FOUND": QCoreApplication.translate("SyncTexts", "The province does not have this dossier yet"),
        "E_KEY_REUSED": QCoreApplication.translate("SyncTexts", "The same item was sent with different content"),
        "E_INVALID": QCoreApplication.translate("SyncTexts", "The province found the data invalid"),
        "409": QCoreApplication.translate("SyncTexts", "The province reports a conflict with its data"),
        "422": QCoreApplication.translate("SyncTexts", "The province found the data invalid"),
        "file_missing": QCoreApplication.translate("SyncTexts", "A scanned file of this dossier is missing on this station"),
        "file_corrupt": QCoreApplication.translate("SyncTexts", "A scanned file of this dossier is damaged on this station"),
        "checksum": QCoreApplication.translate("SyncTexts", "A file arrived damaged at the province; it will be sent again"),
    }
    return table.get(code, arg(QCoreApplication.translate("SyncTexts", "Refused by the province (code %1)"), code))


def status_line(status: dict, *, online: bool | None, running: bool) -> tuple[str, str]:
    """(indicator state, text) for the status bar: offline / n pending / syncing / needs attention."""
    pending = int(status.get("pending", 0)) + int(status.get("sending", 0))
    attention = int(status.get("needs_attention", 0))
    if running:
        if pending:
            return "ok", QCoreApplication.translate("SyncTexts", "Sync: sending %n", None, pending)
        return "ok", QCoreApplication.translate("SyncTexts", "Syncing…")
    if status.get("unconfigured"):
        return "idle", QCoreApplication.translate("SyncTexts", "Sync not set up · %n waiting", None, pending)
    if attention:
        return "error", QCoreApplication.translate("SyncTexts", "%n item(s) need attention", None, attention)
    if online is False:
        return "warn", QCoreApplication.translate("SyncTexts", "Offline · %n waiting to be sent", None, pending)
    if pending:
        return "warn", QCoreApplication.translate("SyncTexts", "%n waiting to be sent", None, pending)
    return "ok", QCoreApplication.translate("SyncTexts", "Synced")


SKEW_WARN_S = 300


def skew_text(skew_s) -> str:
    """The clock warning for the status bar, or "" while the station's clock is within 5 minutes."""
    if skew_s is None or abs(float(skew_s)) <= SKEW_WARN_S:
        return ""
    minutes = round(abs(float(skew_s)) / 60)
    return QCoreApplication.translate("SyncTexts", "Station clock differs from the province's by %n minute(s)", None, minutes)


def dossier_state_text(detail: dict) -> str:
    """One dossier's own sync state (with its files) for the dossier view."""
    state = detail.get("state")
    files, acked = int(detail.get("files") or 0), int(detail.get("files_acked") or 0)
    text = {
        "sent": QCoreApplication.translate("SyncTexts", "Sent to the province"),
        "pending": QCoreApplication.translate("SyncTexts", "Waiting to be sent to the province"),
        "attention": QCoreApplication.translate("SyncTexts", "Sync needs attention (see the sync window)"),
        "none": QCoreApplication.translate("SyncTexts", "Nothing to send"),
    }.get(state, "")
    if files and state != "sent":
        text += " · " + arg(QCoreApplication.translate("SyncTexts", "files %1/%2 confirmed"), acked, files)
    return text
