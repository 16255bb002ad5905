"""Words for the sync states and failure reasons (codes from ``sync/``), in one place. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import arg

CONTEXT = "SyncTexts"


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def reason_text(code: str | None) -> str:
    """A failure reason code as a sentence an officer can act on."""
    table = {
        None: "",
        "network": _t("No connection to the province"),
        "tls": _t("The province's certificate was refused (check the date and the CA bundle)"),
        "server": _t("The provincial system had an error; it will be tried again"),
        "rate": _t("The provincial system asked us to wait; it will be tried again"),
        "auth": _t("Sign-in to the provincial system failed (check the sync credentials)"),
        "contract": _t("The answer was not the provincial system (a Wi-Fi login page?)"),
        "no_result": _t("The province did not confirm this item; it will be sent again"),
        "incomplete": _t("Part of the item is confirmed; the rest will be sent again"),
        "refused": _t("The provincial system refused the request"),
        "E_EXISTS": _t("The province already has this dossier"),
        "E_NOT_FOUND": _t("The province does not have this dossier yet"),
        "E_KEY_REUSED": _t("The same item was sent with different content"),
        "E_INVALID": _t("The province found the data invalid"),
        "409": _t("The province reports a conflict with its data"),
        "422": _t("The province found the data invalid"),
    }
    return table.get(code, arg(_t("Refused by the province (code %1)"), code))


def status_line(status: dict, *, online: bool | None, running: bool) -> tuple[str, str]:
    """(indicator state, text) for the status bar: offline / n pending / syncing / needs attention."""
    pending = int(status.get("pending", 0)) + int(status.get("sending", 0))
    attention = int(status.get("needs_attention", 0))
    if running:
        return "ok", _t("Syncing…")
    if attention:
        return "error", _t("%n item(s) need attention", attention)
    if online is False:
        return "warn", _t("Offline · %n waiting to be sent", pending)
    if pending:
        return "warn", _t("%n waiting to be sent", pending)
    return "ok", _t("Synced")
