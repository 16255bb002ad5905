"""The dossier forms of Circular 03/2025/TT-VPCP (01-06) as A5 or A4 PDFs.

``render_form`` is pure and deterministic: the same input gives the same bytes. It may be called
from any thread (renders are serialised by ``RENDER_LOCK``: reportlab's font objects are shared);
errors are ``ValueError``/``TypeError`` for programming mistakes, nothing else is expected.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from printing.model import (
    ApologyInfo,
    DocumentRow,
    DossierDoc,
    HandoverEvent,
    Person,
    RefusalInfo,
    StopInfo,
    SupplementInfo,
    SupplementItem,
    Template,
)
from printing.pdf_base import (
    GEOMETRIES,
    PLAIN,
    RENDER_LOCK,
    CopyMark,
    Geometry,
    Signer,
    build_pdf,
    cell,
    code_block,
    esc,
    grid_style,
    header,
    p,
    signature_cell,
    signatures,
    styles,
    val,
)
from printing.text import (
    DOTS,
    date_vn,
    date_words_vn,
    hhmm,
    money_vn,
    nfc,
    place_after,
    place_date_line,
    procedure_words,
    qr_payload,
    time_date_vn,
)

log = logging.getLogger(__name__)

__all__ = ["FORMS", "render_form"]

#: form key -> (number, title)
FORMS: dict[str, tuple[str, str]] = {
    "receipt": ("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    "supplement": ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    "refusal": ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ"),
    "apology": ("04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN"),
    "stop": ("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
    "control": ("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
}

RECEIPT_COPIES = ("Liên 1: Lưu", "Liên 2: Giao người nộp")

RESULT_LABELS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}

_MIN_BLANK_ROWS = 3
_CONTROL_MIN_ROWS = 5
_SIGN_ROOM = 9 * mm  # room to sign in a control-sheet row
_BLANK_ROW = 5 * mm  # a blank table row left to fill by hand
_WIDE_CELL = 1000  # characters shown in a wide cell (a document's name, what to supplement)


def render_form(form: str, dossier: DossierDoc, template: Template, *, extra: Any = None) -> bytes:
    """Render one of the dossier forms and return PDF bytes.

    ``form`` is one of ``receipt`` (01, two copies), ``supplement`` (02, extra
    :class:`SupplementInfo`), ``refusal`` (03, :class:`RefusalInfo`), ``apology`` (04,
    :class:`ApologyInfo`), ``stop`` (05, :class:`StopInfo`), ``control`` (06, a sequence of
    :class:`HandoverEvent`). A missing ``extra`` prints blanks to fill by hand.
    """
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; expected one of {', '.join(FORMS)}")
    geo = GEOMETRIES[template.paper_size]
    checked = _check_extra(form, extra)
    number, title = FORMS[form]
    with RENDER_LOCK:
        story = _BUILDERS[form](_Ctx(dossier, template, geo), checked)
        return build_pdf(
            story,
            geo,
            title=f"Mẫu số {number} - {title}",
            footer_lines=template.footer_lines,
            footer_left=f"Mẫu số {number} · {nfc(dossier.code)}",
        )


_EXTRA_TYPES: dict[str, type | None] = {
    "receipt": None,
    "supplement": SupplementInfo,
    "refusal": RefusalInfo,
    "apology": ApologyInfo,
    "stop": StopInfo,
    "control": None,
}


def _check_extra(form: str, extra: Any) -> Any:
    if form == "control":
        if extra is None:
            return ()
        if isinstance(extra, HandoverEvent):
            return (extra,)
        events = tuple(extra)
        if not all(isinstance(e, HandoverEvent) for e in events):
            raise TypeError("form 'control' takes a sequence of HandoverEvent as extra")
        return events
    kind = _EXTRA_TYPES[form]
    if kind is None:
        return None
    if extra is None:
        return kind()
    if not isinstance(extra, kind):
        raise TypeError(f"form {form!r} takes {kind.__name__} as extra, not {type(extra).__name__}")
    return extra


class _Ctx:
    """What every form builder needs, computed once."""

    def __init__(self, dossier: DossierDoc, template: Template, geo: Geometry):
        self.d = dossier
        self.t = template
        self.geo = geo
        self.st = styles(geo.base)
        self.code = nfc(dossier.code)
        self.qr = qr_payload(template.qr_template, self.code, template.agency_id)
        self.center = nfc(template.center_name or template.unit_name).strip() or DOTS

    def title(self, form: str, subtitle: str | None = None) -> list[Flowable]:
        out: list[Flowable] = [p(FORMS[form][1], self.st["title"])]
        if subtitle:
            out.append(p(subtitle, self.st["subtitle"]))
        return out

    def codes(self) -> Flowable:
        return code_block(self.code, self.qr, self.geo)

    def line(self, markup: str, style: str = "body") -> Flowable:
        return p(markup, self.st[style])

    def applicant_lines(self, *, intro: str | None) -> list[Flowable]:
        d = self.d
        a = d.applicant
        out: list[Flowable] = []
        if intro:
            out.append(self.line(intro))
        out.append(self.line(f"Ông/Bà (tổ chức): <b>{val(a.full_name)}</b>"))
        out.extend(self.person_details(a))
        if d.submitter is not None and nfc(d.submitter.full_name).strip() != nfc(a.full_name).strip():
            s = d.submitter
            out.append(
                self.line(
                    f"Người nộp hồ sơ: <b>{val(s.full_name)}</b>; CCCD: {val(s.id_number)}; "
                    f"điện thoại: {val(s.phone)}"
                )
            )
        return out

    def person_details(self, a: Person) -> list[Flowable]:
        born = f"; ngày sinh: {date_vn(a.date_of_birth)}" if a.date_of_birth is not None else ""
        return [
            self.line(f"Số định danh cá nhân/CCCD: {val(a.id_number)}{born}"),
            self.line(f"Địa chỉ: {val(a.address)}"),
            self.line(f"Số điện thoại: {val(a.phone)}; email: {val(a.email)}"),
        ]

    def matter(self) -> Flowable:
        d = self.d
        code = f" (mã {esc(d.procedure_code)})" if nfc(d.procedure_code).strip() else ""
        summary = f". {esc(d.summary)}" if nfc(d.summary).strip() else ""
        return self.line(f"Nội dung yêu cầu giải quyết: <b>{val(d.procedure_name)}</b>{code}{summary}")

    def table(self, rows: list[list], widths: Sequence[float], *, header_rows: int = 1, extra=()) -> Table:
        w = self.geo.width
        return Table(
            rows,
            colWidths=[w * f for f in widths],
            repeatRows=header_rows,
            style=grid_style(header_rows, extra, font_size=self.st["cell"].fontSize),
            hAlign="LEFT",
        )


# ---------------------------------------------------------------- 01 receipt and appointment


def _receipt(ctx: _Ctx, _extra: None) -> list[Flowable]:
    story: list[Flowable] = []
    for i, label in enumerate(RECEIPT_COPIES):
        if i:
            story.append(PageBreak())
        story.append(CopyMark(label))
        story.append(ctx.line(esc(label), "copy"))
        story.extend(_receipt_copy(ctx))
    return story


def _receipt_copy(ctx: _Ctx) -> list[Flowable]:
    d, t = ctx.d, ctx.t
    counter = f" (quầy số {esc(d.counter)})" if nfc(d.counter).strip() else ""
    out: list[Flowable] = [
        header(t, ctx.geo, place_date=place_date_line(t.place_name, d.received_at)),
        *ctx.title("receipt"),
        ctx.codes(),
        Spacer(1, 3),
        *ctx.applicant_lines(intro=f"{esc(ctx.center)}{counter} tiếp nhận hồ sơ của:"),
        ctx.matter(),
        ctx.line(f"Lĩnh vực: {val(d.field)}; cơ quan giải quyết: {val(d.department)}"),
        ctx.line("1. Thành phần hồ sơ nộp gồm:"),
        _documents_table(ctx, d.documents),
        Spacer(1, 3),
    ]
    submitter = d.submitter.full_name if d.submitter is not None else d.applicant.full_name
    # Points 2-7 and the signatures stay together: when the documents fill the page they all go on to the
    # next one, so the signatures never stand alone there.
    out.append(
        KeepTogether(
            [
                ctx.line(f"2. Số lượng hồ sơ: {val(d.sets if d.sets else '')} (bộ)"),
                ctx.line(f"3. Thời gian giải quyết hồ sơ theo quy định: {val(d.processing_time_text)}"),
                ctx.line(f"4. Thời gian nhận hồ sơ: <b>{time_date_vn(d.received_at)}</b>"),
                ctx.line(f"5. Thời gian trả kết quả giải quyết hồ sơ: {_due_text(d)}"),
                ctx.line(esc(place_after("6. Đăng ký nhận kết quả", d.delivery))),
                ctx.line(f"7. Phí, lệ phí: {_fees_text(d)}"),
                ctx.line(
                    f"Vào Sổ theo dõi hồ sơ, quyển số: {val(d.register_book)}, số thứ tự: {val(d.register_entry)}"
                ),
                Spacer(1, 3),
                signatures(
                    [Signer("Người nộp hồ sơ", name=submitter), Signer("Người tiếp nhận hồ sơ", name=d.officer_name)],
                    ctx.geo,
                    space=_sign_space(ctx.geo),
                ),
            ]
        )
    )
    return out


def _sign_space(geo: Geometry) -> float:
    """Room to sign: on A5 a little less, so that a copy with ten documents keeps to one page."""
    return 11 * mm if geo.pagesize[0] < 500 else 14 * mm


def _extended(d: DossierDoc) -> bool:
    return d.original_due_at is not None and d.due_at is not None and d.original_due_at != d.due_at


def _due_text(d: DossierDoc) -> str:
    """The appointment; after an extension (form 04) the one the citizen was first given, and the new one."""
    if not _extended(d):
        return f"<b>{time_date_vn(d.due_at)}</b>"
    return (
        f"<b>{time_date_vn(d.original_due_at)}</b>; đã gia hạn đến: <b>{time_date_vn(d.due_at)}</b> "
        "(theo văn bản xin lỗi và đề nghị gia hạn)"
    )


def _first_due(d: DossierDoc, info: ApologyInfo):
    """The appointment of the receipt, before this extension (None: blank, to fill by hand)."""
    if info.original_due_at is not None:
        return info.original_due_at
    if d.original_due_at is not None:
        return d.original_due_at
    return d.due_at if info.new_due_at is None or d.due_at != info.new_due_at else None


def _documents_table(ctx: _Ctx, documents: Sequence[DocumentRow]) -> Table:
    st = ctx.st
    head = [
        p("STT", st["cell_h"]),
        p("Tên giấy tờ", st["cell_h"]),
        p("Bản chính", st["cell_h"]),
        p("Bản sao chứng thực", st["cell_h"]),
        p("Bản photo", st["cell_h"]),
    ]
    rows: list[list] = [head]
    for i, doc in enumerate(documents, 1):
        name = cell(doc.name, _WIDE_CELL)
        if nfc(doc.note).strip():
            name += f"<br/><i>({cell(doc.note)})</i>"
        # Numbers as plain strings: a Paragraph per cell would double the cost of the table.
        rows.append(
            [str(i), p(name, st["cell"]), _count(doc.originals), _count(doc.certified_copies), _count(doc.photocopies)]
        )
    for i in range(len(documents) + 1, _MIN_BLANK_ROWS + 1):
        rows.append([str(i), Spacer(1, _BLANK_ROW), "", "", ""])
    tight = [("TOPPADDING", (0, 1), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2)]
    return ctx.table(rows, (0.08, 0.5, 0.14, 0.14, 0.14), extra=_center_cols(0, 2, 3, 4) + tight)


def _center_cols(*cols: int) -> list[tuple]:
    return [("ALIGN", (c, 0), (c, -1), "CENTER") for c in cols]


def _count(n: int | None) -> str:
    return str(n) if n else ""


def _fees_text(d: DossierDoc) -> str:
    if not d.fees:
        return DOTS
    parts = [f"{esc(f.name)}: {money_vn(f.amount)}" for f in d.fees]
    known = [f.amount for f in d.fees if f.amount is not None]
    text = "; ".join(parts)
    if len(d.fees) > 1 and len(known) == len(d.fees):
        text += f". Tổng cộng: <b>{money_vn(sum(known))}</b>"
    return text


# ---------------------------------------------------------------- 02 supplement request


def _supplement(ctx: _Ctx, info: SupplementInfo) -> list[Flowable]:
    d, t, st = ctx.d, ctx.t, ctx.st
    rows: list[list] = [
        [p("STT", st["cell_h"]), p("Nội dung cần bổ sung, hoàn thiện", st["cell_h"]), p("Lý do", st["cell_h"])]
    ]
    items = [_item(x) for x in info.items]
    for i, item in enumerate(items, 1):
        rows.append([p(str(i), st["cell_c"]), p(cell(item.name, _WIDE_CELL), st["cell"]),
                     p(cell(item.reason, _WIDE_CELL), st["cell"])])
    for i in range(len(items) + 1, _MIN_BLANK_ROWS + 1):
        rows.append([p(str(i), st["cell_c"]), Spacer(1, _BLANK_ROW), ""])
    officer = val(info.officer_name)
    phone = val(info.officer_phone)
    return [
        header(t, ctx.geo, place_date=place_date_line(t.place_name, info.issued_at)),
        *ctx.title("supplement"),
        ctx.codes(),
        Spacer(1, 3),
        *ctx.applicant_lines(intro=f"{esc(ctx.center)} tiếp nhận hồ sơ của:"),
        ctx.matter(),
        ctx.line(f"Thời gian nhận hồ sơ: {time_date_vn(d.received_at)}"),
        ctx.line(
            "Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ "
            "gồm những nội dung sau:",
            "body_j",
        ),
        ctx.table(rows, (0.08, 0.52, 0.40)),
        Spacer(1, 3),
        ctx.line(f"Lý do: {val(info.reason)}", "body_j"),
        ctx.line(f"Quy định về thành phần hồ sơ xem tại: {val(info.rules_ref)}", "body_j"),
        ctx.line(
            "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ "
            f"cán bộ hướng dẫn: <b>{officer}</b>, số điện thoại: <b>{phone}</b> để được hướng dẫn.",
            "body_j",
        ),
        KeepTogether(
            [
                Spacer(1, 4),
                signatures(
                    [Signer("Người nộp hồ sơ", name=_submitter_name(d)), Signer("Người hướng dẫn", name=info.officer_name)],
                    ctx.geo,
                ),
            ]
        ),
    ]


def _item(x: SupplementItem | tuple[str, str] | str) -> SupplementItem:
    if isinstance(x, SupplementItem):
        return x
    if isinstance(x, str):
        return SupplementItem(name=x)
    name, reason = (tuple(x) + ("",))[:2]
    return SupplementItem(name=name, reason=reason)


def _submitter_name(d: DossierDoc) -> str:
    return d.submitter.full_name if d.submitter is not None else d.applicant.full_name


# ---------------------------------------------------------------- 03 refusal


def _refusal(ctx: _Ctx, info: RefusalInfo) -> list[Flowable]:
    d, t = ctx.d, ctx.t
    return [
        header(t, ctx.geo, place_date=place_date_line(t.place_name, info.issued_at)),
        *ctx.title("refusal"),
        ctx.codes(),
        Spacer(1, 3),
        *ctx.applicant_lines(intro=f"{esc(ctx.center)} tiếp nhận hồ sơ của:"),
        ctx.matter(),
        ctx.line(f"Thời gian nhận hồ sơ: {time_date_vn(d.received_at)}"),
        ctx.line(
            "Sau khi xem xét, đối chiếu thành phần hồ sơ với quy định, cơ quan, đơn vị từ chối tiếp nhận, "
            "giải quyết hồ sơ này với lý do cụ thể như sau:",
            "body_j",
        ),
        ctx.line(f"<b>{val(info.reason, DOTS * 6)}</b>", "body_j"),
        ctx.line(f"Mọi thắc mắc xin liên hệ: {val(info.contact or _center_contact(ctx))}", "body_j"),
        ctx.line("Xin thông báo để Ông/Bà được biết./."),
        KeepTogether(
            [
                Spacer(1, 4),
                signatures(
                    [
                        Signer("Người nộp hồ sơ", name=_submitter_name(d)),
                        Signer(info.officer_title or "Người tiếp nhận hồ sơ", name=info.officer_name),
                    ],
                    ctx.geo,
                ),
            ]
        ),
    ]


def _center_contact(ctx: _Ctx) -> str:
    t = ctx.t
    parts = [nfc(x).strip() for x in (t.center_name, t.address) if nfc(x).strip()]
    if nfc(t.phone).strip():
        parts.append(f"điện thoại {nfc(t.phone).strip()}")
    return ", ".join(parts)


# ---------------------------------------------------------------- 04 apology and extension


def _apology(ctx: _Ctx, info: ApologyInfo) -> list[Flowable]:
    d, t = ctx.d, ctx.t
    dept = nfc(info.department or d.department).strip()
    dept_text = esc(dept) if dept else DOTS
    number = f"Số: {nfc(info.number).strip() or '……/……'}"
    return [
        header(
            t, ctx.geo, place_date=place_date_line(t.place_name, info.issued_at),
            number=number, lower_line=dept or None,
        ),
        *ctx.title("apology", "Về việc chậm trả kết quả giải quyết hồ sơ"),
        ctx.line(f"Kính gửi: Ông/Bà <b>{val(d.applicant.full_name)}</b>", "center"),
        ctx.line(f"Địa chỉ: {val(d.applicant.address)}", "center"),
        ctx.codes(),
        Spacer(1, 3),
        ctx.line(
            f"Ngày {date_vn(d.received_at)}, {esc(ctx.center)} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết "
            f"thủ tục <b>{val(procedure_words(d.procedure_name))}</b>, mã hồ sơ <b>{esc(ctx.code)}</b>.",
            "body_j",
        ),
        ctx.line(
            "Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả: "
            f"<b>{time_date_vn(_first_due(d, info))}</b>.",
            "body_j",
        ),
        ctx.line(
            f"Đến nay, {dept_text} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn. "
            f"Lý do: {val(info.reason, DOTS * 6)}",
            "body_j",
        ),
        ctx.line(
            f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {dept_text} xin lỗi Ông/Bà và đề nghị gia hạn thời gian "
            f"trả kết quả đến: <b>{time_date_vn(info.new_due_at)}</b>.",
            "body_j",
        ),
        ctx.line("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.", "body_j"),
        KeepTogether(
            [
                Spacer(1, 4),
                _recipients_and_signer(
                    ctx,
                    recipients=("Như trên;", f"{ctx.center};", "Lưu: VT."),
                    signer=Signer(
                        info.signer_title or "Thủ trưởng cơ quan",
                        "(Ký, ghi rõ họ tên và đóng dấu)",
                        info.signer_name,
                    ),
                ),
            ]
        ),
    ]


def _recipients_and_signer(ctx: _Ctx, *, recipients: Sequence[str], signer: Signer) -> Table:
    """"Nơi nhận" list on the left, the signer on the right (official letter layout)."""
    st = ctx.st
    left = [p("<b>Nơi nhận:</b>", st["small"])] + [p(f"- {esc(r)}", st["small"]) for r in recipients]
    return Table(
        [[left, signature_cell(signer, ctx.geo)]],
        colWidths=[ctx.geo.width * 0.45, ctx.geo.width * 0.55],
        style=PLAIN,
    )


# ---------------------------------------------------------------- 05 stop-processing notice


def _stop(ctx: _Ctx, info: StopInfo) -> list[Flowable]:
    d, t = ctx.d, ctx.t
    number = f"Số: {nfc(info.number).strip() or '……/TB-……'}"
    return [
        header(t, ctx.geo, place_date=place_date_line(t.place_name, info.issued_at), number=number),
        *ctx.title("stop"),
        ctx.line(f"Kính gửi: Ông/Bà <b>{val(d.applicant.full_name)}</b>", "center"),
        ctx.line(f"Địa chỉ: {val(d.applicant.address)}", "center"),
        ctx.codes(),
        Spacer(1, 3),
        ctx.line(
            f"Ngày {date_vn(d.received_at)}, {esc(ctx.center)} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết "
            f"thủ tục <b>{val(procedure_words(d.procedure_name))}</b>, mã hồ sơ <b>{esc(ctx.code)}</b>, "
            f"hẹn trả kết quả {time_date_vn(d.due_at)}.",
            "body_j",
        ),
        ctx.line(
            f"Ngày {date_vn(info.requested_at)}, Ông/Bà có yêu cầu dừng giải quyết hồ sơ nêu trên. "
            f"Lý do: {val(info.reason, DOTS * 6)}",
            "body_j",
        ),
        ctx.line(
            f"Theo yêu cầu của Ông/Bà, {esc(ctx.center)} thông báo dừng giải quyết hồ sơ nêu trên "
            f"kể từ {date_words_vn(info.issued_at)}.",
            "body_j",
        ),
        ctx.line(esc(place_after("Ông/Bà nhận lại hồ sơ", info.return_place)), "body_j"),
        ctx.line("Xin thông báo để Ông/Bà được biết./.", "body_j"),
        KeepTogether(
            [
                Spacer(1, 4),
                _recipients_and_signer(
                    ctx,
                    recipients=("Như trên;", "Lưu: VT."),
                    signer=Signer(
                        info.signer_title or "Giám đốc", "(Ký, ghi rõ họ tên và đóng dấu)", info.signer_name
                    ),
                ),
            ]
        ),
    ]


# ---------------------------------------------------------------- 06 control sheet


def _control(ctx: _Ctx, events: Sequence[HandoverEvent]) -> list[Flowable]:
    d, t, st = ctx.d, ctx.t, ctx.st
    head = [
        p(x, st["cell_h"])
        for x in (
            "STT",
            "Đơn vị giao, nhận",
            "Thời gian giao, nhận hồ sơ",
            "Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)",
            "Ghi chú",
            "Người giao (ký)",
            "Người nhận (ký)",
        )
    ]
    rows: list[list] = [head]
    for i, e in enumerate(events, 1):
        rows.append(
            [
                p(str(i), st["cell_c"]),
                p(f"Giao: {cell(e.from_unit) or DOTS}<br/>Nhận: {cell(e.to_unit) or DOTS}", st["cell"]),
                p(f"Giao: {_short_dt(e.given_at)}<br/>Nhận: {_short_dt(e.received_at)}", st["cell"]),
                p(esc(RESULT_LABELS.get(e.result or "", "")), st["cell_c"]),
                p(cell(e.note), st["cell"]),
                [Spacer(1, _SIGN_ROOM), p(cell(e.giver_name), st["cell_c"])],
                [Spacer(1, _SIGN_ROOM), p(cell(e.receiver_name), st["cell_c"])],
            ]
        )
    for i in range(len(events) + 1, _CONTROL_MIN_ROWS + 1):
        rows.append(
            [p(str(i), st["cell_c"]), p("Giao:<br/>Nhận:", st["cell"]), p("Giao:<br/>Nhận:", st["cell"]),
             "", "", Spacer(1, _SIGN_ROOM), ""]
        )
    table = ctx.table(
        rows,
        (0.06, 0.22, 0.20, 0.14, 0.12, 0.13, 0.13),
        extra=[("VALIGN", (5, 1), (6, -1), "BOTTOM")],
    )
    return [
        header(t, ctx.geo, place_date=place_date_line(t.place_name, d.received_at)),
        *ctx.title("control"),
        ctx.line("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)", "center"),
        ctx.codes(),
        Spacer(1, 3),
        ctx.line(f"Chủ hồ sơ: <b>{val(d.applicant.full_name)}</b>; số điện thoại: {val(d.applicant.phone)}"),
        ctx.matter(),
        ctx.line(f"Cơ quan (bộ phận) giải quyết hồ sơ: {val(d.department)}"),
        ctx.line(f"Thời gian nhận hồ sơ: <b>{time_date_vn(d.received_at)}</b>"),
        ctx.line(f"Thời gian hẹn trả kết quả: {_due_text(d)}"),
        table,
    ]


def _short_dt(value) -> str:
    if value is None:
        return "……/……/………"
    return f"{hhmm(value)} ngày {date_vn(value)}"


_BUILDERS = {
    "receipt": _receipt,
    "supplement": _supplement,
    "refusal": _refusal,
    "apology": _apology,
    "stop": _stop,
    "control": _control,
}
