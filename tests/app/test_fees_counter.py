"""Issue 13 at the counter: a fee the catalog does not price ("theo quy định") is priced by the officer and
recorded with the payment; a group's exemption changed later leaves old payments as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import fees
from app.services.dossier_events import get_dossier
from app.services.dossier_views import dossier_json
from app.store.models import AuditEntry, DossierFee
from tests.app.test_fees import DIRECTOR, NOW, receive


def _unpriced(session, position: int = 1) -> None:
    """Fee 1 of the guardianship dossier (0 đ in the catalog) becomes "set by the provincial council"."""
    session.execute(DossierFee.__table__.update().where(DossierFee.position == position).values(amount=None))
    session.expire_all()


def test_an_unpriced_fee_is_typed_at_the_counter_and_recorded_with_the_payment(seeded, officer):
    code = receive(seeded, officer)
    with seeded.write() as s:
        _unpriced(s)
        owed = fees.due(s, code)
        assert owed["unknown"] == [1] and (owed["gross"], owed["reduction"], owed["amount"]) == (None, None, None)
        assert [(i["position"], i["open"], i["amount"]) for i in owed["items"]] == [(1, True, None), (2, False, 8000)]
        priced = fees.due(s, code, amounts={1: 25_000})
        assert (priced["unknown"], priced["gross"], priced["amount"]) == ([], 33_000, 33_000)
        assert priced["items"][0]["amount"] == 25_000

        with pytest.raises(RuleError) as unknown:
            fees.pay(s, officer, code, amount=8000, means="cash", now=NOW)
        assert unknown.value.code == "fee_amount_unknown"
        with pytest.raises(RuleError) as fixed:
            fees.pay(s, officer, code, amount=9000, means="cash", amounts={1: 1000, 2: 1000}, now=NOW)
        assert fixed.value.code == "fee_amount_fixed"  # the catalog's rate is not typed over
        for wrong in (0, -5, True, 2.5, 10**13):
            with pytest.raises(ValidationError) as invalid:
                fees.due(s, code, amounts={1: wrong})
            assert invalid.value.code == "fee_amount_entered_invalid"
        with pytest.raises(RuleError) as absent:
            fees.due(s, code, amounts={9: 1000})
        assert absent.value.code == "fee_item_not_due"
        with pytest.raises(RuleError) as mismatch:
            fees.pay(s, officer, code, amount=8000, means="cash", amounts={1: 25_000}, now=NOW)
        assert mismatch.value.code == "fee_amount_mismatch" and mismatch.value.params["due"] == 33_000

        paid = fees.pay(s, officer, code, amount=33_000, means="cash", amounts={1: 25_000}, now=NOW)
    assert [(i["gross"], i["net"]) for i in paid["items"]] == [(25_000, 25_000), (8000, 8000)]
    assert paid["amount"] == 33_000 and paid["receipt"]["receipt"] == "AA-26P 0000001"
    with seeded.read() as s:
        rows = s.execute(select(DossierFee.position, DossierFee.amount, DossierFee.status).order_by(DossierFee.position)).all()
        assert [tuple(r) for r in rows] == [(1, None, "paid"), (2, 8000, "paid")]  # the dossier keeps "theo quy định"
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "fees.pay")).one()
        assert detail["entered"] == {"1": 25_000} and detail["amount"] == 33_000
        printed = fees.receipt_print_data(s, code)["receipt"]
        assert [i["amount"] for i in printed["items"]] == [25_000, 8000] and printed["amount"] == 33_000
        assert fees.report_section(s, NOW.date(), NOW.date())["by_kind"]["le_phi"] == 25_000
        shown = dossier_json(get_dossier(s, code))["fees"]  # the dossier view shows the typed amount
        assert [(f["amount"], f["entered_amount"]) for f in shown] == [(None, 25_000), (8000, None)]

    with seeded.write() as s:  # a cancelled receipt: its fee is priced again at the next payment
        fees.cancel(s, officer, paid["receipt"]["receipt"], reason="Nhập sai mức lệ phí", now=NOW)
        assert fees.due(s, code)["unknown"] == [1]
        again = fees.pay(s, officer, code, amount=28_000, means="cash", amounts={1: 20_000}, now=NOW)
    assert again["items"][0]["gross"] == 20_000
    with seeded.read() as s:  # the cancelled payment's amount no longer shows
        assert dossier_json(get_dossier(s, code))["fees"][0]["entered_amount"] == 20_000


def test_an_exemption_applies_to_the_typed_amount_too(seeded, officer):
    code = receive(seeded, officer)
    with seeded.write() as s:
        _unpriced(s, position=2)
        fees.set_exemption(s, DIRECTOR, "HN", name="Hộ nghèo", percent=50, legal_basis="TT 281/2016/TT-BTC")
        owed = fees.due(s, code, exemption="HN", amounts={2: 30_001})
        assert (owed["gross"], owed["reduction"], owed["amount"]) == (30_001, 15_000, 15_001)
        paid = fees.pay(s, officer, code, amount=15_001, means="cash", exemption="HN", amounts={2: 30_001}, now=NOW)
    assert sum(i["net"] for i in paid["items"]) == 15_001


def test_changing_an_exemption_leaves_old_payments_and_an_unused_one_is_listed_but_not_offered(seeded, officer):
    code = receive(seeded, officer)
    with seeded.write() as s:
        fees.set_exemption(s, DIRECTOR, "HN", name="Hộ nghèo", percent=50, legal_basis="TT 281/2016/TT-BTC")
        fees.pay(s, officer, code, amount=4000, means="cash", exemption="HN", now=NOW)
        changed = fees.set_exemption(s, Actor("kythuat", "technician"), "hn", name="Hộ nghèo, cận nghèo",
                                     fixed_amount=5000, legal_basis="NQ 12/2026/NQ-HĐND", active=False)
        assert (changed["code"], changed["percent"], changed["fixed_amount"], changed["active"]) == ("HN", None, 5000, False)
        assert fees.exemptions(s) == [] and [e["code"] for e in fees.exemptions(s, active_only=False)] == ["HN"]
        with pytest.raises(NotFoundError):
            fees.due(s, code, exemption="HN")
        old = fees.payments_of(s, code)[0]
    assert (old["exemption_name"], old["legal_basis"], old["reduction"]) == ("Hộ nghèo", "TT 281/2016/TT-BTC", 4000)
