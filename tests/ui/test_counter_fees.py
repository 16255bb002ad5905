"""The counter's payment dialog (F9), cancelling a receipt, and the complaints register (Ctrl+K): real window,
real store, inline executor; the receipt goes into the station's print queue."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from app.actors import Actor
from app.services import complaints, dossiers, fees
from app.store.models_print import PrintJob

OTHER_OFFICER = Actor("canbo2", "officer", counter=2)


def receive(store) -> str:
    req = dossiers.parse_intake({
        "procedure_code": "1.004837",
        "applicant": {"full_name": "Trần Thị Bích", "phone": "0905123456"},
        "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
    })
    with store.write() as session:
        return dossiers.receive(session, OTHER_OFFICER, req).code


def test_f9_takes_the_fees_with_an_exemption_and_queues_the_receipt(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive(seeded_store)
    with seeded_store.write() as s:
        fees.set_exemption(s, Actor("admin", "admin"), "HN", name="Hộ nghèo", percent=50, legal_basis="TT 281/2016/TT-BTC")
    assert window.take_payment() is None  # nothing open or saved yet
    dialog = window.take_payment(code=code)
    qtbot.waitUntil(lambda: dialog.amount.text() == "8.000 đ", timeout=3000)
    assert window.pay_action.shortcut().toString() == "F9"
    assert dialog.windowTitle() == f"Phí, lệ phí của hồ sơ {code}"
    dialog.exemption.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.amount.text() == "4.000 đ", timeout=3000)
    assert "TT 281/2016/TT-BTC" in dialog.basis.text()
    dialog.means.setCurrentIndex(dialog.means.findData("transfer"))
    dialog.ok_button.click()  # no reference: refused, shown in the dialog
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=3000)
    assert "mã giao dịch" in dialog.error.text()
    assert dialog.ok_button.isEnabled()
    dialog.reference.setText("FT123")
    dialog.ok_button.click()
    with seeded_store.read() as s:
        paid = fees.payments_of(s, code)
        assert [(p["amount"], p["means"], p["exemption"], p["counter"]) for p in paid] == [(4000, "transfer", "HN", 3)]
        qtbot.waitUntil(lambda: s.scalar(select(PrintJob.kind).where(PrintJob.dossier_code == code)) is not None, timeout=5000)
        assert s.scalar(select(PrintJob.kind).where(PrintJob.dossier_code == code)) == "form:fee_receipt"

    cancel = window.cancel_receipt()
    cancel.receipt.setText(paid[0]["receipt"]["receipt"])
    cancel.reason.setPlainText("Áp sai đối tượng miễn giảm")
    cancel.submit()
    with seeded_store.read() as s:
        assert fees.payments_of(s, code)[0]["state"] == "void"
    assert "Đã hủy biên lai" in window.statusBar().currentMessage()


def test_ctrl_k_opens_the_register_enter_answer_inform(qtbot, counter_window, seeded_store):
    window = counter_window
    with seeded_store.write() as s:
        complaints.add(s, OTHER_OFFICER, {"contact_name": "Lê Văn Cường", "content": "Chưa được trả lời"},
                       now=datetime.now(timezone.utc) - timedelta(days=40))
    window.board.refresh(user=True)
    qtbot.waitUntil(lambda: window.board.tiles["complaints_overdue"].number.text() == "1", timeout=3000)
    assert window.complaints_action.shortcut().toString() == "Ctrl+K"
    register = window.show_complaints()
    qtbot.waitUntil(lambda: len(register.model.rows) == 1, timeout=3000)
    assert register.model.rows[0]["overdue"] is True
    entry = register.new_entry()
    entry.name.setText("Phạm Thị Hoa")
    entry.content.setPlainText("Quầy 2 vắng cán bộ lúc 10 giờ")
    entry.channel.setCurrentIndex(entry.channel.findData("hotline"))
    entry.accept()
    qtbot.waitUntil(lambda: len(register.model.rows) == 2, timeout=3000)
    newest = register.model.rows[0]
    assert (newest["contact_name"], newest["channel"], newest["state"]) == ("Phạm Thị Hoa", "hotline", "open")
    register.view.selectRow(0)
    register.answer_selected(text="Đã bố trí cán bộ thay thế")
    qtbot.waitUntil(lambda: register.model.rows[0]["state"] == "answered", timeout=3000)
    register.view.selectRow(0)
    register.inform_selected(via="phone")
    qtbot.waitUntil(lambda: register.model.rows[0]["state"] == "closed", timeout=3000)
    register.filter.setCurrentIndex(register.filter.findData("overdue"))
    qtbot.waitUntil(lambda: [r["contact_name"] for r in register.model.rows] == ["Lê Văn Cường"], timeout=3000)


def test_a_finished_dossier_with_unpaid_fees_is_announced_and_f9_takes_them_at_return(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive(seeded_store)
    with seeded_store.write() as s:
        for action in ("transfer", "finish"):
            dossiers.act(s, OTHER_OFFICER, code, action, dossiers.ActionInput())
    window.open_dossier(code)
    qtbot.waitUntil(lambda: "F9" in window.statusBar().currentMessage(), timeout=3000)
    assert "8.000 đ" in window.statusBar().currentMessage()
    window.tabs.setCurrentIndex(1)
    assert window.current_code() == code
    dialog = window.take_payment()
    qtbot.waitUntil(lambda: dialog.amount.text() == "8.000 đ", timeout=3000)
    assert dialog.owed["stage"] == "return"
    dialog.ok_button.click()
    with seeded_store.read() as s:
        assert [(p["stage"], p["means"]) for p in fees.payments_of(s, code)] == [("return", "cash")]


def test_a_fee_set_by_the_regulation_is_typed_with_thousands_separators_and_taken(qtbot, counter_window, seeded_store):
    """The copy fee has no amount in the catalog here: the officer types it; Enter shows the total, the
    next Enter takes it."""
    from PySide6.QtCore import Qt

    from app.store.models import DossierFee

    window = counter_window
    code = receive(seeded_store)
    with seeded_store.write() as s:
        s.execute(DossierFee.__table__.update().where(DossierFee.position == 2).values(amount=None))
    window._fees_due_after_intake({"code": code})  # what the officer reads after saving the dossier
    assert "nhấn F9 để nhập số tiền và thu" in window.statusBar().currentMessage()
    dialog = window.take_payment(code=code)
    qtbot.waitUntil(lambda: 2 in dialog.prices, timeout=3000)
    edit = dialog.prices[2]
    assert dialog.error.text() == "Hãy nhập số tiền của từng khoản thu theo quy định."
    assert dialog.amount.text() == "–" and not dialog.ok_button.isEnabled() and list(dialog.prices) == [2]
    dialog.activateWindow()
    qtbot.waitUntil(lambda: edit.hasFocus(), timeout=3000)
    qtbot.keyClicks(edit, "0")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.error.text() == "Hãy nhập số tiền là số đồng nguyên lớn hơn 0, ví dụ: 50.000."
    edit.clear()
    qtbot.keyClicks(edit, "30000")
    assert not dialog.ok_button.isEnabled()  # the total is read again first
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.amount.text() == "30.000 đ", timeout=3000)
    assert edit.text() == "30.000" and dialog.ok_button.isEnabled()
    assert [dialog.items_model.index(r, 2).data() for r in range(2)] == ["0 đ", "30.000 đ"]
    with seeded_store.read() as s:
        assert fees.payments_of(s, code) == []  # the first Enter only showed the total
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    with seeded_store.read() as s:
        qtbot.waitUntil(lambda: len(fees.payments_of(s, code)) == 1, timeout=3000)
        paid = fees.payments_of(s, code)[0]
    assert paid["amount"] == 30_000 and [i["gross"] for i in paid["items"]] == [0, 30_000]
    assert paid["receipt"]["state"] == "issued"
