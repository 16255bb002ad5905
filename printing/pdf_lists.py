"""Lists printed on A4: the tracking register (form 07, landscape) and a round's hand-over list.

Pure and deterministic like the forms; any thread (serialised by ``RENDER_LOCK``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from printing.model import HandoverList, RegisterRow, Template
from printing.pdf_base import (
    CELL_PADDING,
    GEOMETRIES,
    RENDER_LOCK,
    cell,
    Geometry,
    Signer,
    build_pdf,
    fit_size,
    grid_style,
    header,
    p,
    signatures,
    styles,
    val,
)
from printing.text import date_vn, hhmm, nfc, place_date_line, time_date_vn

log = logging.getLogger(__name__)

__all__ = ["render_handover", "render_register"]

REGISTER_TITLE = "SỔ THEO DÕI HỒ SƠ"
HANDOVER_TITLE = "DANH SÁCH BÀN GIAO HỒ SƠ"
_MIN_ROWS = 3


def _code_style(base: ParagraphStyle, codes: Sequence[str], width: float) -> ParagraphStyle:
    """A size at which the longest code fits on one line of its column (codes do not break well)."""
    longest = max((nfc(c) for c in codes), key=len, default="")
    size = fit_size(longest, base.fontName, base.fontSize, width - 2 * CELL_PADDING - 1, minimum=5.5)
    return ParagraphStyle("code", parent=base, fontSize=size, leading=max(size * 1.25, base.leading * 0.9))


def _date_time(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{date_vn(value)}<br/>{hhmm(value)}"
    return date_vn(value)


def _plain_date(value: datetime | date | None) -> str:
    return date_vn(value) if value is not None else ""


def render_register(
    rows: Sequence[RegisterRow], date_from: date | datetime, date_to: date | datetime, template: Template
) -> bytes:
    """Form 07, Sổ theo dõi hồ sơ: one row per dossier received between the two dates (inclusive)."""
    with RENDER_LOCK:
        return _register(rows, date_from, date_to, template)


def _register(
    rows: Sequence[RegisterRow], date_from: date | datetime, date_to: date | datetime, template: Template
) -> bytes:
    geo = GEOMETRIES["A4L"]
    st = styles(geo.base)
    h, c, cc = st["cell_h"], st["cell"], st["cell_c"]
    widths_mm = (7, 37, 32, 11, 24, 28, 22, 17, 17, 17, 17, 17, 11, 13)
    widths = [w * geo.width / sum(widths_mm) for w in widths_mm]
    code_st = _code_style(c, [r.code for r in rows], widths[1])
    head1 = [
        p("STT", h), p("Mã hồ sơ", h), p("Tên thủ tục hành chính", h), p("Số lượng hồ sơ (bộ)", h),
        p("Tên cá nhân, tổ chức", h), p("Địa chỉ, số điện thoại", h), p("Cơ quan chủ trì giải quyết", h),
        p("Ngày, tháng, năm", h), "", "", "",
        p("Trả kết quả", h), "",
        p("Ghi chú", h),
    ]
    head2 = [
        "", "", "", "", "", "", "",
        p("Nhận hồ sơ", h), p("Hẹn trả kết quả", h), p("Chuyển hồ sơ đến cơ quan giải quyết", h),
        p("Nhận kết quả từ cơ quan giải quyết", h),
        p("Ngày, tháng, năm", h), p("Ký nhận", h),
        "",
    ]
    head3 = [p(f"({i})", cc) for i in range(1, 15)]
    table_rows: list[list] = [head1, head2, head3]
    for i, r in enumerate(rows, 1):
        contact = "<br/>".join(x for x in (cell(r.address), cell(r.phone)) if x)
        table_rows.append(
            [
                p(str(i), cc),
                p(cell(r.code), code_st),
                p(cell(r.procedure_name), c),
                p(str(r.sets) if r.sets else "", cc),
                p(cell(r.applicant_name), c),
                p(contact, c),
                p(cell(r.department), c),
                p(_date_time(r.received_at), cc),
                p(_date_time(r.due_at), cc),
                p(_date_time(r.sent_at), cc),
                p(_plain_date(r.result_at), cc),
                p(_plain_date(r.returned_at), cc),
                "",
                p(cell(r.note), c),
            ]
        )
    for i in range(len(rows) + 1, _MIN_ROWS + 1):
        table_rows.append([p(str(i), cc)] + [""] * 13)
    spans = [("SPAN", (col, 0), (col, 1)) for col in (0, 1, 2, 3, 4, 5, 6, 13)]
    spans += [("SPAN", (7, 0), (10, 0)), ("SPAN", (11, 0), (12, 0))]
    table = Table(
        table_rows,
        colWidths=widths,
        repeatRows=3,
        style=grid_style(3, spans),
        hAlign="LEFT",
    )
    story = [
        header(template, geo, place_date=None, motto=False),
        p(REGISTER_TITLE, st["title"]),
        p(f"Từ ngày {date_vn(date_from)} đến ngày {date_vn(date_to)}", st["subtitle"]),
        Spacer(1, 4),
        table,
        Spacer(1, 4),
        p(f"Tổng số: {len(rows)} hồ sơ.", st["body"]),
    ]
    return build_pdf(
        story,
        geo,
        title=f"Mẫu số 07 - {REGISTER_TITLE}",
        footer_lines=template.footer_lines,
        footer_left=f"Mẫu số 07 · {date_vn(date_from)} - {date_vn(date_to)}",
    )


def render_handover(handover: HandoverList, template: Template) -> bytes:
    """The hand-over list of one round (center -> department), A4 portrait, two signatures."""
    return render_handovers([handover], template)


def render_handovers(handovers: Sequence[HandoverList], template: Template) -> bytes:
    """The lists of one round for several departments in one PDF, each starting on a new page."""
    if not handovers:
        raise ValueError("no hand-over list to print")
    geo: Geometry = GEOMETRIES["A4P"]
    with RENDER_LOCK:
        story: list[Flowable] = []
        for i, handover in enumerate(handovers):
            if i:
                story.append(PageBreak())
            story += _handover_story(handover, template, geo)
        first = handovers[0]
        return build_pdf(
            story,
            geo,
            title=HANDOVER_TITLE,
            footer_lines=template.footer_lines,
            footer_left=f"Bàn giao {nfc(first.round_id)}",
        )


def _handover_story(handover: HandoverList, template: Template, geo: Geometry) -> list[Flowable]:
    st = styles(geo.base)
    h, c, cc = st["cell_h"], st["cell"], st["cell_c"]
    widths_mm = (8, 38, 38, 28, 20, 20, 9, 14)
    widths = [w * geo.width / sum(widths_mm) for w in widths_mm]
    code_st = _code_style(c, [r.code for r in handover.rows], widths[1])
    table_rows: list[list] = [
        [
            p("STT", h), p("Mã hồ sơ", h), p("Tên thủ tục hành chính", h), p("Chủ hồ sơ", h),
            p("Ngày nhận", h), p("Hẹn trả", h), p("Số bộ", h), p("Ghi chú", h),
        ]
    ]
    total_sets = 0
    for i, r in enumerate(handover.rows, 1):
        total_sets += r.sets or 0
        table_rows.append(
            [
                p(str(i), cc),
                p(cell(r.code), code_st),
                p(cell(r.procedure_name), c),
                p(cell(r.applicant_name), c),
                p(_date_time(r.received_at), cc),
                p(_date_time(r.due_at), cc),
                p(str(r.sets) if r.sets else "", cc),
                p(cell(r.note), c),
            ]
        )
    for i in range(len(handover.rows) + 1, _MIN_ROWS + 1):
        table_rows.append([p(str(i), cc)] + [""] * 7)
    table = Table(
        table_rows,
        colWidths=widths,
        repeatRows=1,
        style=grid_style(1),
        hAlign="LEFT",
    )
    giver = nfc(handover.from_unit or template.center_name or template.unit_name).strip()
    return [
        header(template, geo, place_date=place_date_line(template.place_name, handover.round_at)),
        p(HANDOVER_TITLE, st["title"]),
        p(f"Đợt bàn giao: {time_date_vn(handover.round_at)} (mã đợt: {val(handover.round_id)})", st["subtitle"]),
        Spacer(1, 4),
        p(f"Bên giao: <b>{val(giver)}</b>", st["body"]),
        p(f"Bên nhận: <b>{val(handover.department)}</b>", st["body"]),
        Spacer(1, 3),
        table,
        Spacer(1, 4),
        p(f"Tổng số: <b>{len(handover.rows)}</b> hồ sơ, <b>{total_sets}</b> bộ.", st["body"]),
        KeepTogether(
            [
                Spacer(1, 6),
                signatures(
                    [Signer("Bên giao", name=handover.giver_name), Signer("Bên nhận", name=handover.receiver_name)],
                    geo,
                ),
            ]
        ),
    ]
