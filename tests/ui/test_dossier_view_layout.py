"""The dossier view's paper and fee tables wrap their long names to the column's width and size their rows
to them; that must never feed back on itself (rows taller → a scroll bar → a narrower column → rows shorter
→ no scroll bar → a wider column → …), which froze the window for good at some widths."""

from __future__ import annotations

from tests.ui.test_counter import receive_directly
from tests.ui.test_screens import settle


def test_no_width_makes_the_tables_resize_for_ever(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive_directly(seeded_store, documents=("TP1", "TP2", "TP3"))
    window.open_dossier(code)
    view = window.dossier_view
    qtbot.waitUntil(lambda: view.code == code, timeout=5000)
    tables = (view.documents_view, view.fees_view)
    resized = []
    for table in tables:
        table.horizontalHeader().sectionResized.connect(lambda *args: resized.append(args))
    worst = (0, None)
    for width in range(900, 1500, 2):
        for height in (600, 640, 700, 768):
            window.resize(width, height)
            settle()
            resized.clear()
            settle(60)  # once settled, nothing more resizes on its own
            worst = max(worst, (len(resized), (width, height)), key=lambda w: w[0])
    assert worst[0] == 0, f"the tables kept resizing at {worst[1]}: {worst[0]} resizes in 60 ms"
