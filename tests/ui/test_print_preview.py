from __future__ import annotations

from printing import render_form
from printing.samples import sample_dossier, sample_template
from ui.print_preview import PrintPreviewDialog


def test_preview_shows_pages_and_asks_to_print(qtbot):
    pdf = render_form("receipt", sample_dossier(), sample_template())
    dialog = PrintPreviewDialog(pdf, title="Giấy tiếp nhận", copies=2)
    qtbot.addWidget(dialog)
    assert dialog.page_count == 2  # two copies: kept and given
    with qtbot.waitSignal(dialog.print_requested) as blocker:
        dialog.print_button.click()
    assert blocker.args == [2]
