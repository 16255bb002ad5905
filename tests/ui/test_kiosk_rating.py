"""The kiosk's rating page: the citizen types (or scans) the ticket's number and touches one big level
button; the rating is stored with the ticket, dossier, officer and counter; a second rating of the same visit,
an unserved ticket and a number not given today are refused in plain Vietnamese; 5 levels when set."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.actors import Actor
from app.services import center, queue
from app.store.models_devices import Rating
from app.workcal import to_local
from devices.printer import SimulatedPrinter
from tests.ui.test_kiosk import button, make_kiosk, settings, tap, vietnamese  # noqa: F401 - fixtures

KIOSK = Actor("kiosk", "kiosk")
OFFICER = Actor("canbo1", "officer", counter=1)


def serve(store, *, finish: bool = True) -> str:
    """A001 issued, called at counter 1 for a dossier, done; A002 issued and still waiting."""
    with store.write() as s:
        number = queue.issue(s, KIOSK, "A").number
        queue.issue(s, KIOSK, "A")
        queue.call_next(s, OFFICER, 1)
        queue.link_dossier(s, OFFICER, 1, "000.17.22.H56-261202-0001")
        if finish:
            queue.done(s, OFFICER, 1)
    return number


def ratings(store) -> list[tuple]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(select(Rating.ticket_number, Rating.score, Rating.scale, Rating.counter,
                                                   Rating.officer, Rating.dossier_code, Rating.source))]


def test_a_citizen_rates_the_visit_once_with_big_buttons(qtbot, seeded_store, settings, vietnamese):  # noqa: F811
    number = serve(seeded_store)
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    tap(qtbot, button(kiosk, "Đánh giá sự hài lòng"))
    page = kiosk.rating
    assert kiosk.stack.currentIndex() == kiosk.PAGE_RATING
    for key in ("A", "1"):  # "A1" on the touch keypad: the kiosk reads A001
        tap(qtbot, page.keypad.keys[key])
    tap(qtbot, button(kiosk, "Tiếp tục"))
    assert [b.text() for b in page.level_buttons.values()] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    assert page.visit_label.text() == f"Số thứ tự {number} · quầy 1"
    assert min(b.height() for b in page.level_buttons.values()) >= 100  # a finger, not a mouse pointer
    tap(qtbot, page.level_buttons[3])
    assert page.thanks.text() == "Xin cảm ơn ông/bà! Ông/bà đã đánh giá: Rất hài lòng"
    assert ratings(seeded_store) == [(number, 3, 3, 1, "canbo1", "000.17.22.H56-261202-0001", "kiosk")]
    tap(qtbot, button(kiosk, "Xong"))
    assert kiosk.stack.currentIndex() == kiosk.PAGE_SERVICES

    # The same visit again, its QR code scanned this time (number|day, then Enter): refused, nothing stored.
    kiosk.show_rating()
    day = to_local(datetime.now(timezone.utc)).date().isoformat()
    qtbot.keyClicks(page.ticket_field, f"{number}|{day}")
    qtbot.keyClick(page.ticket_field, Qt.Key.Key_Return)
    assert page.steps.currentIndex() == 0
    assert page.message.text() == f"Số thứ tự {number} đã được đánh giá: mỗi lượt phục vụ chỉ đánh giá một lần. Xin cảm ơn"
    assert len(ratings(seeded_store)) == 1


def test_unserved_unknown_and_garbled_tickets_are_refused(qtbot, seeded_store, settings, vietnamese):  # noqa: F811
    serve(seeded_store)
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    kiosk.show_rating()
    page = kiosk.rating
    for typed, said in (("A002", "Số thứ tự A002 chưa được phục vụ. Xin đánh giá sau khi làm xong thủ tục"),
                        ("B777", "Hôm nay không có số thứ tự B777. Xin kiểm tra lại số in trên phiếu"),
                        ("12", "Xin nhập số thứ tự in trên phiếu, ví dụ A012")):
        page.ticket_field.clear()
        qtbot.keyClicks(page.ticket_field, typed)
        qtbot.keyClick(page.ticket_field, Qt.Key.Key_Return)
        assert page.message.text() == said and page.steps.currentIndex() == 0
    assert ratings(seeded_store) == []


def test_five_levels_when_the_center_says_so_and_a_double_touch_stores_one(qtbot, seeded_store, settings, vietnamese):  # noqa: F811
    number = serve(seeded_store, finish=False)  # still at the counter: rated all the same
    with seeded_store.write() as s:
        center.set_value(s, Actor("admin", "admin"), "ratings.scale", 5)
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    kiosk.show_rating()
    page = kiosk.rating
    qtbot.keyClicks(page.ticket_field, number)
    qtbot.keyClick(page.ticket_field, Qt.Key.Key_Return)
    assert [b.text() for b in page.level_buttons.values()] == [
        "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"]
    visit = dict(page.visit)
    tap(qtbot, page.level_buttons[2])
    kiosk.controller.rate(visit, 4)  # a second touch that slipped through: refused by the store
    assert page.steps.currentIndex() == 0 and "đã được đánh giá" in page.message.text()
    assert ratings(seeded_store) == [(number, 2, 5, 1, "canbo1", "000.17.22.H56-261202-0001", "kiosk")]
