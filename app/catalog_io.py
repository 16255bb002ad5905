"""Reading and validating procedure catalogs (JSON, CSV, XLSX) into the canonical JSON form.

Canonical form (``motcua catalog list --json`` prints the same)::

    {"code": "1.001193", "local_code": null, "name": "...", "field": "Hộ tịch", "department": "...",
     "urgent": false, "processing_time": {"amount": 3, "unit": "working_days"},
     "after_15h_next_day": false, "supplement_notice_days": 3, "verified": true,
     "fees": [{"name": "...", "kind": "phi", "amount": 8000, "per": "dossier"}],
     "documents": [{"code": "TP1", "name": "...", "originals": 1, "certified_copies": 0,
                    "photocopies": 0, "required": true, "alternative_group": null}]}

CSV and XLSX (first sheet) carry the same data as rows, one header row, a ``row`` column saying what each
row is (``procedure``, ``document`` or ``fee``) and ``code`` on every row naming its procedure:

- procedure rows: code, local_code, name, field, department, urgent, time_amount, time_unit,
  after_15h_next_day, supplement_notice_days, verified
- document rows: code, doc_code, doc_name, originals, certified_copies, photocopies, required, alternative_group
- fee rows: code, fee_name, fee_kind, fee_amount, fee_per

Every problem is reported with its row number (JSON: the list index, from 1); nothing is imported
unless every row is good.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from app import fields
from app.errors import ValidationError

UNITS = ("working_days", "working_hours", "days", "same_day")
FEE_KINDS = ("phi", "le_phi")
FEE_PER = ("dossier", "copy", "page")
CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_]{0,39}$")
MAX_TIME_AMOUNT = fields.MAX_TIME
MAX_ROWS = 200_000  # a national catalog has about 6,000 procedures; a bigger file is a mistake
MAX_ERRORS = 200  # report the first bad rows, not a million lines

CSV_COLUMNS = [
    "row", "code", "local_code", "name", "field", "department", "urgent", "time_amount", "time_unit",
    "after_15h_next_day", "supplement_notice_days", "verified",
    "doc_code", "doc_name", "originals", "certified_copies", "photocopies", "required", "alternative_group",
    "fee_name", "fee_kind", "fee_amount", "fee_per",
]


class CatalogErrors(ValidationError):
    """Several bad rows: ``lines`` holds one message per bad row."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("catalog_rows_invalid", count=len(lines))
        self.lines = lines

    def __reduce__(self):
        return (CatalogErrors, (self.lines,))


def read_catalog(path: Path) -> list[dict[str, Any]]:
    """Read a catalog file and return canonical procedures, or raise CatalogErrors / ValidationError.

    Any file gives one of those two, never another exception: a directory, a 50 MB file (over
    ``fields.MAX_CATALOG_BYTES``), a Latin-1 CSV, JSON nested ten thousand deep."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv", ".xlsx", ".xlsm"):
        raise ValidationError("catalog_format_unsupported", path=path, suffix=suffix or '(none)')
    data = fields.read_file_bytes(path, max_bytes=fields.MAX_CATALOG_BYTES, what="catalog file")
    if suffix == ".json":
        return parse_json_catalog(fields.decode_text(data, str(path)), str(path))
    if suffix == ".csv":
        return parse_csv_catalog(fields.decode_text(data, str(path)), str(path))
    return _from_rows(_xlsx_rows(path))


def parse_json_catalog(text: str, where: str = "catalog") -> list[dict[str, Any]]:
    data = fields.parse_json(text, where)
    if isinstance(data, dict) and isinstance(data.get("procedures"), list):
        data = data["procedures"]
    if not isinstance(data, list):
        raise ValidationError("catalog_not_a_list", path=where)
    if len(data) > MAX_ROWS:
        raise ValidationError("catalog_too_many_procedures", where=where, max_rows=MAX_ROWS)
    return validate_procedures([(i + 1, item) for i, item in enumerate(data)], label="item")


def parse_csv_catalog(text: str, where: str = "catalog") -> list[dict[str, Any]]:
    rows: list[tuple[int, dict[str, Any]]] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for i, row in enumerate(reader):
            if i >= MAX_ROWS:
                raise ValidationError("catalog_too_many_rows", path=where, max_rows=MAX_ROWS)
            row.pop(None, None)  # cells beyond the header
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ValidationError("catalog_csv_unreadable", where=where, line_num=reader.line_num, exc=exc) from None
    return _from_rows(rows)


def _xlsx_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises several unrelated types for a bad file
        raise ValidationError("catalog_xlsx_unreadable", path=path, exc="") from None
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
        out = []
        for number, values in enumerate(rows, start=2):
            if number > MAX_ROWS:
                raise ValidationError("catalog_too_many_rows", path=path, max_rows=MAX_ROWS)
            if values is None or all(v is None or str(v).strip() == "" for v in values):
                continue
            out.append((number, {h: v for h, v in zip(header, values) if h}))
    except ValidationError:
        raise
    except Exception:  # a damaged sheet fails while it is read, not when it is opened
        raise ValidationError("catalog_xlsx_unreadable", path=path, exc="") from None
    finally:
        wb.close()
    return out


def _shown(value: Any) -> str:
    """A short, escaped echo of a bad enum-like value (never personal data)."""
    text = ascii(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def _from_rows(rows: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    errors: list[str] = []
    procedures: dict[str, tuple[int, dict[str, Any]]] = {}
    children: list[tuple[int, dict[str, Any]]] = []
    for number, row in rows:
        kind = str(row.get("row") or "").strip().lower()[:20]
        code = str(row.get("code") or "").strip()
        if not code:
            errors.append(f"row {number}: 'code' is empty")
            continue
        if len(code) > 40:
            errors.append(f"row {number}: code: longer than 40 characters")
            continue
        if kind == "procedure":
            if code in procedures:
                errors.append(f"row {number}: procedure {code} appears twice (first at row {procedures[code][0]})")
                continue
            amount = row.get("time_amount")
            procedures[code] = (
                number,
                {
                    "code": code,
                    "local_code": None if _blank(row.get("local_code")) else row.get("local_code"),
                    "name": row.get("name"),
                    "field": row.get("field"),
                    "department": row.get("department"),
                    "urgent": row.get("urgent"),
                    "processing_time": {"amount": None if _blank(amount) else amount, "unit": row.get("time_unit") or "working_days"},
                    "after_15h_next_day": row.get("after_15h_next_day"),
                    "supplement_notice_days": row.get("supplement_notice_days"),
                    "verified": row.get("verified"),
                    "fees": [],
                    "documents": [],
                },
            )
        elif kind in ("document", "fee"):
            children.append((number, row))
        else:
            errors.append(f"row {number}: 'row' must be procedure, document or fee, not {_shown(kind)}")
    for number, row in children:
        code = str(row.get("code")).strip()
        if code not in procedures:
            errors.append(f"row {number}: no procedure row with code {code}")
            continue
        target = procedures[code][1]
        if str(row.get("row")).strip().lower() == "document":
            target["documents"].append(
                {
                    "_row": number,
                    "code": row.get("doc_code"),
                    "name": row.get("doc_name"),
                    "originals": row.get("originals"),
                    "certified_copies": row.get("certified_copies"),
                    "photocopies": row.get("photocopies"),
                    "required": row.get("required"),
                    "alternative_group": None if _blank(row.get("alternative_group")) else row.get("alternative_group"),
                }
            )
        else:
            target["fees"].append(
                {
                    "_row": number,
                    "name": row.get("fee_name"),
                    "kind": row.get("fee_kind"),
                    "amount": None if _blank(row.get("fee_amount")) else row.get("fee_amount"),
                    "per": row.get("fee_per") or "dossier",
                }
            )
    try:
        result = validate_procedures(list(procedures.values()), label="row")
    except CatalogErrors as exc:
        errors.extend(exc.lines)
        result = []
    if errors:
        raise CatalogErrors(sorted(set(errors), key=_row_key)[:MAX_ERRORS])
    return result


def _row_key(line: str) -> tuple[int, str]:
    m = re.match(r"\w+ (\d+)", line)
    return (int(m.group(1)) if m else 0, line)


def _bool(value: Any, default: bool, where: str, errors: list[str]) -> bool:
    if _blank(value):
        return default
    if isinstance(value, bool):
        return value
    if not isinstance(value, (str, int, float)):
        errors.append(f"{where}: expected true/false")
        return default
    text = str(value).strip().lower()[:10]
    if text in ("1", "true", "yes", "x", "có", "co", "y"):
        return True
    if text in ("0", "false", "no", "không", "khong", "n"):
        return False
    errors.append(f"{where}: expected true/false")
    return default


def _int(value: Any, default: int | None, where: str, errors: list[str], *, minimum: int = 0,
         maximum: int = fields.MAX_COPIES) -> int | None:
    try:
        return fields.whole(value, where, minimum=minimum, maximum=maximum, default=default)
    except ValidationError as exc:
        errors.append(str(exc))
        return default


def _text(value: Any, where: str, errors: list[str], *, required: bool = True, name: str = "name") -> str | None:
    try:
        return fields.text(value, name, where=where, required=required)
    except ValidationError as exc:
        errors.append(str(exc))
        return None


def validate_procedures(items: list[tuple[int, Any]], *, label: str) -> list[dict[str, Any]]:
    """Validate raw procedure dicts (with their row numbers) into the canonical form."""
    errors: list[str] = []
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, item in items:
        at = f"{label} {number}"
        if not isinstance(item, dict):
            errors.append(f"{at}: expected an object")
            continue
        row_errors: list[str] = []
        code = _text(item.get("code"), f"{at}: code", row_errors, name="code")
        if code in seen:
            row_errors.append(f"{at}: code {code} appears twice (first at {label} {seen[code]})")
        pt = item.get("processing_time") or {}
        if not isinstance(pt, dict):
            row_errors.append(f"{at}: processing_time must be an object")
            pt = {}
        unit = pt.get("unit") or "working_days"
        if not isinstance(unit, str) or unit not in UNITS:
            row_errors.append(f"{at}: processing_time.unit must be one of {', '.join(UNITS)}, got {_shown(unit)}")
            unit = "working_days"
        amount = pt.get("amount")
        if not _blank(amount):
            try:
                amount = fields.number(amount, f"{at}: processing_time.amount", maximum=max(MAX_TIME_AMOUNT[unit], 0))
            except ValidationError as exc:
                row_errors.append(str(exc))
                amount = None
            if unit == "days" and isinstance(amount, float):
                row_errors.append(f"{at}: a 'days' processing time must be whole days")
        else:
            amount = 0 if unit == "same_day" else None
        proc = {
            "code": code,
            "local_code": _text(item.get("local_code"), f"{at}: local_code", row_errors, required=False, name="local_code"),
            "name": _text(item.get("name"), f"{at}: name", row_errors),
            "field": _text(item.get("field"), f"{at}: field", row_errors, name="field"),
            "department": _text(item.get("department"), f"{at}: department", row_errors, required=False, name="department"),
            "urgent": _bool(item.get("urgent"), False, f"{at}: urgent", row_errors),
            "processing_time": {"amount": amount, "unit": unit},
            "after_15h_next_day": _bool(item.get("after_15h_next_day"), False, f"{at}: after_15h_next_day", row_errors),
            "supplement_notice_days": _int(item.get("supplement_notice_days"), 3, f"{at}: supplement_notice_days", row_errors,
                                           maximum=fields.MAX_NOTICE_DAYS),
            "verified": _bool(item.get("verified"), True, f"{at}: verified", row_errors),
            "fees": [],
            "documents": [],
        }
        fees = item.get("fees") or []
        if not isinstance(fees, list):
            row_errors.append(f"{at}: fees must be a list")
            fees = []
        for i, fee in enumerate(fees, start=1):
            where = f"{label} {fee.get('_row')}" if isinstance(fee, dict) and type(fee.get("_row")) is int else f"{at}: fees[{i}]"
            if not isinstance(fee, dict):
                row_errors.append(f"{where}: expected an object")
                continue
            kind = fee.get("kind") or "le_phi"
            if not isinstance(kind, str) or kind not in FEE_KINDS:
                row_errors.append(f"{where}: kind must be phi or le_phi, got {_shown(kind)}")
            per = fee.get("per") or "dossier"
            if not isinstance(per, str) or per not in FEE_PER:
                row_errors.append(f"{where}: per must be one of {', '.join(FEE_PER)}, got {_shown(per)}")
            proc["fees"].append(
                {
                    "name": _text(fee.get("name"), f"{where}: name", row_errors, name="fee_name"),
                    "kind": kind,
                    "amount": _int(fee.get("amount"), None, f"{where}: amount", row_errors, maximum=fields.MAX_FEE),
                    "per": per,
                }
            )
        docs = item.get("documents") or []
        if not isinstance(docs, list):
            row_errors.append(f"{at}: documents must be a list")
            docs = []
        doc_codes: set[str] = set()
        for i, doc in enumerate(docs, start=1):
            where = f"{label} {doc.get('_row')}" if isinstance(doc, dict) and type(doc.get("_row")) is int else f"{at}: documents[{i}]"
            if not isinstance(doc, dict):
                row_errors.append(f"{where}: expected an object")
                continue
            dcode = _text(doc.get("code"), f"{where}: code", row_errors, name="doc_code") or f"TP{i}"
            if dcode in doc_codes:
                row_errors.append(f"{where}: document code {dcode} appears twice in {code}")
            doc_codes.add(dcode)
            proc["documents"].append(
                {
                    "code": dcode,
                    "name": _text(doc.get("name"), f"{where}: name", row_errors),
                    "originals": _int(doc.get("originals"), 0, f"{where}: originals", row_errors),
                    "certified_copies": _int(doc.get("certified_copies"), 0, f"{where}: certified_copies", row_errors),
                    "photocopies": _int(doc.get("photocopies"), 0, f"{where}: photocopies", row_errors),
                    "required": _bool(doc.get("required"), True, f"{where}: required", row_errors),
                    "alternative_group": _text(doc.get("alternative_group"), f"{where}: alternative_group", row_errors,
                                               required=False, name="alternative_group"),
                }
            )
        if row_errors:
            errors.extend(row_errors)
            if len(errors) >= MAX_ERRORS:
                break
            continue
        seen[code] = number
        out.append(proc)
    if errors:
        raise CatalogErrors(errors[:MAX_ERRORS])
    return out
