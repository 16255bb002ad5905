"""Stop-notice numbers (form 05): drawn once per notice, never twice, the same on every station."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from app.actors import Actor
from app.services import demo, dossiers
from app.services.bootstrap import bootstrap
from app.services.dossiers import ActionInput, parse_intake
from app.services.notices import default_symbol
from app.services.print_data import form_data
from app.store.session import Store
from app.workcal import VN_TZ
from tests.app.helpers import run_in_processes

FILE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}
NOW = datetime(2026, 5, 4, 9, 0, tzinfo=VN_TZ)


def test_default_symbol_is_the_units_initials():
    assert default_symbol("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG") == "TTPVHCC"
    assert default_symbol("Bộ phận Một cửa - UBND xã Đắk Mil") == "BPMCUXDM"


def _print_all(url: str, codes: list[str], seed: int, queue) -> None:
    store = Store.open(url, migrate=False)
    order = list(codes)
    random.Random(seed).shuffle(order)
    got = []
    for code in order:
        with store.write() as s:
            got.append((code, form_data(s, code, "stop", actor=f"canbo{seed}")[1]["extra"]["number"]))
    store.close()
    queue.put(got)


@pytest.mark.slow
def test_stations_printing_at_once_share_each_notice_number(migrated_url):
    store = Store.open(migrated_url, migrate=False)
    bootstrap(store)
    officer = Actor("canbo1", "officer", counter=1)
    with store.write() as s:
        demo.seed(s, Actor("admin", "admin"))
    codes = []
    for _ in range(6):
        with store.write() as s:
            code = dossiers.receive(s, officer, parse_intake(FILE), now=NOW).code
            dossiers.act(s, officer, code, "stop", ActionInput(reason="Công dân xin dừng"), now=NOW)
            codes.append(code)
    store.close()
    results = run_in_processes(_print_all, [(migrated_url, codes, seed) for seed in range(4)])
    by_code: dict[str, set[str]] = {}
    for code, number in results:
        by_code.setdefault(code, set()).add(number)
    assert all(len(numbers) == 1 for numbers in by_code.values()), by_code  # one number per notice
    numbers = sorted(int(n.pop().split("/")[0]) for n in by_code.values())
    assert numbers == list(range(1, 7))  # none given twice, none skipped
