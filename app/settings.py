"""Settings, declared once with types and defaults.

Two kinds:
- **station** settings (this PC: database, role, counter number, devices) live in ``station.toml`` in the
  data dir, each overridable by an environment variable ``MOTCUA_<KEY>`` (dots become underscores);
- **center** settings (agency identifier, working hours, hand-over rounds, templates...) live in the
  database (``center_settings``) so every station of a center computes the same dates and codes.

To add a setting: add one ``Var`` to ``STATION`` or ``CENTER`` below, with a default and a comment.
The data folder is always passed in (``--data-dir`` / ``MOTCUA_DATA_DIR``), never discovered deep inside.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import ValidationError

APP_NAME = "motcua"


@dataclass(frozen=True)
class Var:
    key: str
    default: Any
    type: type
    doc: str


def _vars(*items: Var) -> dict[str, Var]:
    return {v.key: v for v in items}


STATION = _vars(
    Var("db_url", "", str, "database URL or SQLite path; empty = motcua.sqlite3 in the data dir"),
    Var("station.role", "counter", str, "counter | kiosk | display | all-in-one | devices | reports (motcua start)"),
    Var("station.counter", 1, int, "this station's counter number"),
    Var("ui.language", "vi", str, "vi | en"),
    Var("devices.receipt_printer", "sim://", str, "sim://, tcp://HOST:9100, serial://PORT?baud=38400, file://PATH"),
    Var("devices.ticket_printer", "sim://", str, "the kiosk's thermal printer"),
    Var("devices.a4_printer", "sim://", str, "sim:// or the OS printer name"),
    Var("devices.scanner", "sim://", str, "sim://, sane://DEVICE, folder://PATH"),
    # Serial devices: serial:usb=VID:PID[:SERIAL]?baud=9600&protocol=stx-xor (bound to the adapter, not
    # to COM3), serial:/dev/serial/by-id/..., serial:COM3, or sim: (see devices/serial_link.py); empty = none.
    Var("devices.id_reader", "sim://", str, "sim:, serial:usb=VID:PID?baud=115200, wedge:?gap_ms=40&min_length=20"),
    Var("devices.button_box", "sim:", str, "the kiosk's button box: serial:...?protocol=stx-xor&keys=1:A,2:B"),
    Var("devices.led_display", "sim:", str, "the counter's LED display: serial:...?protocol=stx-xor&addr=1"),
    Var("devices.rating_keypad", "sim:", str, "the counter's rating keypad: serial:...?scale=3|5"),
    Var("backup.folder", "", str, "daily backup folder (a USB disk: E:\\motcua-backup, /media/usb/motcua); empty = none"),
    Var("backup.keep", 14, int, "how many daily backups to keep in backup.folder (the newest)"),
    Var("backup.time", "17:30", str, "when the daily backup runs (HH:MM, Vietnam time); later the same day if the station was off"),
    Var("voice.sounds_dir", "", str, "the center's own voice recordings; empty = data dir sounds/"),
)

CENTER = _vars(
    Var("center.name", "Trung tâm Phục vụ hành chính công", str, "shown on tickets, forms and the board"),
    Var("center.parent_body", "ỦY BAN NHÂN DÂN", str, "first line of the issuing body on forms"),
    Var("center.place", "", str, "place name printed before the date on forms"),
    Var("center.address", "", str, ""),
    Var("center.phone", "", str, ""),
    Var("center.agency_id", "", str, "electronic identifier of the receiving unit, e.g. 000.17.22.H56"),
    Var("center.director_name", "", str, "the center's director, who signs notices (form 05)"),
    Var("center.director_title", "Giám đốc", str, "the signer's title on notices (form 05)"),
    Var("center.code_issuer", "local-daily", str, "dossier code issuer: local-daily (AGENCY-YYMMDD-NNNN)"),
    Var("center.opened_on", "", str, "the center's first working day (YYYY-MM-DD); no dossier is received before it"),
    Var("intake.backdate_max_days", 30, int, "how many days back a dossier taken on paper may be entered (--received-at)"),
    Var("calendar.working_hours", None, dict, "WorkingHours.to_config(); None = 07:00-11:30, 13:30-17:00 Mon-Fri"),
    Var("handover.rounds", ["09:00", "11:00", "14:00", "16:00"], list, "hand-over round times on working days"),
    Var("print.paper", "A5", str, "A5 | A4 for the slips (forms 01-06)"),
    Var("print.qr_template", "{code}", str, "QR content on forms; {code} is replaced by the dossier code"),
    Var("print.footer", [], list, "footer lines on forms"),
    Var("print.notice_symbol", "", str, "issuer's abbreviation in notice numbers (Số: 07/TB-…); empty = the unit's initials"),
    Var("security.idle_lock_minutes", 10, int, "minutes without input after which a station locks its screen (0 = never)"),
    Var("queue.priority_run", 3, int, "priority calls in a row that may pass over a waiting normal ticket"),
    Var("queue.requeue_minutes", 30, int, "how long a skipped ticket can come back"),
    Var("queue.close_policy", "cancel", str, "cancel | keep: tickets still waiting at closing time"),
    Var("queue.notice", "", str, "scrolling notice line on the display board"),
    Var("scan.color_mode", "gray", str, "gray | color | bw: the default for digitized papers (national guidance: gray)"),
    Var("scan.dpi", 200, int, "scan resolution; 200 dpi or more for digitized papers"),
    Var("scan.blank_threshold", 0.0002, float, "share of ink pixels under which a scanned page counts as blank"),
    Var("scan.ocr", False, bool, "add a searchable text layer (Tesseract, vie) after saving, in the background"),
    Var("fees.receipt_copies", 3, int, "copies (liên) of a fee receipt: 2 or 3 (kept, payer, accounts)"),
    Var("fees.receipt_form", "01BLP0-001", str, "the fee receipt's form (mẫu số) as registered with the tax office"),
    Var("fees.receipt_series", "AA-26P", str, "the receipt book's series (ký hiệu); one number sequence per series"),
    Var("fees.tax_code", "", str, "the collecting unit's tax code (mã số thuế) printed on fee receipts"),
    Var("ratings.scale", 3, int, "satisfaction levels asked: 3 (Rất hài lòng / Hài lòng / Không hài lòng) or 5"),
    Var("complaints.answer_days", 10, int, "working days to answer a complaint or feedback (phản ánh, kiến nghị)"),
    Var("sync.url", "", str, "provincial dossier system endpoint (https://...); credentials live in the OS keyring"),
    Var("privacy.retention_years", 20, int, "years after a dossier is closed before its personal data and files are "
        "anonymized (motcua privacy anonymize), once the province has acknowledged it"),
)


def station_file(data_dir: Path) -> Path:
    return data_dir / "station.toml"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | None) -> Path:
    value = cli_value or os.environ.get("MOTCUA_DATA_DIR")
    return Path(value).expanduser() if value else default_data_dir()


#: station keys of older versions, ignored when read: ``station.officer`` (the user now signs in, issue 12)
RETIRED = frozenset({"station.officer"})


class StationSettings:
    """This station's settings: defaults < station.toml < environment."""

    def __init__(self, data_dir: Path, values: dict[str, Any] | None = None) -> None:
        self.data_dir = data_dir
        values = {k: v for k, v in (values or {}).items() if k not in RETIRED}
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, data_dir: Path) -> StationSettings:
        values: dict[str, Any] = {}
        path = station_file(data_dir)
        if path.exists():
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ValidationError("settings_not_toml", path=path, exc=exc) from exc
            values = _flatten(raw)
            for key in RETIRED & set(values):  # a station.toml written before sign-in: the key means nothing now
                values.pop(key)
            unknown = sorted(set(values) - set(STATION))
            if unknown:
                raise ValidationError("settings_unknown", path=path, keys=', '.join(unknown))
        return cls(data_dir, values)

    def get(self, key: str) -> Any:
        var = STATION[key]
        env = os.environ.get("MOTCUA_" + key.upper().replace(".", "_"))
        if env is not None:
            return _coerce(var, env)
        if key in self._values:
            return _coerce(var, self._values[key])
        return var.default

    def set(self, key: str, value: Any) -> None:
        self._values[key] = _coerce(STATION[key], value)

    def save(self) -> Path:
        path = station_file(self.data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_text(_dump_toml(self._values), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)  # never leave a half-written copy behind
            if exc.errno == 28:  # ENOSPC
                raise ValidationError("settings_disk_full", path=path) from None
            raise
        return path

    def db_url(self) -> str:
        return os.environ.get("MOTCUA_DB") or self.get("db_url") or str(self.data_dir / "motcua.sqlite3")


def _coerce(var: Var, value: Any) -> Any:
    try:
        if var.type is bool and isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        if var.type in (int, str, float, bool):
            return var.type(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError("setting_type", key=var.key, expected=var.type.__name__, value=value) from exc
    return value


def _flatten(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict) and full not in STATION:
            out.update(_flatten(value, full + "."))
        else:
            out[full] = value
    return out


def _dump_toml(values: dict[str, Any]) -> str:
    """Write the flat station settings as TOML: top-level keys first, then one table per prefix."""

    def lit(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        escaped = str(v).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'

    top = [f"{k} = {lit(v)}" for k, v in sorted(values.items()) if "." not in k]
    tables: dict[str, list[str]] = {}
    for key, value in sorted(values.items()):
        if "." in key:
            table, name = key.rsplit(".", 1)
            tables.setdefault(table, []).append(f"{name} = {lit(value)}")
    parts = ["# motcua station settings (edit in the Devices window or here)", *top]
    for table, lines in tables.items():
        parts += ["", f"[{table}]", *lines]
    return "\n".join(parts) + "\n"
