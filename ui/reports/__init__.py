"""The director's window (``motcua reports``): a period, the Decision 766 indicators with their formulas,
the officer / department / procedure / service tables, QtCharts charts, and XLSX / PDF export.

Texts are in their own catalog, ``resources/i18n/motcua_reports_vi.ts`` (built to ``motcua_reports_vi.qm``),
installed by :func:`install_reports_translator` when the station starts. GUI thread only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from app.resources import resource

log = logging.getLogger(__name__)

REPORTS_CATALOG = "motcua_reports"


def install_reports_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install ``motcua_reports_<language>.qm`` on ``app``. English (the source language) installs nothing."""
    if not language or language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(f"{REPORTS_CATALOG}_{language}", str(resource("i18n"))):
        app.installTranslator(translator)
        return translator
    log.warning("no translation %s_%s.qm in %s", REPORTS_CATALOG, language, resource("i18n"))
    return None


def run_reports(store, settings, *, argv=None) -> int:
    """``motcua reports``: a director signs in (``report.view``), then the window until closed. Returns the
    exit code (0 also when the sign-in was cancelled)."""
    from ui.reports.window import ReportsWindow
    from ui.security import sign_in_at_start
    from ui.station import open_station

    station = open_station("reports", store, settings, argv=argv)  # every catalog, the reports' included
    actor = sign_in_at_start(station.tasks, settings, permission="report.view")
    if actor is None:
        station.shutdown()
        return 0
    window = ReportsWindow(station.tasks, actor)
    window.showMaximized()
    return station.run(window)
