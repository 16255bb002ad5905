"""Reports and the tracking register (form 07) as XLSX workbooks (openpyxl): one sheet per section,
Vietnamese headers, ``#,##0`` / ``0.00`` / ``dd/mm/yyyy`` formats, frozen header rows, widths that fit.

Pure: a report document (or the register's rows) in, bytes out. Written in openpyxl's write-only mode
(rows stream to the file; a year's register of 100,000 dossiers stays small in memory).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from printing.report_layout import Column, period_text, sections_of, table

FORMATS = {"int": "#,##0", "pct": "0.00", "num": "#,##0.00", "date": "dd/mm/yyyy", "datetime": "dd/mm/yyyy hh:mm"}
HEADER_ROWS = 3  # title, period, column headers
MAX_WIDTH = 60


def _workbook():
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    return wb


def _styles():
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "title": Font(bold=True, size=13),
        "head": Font(bold=True),
        "fill": PatternFill("solid", fgColor="DDE7F3"),
        "wrap": Alignment(wrap_text=True, vertical="center", horizontal="center"),
    }


def _width(value: Any, kind: str) -> int:
    if value is None:
        return 2
    if kind == "date":
        return 10
    if kind == "datetime":
        return 16
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    return max((len(line) for line in str(value).splitlines()), default=1)


def _sheet(wb, title: str, subtitle: str, columns: list[Column], rows: list[dict[str, Any]], st: dict) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title[:31])
    widths = [max(8, min(MAX_WIDTH, len(c.header) + 2)) for c in columns]
    for i, c in enumerate(columns):  # widths are fixed before the first row streams out
        for r in rows[:2000]:
            widths[i] = max(widths[i], min(MAX_WIDTH, _width(r.get(c.key), c.kind) + 2))
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = f"A{HEADER_ROWS + 1}"
    t = WriteOnlyCell(ws, value=title)
    t.font = st["title"]
    ws.append([t])
    ws.append([subtitle])
    heads = []
    for c in columns:
        h = WriteOnlyCell(ws, value=c.header)
        h.font, h.fill, h.alignment = st["head"], st["fill"], st["wrap"]
        heads.append(h)
    ws.append(heads)
    for r in rows:
        out = []
        for c in columns:
            v = r.get(c.key)
            if c.kind in FORMATS and v is not None:
                if isinstance(v, datetime):
                    v = v.replace(tzinfo=None)
                cell = WriteOnlyCell(ws, value=v)
                cell.number_format = FORMATS[c.kind]
                out.append(cell)
            else:
                out.append(v)
        ws.append(out)


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_report_xlsx(doc: dict[str, Any]) -> bytes:
    """One sheet per section of the report document (and one per provider section with rows)."""
    wb = _workbook()
    st = _styles()
    sub = period_text(doc)
    for section in sections_of(doc):
        _sheet(wb, section.title, sub, list(section.columns), table(doc, section), st)
    return _save(wb)


REGISTER_COLUMNS = (
    Column("n", "STT"), Column("code", "Mã hồ sơ", "text"), Column("procedure_name", "Tên thủ tục hành chính", "text"),
    Column("sets", "Số lượng hồ sơ (bộ)"), Column("applicant_name", "Tên cá nhân, tổ chức", "text"),
    Column("contact", "Địa chỉ, số điện thoại", "text"), Column("department", "Cơ quan chủ trì giải quyết", "text"),
    Column("received_at", "Nhận hồ sơ", "datetime"), Column("due_at", "Hẹn trả kết quả", "datetime"),
    Column("sent_at", "Chuyển hồ sơ đến cơ quan giải quyết", "datetime"),
    Column("result_at", "Nhận kết quả từ cơ quan giải quyết", "date"), Column("returned_at", "Trả kết quả", "date"),
    Column("note", "Ghi chú", "text"),
)


def _local(value: datetime | None) -> datetime | None:
    from printing.text import local

    return local(value) if value is not None else None


def render_register_xlsx(data: dict[str, Any]) -> bytes:
    """Form 07 (Sổ theo dõi hồ sơ) as one sheet: the rows of ``app.services.print_data.register_data``."""
    wb = _workbook()
    rows = []
    for i, r in enumerate(data["rows"], 1):
        rows.append({
            "n": i, "code": r["code"], "procedure_name": r["procedure_name"], "sets": r["sets"],
            "applicant_name": r["applicant_name"], "contact": ", ".join(x for x in (r["address"], r["phone"]) if x),
            "department": r["department"], "note": r["note"],
            **{k: _local(r[k]) for k in ("received_at", "due_at", "sent_at")},
            **{k: _local(r[k]).date() if r[k] is not None else None for k in ("result_at", "returned_at")},
        })
    a, b = data["date_from"], data["date_to"]
    sub = f"Từ ngày {a:%d/%m/%Y} đến ngày {b:%d/%m/%Y} · Tổng số: {len(rows)} hồ sơ"
    _sheet(wb, "Sổ theo dõi hồ sơ", sub, list(REGISTER_COLUMNS), rows, _styles())
    return _save(wb)

