"""Fees: payment against what is due (after exemptions), receipts numbered without repeat or gap, cancel and
reissue (audited), the drawer and monthly reports (both engines; several processes for the sequence)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import center, dossiers, fees
from app.store.models import AuditEntry, DossierFee
from app.store.models_fees import FeeReceipt
from app.store.session import Store
from app.workcal import VN_TZ
from tests.app.helpers import run_in_processes

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=VN_TZ)  # a Wednesday
GIAM_HO = {  # fees: 1 "Lệ phí đăng ký giám hộ" 0 đ, 2 the copy fee 8 000 đ
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "address": "Thôn 3, xã An Bình"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}
OTHER = Actor("canbo2", "officer", "Trần Văn Bình", counter=2)
RECEPTIONIST = Actor("letan", "receptionist")
DIRECTOR = Actor("giamdoc", "director")


def receive(store, officer, now=NOW) -> str:
    with store.write() as s:
        return dossiers.receive(s, officer, dossiers.parse_intake(GIAM_HO), now=now).code


def test_pay_exactly_what_is_due_marks_the_fees_paid_and_numbers_the_receipt(seeded, officer):
    code = receive(seeded, officer)
    with seeded.read() as s:
        owed = fees.due(s, code)
    assert (owed["stage"], owed["gross"], owed["amount"], owed["payer"]) == ("intake", 8000, 8000, "Nguyễn Văn Đức")
    assert [i["position"] for i in owed["items"]] == [1, 2]
    with seeded.write() as s:
        with pytest.raises(RuleError) as wrong:
            fees.pay(s, officer, code, amount=5000, means="cash", now=NOW)
        assert wrong.value.code == "fee_amount_mismatch" and wrong.value.params["due"] == 8000
        with pytest.raises(ValidationError) as no_ref:
            fees.pay(s, officer, code, amount=8000, means="transfer", now=NOW)
        assert no_ref.value.code == "fee_reference_required"
        with pytest.raises(ValidationError):
            fees.pay(s, officer, code, amount=8000, means="cheque", now=NOW)
        with pytest.raises(RuleError):
            fees.pay(s, RECEPTIONIST, code, amount=8000, means="cash", now=NOW)
        paid = fees.pay(s, officer, code, amount=8000, means="cash", station="counter-1", now=NOW)
    assert paid["receipt"]["receipt"] == "AA-26P 0000001" and paid["receipt"]["state"] == "issued"
    assert (paid["amount"], paid["means"], paid["officer"], paid["counter"], paid["station"]) == (8000, "cash", "canbo1", 1, "counter-1")
    with seeded.read() as s:
        states = s.execute(select(DossierFee.status, DossierFee.method).order_by(DossierFee.position)).all()
        assert [tuple(r) for r in states] == [("paid", "cash"), ("paid", "cash")]
        with pytest.raises(RuleError) as again:
            fees.pay(s, officer, code, amount=0, means="cash", now=NOW)
        assert again.value.code == "fee_nothing_due"


def test_only_chosen_items_are_paid_and_an_unknown_amount_is_refused(seeded, officer):
    code = receive(seeded, officer)
    with seeded.write() as s:
        paid = fees.pay(s, officer, code, amount=0, means="cash", items=[1], now=NOW)
        assert paid["receipt"] is None  # nothing taken, nothing to receipt
        with pytest.raises(RuleError) as gone:
            fees.pay(s, officer, code, amount=0, means="cash", items=[1], now=NOW)
        assert gone.value.code == "fee_item_not_due"
        s.execute(DossierFee.__table__.update().where(DossierFee.position == 2).values(amount=None))
        s.expire_all()
        with pytest.raises(RuleError) as unknown:
            fees.pay(s, officer, code, amount=8000, means="cash", now=NOW)
        assert unknown.value.code == "fee_amount_unknown"


def test_exemptions_per_group_with_their_legal_basis(seeded, officer):
    code = receive(seeded, officer)
    with seeded.write() as s:
        fees.set_exemption(s, DIRECTOR, "hn", name="Hộ nghèo", percent=50,
                           legal_basis="Điểm a khoản 2 Điều 3 Thông tư 281/2016/TT-BTC")
        fees.set_exemption(s, DIRECTOR, "NCC", name="Người có công", fixed_amount=10_000, legal_basis="Pháp lệnh Ưu đãi người có công")
        with pytest.raises(ValidationError):
            fees.set_exemption(s, DIRECTOR, "X", name="Thiếu căn cứ", percent=10, legal_basis=" ")
        with pytest.raises(ValidationError):
            fees.set_exemption(s, DIRECTOR, "Y", name="Cả hai", percent=10, fixed_amount=5, legal_basis="...")
        with pytest.raises(RuleError):
            fees.set_exemption(s, officer, "Z", name="Không được", percent=10, legal_basis="...")
        assert [e["code"] for e in fees.exemptions(s)] == ["HN", "NCC"]
        assert fees.due(s, code, exemption="ncc")["amount"] == 0  # a fixed amount takes at most the whole
        with pytest.raises(NotFoundError):
            fees.due(s, code, exemption="nope")
        owed = fees.due(s, code, exemption="HN")
        assert (owed["gross"], owed["reduction"], owed["amount"]) == (8000, 4000, 4000)
        with pytest.raises(RuleError):
            fees.pay(s, officer, code, amount=8000, means="cash", exemption="HN", now=NOW)
        paid = fees.pay(s, officer, code, amount=4000, means="cash", exemption="HN", now=NOW)
    assert (paid["exemption"], paid["reduction"], paid["legal_basis"]) == ("HN", 4000, "Điểm a khoản 2 Điều 3 Thông tư 281/2016/TT-BTC")
    assert sum(i["net"] for i in paid["items"]) == 4000 and [i["gross"] for i in paid["items"]] == [0, 8000]
    assert fees.reduction_of(10_001, type("E", (), {"percent": 50, "fixed_amount": None})()) == 5000


def test_cancel_with_a_reason_then_reissue_replaces_it_and_both_are_audited(seeded, officer):
    code = receive(seeded, officer)
    with seeded.write() as s:
        first = fees.pay(s, officer, code, amount=8000, means="cash", now=NOW)["receipt"]["receipt"]
        with pytest.raises(ValidationError):
            fees.cancel(s, officer, first, reason=" ", now=NOW)
        cancelled = fees.cancel(s, officer, first, reason="Ghi sai hình thức thanh toán", now=NOW + timedelta(minutes=5))
        assert cancelled["state"] == "void" and cancelled["receipt"]["state"] == "cancelled"
        with pytest.raises(RuleError) as twice:
            fees.cancel(s, officer, first, reason="Lần nữa", now=NOW)
        assert twice.value.code == "fee_receipt_cancelled"
        again = fees.pay(s, officer, code, amount=8000, means="transfer", reference="FT2612020001",
                         now=NOW + timedelta(minutes=6))
        with pytest.raises(NotFoundError):
            fees.cancel(s, officer, "AA-26P 0009999", reason="Không có", now=NOW)
    assert again["receipt"]["receipt"] == "AA-26P 0000002"
    with seeded.read() as s:
        old = fees.find_receipt(s, "1")
        assert old.cancel_reason == "Ghi sai hình thức thanh toán" and old.text == first
        assert fees.receipt_json(old, s)["replaced_by"] == "AA-26P 0000002"
        history = fees.payments_of(s, code)
        assert [(p["state"], p["means"]) for p in history] == [("void", "cash"), ("valid", "transfer")]
        actions = [a for a, in s.execute(select(AuditEntry.action).where(AuditEntry.action.like("fees.%")).order_by(AuditEntry.id))]
        assert actions == ["fees.pay", "fees.cancel", "fees.pay"]
        day = fees.day_report(s, NOW.date())
    assert day["by_means"] == {"cash": 0, "transfer": 8000, "online": 0} and day["drawer_cash"] == 0
    assert day["receipts_issued"] == ["AA-26P 0000001", "AA-26P 0000002"]
    assert [c["reason"] for c in day["receipts_cancelled"]] == ["Ghi sai hình thức thanh toán"]


def test_a_rolled_back_payment_gives_its_number_back(seeded, officer):
    code = receive(seeded, officer)
    with pytest.raises(RuntimeError):
        with seeded.write() as s:
            fees.pay(s, officer, code, amount=8000, means="cash", now=NOW)
            raise RuntimeError("the station lost power")
    with seeded.write() as s:
        assert fees.pay(s, officer, code, amount=8000, means="cash", now=NOW)["receipt"]["number"] == 1


def test_day_report_per_drawer_and_an_officer_sees_only_their_own(seeded, officer):
    codes = [receive(seeded, officer) for _ in range(4)]
    with seeded.write() as s:
        fees.pay(s, officer, codes[0], amount=8000, means="cash", now=NOW)
        fees.pay(s, officer, codes[1], amount=8000, means="online", reference="VNPAY-1", now=NOW)
        fees.pay(s, OTHER, codes[2], amount=8000, means="cash", now=NOW)
        fees.pay(s, OTHER, codes[3], amount=8000, means="cash", now=NOW + timedelta(days=1))  # the next day
    with seeded.read() as s:
        day = fees.day_report(s, NOW.date())
        assert day["total"] == 24000 and day["by_means"] == {"cash": 16000, "transfer": 0, "online": 8000}
        assert [(d["counter"], d["officer"], d["drawer_cash"], d["total"]) for d in day["drawers"]] == [
            (1, "canbo1", 8000, 16000), (2, "canbo2", 8000, 8000)]
        assert fees.day_report(s, NOW.date(), counter=2)["total"] == 8000
        own = fees.day_report_for(s, officer, NOW.date())
        assert own["officer"] == "canbo1" and own["total"] == 16000
        with pytest.raises(RuleError) as other:
            fees.day_report_for(s, officer, NOW.date(), officer="canbo2")
        assert other.value.code == "fees_report_own_only"
        assert fees.day_report_for(s, DIRECTOR, NOW.date())["total"] == 24000
        with pytest.raises(RuleError):
            fees.day_report_for(s, RECEPTIONIST, NOW.date())


def test_month_totals_and_the_report_section(seeded, officer):
    codes = [receive(seeded, officer) for _ in range(3)]
    with seeded.write() as s:
        fees.set_exemption(s, DIRECTOR, "TE", name="Trẻ em", percent=25, legal_basis="Luật Trẻ em 2016")
        fees.pay(s, officer, codes[0], amount=8000, means="cash", now=NOW)
        fees.pay(s, OTHER, codes[1], amount=6000, means="transfer", reference="FT1", exemption="TE", now=NOW)
        r = fees.pay(s, officer, codes[2], amount=8000, means="cash", now=NOW)
        fees.cancel(s, DIRECTOR, r["receipt"]["receipt"], reason="Thu nhầm hồ sơ", now=NOW)
        department = dossiers.get_dossier(s, codes[0]).department
    with seeded.read() as s:
        month = fees.month_totals(s, 2026, 12)
        assert month["total"] == 14000 and month["by_kind"] == {"phi": 14000, "le_phi": 0}
        assert [(r["department"], r["phi"], r["le_phi"], r["total"]) for r in month["by_department"]] == [
            (department.name if department else None, 14000, 0, 14000)]
        assert fees.month_totals(s, 2026, 11)["total"] == 0
        with pytest.raises(ValidationError):
            fees.month_totals(s, 2026, 13)
        section = fees.report_section(s, date(2026, 12, 1), date(2026, 12, 31))
    assert section["total"] == 14000 and section["payments"] == 2
    assert section["by_means"] == {"cash": 8000, "transfer": 6000, "online": 0}
    assert [(c["counter"], c["total"], c["cash"], c["transfer"]) for c in section["by_counter"]] == [(1, 8000, 8000, 0), (2, 6000, 0, 6000)]
    assert [o["officer"] for o in section["by_officer"]] == ["canbo1", "canbo2"]
    assert section["reductions"] == {"payments": 1, "amount": 2000}
    assert section["receipts"] == {"issued": 3, "cancelled": 1}
    import json

    json.dumps(section)  # JSON-ready


def test_receipt_print_data(seeded, officer, admin):
    code = receive(seeded, officer)
    with seeded.write() as s:
        center.set_value(s, admin, "fees.tax_code", "0101234567")
        center.set_value(s, admin, "fees.receipt_copies", 2)
        fees.pay(s, officer, code, amount=8000, means="cash", now=NOW)
        data = fees.receipt_print_data(s, code)
    r = data["receipt"]
    assert data["copies"] == 2 and (r["series"], r["number"], r["tax_code"]) == ("AA-26P", "0000001", "0101234567")
    assert r["amount_words"] == "Tám nghìn đồng" and r["payer_address"] == "Thôn 3, xã An Bình"
    assert r["collector"] == "Nguyễn Thị Lan"


# ---------------------------------------------------------------------------- the sequence across processes


def _seed_dossiers(url: str, n: int) -> list[str]:
    from app.services import demo
    from app.services.bootstrap import bootstrap

    store = Store.open(url, migrate=False)
    bootstrap(store)
    admin = Actor("admin", "admin")
    officer = Actor("canbo1", "officer", counter=1)
    with store.write() as s:
        demo.seed(s, admin)
    codes = [receive(store, officer) for _ in range(n)]
    store.close()
    return codes


def _pay_all(url: str, codes: list[str], counter: int, queue) -> None:
    store = Store.open(url, migrate=False)
    actor = Actor(f"canbo{counter}", "officer", counter=counter)
    numbers = []
    for i, code in enumerate(codes):
        if i % 4 == 3:  # a payment that fails after drawing its number gives it back
            try:
                with store.write() as s:
                    fees.pay(s, actor, code, amount=8000, means="cash")
                    raise RuntimeError("printer jammed, payment abandoned")
            except RuntimeError:
                pass
        with store.write() as s:
            numbers.append(fees.pay(s, actor, code, amount=8000, means="cash")["receipt"]["number"])
    store.close()
    queue.put(numbers)


@pytest.mark.slow
def test_receipt_numbers_never_repeat_or_skip_across_stations(migrated_url):
    codes = _seed_dossiers(migrated_url, 48)
    numbers = run_in_processes(_pay_all, [(migrated_url, codes[i::4], i + 1) for i in range(4)])
    assert sorted(numbers) == list(range(1, 49))
    store = Store.open(migrated_url, migrate=False)
    with store.read() as s:
        rows = s.execute(select(FeeReceipt.number, FeeReceipt.issued_by)).all()
    store.close()
    assert len({n for n, _ in rows}) == 48 and {u for _, u in rows} == {"canbo1", "canbo2", "canbo3", "canbo4"}


def _pay_same(url: str, code: str, queue) -> None:
    store = Store.open(url, migrate=False)
    try:
        with store.write() as s:
            fees.pay(s, Actor("canbo1", "officer", counter=1), code, amount=8000, means="cash")
        queue.put(["paid"])
    except RuleError as exc:
        queue.put([exc.code])
    finally:
        store.close()


@pytest.mark.slow
def test_two_stations_paying_the_same_dossier_at_once_take_it_once(migrated_url):
    code = _seed_dossiers(migrated_url, 1)[0]
    outcomes = run_in_processes(_pay_same, [(migrated_url, code)] * 3)
    assert sorted(outcomes) == ["fee_nothing_due", "fee_nothing_due", "paid"]


from hypothesis import given, strategies as st  # noqa: E402


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8), st.integers(min_value=0, max_value=100),
       st.integers(min_value=1, max_value=10**10))
def test_a_reduction_is_shared_over_the_items_without_losing_a_dong(gross, percent, fixed):
    total = sum(gross)
    for exemption in (type("P", (), {"percent": percent or None, "fixed_amount": None if percent else fixed})(),):
        reduction = fees.reduction_of(total, exemption)
        assert 0 <= reduction <= total
        nets = fees._shares(gross, total - reduction)
        assert sum(nets) == total - reduction
        assert all(n >= 0 for n in nets)
        assert all(0 <= n <= g for n, g in zip(nets, gross, strict=True))
