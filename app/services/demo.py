"""Demo data (dữ liệu mẫu): a commune center with real procedures, for training, tests and `make run`."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.catalog_io import validate_procedures
from app.resources import resource
from app.services import catalog, center, users
from app.store.models import CenterSetting, Department, User

DEMO_CENTER = {
    "center.name": "Trung tâm Phục vụ hành chính công xã Minh An (DỮ LIỆU MẪU)",
    "center.parent_body": "ỦY BAN NHÂN DÂN XÃ MINH AN",
    "center.place": "Minh An",
    "center.address": "Số 1 đường Trung tâm, xã Minh An (địa chỉ mẫu)",
    "center.phone": "0258 3800 000",
    "center.agency_id": "000.31.12.H56",
}

DEMO_DEPARTMENTS = [
    ("Văn phòng HĐND và UBND xã", "VP", "Trần Thị Hòa", "Chánh Văn phòng"),
    ("Phòng Kinh tế", "KT", "Lê Văn Bình", "Trưởng phòng"),
    ("Phòng Văn hóa - Xã hội", "VHXH", "Phạm Thị Mai", "Trưởng phòng"),
    ("Trung tâm Phục vụ hành chính công", "TTPVHCC", "Nguyễn Văn Hùng", "Giám đốc"),
]

DEMO_USERS = [
    ("demo", "Tài khoản demo", "officer receptionist technician director admin", None),
    ("canbo1", "Nguyễn Thị Lan", "officer", "0905 000 001"),
    ("canbo2", "Trần Văn Nam", "officer", "0905 000 002"),
    ("canbo3", "Lê Thị Thu", "officer", "0905 000 003"),
    ("canbo4", "Phạm Văn Đức", "officer", "0905 000 004"),
    ("letan", "Hoàng Thị Yến", "receptionist", "0905 000 005"),
    ("kythuat", "Vũ Minh Tuấn", "technician", "0905 000 006"),
    ("giamdoc", "Nguyễn Văn Hùng", "director", "0905 000 007"),
    ("quantri", "Đỗ Văn Quang", "admin", None),
]
#: the demo accounts that sign in (``demo`` holds every role), all with the password :data:`DEMO_PASSWORD`;
#: flagged ``is_demo`` so that every window says "TÀI KHOẢN DEMO"
DEMO_ACCOUNTS = ("demo", "canbo1", "letan", "kythuat", "giamdoc", "quantri")
DEMO_PASSWORD = "demo"


def demo_catalog() -> list[dict[str, Any]]:
    data = json.loads(resource("data", "demo_catalog.json").read_text(encoding="utf-8"))
    return validate_procedures(list(enumerate(data["procedures"], start=1)), label="item")


def seed(session: Session, actor: Actor) -> dict[str, int]:
    """Load the demo center; idempotent (running it again changes nothing a user set)."""
    actor.require("demo.seed")
    for name, code, head, title in DEMO_DEPARTMENTS:
        dept = catalog.department_by_name(session, name, create=True)
        dept.code = dept.code or code
        dept.head_name = dept.head_name or head
        dept.head_title = dept.head_title or title
    depts = {d.name: d for d in session.scalars(select(Department))}
    for username, full_name, roles, phone in DEMO_USERS:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, full_name=full_name, roles=roles, phone=phone,
                        department_id=depts["Trung tâm Phục vụ hành chính công"].id)
            session.add(user)
        if username in DEMO_ACCOUNTS and user.password_hash is None:
            session.flush()
            users.create_user(session, actor, username, DEMO_PASSWORD, roles, full_name, demo=True)
    for key, value in DEMO_CENTER.items():
        if session.get(CenterSetting, key) is None:
            center.set_value(session, actor, key, value)
    counts = catalog.import_procedures(session, actor, demo_catalog())
    from app.services import queue

    queue.seed_demo(session, actor)
    return counts
