"""Sample documents: a technician's test print, the benchmark and the tests use them.

Values are invented (no real person); they exercise every Vietnamese letter group the forms use.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from printing.model import (
    DocumentRow,
    DossierDoc,
    FeeRow,
    HandoverEvent,
    HandoverList,
    HandoverRow,
    Person,
    RegisterRow,
    Template,
    TicketDoc,
)

__all__ = [
    "sample_dossier",
    "sample_handover_events",
    "sample_handover_list",
    "sample_register_rows",
    "sample_template",
    "sample_ticket",
]

_UTC = timezone.utc
# 05/05/2026 08:30 local time (UTC+7)
RECEIVED = datetime(2026, 5, 5, 1, 30, tzinfo=_UTC)
DUE = datetime(2026, 5, 8, 9, 0, tzinfo=_UTC)

_DOC_NAMES = (
    "Tờ khai đăng ký khai sinh theo mẫu",
    "Giấy chứng sinh do cơ sở y tế cấp",
    "Căn cước của người đi đăng ký",
    "Giấy chứng nhận kết hôn của cha, mẹ",
    "Văn bản ủy quyền có chứng thực",
    "Giấy tờ chứng minh nơi cư trú",
    "Sổ hộ khẩu gia đình (bản cũ, nếu có)",
    "Đơn đề nghị của người yêu cầu",
    "Biên bản xác minh của công an xã",
    "Giấy xác nhận tình trạng hôn nhân",
)


def sample_template(**overrides) -> Template:
    """A plausible commune center."""
    values = dict(
        center_name="Trung tâm Phục vụ hành chính công xã An Bình",
        parent_body="UBND xã An Bình",
        unit_name="Trung tâm Phục vụ hành chính công",
        place_name="Xã An Bình",
        address="Số 1 đường Lê Lợi, xã An Bình, tỉnh Đồng Nai",
        phone="0251 3822 123",
        agency_id="000.17.22.H56",
        footer_lines=("Tra cứu hồ sơ: dichvucong.example", "Đường dây nóng: 0251 3822 123"),
        paper_size="A5",
        qr_template="https://dichvucong.example/tra-cuu?ma={code}",
    )
    values.update(overrides)
    return Template(**values)


def sample_dossier(n_docs: int = 8, **overrides) -> DossierDoc:
    """A birth-registration dossier with ``n_docs`` documents and two fees."""
    docs = [
        DocumentRow(
            name=_DOC_NAMES[i % len(_DOC_NAMES)] + (f" (số {i + 1})" if i >= len(_DOC_NAMES) else ""),
            originals=1 if i % 3 != 2 else 0,
            certified_copies=1 if i % 3 == 1 else 0,
            photocopies=1 if i % 3 == 2 else 0,
        )
        for i in range(n_docs)
    ]
    values = dict(
        code="000.17.22.H56-260505-0012",
        procedure_name="Đăng ký khai sinh",
        procedure_code="1.001193",
        field="Hộ tịch",
        department="Phòng Văn hóa - Xã hội",
        applicant=Person(
            full_name="Nguyễn Thị Hồng Nhung",
            id_number="079190001234",
            date_of_birth=date(1990, 7, 14),
            address="Tổ 3, ấp Bình Lợi, xã An Bình, tỉnh Đồng Nai",
            phone="0912345678",
            email="nhung.nguyen@example.vn",
        ),
        submitter=None,
        received_at=RECEIVED,
        due_at=DUE,
        processing_time_text="03 ngày làm việc",
        sets=1,
        documents=docs,
        fees=[FeeRow(name="Lệ phí đăng ký khai sinh", amount=0), FeeRow(name="Phí cấp bản sao trích lục", amount=8000)],
        delivery="Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công xã An Bình",
        register_book="03/2026",
        register_entry="0125",
        officer_name="Trần Văn Đức",
        counter="2",
        status="received",
    )
    values.update(overrides)
    return DossierDoc(**values)


def sample_handover_events() -> list[HandoverEvent]:
    """Two hand-overs: the center to the department and back."""
    return [
        HandoverEvent(
            from_unit="Trung tâm Phục vụ HCC",
            to_unit="Phòng Văn hóa - Xã hội",
            given_at=RECEIVED + timedelta(hours=2, minutes=30),
            received_at=RECEIVED + timedelta(hours=2, minutes=40),
            result=None,
            note="",
            giver_name="Trần Văn Đức",
            receiver_name="Lê Thị Mỹ",
        ),
        HandoverEvent(
            from_unit="Phòng Văn hóa - Xã hội",
            to_unit="Trung tâm Phục vụ HCC",
            given_at=RECEIVED + timedelta(days=2, hours=6),
            received_at=RECEIVED + timedelta(days=2, hours=6, minutes=15),
            result="early",
            note="Đã ký trích lục",
            giver_name="Lê Thị Mỹ",
            receiver_name="Trần Văn Đức",
        ),
    ]


def sample_register_rows(n: int = 12) -> list[RegisterRow]:
    """``n`` register rows over a few days."""
    rows = []
    for i in range(n):
        received = RECEIVED + timedelta(hours=i * 5)
        rows.append(
            RegisterRow(
                code=f"000.17.22.H56-2605{5 + i // 2:02d}-{i + 1:04d}",
                procedure_name=("Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn")[i % 3],
                sets=1 + i % 2,
                applicant_name=("Nguyễn Văn An", "Phạm Thị Thủy", "Hoàng Đức Mạnh")[i % 3],
                address="Ấp Bình Lợi, xã An Bình",
                phone=f"09123456{i:02d}",
                department="Phòng Văn hóa - Xã hội",
                received_at=received,
                due_at=received + timedelta(days=3),
                sent_at=received + timedelta(hours=2),
                result_at=received + timedelta(days=2) if i % 2 == 0 else None,
                returned_at=received + timedelta(days=3) if i % 4 == 0 else None,
                note="",
            )
        )
    return rows


def sample_handover_list(n: int = 6) -> HandoverList:
    """A 09:00 round to the Culture and Society department."""
    rows = [
        HandoverRow(
            code=f"000.17.22.H56-260505-{i + 1:04d}",
            procedure_name=("Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục hộ tịch")[i % 3],
            applicant_name=("Nguyễn Văn An", "Phạm Thị Thủy", "Hoàng Đức Mạnh")[i % 3],
            received_at=RECEIVED,
            due_at=DUE,
            sets=1,
        )
        for i in range(n)
    ]
    return HandoverList(
        round_id="2026-05-05-0900",
        round_at=datetime(2026, 5, 5, 2, 0, tzinfo=_UTC),
        department="Phòng Văn hóa - Xã hội",
        rows=rows,
        giver_name="Trần Văn Đức",
        receiver_name="Lê Thị Mỹ",
    )


def sample_ticket(**overrides) -> TicketDoc:
    """A ticket for the civil-status counter with five people ahead."""
    values = dict(
        center_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN BÌNH",
        number="A012",
        service_name="Hộ tịch - Chứng thực",
        issued_at=datetime(2026, 5, 5, 1, 30, 15, tzinfo=_UTC),
        waiting_ahead=5,
        qr_text="https://dichvucong.example/hang-doi?so=A012",
        priority_label=None,
    )
    values.update(overrides)
    return TicketDoc(**values)
